import { toLocale, type Locale } from '../lib/i18n/locales';

/**
 * The locale of the page being rendered: Starlight's route data (`zh` | `en`) on chapter pages, or
 * `locals.nbLocale` on the notebook's own pages outside Starlight (the embed route sets it before
 * rendering a widget).
 */
export function pageLocale(locals: App.Locals | undefined): Locale {
  const l = locals as { starlightRoute?: { locale?: string }; nbLocale?: string } | undefined;
  if (l?.nbLocale) return toLocale(l.nbLocale);
  return toLocale(l?.starlightRoute?.locale);
}
