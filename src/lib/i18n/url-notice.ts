import type { UrlCorrection } from '../state/codec';
import type { Locale } from './locales';

/**
 * The sentence a widget shows when it had to correct its link, in the reader's language:
 * one clause per correction, e.g. “depth=1000 was out of range; 64 is used instead.”
 * `label(key)` gives the control's visible name for a setting key; `extra` are further clauses
 * already in the reader's language (e.g. about a damaged classroom task).
 */
export function urlNotice(corrections: readonly UrlCorrection[], locale: Locale, label: (key: string) => string, extra: readonly string[] = []): string {
  if (corrections.length === 0 && extra.length === 0) return '';
  const clauses = [...corrections.map((c) => clause(c, locale, label(c.key))), ...extra];
  const head = locale === 'zh' ? '链接中的部分设置已更正：' : 'Some settings in the link were corrected: ';
  return head + clauses.join(locale === 'zh' ? '；' : '; ') + (locale === 'zh' ? '。' : '.');
}

/**
 * Joins Chinese text the way it is typeset: a space between Chinese and Latin letters or digits
 * (“Depth 的值”, “已改为 64”), none between Chinese characters or next to full-width punctuation
 * (“训练步数的值“400”超出范围”).
 */
export function zhJoin(...parts: string[]): string {
  const latin = /[A-Za-z0-9%.\-+_]/;
  const han = /[\u3400-\u9fff]/;
  return parts.reduce((out, part) => {
    const a = out.slice(-1);
    const b = part.slice(0, 1);
    const space = out && part && ((latin.test(a) && han.test(b)) || (han.test(a) && latin.test(b)));
    return out + (space ? ' ' : '') + part;
  }, '');
}

function clause(c: UrlCorrection, locale: Locale, name: string): string {
  const raw = `“${c.raw}”`;
  if (locale === 'zh') {
    switch (c.kind) {
      case 'clamped':
        return zhJoin(name, '的值', raw, '超出范围，已改为', c.used);
      case 'dropped':
        return c.used ? zhJoin(name, '的值', raw, '无法识别，已使用默认值', c.used) : zhJoin(name, '中的', raw, '无法识别，已忽略');
      case 'unknown':
        return zhJoin('未知参数', c.key, '已忽略');
      case 'repeated':
        return zhJoin(name, '出现了多次，使用最后一个值', c.used);
      case 'version':
        return zhJoin('链接格式版本', raw, '比本页新，按版本', c.used, '解读');
    }
  }
  switch (c.kind) {
    case 'clamped':
      return `${name} ${raw} was out of range; ${c.used} is used instead`;
    case 'dropped':
      return c.used ? `${name} ${raw} was not understood; the default ${c.used} is used` : `${name}: ${raw} was not understood and is ignored`;
    case 'unknown':
      return `the unknown parameter ${c.key} is ignored`;
    case 'repeated':
      return `${name} was given more than once; the last value, ${c.used}, is used`;
    case 'version':
      return `the link format version ${raw} is newer than this page; it is read as version ${c.used}`;
  }
}
