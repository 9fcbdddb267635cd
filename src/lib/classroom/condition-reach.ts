/**
 * Can a well-typed condition ever hold? Checks it against what the widget can actually show and
 * be set to, so a teacher hears at once about a condition that would leave the student's panel
 * waiting forever:
 *
 * - every table it reads is one of the widget's `table[data-metrics]` (`widget-tables.ts`), and
 *   every column `[i]` exists in that table;
 * - `min`/`max`/`mean`/`sum` read a column of numbers, not one of words; a column of words is not
 *   compared as a number, and a column of fixed words (`plain`, `residual`) is compared only with
 *   one of them;
 * - a comparison can be true for some value in range: `depth > 100` cannot (depth lies in 2…64),
 *   `depth = 33` cannot (depth is even), `last(accuracy[2]) > 1` cannot (accuracy lies in 0…1).
 *   Ranges follow through `+ − ×` (interval arithmetic); `/` and unbounded columns are not judged.
 *
 * Without declared tables (a schema this file does not know) only the settings' ranges are checked.
 * Pure; never throws.
 */
import type { WidgetSchema } from '../state/schema';
import type { Expr } from './condition';
import type { ProblemInfo, TypeProblem } from './condition-check';
import { printCondition } from './condition-print';
import { columnOf, maxColumns, type ColumnSpec, type TableSpec } from './widget-tables';

type Bound = NonNullable<ProblemInfo['bound']>;
/** A closed interval of values an expression can take, and where it comes from (for the message). */
interface Range extends Bound {
  /** True for a literal number (never the side a message describes). */
  literal?: boolean;
}

interface Ctx {
  table?: string;
  spec?: TableSpec;
}

const numericAgg = new Set(['min', 'max', 'mean', 'sum']);

