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
  'widget.copyLink': 'Copy link',
  'widget.copied': 'Link copied to the clipboard.',
  'widget.copyFailed': 'Copy the link from the box below.',
  'widget.reset': 'Reset',
  'widget.exportCsv': 'CSV',
  'widget.exportSvg': 'SVG',
  'widget.exportPng': 'PNG',
  'widget.export': 'Export',
  'widget.linkLabel': 'Link to this widget in its current state',
  'widget.status.idle': 'Ready',
  'widget.status.loading': 'Loading…',
  'widget.status.running': 'Training…',
  'widget.status.done': 'Done',
  'widget.status.error': 'Error',
  'widget.backend': 'Backend',
  'widget.train': 'Train',
  'widget.pause': 'Pause',
  'widget.resume': 'Resume',
  'widget.stop': 'Stop',
  'widget.restart': 'Restart worker',
  'widget.progress': 'Progress',
  'widget.eta': 'about {s} s left',
  'widget.showTable': 'Show the numbers',
  'widget.locked': 'Set by your teacher',
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
  'widget.copyLink': '复制链接',
  'widget.copied': '链接已复制到剪贴板。',
  'widget.copyFailed': '请从下面的文本框复制链接。',
  'widget.reset': '重置',
  'widget.exportCsv': 'CSV',
  'widget.exportSvg': 'SVG',
  'widget.exportPng': 'PNG',
  'widget.export': '导出',
  'widget.linkLabel': '指向本组件当前状态的链接',
  'widget.status.idle': '就绪',
  'widget.status.loading': '加载中…',
  'widget.status.running': '训练中…',
  'widget.status.done': '完成',
  'widget.status.error': '出错',
  'widget.backend': '计算后端',
  'widget.train': '训练',
  'widget.pause': '暂停',
  'widget.resume': '继续',
  'widget.stop': '停止',
  'widget.restart': '重启后台线程',
  'widget.progress': '进度',
  'widget.eta': '约剩 {s} 秒',
  'widget.showTable': '查看数据表',
  'widget.locked': '由老师设定',
};

export const strings: Record<Locale, Record<StringKey, string>> = { en, zh };

/** A translator bound to one locale: `t('correction.heading')`. */
export function useStrings(locale: Locale) {
  return (key: StringKey): string => strings[locale][key];
}
