/**
 * Widget id → its title in each language, read from the widget's UI strings by convention
 * (`src/lib/i18n/widgets/<id>.ts` exports `<camelCaseId>Strings` with a `title` in both languages),
 * so the classroom page and the embed route name any registered widget without a list to keep up.
 * Falls back to the id. Build-time (Astro); pages pass the titles to their scripts as data.
 */
import type { Locale } from '../lib/i18n/locales';

type Strings = Record<Locale, { title?: string }>;
const modules = import.meta.glob<Record<string, unknown>>('../lib/i18n/widgets/*.ts', { eager: true });

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function widgetTitle(id: string, locale: Locale): string {
  const mod = modules[`../lib/i18n/widgets/${id}.ts`];
  const strings = mod?.[`${camel(id)}Strings`] as Strings | undefined;
  return strings?.[locale]?.title ?? id;
}