export function checkReach(expr: Expr, schema: WidgetSchema, tables: Readonly<Record<string, TableSpec>> | undefined): TypeProblem[] {
  const problems: TypeProblem[] = [];
  const widget = schema.id;
  const push = (p: Omit<TypeProblem, 'widget'>) => {
    if (!problems.some((q) => q.code === p.code && q.near === p.near)) problems.push({ ...p, widget });
  };
  const field = (name: string) => (Object.prototype.hasOwnProperty.call(schema.fields, name) ? schema.fields[name] : undefined);
  const tableSpec = (name: string) => (tables && Object.prototype.hasOwnProperty.call(tables, name) ? tables[name] : undefined);

  /** The declared column an expression reads directly (`[i]` in a where, `first/last/min…(t[i])`). */
  const columnRead = (e: Expr, ctx: Ctx): { table: string; col: number; spec: ColumnSpec } | undefined => {
    if (e.k === 'col' && ctx.spec && ctx.table) {
      const spec = columnOf(ctx.spec, e.i);
      return spec ? { table: ctx.table, col: e.i, spec } : undefined;
    }
    if (e.k === 'agg' && e.col !== undefined && e.fn !== 'count') {
      const t = tableSpec(e.table);
      const spec = t ? columnOf(t, e.col) : undefined;
      return spec ? { table: e.table, col: e.col, spec } : undefined;
    }
    return undefined;
  };

  const range = (e: Expr, ctx: Ctx): Range | undefined => {
    switch (e.k) {
      case 'num':
        return { lo: e.v, hi: e.v, allowed: [e.v], literal: true };
      case 'field': {
        const s = field(e.name);
        if (!s || (s.kind !== 'int' && s.kind !== 'float')) return undefined;
        return { field: e.name, lo: s.min, hi: s.max, allowed: s.kind === 'int' ? s.allowed : undefined, int: s.kind === 'int' };
      }
      case 'col':
      case 'agg': {
        if (e.k === 'agg' && e.fn === 'count') return { lo: 0, hi: Infinity, int: true };
        const c = columnRead(e, ctx);
        if (!c || c.spec.type !== 'num' || (c.spec.min === undefined && c.spec.max === undefined)) return undefined;
        const lo = c.spec.min ?? -Infinity;
        const hi = c.spec.max ?? Infinity;
        if (e.k === 'agg' && e.fn === 'sum') return lo >= 0 ? { table: c.table, col: c.col, lo: 0, hi: Infinity } : undefined;
        return { table: c.table, col: c.col, lo, hi };
      }
      case 'arith': {
        const [a, b] = [range(e.a, ctx), range(e.b, ctx)];
        if (!a || !b || e.op === '/') return undefined;
        let lo: number;
        let hi: number;
        if (e.op === '+') [lo, hi] = [a.lo + b.lo, a.hi + b.hi];
        else if (e.op === '-') [lo, hi] = [a.lo - b.hi, a.hi - b.lo];
        else {
          const products = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
          if (products.some(Number.isNaN)) return undefined; // 0 × ∞
          [lo, hi] = [Math.min(...products), Math.max(...products)];
        }
        if (Number.isNaN(lo) || Number.isNaN(hi)) return undefined;
        return { lo, hi };
      }
      default:
        return undefined;
    }
  };

  /** Why `a op b` is false for every pair of values in the ranges, or undefined if it can hold. */
  const never = (op: string, a: Range, b: Range): Bound['reason'] | undefined => {
    switch (op) {
      case '<':
        return a.lo >= b.hi ? 'range' : undefined;
      case '<=':
        return a.lo > b.hi ? 'range' : undefined;
      case '>':
        return a.hi <= b.lo ? 'range' : undefined;
      case '>=':
        return a.hi < b.lo ? 'range' : undefined;
      case '=': {
        if (a.hi < b.lo || b.hi < a.lo) return 'range';
        for (const [x, y] of [
          [a, b],
          [b, a],
        ] as const) {
          if (!x.literal) continue;
          const v = x.lo;
          if (y.allowed && !y.allowed.includes(v)) return 'allowed';
          if (y.int && !Number.isInteger(v)) return 'int';
        }
        return undefined;
      }
      default:
        return undefined;
    }
  };

  const walk = (e: Expr, ctx: Ctx): void => {
    switch (e.k) {
      case 'col':
        if (ctx.spec && ctx.table && !columnOf(ctx.spec, e.i)) push({ code: 'no-column', near: `${ctx.table}[${e.i}]`, info: { table: ctx.table, col: e.i, count: maxColumns(ctx.spec) } });
        return;
      case 'agg': {
        if (!tables) {
          if (e.where) walk(e.where, {});
          return;
        }
        const t = tableSpec(e.table);
        if (!t) {
          push({ code: 'unknown-table', near: e.table, info: { tables: Object.keys(tables) } });
          return;
        }
        if (e.col !== undefined) {
          const c = columnOf(t, e.col);
          if (!c) push({ code: 'no-column', near: `${e.table}[${e.col}]`, info: { table: e.table, col: e.col, count: maxColumns(t) } });
          else if (numericAgg.has(e.fn) && c.type === 'text') push({ code: 'text-column', near: printCondition(e), info: { table: e.table, col: e.col } });
        }
        if (e.where) walk(e.where, { table: e.table, spec: t });
        return;
      }
      case 'arith':
        walk(e.a, ctx);
        walk(e.b, ctx);
        for (const side of [e.a, e.b]) {
          const c = columnRead(side, ctx);
          if (c?.spec.type === 'text' && (side.k === 'col' || side.k === 'agg') && !(side.k === 'agg' && numericAgg.has(side.fn)))
            push({ code: 'text-column', near: printCondition(e), info: { table: c.table, col: c.col } });
        }
        return;
      case 'cmp': {
        walk(e.a, ctx);
        walk(e.b, ctx);
        if (e.op === 'has') return;
        const text = printCondition(e);
        // Words against numbers, and fixed words against one they never hold.
        for (const [x, y] of [
          [e.a, e.b],
          [e.b, e.a],
        ] as const) {
          const c = columnRead(x, ctx);
          const direct = x.k === 'col' || (x.k === 'agg' && (x.fn === 'first' || x.fn === 'last'));
          if (!c || !direct) continue;
          if (c.spec.type === 'text') {
            const numericOther = y.k === 'num' || y.k === 'arith' || (y.k === 'field' && ['int', 'float'].includes(field(y.name)?.kind ?? ''));
            if (!['=', '!='].includes(e.op) || numericOther) push({ code: 'text-column', near: text, info: { table: c.table, col: c.col } });
            else if (y.k === 'str' && c.spec.values && !c.spec.values.includes(y.v))
              push({ code: 'cell-value', near: text, info: { table: c.table, col: c.col, value: y.v, values: c.spec.values } });
          } else if (c.spec.type === 'num' && y.k === 'str') push({ code: 'cell-value', near: text, info: { table: c.table, col: c.col, value: y.v } });
        }
        const [a, b] = [range(e.a, ctx), range(e.b, ctx)];
        const reason = a && b ? never(e.op, a, b) : undefined;
        if (a && b && reason) {
          const described = [a, b].find((r) => !r.literal && (r.field !== undefined || r.table !== undefined)) ?? (a.literal ? b : a);
          const { literal: _, ...bound } = described;
          push({ code: 'never', near: text, info: { bound: { ...bound, reason } } });
        }
        return;
      }
      case 'and':
      case 'or':
        for (const item of e.items) walk(item, ctx);
        return;
      case 'not':
        walk(e.a, ctx);
        return;
      default:
        return;
    }
  };

  walk(expr, {});
  return problems;
}
