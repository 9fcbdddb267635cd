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

export function syntaxMessage(p: SyntaxProblem, locale: Locale): string {
  return classroomT(locale)(`cond.${p.code}`, { at: p.at + 1, near: p.near });
}

export function typeMessage(p: TypeProblem, locale: Locale): string {
  return classroomT(locale)(`cond.${p.code}`, { near: p.near });
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
