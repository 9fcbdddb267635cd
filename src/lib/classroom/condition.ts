/**
 * The success condition of a classroom task: a tiny typed language over a widget's own state and
 * the numbers in its `table[data-metrics]`, with a text form that fits in a link and that a
 * teacher can read and write.
 *
 * ```text
 * depth >= 32 and min(runs[3] where [0] = "plain" and [1] = depth) < 0.3
 * depth = min(sweep[0] where [1] > 2 * [2])
 * arch has "residual" and not bn
 * ```
 *
 * - a bare name is a setting of the widget (`depth`, `bn`, `arch`);
 * - `agg(table[i] where …)` aggregates column `i` (0-based) of `table[data-metrics="table"]` over
 *   the rows where the condition holds; inside `where`, `[i]` is column `i` of the row at hand.
 *   Aggregates: `min max mean sum first last` (of a column) and `count(table where …)`;
 * - comparisons `< <= > >= = !=`, `has` (a set setting contains a value), arithmetic `+ - * /`,
 *   `and or not`, parentheses, numbers, "strings", `true`, `false`.
 *
 * Missing data (no rows yet, an empty cell) makes a comparison unknown, and unknown is not success
 * (three-valued logic, see `condition-eval.ts`). Types are checked against the widget's schema in
 * `condition-check.ts`. Pure: no DOM.
 */

export type AggFn = 'min' | 'max' | 'mean' | 'sum' | 'first' | 'last' | 'count';
export type ArithOp = '+' | '-' | '*' | '/';
export type CmpOp = '<' | '<=' | '>' | '>=' | '=' | '!=' | 'has';

/** The syntax tree. `and`/`or` hold two or more items (`a and b and c` is one node). */
export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'field'; name: string }
  | { k: 'col'; i: number }
  | { k: 'agg'; fn: AggFn; table: string; col?: number; where?: Expr }
  | { k: 'arith'; op: ArithOp; a: Expr; b: Expr }
  | { k: 'cmp'; op: CmpOp; a: Expr; b: Expr }
  | { k: 'and' | 'or'; items: Expr[] }
  | { k: 'not'; a: Expr };

export const aggFns: readonly AggFn[] = ['min', 'max', 'mean', 'sum', 'first', 'last', 'count'];
const keywords = new Set(['and', 'or', 'not', 'where', 'has', 'true', 'false']);
/** Longest texts accepted, so a link cannot make the parser work hard. */
export const maxConditionLength = 600;
const maxDepth = 40;

/** Why a condition text could not be read; `at` is the character offset. */
export interface SyntaxProblem {
  code: 'empty' | 'too-long' | 'unexpected' | 'unclosed-string' | 'bad-number' | 'column-outside-where' | 'count-column' | 'column-needed' | 'too-deep';
  at: number;
  /** The text found there (or expected), for the message. */
  near: string;
}

export type ParseOutcome = { ok: true; expr: Expr } | { ok: false; problem: SyntaxProblem };

type Tok =
  | { t: 'num'; v: number; at: number; text: string }
  | { t: 'str'; v: string; at: number; text: string }
  | { t: 'id'; v: string; at: number; text: string }
  | { t: 'op'; v: string; at: number; text: string }
  | { t: 'eof'; at: number; text: string };

class Fail extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.code);
  }
}

const ops = ['<=', '>=', '!=', '<', '>', '=', '(', ')', '[', ']', '+', '-', '*', '/'];

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      const v = Number(num[0]);
      if (!Number.isFinite(v)) throw new Fail({ code: 'bad-number', at: i, near: num[0] });
      out.push({ t: 'num', v, at: i, text: num[0] });
      i += num[0].length;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new Fail({ code: 'unclosed-string', at: i, near: src.slice(i, i + 12) });
      const text = src.slice(i, j + 1);
      let v: string;
      try {
        v = JSON.parse(text) as string;
      } catch {
        throw new Fail({ code: 'unclosed-string', at: i, near: text.slice(0, 12) });
      }
      out.push({ t: 'str', v, at: i, text });
      i = j + 1;
      continue;
    }
    // Names: settings, keywords, aggregate and table names (tables may contain '-').
    const id = /^[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0], at: i, text: id[0] });
      i += id[0].length;
      continue;
    }
    const op = ops.find((o) => src.startsWith(o, i));
    if (!op) throw new Fail({ code: 'unexpected', at: i, near: c });
    out.push({ t: 'op', v: op, at: i, text: op });
    i += op.length;
  }
  out.push({ t: 'eof', at: src.length, text: '' });
  return out;
}

