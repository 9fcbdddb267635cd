/**
 * The checking box's reading of pasted text, as plain data (the DOM side only draws it): every
 * code found (`find-codes.ts`), read or rejected with the reason, duplicates flagged, each with
 * the student's name, task, settings and key numbers in the teacher's language, and the link that
 * reopens it; and the class overview as a CSV file for a gradebook.
 *
 * CSV columns (header row in the teacher's language; see the classroom page):
 * student · line · status · problem · task · task id · widget · key numbers · value 1…n ·
 * submitted · backend · link · code. UTF-8 with a byte-order mark (so Excel opens Chinese names),
 * CRLF line ends, fields quoted where needed (RFC 4180); text that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@` first) is prefixed with `'`. Pure; no DOM.
 */
import type { Locale } from '../i18n/locales';
import { urlNotice } from '../i18n/url-notice';
import { parseState } from '../state/codec';
import { widgetById } from '../state/registry';
import { assignmentById } from './catalogue';
import { findCodes, type FoundCode } from './find-codes';
import { chapterLink } from './links';
import { submissionErrorMessage } from './messages';
import { settingName, settingValue } from './setting-labels';
import { decodeSubmission, type Submission, type SubmissionError } from './submission';
import { encodeCustomTask } from './task';
import { classroomT } from '../i18n/classroom';

export interface CheckedCode {
  found: FoundCode;
  status: 'read' | 'duplicate' | 'rejected';
  /** The student's name: the one in the code, else the one written beside it ('' if none). */
  name: string;
  /** For `duplicate`: the line where the same code first appears. */
  duplicateOf?: number;
  /** For `rejected`: why, as a code and in the teacher's language. */
  error?: SubmissionError | 'widget';
  problem?: string;
  submission?: Submission;
  /** The assignment's title (or “Teacher's own task”), and the prompt. */
  taskTitle: string;
  taskPrompt: string;
  taskId: string;
  /** Settings as [key, name, value], names and values in the teacher's language. */
  settings: [string, string, string][];
  /** What the link corrected on reading (an old or edited code), '' if nothing. */
  corrected: string;
  /** Key numbers as [label, value]. */
  numbers: [string, number | string | null][];
  /** The chapter link that reopens the state and re-runs it (`origin` prepended by the caller). */
  link: string;
}

const colon = (locale: Locale) => (locale === 'zh' ? '：' : ': ');

/** Reads every code in `text`. `origin` is put in front of the reopen links. */
export function checkCodes(text: string, locale: Locale, origin = ''): CheckedCode[] {
  const t = classroomT(locale);
  const firstLine = new Map<string, number>();
  return findCodes(text).map((found): CheckedCode => {
    const empty = { found, name: found.name, taskTitle: '', taskPrompt: '', taskId: '', settings: [], corrected: '', numbers: [], link: '' };
    const decoded = decodeSubmission(found.code);
    if (!decoded.ok) return { ...empty, status: 'rejected', error: decoded.error, problem: submissionErrorMessage(decoded.error, locale) };
    const s = decoded.submission;
    const entry = widgetById(s.widget);
    const name = s.name || found.name;
    if (!entry) return { ...empty, name, status: 'rejected', error: 'widget', problem: submissionErrorMessage('widget', locale, s.widget) };

    const assignment = 'id' in s.task ? assignmentById(s.task.id) : undefined;
    const taskTitle = 'id' in s.task ? (assignment?.title[locale] ?? s.task.id) : t('teacher.customTask');
    const taskPrompt = 'id' in s.task ? (assignment?.prompt[locale] ?? '') : s.task.prompt[locale];

    // The state, read back through the codec exactly as a link would be.
    const params = new URLSearchParams(s.state);
    params.set('w', s.widget);
    params.set('v', String(s.version));
    const parsed = parseState(entry.schema, params);
    const state = parsed.state as Record<string, unknown>;
    const label = (k: string) => settingName(s.widget, k, locale);
    const settings = Object.keys(entry.schema.fields).map((k): [string, string, string] => [k, label(k), settingValue(s.widget, k, state[k], locale)]);
    const numbers = s.metrics.map(([what, value], i): [string, number | string | null] => [what || assignment?.report?.[i]?.label[locale] || `#${i + 1}`, value]);
    const task = 'id' in s.task ? s.task.id : encodeCustomTask(s.task);
    const link = chapterLink({ widget: s.widget, state, run: true, task }, locale, origin);

    const first = firstLine.get(found.code);
    if (first === undefined) firstLine.set(found.code, found.line);
    return {
      found,
      status: first === undefined ? 'read' : 'duplicate',
      duplicateOf: first,
      name,
      submission: s,
      taskTitle,
      taskPrompt,
      taskId: 'id' in s.task ? s.task.id : 'custom',
      settings,
      corrected: parsed.corrections.length ? urlNotice(parsed.corrections, locale, label) : '',
      numbers,
      link,
    };
  });
}

/** “3 read, 1 rejected, 1 duplicate” (the summary under the box). */
export function checkSummary(checked: readonly CheckedCode[], locale: Locale): string {
  const t = classroomT(locale);
  if (!checked.length) return t('teacher.none');
  const n = (s: CheckedCode['status']) => checked.filter((c) => c.status === s).length;
  return t('teacher.summaryFull', { found: checked.length, ok: n('read'), bad: n('rejected'), dup: n('duplicate') });
}

/** A value as a CSV cell: numbers as plain decimals, text guarded against spreadsheet formulas. */
function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text: UTF-8 byte-order mark, CRLF line ends. */
export function csvText(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Submission time as `2026-03-01 10:02` in the teacher's time zone (spreadsheets read it as a date). */
function localTime(at: number): string {
  const d = new Date(at * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The overview as CSV (see the columns above). `titles`: widget id → its title in the teacher's language. */
export function overviewCsv(checked: readonly CheckedCode[], locale: Locale, titles: Readonly<Record<string, string>> = {}): string {
  const t = classroomT(locale);
  const width = Math.max(0, ...checked.map((c) => c.numbers.length));
  const header = [
    t('csv.student'),
    t('csv.line'),
    t('csv.status'),
    t('csv.problem'),
    t('csv.task'),
    t('csv.taskId'),
    t('csv.widget'),
    t('csv.numbers'),
    ...Array.from({ length: width }, (_, i) => t('csv.value', { n: i + 1 })),
    t('csv.submitted'),
    t('csv.backend'),
    t('csv.link'),
    t('csv.code'),
  ];
  const rows = checked.map((c) => {
    const s = c.submission;
    const problem = c.status === 'duplicate' ? t('teacher.duplicateOf', { line: c.duplicateOf ?? 0 }) : (c.problem ?? '');
    return [
      c.name,
      c.found.line,
      t(`teacher.status.${c.status}`),
      problem,
      c.taskTitle,
      c.taskId,
      s ? (titles[s.widget] ?? s.widget) : '',
      c.numbers.map(([k, v]) => `${k}${colon(locale)}${v ?? '—'}`).join(locale === 'zh' ? '；' : '; '),
      ...Array.from({ length: width }, (_, i) => c.numbers[i]?.[1] ?? null),
      s ? localTime(s.at) : '',
      s?.backend ?? '',
      c.link,
      c.found.code,
    ];
  });
  return csvText([header, ...rows]);
}
