/**
 * What went wrong, in the reader's language: condition syntax and type problems, damaged tasks in
 * a link, rejected submission codes.
 */
import { classroomT } from '../i18n/classroom';
import type { Locale } from '../i18n/locales';
import type { TypeProblem } from './condition-check';
import type { SyntaxProblem } from './condition';
import type { SubmissionError } from './submission';
import type { TaskProblem } from './task';
import { listNames, settingName, valueName } from './setting-labels';

export function syntaxMessage(p: SyntaxProblem, locale: Locale): string {
  return classroomT(locale)(`cond.${p.code}`, { at: p.at + 1, near: p.near });
}

/** A number as a teacher would write it in a condition (`∞` never reaches a message: see below). */
const num = (v: number) => String(v);

/** `2, 4, 6, …, 64` for long lists of allowed values. */
function allowedText(values: readonly number[], locale: Locale): string {
  const shown = values.length > 8 ? [...values.slice(0, 3).map(num), '…', num(values.at(-1)!)] : values.map(num);
  return listNames(shown, locale);
}

/** `"plain"、"residual"` — machine words as a condition writes them, with their names where they differ. */
function wordsText(widget: string | undefined, key: string | undefined, values: readonly string[], locale: Locale): string {
  return listNames(
    values.map((v) => {
      const name = widget && key ? valueName(widget, key, v, locale) : v;
      return name === v ? JSON.stringify(v) : locale === 'zh' ? `${JSON.stringify(v)}（${name}）` : `${JSON.stringify(v)} (${name})`;
    }),
    locale,
  );
}

export function typeMessage(p: TypeProblem, locale: Locale): string {
  const t = classroomT(locale);
  const info = p.info ?? {};
  const column = () => t('cond.what.column', { table: info.table ?? '', col: info.col ?? 0 });
  switch (p.code) {
    case 'unknown-value':
      if (!info.key || !info.values) break;
      return t('cond.unknown-value.of', {
        setting: t('cond.what.setting', { label: p.widget ? settingName(p.widget, info.key, locale) : info.key, key: info.key }),
        values: wordsText(p.widget, info.key, info.values, locale),
        value: info.value ?? '',
      });
    case 'unknown-table':
      return t('cond.unknown-table', { near: p.near, tables: listNames(info.tables ?? [], locale) });
    case 'no-column':
      return t('cond.no-column', { table: info.table ?? '', count: info.count ?? 0, last: (info.count ?? 1) - 1, col: info.col ?? 0 });
    case 'text-column':
      return t('cond.text-column', { near: p.near, column: column() });
    case 'cell-value':
      return info.values
        ? t('cond.cell-value', { near: p.near, column: column(), values: wordsText(undefined, undefined, info.values, locale) })
        : t('cond.cell-value.numbers', { near: p.near, column: column(), value: info.value ?? '' });
    case 'never': {
      const b = info.bound;
      if (!b) break;
      const what =
        b.field !== undefined
          ? t('cond.what.setting', { label: p.widget ? settingName(p.widget, b.field, locale) : b.field, key: b.field })
          : b.table !== undefined
            ? t('cond.what.column', { table: b.table, col: b.col ?? 0 })
            : t('cond.bound.value');
      const bound =
        b.reason === 'allowed' && b.allowed
          ? t('cond.bound.allowed', { what, values: allowedText(b.allowed, locale) })
          : b.reason === 'int'
            ? t('cond.bound.int', { what })
            : Number.isFinite(b.lo) && Number.isFinite(b.hi)
              ? t('cond.bound.range', { what, lo: num(b.lo), hi: num(b.hi) })
              : Number.isFinite(b.lo)
                ? t('cond.bound.min', { what, lo: num(b.lo) })
                : t('cond.bound.max', { what, hi: num(b.hi) });
      return t('cond.never', { near: p.near, bound });
    }
    default:
      break;
  }
  return t(`cond.${p.code}`, { near: p.near });
}

/** One clause for the widget's URL notice. */
export function taskProblemMessage(p: TaskProblem, locale: Locale): string {
  const t = classroomT(locale);
  const raw = p.raw.length > 40 ? `${p.raw.slice(0, 39)}…` : p.raw;
  const sep = locale === 'zh' ? '；' : '; ';
  switch (p.code) {
    case 'unknown-id':
    case 'corrupt':
      return t(`task.problem.${p.code}`, { raw });
    case 'wrong-widget':
      return t('task.problem.wrong-widget', { raw, widget: p.widget });
    case 'syntax':
      return t('task.problem.syntax', { detail: syntaxMessage(p.problem, locale) });
    case 'types':
      return t('task.problem.types', { detail: p.problems.map((q) => typeMessage(q, locale)).join(sep) });
  }
}

export function submissionErrorMessage(error: SubmissionError | 'widget', locale: Locale, widget = ''): string {
  return classroomT(locale)(`code.${error}`, { widget });
}