/** Reads a condition's text form. Never throws. */
export function parseCondition(src: string): ParseOutcome {
  if (src.trim() === '') return { ok: false, problem: { code: 'empty', at: 0, near: '' } };
  if (src.length > maxConditionLength) return { ok: false, problem: { code: 'too-long', at: maxConditionLength, near: '' } };
  try {
    const toks = lex(src);
    let p = 0;
    let whereDepth = 0;
    let depth = 0;
    const peek = () => toks[p]!;
    const next = () => toks[p++]!;
    const val = (t: Tok) => (t.t === 'eof' ? '' : String(t.v));
    const isOp = (v: string) => peek().t === 'op' && val(peek()) === v;
    const isKw = (v: string) => peek().t === 'id' && val(peek()) === v;
    const fail = (tok: Tok, code: SyntaxProblem['code'] = 'unexpected'): never => {
      throw new Fail({ code, at: tok.at, near: tok.text || 'end' });
    };
    const expectOp = (v: string) => (isOp(v) ? next() : fail(peek()));
    const enter = () => {
      if (++depth > maxDepth) fail(peek(), 'too-deep');
    };

    const list = (kind: 'and' | 'or', item: () => Expr): Expr => {
      const first = item();
      if (!isKw(kind)) return first;
      const items = [first];
      while (isKw(kind)) {
        next();
        items.push(item());
      }
      return { k: kind, items };
    };
    const or = (): Expr => list('or', and);
    const and = (): Expr => list('and', not);
    const not = (): Expr => {
      if (isKw('not')) {
        next();
        enter();
        const a = not();
        depth--;
        return { k: 'not', a };
      }
      return cmp();
    };
    const cmp = (): Expr => {
      const a = sum();
      const t = peek();
      const op = t.t === 'op' && ['<', '<=', '>', '>=', '=', '!='].includes(val(t)) ? val(t) : t.t === 'id' && val(t) === 'has' ? 'has' : undefined;
      if (!op) return a;
      next();
      return { k: 'cmp', op: op as CmpOp, a, b: sum() };
    };
    const binary = (opsHere: string[], operand: () => Expr) => (): Expr => {
      let a = operand();
      while (peek().t === 'op' && opsHere.includes(val(peek()))) {
        const op = val(next()) as ArithOp;
        a = { k: 'arith', op, a, b: operand() };
      }
      return a;
    };
    const unary = (): Expr => {
      if (isOp('-')) {
        next();
        if (peek().t === 'num') {
          const v = -(next() as { v: number }).v;
          return { k: 'num', v: v === 0 ? 0 : v };
        }
        enter();
        const b = unary();
        depth--;
        return { k: 'arith', op: '-', a: { k: 'num', v: 0 }, b };
      }
      return primary();
    };
    const product = binary(['*', '/'], unary);
    const sum = binary(['+', '-'], product);

    const primary = (): Expr => {
      const t = next();
      if (t.t === 'num') return { k: 'num', v: t.v };
      if (t.t === 'str') return { k: 'str', v: t.v };
      if (t.t === 'op' && t.v === '(') {
        enter();
        const e = or();
        depth--;
        expectOp(')');
        return e;
      }
      if (t.t === 'op' && t.v === '[') {
        const n = next();
        if (n.t !== 'num' || !Number.isInteger(n.v) || n.v > 99) fail(n);
        expectOp(']');
        if (whereDepth === 0) fail(t, 'column-outside-where');
        return { k: 'col', i: (n as { v: number }).v };
      }
      if (t.t === 'id') {
        if (t.v === 'true' || t.v === 'false') return { k: 'bool', v: t.v === 'true' };
        if ((aggFns as readonly string[]).includes(t.v) && isOp('(')) return aggregate(t.v as AggFn);
        if (keywords.has(t.v)) fail(t);
        return { k: 'field', name: t.v };
      }
      return fail(t);
    };

    const aggregate = (fn: AggFn): Expr => {
      expectOp('(');
      const name = next();
      if (name.t !== 'id' || keywords.has(name.v)) fail(name);
      const node: Extract<Expr, { k: 'agg' }> = { k: 'agg', fn, table: (name as { v: string }).v };
      if (isOp('[')) {
        const open = next();
        if (fn === 'count') fail(open, 'count-column');
        const n = next();
        if (n.t !== 'num' || !Number.isInteger(n.v) || n.v > 99) fail(n);
        expectOp(']');
        node.col = (n as { v: number }).v;
      } else if (fn !== 'count') fail(peek(), 'column-needed');
      if (isKw('where')) {
        next();
        whereDepth++;
        enter();
        node.where = or();
        depth--;
        whereDepth--;
      }
      expectOp(')');
      return node;
    };

    const expr = or();
    if (peek().t !== 'eof') fail(peek());
    return { ok: true, expr };
  } catch (err) {
    if (err instanceof Fail) return { ok: false, problem: err.problem };
    return { ok: false, problem: { code: 'unexpected', at: 0, near: '' } };
  }
}

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
