import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSchema } from '../state/schema';
import { aggregatesOf, parseCondition, printCondition, type Expr } from './condition';
import { checkCondition } from './condition-check';
import { evaluateCondition, evaluateExpr, keyNumbers } from './condition-eval';
import { parseCell, type Metrics } from './metrics';

const schema = defineSchema({
  id: 'demo-lab',
  version: 1,
  fields: {
    depth: { kind: 'int', min: 2, max: 64, default: 16 },
    lr: { kind: 'float', min: 1e-4, max: 1, default: 1e-3 },
    bn: { kind: 'bool', default: true },
    optimizer: { kind: 'enum', values: ['adam', 'sgd'], default: 'adam' },
    arch: { kind: 'set', values: ['plain', 'residual'], default: ['plain', 'residual'] },
    note: { kind: 'text', maxLength: 20, default: '' },
    cells: { kind: 'list', min: -1, max: 1, lengths: [2], default: [0, 0] },
  },
});

const parse = (src: string): Expr => {
  const r = parseCondition(src);
  if (!r.ok) throw new Error(`${r.problem.code} at ${r.problem.at}: ${r.problem.near}`);
  return r.expr;
};

const metrics: Metrics = {
  runs: {
    headers: ['architecture', 'depth', 'steps', 'loss', 'accuracy'],
    rows: [
      ['plain', 8, 400, 0.05, 0.99],
      ['residual', 8, 400, 0.04, 0.99],
      ['plain', 32, 400, 0.9, 0.5],
      ['residual', 32, 400, 0.05, 0.98],
    ],
  },
  sweep: {
    headers: ['depth', 'plain', 'residual'],
    rows: [
      [2, 0.06, 0.05],
      [4, 0.05, 0.05],
      [8, 0.05, 0.05],
      [16, 0.07, 0.04],
      [32, 0.99, 0.05],
      [64, 1.1, 0.04],
    ],
  },
  empty: { headers: ['x'], rows: [] },
};
const state = { depth: 32, lr: 0.001, bn: true, optimizer: 'adam', arch: ['plain', 'residual'], note: '' };
const env = { state, metrics };
const holds = (src: string, s: Record<string, unknown> = state, m: Metrics = metrics) => evaluateCondition(parse(src), { state: s, metrics: m });

describe('parseCell(text)', () => {
  it('reads plain decimals as numbers, empty as null, anything else as a word', () => {
    expect(parseCell(' 0.2134 ')).toBe(0.2134);
    expect(parseCell('-3e-2')).toBe(-0.03);
    expect(parseCell('')).toBeNull();
    expect(parseCell('plain')).toBe('plain');
    expect(parseCell('1,000')).toBe('1,000');
    expect(parseCell('1e999')).toBe('1e999');
    expect(Object.is(parseCell('-0'), 0)).toBe(true);
  });
});

