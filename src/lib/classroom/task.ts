/**
 * A classroom task: a short prompt in both languages and a success condition over the widget's
 * state and metrics. A link carries one as `task=<catalogue-id>` (a ready assignment from
 * `catalogue.ts`) or `task=~<base64url JSON>` (one written by a teacher in the link builder:
 * `{"p":{"zh":…,"en":…},"c":"<condition>"}`). Pure; never throws.
 */
import type { WidgetSchema } from '../state/schema';
import { checkCondition, type TypeProblem } from './condition-check';
import { parseCondition, type Expr, type SyntaxProblem } from './condition';
import { evaluateExpr, keyNumbers, type EvalEnv } from './condition-eval';
import type { Cell } from './metrics';
import { fromBase64url, toBase64url, utf8 } from './encoding';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface Task {
  /** Catalogue id; absent for a teacher's own task. */
  id?: string;
  prompt: Bilingual;
  /** The condition's text form (see `condition.ts`). */
  check: string;
  /**
   * The key numbers a submission code carries, labelled for the teacher (catalogue tasks). Without
   * it, the code carries the values of the aggregates the condition reads.
   */
  report?: { label: Bilingual; expr: string }[];
  /** Keep the condition out of the task panel (when the condition would give the answer away). */
  hideCheck?: boolean;
}

/** A task ready to be checked: its condition parsed and type-checked against the widget. */
export interface LoadedTask extends Task {
  expr: Expr;
}

export type TaskProblem =
  | { code: 'unknown-id'; raw: string }
  | { code: 'wrong-widget'; raw: string; widget: string }
  | { code: 'corrupt'; raw: string }
  | { code: 'syntax'; raw: string; problem: SyntaxProblem }
  | { code: 'types'; raw: string; problems: TypeProblem[] };

export const maxPromptLength = 400;
export const catalogueIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
const badText = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** A catalogue lookup: id → its widget and task (kept as a parameter so this module does not pull in the catalogue). */
export type CatalogueLookup = (id: string) => { widget: string; task: Task } | undefined;

/** Compiles a task for one widget: parse and type-check its condition. */
export function loadTask(task: Task, schema: WidgetSchema, raw = task.id ?? ''): { task: LoadedTask } | { problem: TaskProblem } {
  const parsed = parseCondition(task.check);
  if (!parsed.ok) return { problem: { code: 'syntax', raw, problem: parsed.problem } };
  const problems = checkCondition(parsed.expr, schema);
  if (problems.length) return { problem: { code: 'types', raw, problems } };
  return { task: { ...task, expr: parsed.expr } };
}

/** The `task=` value of a teacher's own task. */
export function encodeCustomTask(task: Pick<Task, 'prompt' | 'check'>): string {
  return '~' + toBase64url(utf8.encode(JSON.stringify({ p: { zh: task.prompt.zh, en: task.prompt.en }, c: task.check })));
}

/** Reads a teacher's own task from its `task=` value (`~…`), or `undefined` if it is damaged. */
export function decodeCustomTask(raw: string): Task | undefined {
  if (!raw.startsWith('~')) return undefined;
  const bytes = fromBase64url(raw.slice(1));
  if (!bytes) return undefined;
  try {
    const data = JSON.parse(utf8.decode(bytes)) as unknown;
    if (typeof data !== 'object' || data === null) return undefined;
    const { p, c } = data as { p?: unknown; c?: unknown };
    if (typeof c !== 'string' || typeof p !== 'object' || p === null) return undefined;
    const { zh, en } = p as { zh?: unknown; en?: unknown };
    if (typeof zh !== 'string' || typeof en !== 'string') return undefined;
    const prompt = { zh: zh.trim() || en.trim(), en: en.trim() || zh.trim() };
    if (!prompt.zh || [prompt.zh, prompt.en].some((s) => s.length > maxPromptLength || badText.test(s))) return undefined;
    return { prompt, check: c };
  } catch {
    return undefined;
  }
}

/**
 * Reads a link's `task=` value for one widget. Returns the task ready to check, or what is wrong
 * with it (for the widget's notice).
 */
export function parseTaskParam(raw: string, schema: WidgetSchema, lookup: CatalogueLookup): { task: LoadedTask } | { problem: TaskProblem } {
  const text = raw.trim();
  if (text.startsWith('~')) {
    const task = decodeCustomTask(text);
    if (!task) return { problem: { code: 'corrupt', raw: text } };
    return loadTask(task, schema, text);
  }
  if (!catalogueIdPattern.test(text)) return { problem: { code: 'unknown-id', raw: text } };
  const entry = lookup(text);
  if (!entry) return { problem: { code: 'unknown-id', raw: text } };
  if (entry.widget !== schema.id) return { problem: { code: 'wrong-widget', raw: text, widget: entry.widget } };
  return loadTask({ ...entry.task, id: text }, schema, text);
}

/**
 * The key numbers of a task in a given state and metrics, as `[what, value]`. For a task with
 * `report` expressions (catalogue tasks) `what` is '' — the label is the task's `report[i].label`,
 * looked up by position, which keeps submission codes short; otherwise `what` is the text of each
 * aggregate the condition reads.
 */
export function taskNumbers(task: LoadedTask, env: EvalEnv): [string, Cell][] {
  if (!task.report?.length) return keyNumbers(task.expr, env);
  return task.report.map((r): [string, Cell] => {
    const parsed = parseCondition(r.expr);
    const v = parsed.ok ? evaluateExpr(parsed.expr, env) : null;
    return ['', typeof v === 'number' || typeof v === 'string' ? v : null];
  });
}
