/**
 * The notebook's one translator. UI strings are plain templates with `{name}` placeholders, one
 * table per language; `fill` puts values in, and `translator` binds a table to a locale.
 */
import type { Locale } from './locales';

export type TemplateValues = Record<string, string | number>;

/**
 * `fill('约剩 {s} 秒', { s: 3 })` → `'约剩 3 秒'`. A placeholder with no value stays as it is
 * (`{s}`), so a missing value shows up in review instead of as "undefined".
 */
export function fill(template: string, values: TemplateValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

/** `translator(strings, 'zh')('eta', { s: 3 })`: the string of `key` in that language, filled. */
export function translator<K extends string>(strings: Record<Locale, Record<K, string>>, locale: Locale): (key: K, values?: TemplateValues) => string {
  const table = strings[locale];
  return (key, values) => fill(table[key], values);
}