describe('parseCondition(text)', () => {
  it('reads the examples of the issue', () => {
    expect(parse('depth >= 32 and min(runs[3] where [0] = "plain" and [1] = depth) < 0.3')).toEqual({
      k: 'and',
      items: [
        { k: 'cmp', op: '>=', a: { k: 'field', name: 'depth' }, b: { k: 'num', v: 32 } },
        {
          k: 'cmp',
          op: '<',
          a: {
            k: 'agg',
            fn: 'min',
            table: 'runs',
            col: 3,
            where: {
              k: 'and',
              items: [
                { k: 'cmp', op: '=', a: { k: 'col', i: 0 }, b: { k: 'str', v: 'plain' } },
                { k: 'cmp', op: '=', a: { k: 'col', i: 1 }, b: { k: 'field', name: 'depth' } },
              ],
            },
          },
          b: { k: 'num', v: 0.3 },
        },
      ],
    });
    expect(parse('depth = min(sweep[0] where [1] > 2 * [2])')).toMatchObject({ k: 'cmp', op: '=', b: { k: 'agg', fn: 'min', table: 'sweep', col: 0 } });
  });

  it('binds not tighter than and, and tighter than or; arithmetic as usual', () => {
    expect(printCondition(parse('not bn and depth > 2 or depth < 4'))).toBe('not bn and depth > 2 or depth < 4');
    expect(parse('not bn and bn')).toMatchObject({ k: 'and', items: [{ k: 'not' }, { k: 'field' }] });
    expect(parse('1 + 2 * 3 = 7')).toMatchObject({ a: { k: 'arith', op: '+', b: { k: 'arith', op: '*' } } });
    expect(parse('8 - 2 - 1 = 5')).toMatchObject({ a: { k: 'arith', op: '-', a: { k: 'arith', op: '-' } } });
  });

  it('reads negative numbers, table names with hyphens and count without a column', () => {
    expect(parse('depth > -3')).toMatchObject({ b: { k: 'num', v: -3 } });
    expect(parse('0 - depth < -depth + 1')).toMatchObject({ b: { k: 'arith', op: '+', a: { k: 'arith', op: '-', a: { k: 'num', v: 0 } } } });
    expect(parse('last(gradient-growth[2]) < 1')).toMatchObject({ a: { table: 'gradient-growth', col: 2 } });
    expect(parse('count(runs) >= 2')).toMatchObject({ a: { fn: 'count', table: 'runs' } });
  });

  it('reports what is wrong, and where, without throwing', () => {
    const problem = (src: string) => {
      const r = parseCondition(src);
      return r.ok ? undefined : r.problem;
    };
    expect(problem('')).toMatchObject({ code: 'empty' });
    expect(problem('depth >')).toMatchObject({ code: 'unexpected', near: 'end' });
    expect(problem('depth > 3 3')).toMatchObject({ code: 'unexpected', at: 10 });
    expect(problem('note = "abc')).toMatchObject({ code: 'unclosed-string' });
    expect(problem('[0] = 1')).toMatchObject({ code: 'column-outside-where' });
    expect(problem('count(runs[1]) > 0')).toMatchObject({ code: 'count-column' });
    expect(problem('min(runs) > 0')).toMatchObject({ code: 'column-needed' });
    expect(problem('depth > 1e999')).toMatchObject({ code: 'bad-number' });
    expect(problem('depth < 1 < 2')).toMatchObject({ code: 'unexpected' });
    expect(problem('('.repeat(100) + 'bn' + ')'.repeat(100))).toMatchObject({ code: 'too-deep' });
    expect(problem('bn and '.repeat(200) + 'bn')).toMatchObject({ code: 'too-long' });
    expect(problem('depth # 3')).toMatchObject({ code: 'unexpected', near: '#' });
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[a-z0-9 ()[\]<>=!"+*/.-]{0,60}$/)), (src) => {
        const r = parseCondition(src);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});

/** Arbitrary syntax trees (any shape the parser can produce, well typed or not). */
const name = fc.constantFrom('depth', 'lr', 'bn', 'optimizer', 'arch', 'x_1');
const table = fc.constantFrom('runs', 'sweep', 'gradient-growth', 't2');
const leaf = (inWhere: boolean): fc.Arbitrary<Expr> =>
  fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((v): Expr => ({ k: 'num', v: v === 0 ? 0 : v })),
    fc.string({ maxLength: 8 }).map((v): Expr => ({ k: 'str', v })),
    fc.boolean().map((v): Expr => ({ k: 'bool', v })),
    name.map((n): Expr => ({ k: 'field', name: n })),
    ...(inWhere ? [fc.integer({ min: 0, max: 9 }).map((i): Expr => ({ k: 'col', i }))] : []),
  );
const tree = (inWhere: boolean, depth: number): fc.Arbitrary<Expr> => {
  if (depth <= 0) return leaf(inWhere);
  const sub = () => tree(inWhere, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf(inWhere) },
    fc.record({ op: fc.constantFrom('+', '-', '*', '/' as const), a: sub(), b: sub() }).map((r): Expr => ({ k: 'arith', ...r })),
    fc.record({ op: fc.constantFrom('<', '<=', '>', '>=', '=', '!=', 'has' as const), a: sub(), b: sub() }).map((r): Expr => ({ k: 'cmp', ...r })),
    fc.record({ k: fc.constantFrom('and', 'or' as const), items: fc.array(sub(), { minLength: 2, maxLength: 3 }) }).map((r): Expr => r),
    sub().map((a): Expr => ({ k: 'not', a })),
    fc
      .record({ fn: fc.constantFrom('min', 'max', 'mean', 'sum', 'first', 'last', 'count' as const), table, col: fc.integer({ min: 0, max: 5 }), where: fc.option(tree(true, depth - 1), { nil: undefined }) })
      .map(({ fn, table, col, where }): Expr => {
        const node: Expr = { k: 'agg', fn, table };
        if (fn !== 'count') node.col = col;
        if (where) node.where = where;
        return node;
      }),
  );
};

describe('printCondition(expr)', () => {
  it('any syntax tree survives print → parse unchanged', () => {
    fc.assert(
      fc.property(tree(false, 4), (expr) => {
        const text = printCondition(expr);
        const back = parseCondition(text);
        if (text.length > 600) return; // longer than a link allows: rejected on purpose
        expect(back.ok, text).toBe(true);
        if (back.ok) expect(back.expr).toEqual(expr);
      }),
      { numRuns: 1500 },
    );
  });

  it('prints canonically: parse → print is a fixed point', () => {
    for (const src of ['depth>=32 and(bn or not bn)', '  min( runs[3]   where [0]="plain" )<0.3', '(1 - (2 - 3)) * 4 = 8']) {
      const once = printCondition(parse(src));
      expect(printCondition(parse(once))).toBe(once);
    }
    expect(printCondition(parse('(1 - (2 - 3)) * 4 = 8'))).toBe('(1 - (2 - 3)) * 4 = 8');
    expect(printCondition(parse('((depth)) > ((1 + 2))'))).toBe('depth > 1 + 2');
  });
});

describe('checkCondition(expr, schema)', () => {
  const problems = (src: string) => checkCondition(parse(src), schema).map((p) => `${p.code}:${p.near}`);

  it('accepts well-typed conditions', () => {
    for (const src of [
      'depth >= 32 and min(runs[3] where [0] = "plain" and [1] = depth) < 0.3',
      'depth = min(sweep[0] where [1] > 2 * [2])',
      'arch has "residual" and not bn and optimizer = "sgd"',
      'count(runs where [0] = "plain") >= 2 or lr * 10 < 1',
      'first(runs[0]) = "plain" and note != "x"',
      'bn = true',
    ])
      expect(problems(src), src).toEqual([]);
  });

  it('rejects unknown settings, unknown values, type errors and non-conditions', () => {
    expect(problems('width > 3')).toEqual(['unknown-field:width']);
    expect(problems('optimizer = "adamw"')).toEqual(['unknown-value:optimizer "adamw"']);
    expect(problems('arch has "dense"')).toEqual(['unknown-value:arch "dense"']);
    expect(problems('depth + bn > 1')).toEqual(['type:+']);
    expect(problems('optimizer < 3')).toEqual(['type:<']);
    expect(problems('depth and bn')).toEqual(['type:and']);
    expect(problems('depth + 1')).toEqual(['not-condition:']);
    expect(problems('count(runs where [0]) > 1')).toEqual(['type:where']);
    expect(problems('arch = "plain"')).toEqual(['type:=']);
    expect(problems('constructor > 1')).toEqual(['unknown-field:constructor']);
    expect(problems('cells > 1')).toEqual(['type:>']);
    expect(problems('cells has "1"')).toEqual(['type:has']);
  });
});

describe('evaluateCondition(expr, { state, metrics })', () => {
  it('checks the issue’s examples against tables and state', () => {
    expect(holds('depth >= 32 and min(runs[3] where [0] = "plain" and [1] = depth) < 0.3')).toBe(false);
    expect(holds('depth >= 32 and min(runs[3] where [0] = "residual" and [1] = depth) < 0.3')).toBe(true);
    expect(holds('depth = min(sweep[0] where [1] > 2 * [2])')).toBe(true);
    expect(holds('depth = min(sweep[0] where [1] > 2 * [2])', { ...state, depth: 16 })).toBe(false);
  });

  it('aggregates columns: min max mean sum first last count', () => {
    const v = (src: string) => evaluateExpr(parse(src), env);
    expect(v('min(sweep[1])')).toBe(0.05);
    expect(v('max(sweep[1])')).toBe(1.1);
    expect(v('sum(sweep[0])')).toBe(126);
    expect(v('mean(sweep[0])')).toBe(21);
    expect(v('first(runs[0])')).toBe('plain');
    expect(v('last(runs[1])')).toBe(32);
    expect(v('count(runs where [0] = "plain")')).toBe(2);
    expect(v('count(nothing)')).toBe(0);
  });

  it('is unknown (not success, not a crash) when data are missing', () => {
    expect(holds('min(empty[0]) < 1')).toBeNull();
    expect(holds('min(nothing[0]) < 1')).toBeNull();
    expect(holds('min(runs[9]) < 1')).toBeNull();
    expect(holds('not (min(empty[0]) < 1)')).toBeNull();
    expect(holds('min(empty[0]) < 1 and bn')).toBeNull();
    expect(holds('min(empty[0]) < 1 and not bn')).toBe(false);
    expect(holds('min(empty[0]) < 1 or bn')).toBe(true);
    expect(holds('depth / 0 > 1')).toBeNull();
    expect(holds('first(runs[0]) > 1')).toBeNull();
  });

  it('reads sets, booleans and enums from the state', () => {
    expect(holds('arch has "plain" and bn and optimizer = "adam"')).toBe(true);
    expect(holds('arch has "plain"', { ...state, arch: ['residual'] })).toBe(false);
    expect(holds('bn = false')).toBe(false);
  });

  it('lists the numbers it read (each aggregate once)', () => {
    expect(keyNumbers(parse('min(runs[3] where [0] = "plain") < 0.3 and min(runs[3] where [0] = "plain") > 0 and count(runs) > 1'), env)).toEqual([
      ['min(runs[3] where [0] = "plain")', 0.05],
      ['count(runs)', 4],
    ]);
    expect(aggregatesOf(parse('depth > 1'))).toEqual([]);
  });

  it('never throws and always gives true, false or null for any tree and any tables', () => {
    const cell = fc.oneof(fc.double({ noNaN: false }), fc.string({ maxLength: 4 }), fc.constant(null));
    const tables = fc.dictionary(table, fc.record({ headers: fc.constant([] as string[]), rows: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 5 }) }));
    fc.assert(
      fc.property(tree(false, 3), tables, (expr, m) => {
        const r = evaluateCondition(expr, { state, metrics: m as Metrics });
        expect([true, false, null]).toContain(r);
      }),
      { numRuns: 1000 },
    );
  });
});
