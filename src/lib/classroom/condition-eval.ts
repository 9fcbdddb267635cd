/**
 * Evaluates a (type-checked) condition over a widget's state and its metrics tables.
 *
 * Three-valued logic: a comparison involving missing data (no matching rows, an empty cell, a word
 * where a number is needed, division by zero) is *unknown* (`null`); `and` is false if any item is
 * false, else unknown if any is unknown; `or` dually; `not unknown` is unknown. A task is met only
 * when its condition is `true` — so “no results yet” is never success, and never a crash.
 */
import { printCondition, aggregatesOf, type Expr } from './condition';
import type { Cell, Metrics } from './metrics';

export type Value = number | string | boolean | readonly string[] | null;

export interface EvalEnv {
  /** The widget's state (as its runtime holds it). */
  state: Readonly<Record<string, unknown>>;
  metrics: Metrics;
}

function toValue(v: unknown): Value {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return null;
}

function compare(op: string, a: Value, b: Value): boolean | null {
  if (a === null || b === null) return null;
  if (op === 'has') return Array.isArray(a) && typeof b === 'string' ? a.includes(b) : null;
  const bothNum = typeof a === 'number' && typeof b === 'number';
  if (op === '=' || op === '!=') {
    if (typeof a !== typeof b || Array.isArray(a) || Array.isArray(b)) return null;
    return (a === b) === (op === '=');
  }
  if (!bothNum) return null;
  const [x, y] = [a as number, b as number];
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

function arith(op: string, a: Value, b: Value): number | null {
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  const r = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : b === 0 ? NaN : a / b;
  return Number.isFinite(r) ? r : null;
}

function evalIn(e: Expr, env: EvalEnv, row: readonly Cell[] | undefined): Value {
  switch (e.k) {
    case 'num':
    case 'str':
    case 'bool':
      return e.v;
    case 'field':
      return toValue(env.state[e.name]);
    case 'col':
      return row?.[e.i] ?? null;
    case 'arith':
      return arith(e.op, evalIn(e.a, env, row), evalIn(e.b, env, row));
    case 'cmp':
      return compare(e.op, evalIn(e.a, env, row), evalIn(e.b, env, row));
    case 'not': {
      const a = evalIn(e.a, env, row);
      return typeof a === 'boolean' ? !a : null;
    }
    case 'and':
    case 'or': {
      const decisive = e.k === 'or';
      let unknown = false;
      for (const item of e.items) {
        const v = evalIn(item, env, row);
        if (v === decisive) return decisive;
        if (typeof v !== 'boolean') unknown = true;
      }
      return unknown ? null : !decisive;
    }
    case 'agg': {
      const table = Object.prototype.hasOwnProperty.call(env.metrics, e.table) ? env.metrics[e.table] : undefined;
      const rows = (table?.rows ?? []).filter((r) => !e.where || evalIn(e.where, env, r) === true);
      if (e.fn === 'count') return rows.length;
      const cells = rows.map((r) => r[e.col ?? 0] ?? null);
      if (e.fn === 'first') return cells[0] ?? null;
      if (e.fn === 'last') return cells.at(-1) ?? null;
      const nums = cells.filter((c): c is number => typeof c === 'number');
      if (nums.length === 0) return null;
      if (e.fn === 'min') return Math.min(...nums);
      if (e.fn === 'max') return Math.max(...nums);
      const sum = nums.reduce((s, n) => s + n, 0);
      return e.fn === 'sum' ? sum : sum / nums.length;
    }
  }
}

/** `true`, `false` or `null` (unknown: not enough data yet). */
export function evaluateCondition(expr: Expr, env: EvalEnv): boolean | null {
  const v = evalIn(expr, env, undefined);
  return typeof v === 'boolean' ? v : null;
}

/** The value of any expression (for showing numbers). */
export function evaluateExpr(expr: Expr, env: EvalEnv): Value {
  return evalIn(expr, env, undefined);
}

/** The numbers a condition reads from the tables, as `[text of the aggregate, value]` pairs. */
export function keyNumbers(expr: Expr, env: EvalEnv): [string, Cell][] {
  const seen = new Set<string>();
  const out: [string, Cell][] = [];
  for (const agg of aggregatesOf(expr)) {
    const text = printCondition(agg);
    if (seen.has(text)) continue;
    seen.add(text);
    const v = evalIn(agg, env, undefined);
    out.push([text, typeof v === 'number' || typeof v === 'string' ? v : null]);
  }
  return out;
}
