import { toLocale, type Locale } from '../lib/i18n/locales';

/** The locale of the page being rendered, read from Starlight's route data (`zh` | `en`). */
export function pageLocale(locals: App.Locals | undefined): Locale {
  const route = (locals as { starlightRoute?: { locale?: string } } | undefined)?.starlightRoute;
  return toLocale(route?.locale);
}
