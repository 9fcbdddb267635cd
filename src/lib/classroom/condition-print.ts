/**
 * The text form of a condition (the inverse of `parseCondition`), and the aggregates a condition
 * reads (the key numbers a submission code records). Pure.
 */
import type { Expr } from './condition';

/** Binding strength, loosest first: or < and < not < comparison < + − < × ÷ < atoms. */
function prec(e: Expr): number {
  switch (e.k) {
    case 'or':
      return 1;
    case 'and':
      return 2;
    case 'not':
      return 3;
    case 'cmp':
      return 4;
    case 'arith':
      return e.op === '+' || e.op === '-' ? 5 : 6;
    default:
      return 7;
  }
}

const fmtNum = (v: number) => (v < 0 ? `-${String(-v)}` : String(v));

/**
 * The canonical text of a condition: single spaces, the fewest parentheses that keep the tree.
 * `parseCondition(printCondition(e))` gives back `e` (a property test checks it).
 */
export function printCondition(e: Expr): string {
  const wrap = (child: Expr, needParens: boolean) => (needParens ? `(${printCondition(child)})` : printCondition(child));
  switch (e.k) {
    case 'num':
      return fmtNum(e.v);
    case 'str':
      return JSON.stringify(e.v);
    case 'bool':
      return String(e.v);
    case 'field':
      return e.name;
    case 'col':
      return `[${e.i}]`;
    case 'agg':
      return `${e.fn}(${e.table}${e.col === undefined ? '' : `[${e.col}]`}${e.where ? ` where ${printCondition(e.where)}` : ''})`;
    case 'arith': {
      const p = prec(e);
      return `${wrap(e.a, prec(e.a) < p)} ${e.op} ${wrap(e.b, prec(e.b) <= p)}`;
    }
    case 'cmp':
      return `${wrap(e.a, prec(e.a) <= 4)} ${e.op} ${wrap(e.b, prec(e.b) <= 4)}`;
    case 'and':
    case 'or': {
      const p = prec(e);
      return e.items.map((item) => wrap(item, prec(item) <= p)).join(` ${e.k} `);
    }
    case 'not':
      return `not ${wrap(e.a, prec(e.a) < 3)}`;
  }
}

/** The aggregates a condition reads at its own level (not those inside another aggregate's `where`). */
export function aggregatesOf(e: Expr): Extract<Expr, { k: 'agg' }>[] {
  switch (e.k) {
    case 'agg':
      return [e];
    case 'arith':
    case 'cmp':
      return [...aggregatesOf(e.a), ...aggregatesOf(e.b)];
    case 'and':
    case 'or':
      return e.items.flatMap(aggregatesOf);
    case 'not':
      return aggregatesOf(e.a);
    default:
      return [];
  }
}
