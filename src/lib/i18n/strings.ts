import type { Locale } from './locales';

/**
 * UI strings of the notebook's own components, flat dotted keys, English as the schema.
 * `zh` must have exactly the same keys (the type enforces it).
 */
const en = {
  'correction.heading': 'Correction',
  'correction.said': 'The source article says:',
  'correction.truth': 'What is true:',
  'correction.sources': 'Sources:',
  'correction.kind.false': 'false',
  'correction.kind.misleading': 'misleading',
  'correction.kind.imprecise': 'imprecise',
  'correction.kind.incomplete': 'needs numbers',
  'glossary.term': 'Term',
  'glossary.zh': 'Chinese',
  'glossary.en': 'English',
  'glossary.definition': 'Definition',
  'references.arxiv': 'arXiv',
  'references.doi': 'DOI',
  'references.link': 'link',
  'references.citedIn': 'Cited in',
  'figure.label': 'Figure',
  'lang.switch': 'Language',
} as const;

export type StringKey = keyof typeof en;

const zh: Record<StringKey, string> = {
  'correction.heading': '更正',
  'correction.said': '原文说法：',
  'correction.truth': '实际情况：',
  'correction.sources': '出处：',
  'correction.kind.false': '错误',
  'correction.kind.misleading': '误导',
  'correction.kind.imprecise': '不精确',
  'correction.kind.incomplete': '需补充数据',
  'glossary.term': '术语',
  'glossary.zh': '中文',
  'glossary.en': '英文',
  'glossary.definition': '释义',
  'references.arxiv': 'arXiv',
  'references.doi': 'DOI',
  'references.link': '链接',
  'references.citedIn': '引用于',
  'figure.label': '图',
  'lang.switch': '语言',
};

export const strings: Record<Locale, Record<StringKey, string>> = { en, zh };

/** A translator bound to one locale: `t('correction.heading')`. */
export function useStrings(locale: Locale) {
  return (key: StringKey): string => strings[locale][key];
}
