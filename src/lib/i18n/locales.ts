/** The two languages of the notebook. `zh` is the source article's language and the default. */
export const locales = ['zh', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh';

/** Each language's name in itself, as the language picker shows it (the same labels as in astro.config.mjs). */
export const localeLabel: Record<Locale, string> = { zh: '简体中文', en: 'English' };

/** BCP-47 tag for `<html lang>` per locale. */
export const htmlLang: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };

/** Narrow any string (a route locale, a path segment) to a Locale, falling back to the default. */
export function toLocale(value: string | undefined | null): Locale {
  return value === 'en' ? 'en' : value === 'zh' ? 'zh' : defaultLocale;
}

/**
 * Pick the reader's language from a list of navigator languages (e.g. `['zh-TW', 'en-US']`):
 * the first one that is Chinese or English wins; anything else gets the default.
 */
export function pickLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return defaultLocale;
}
