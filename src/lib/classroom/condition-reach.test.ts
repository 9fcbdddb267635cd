import { describe, expect, it } from 'vitest';
import { widgetById } from '../state/registry';
import { checkCondition } from './condition-check';
import { parseCondition } from './condition';
import { typeMessage } from './messages';

const lab = widgetById('degradation-lab')!.schema;
const cnn = widgetById('cnn-trainer')!.schema;
const problems = (src: string, schema = lab) => {
  const r = parseCondition(src);
  if (!r.ok) throw new Error(src);
  return checkCondition(r.expr, schema);
};
const codes = (src: string, schema = lab) => problems(src, schema).map((p) => `${p.code}:${p.near}`);
const says = (src: string, locale: 'zh' | 'en', schema = lab) => problems(src, schema).map((p) => typeMessage(p, locale)).join(' | ');

describe('conditions that can never be met are rejected, with the reason', () => {
  it('accepts conditions a run can meet', () => {
    for (const src of [
      'depth >= 32 and min(runs[3] where [0] = "plain" and [1] = depth) < 0.3',
      'depth = min(sweep[0] where [1] > 2 * [2])',
      'count(sweep where [1] > 0 and [2] > 0) >= 6',
      'last(runs[4] where [0] = "residual") >= 0.99',
      'depth = 64 and lr <= 10 and seed = 0',
      'last(runs[3]) >= 5 * last(runs[3])',
      'first(curve[1]) - first(curve[2]) > 0',
    ])
      expect(codes(src), src).toEqual([]);
  });

  it('a table the widget does not have (the issue’s min(foo[3]) > 0)', () => {
    expect(codes('min(foo[3]) > 0')).toEqual(['unknown-table:foo']);
    expect(says('min(foo[3]) > 0', 'en')).toBe('this widget has no table called “foo”; its tables are runs, curve, sweep');
    expect(says('min(foo[3]) > 0', 'zh')).toBe('本组件没有名为“foo”的数据表，可用的表有 runs、curve、sweep');
  });

  it('a column past the last one, in the aggregate or inside where', () => {
    expect(codes('min(runs[5]) > 0')).toEqual(['no-column:runs[5]']);
    expect(codes('count(sweep where [3] > 0) > 0')).toEqual(['no-column:sweep[3]']);
    expect(says('min(runs[7]) > 0', 'en')).toBe('the table runs has 5 columns, [0] to [4]: there is no [7]');
    expect(says('min(runs[7]) > 0', 'zh')).toBe('表 runs 只有 5 列（[0] 到 [4]），没有 [7]');
  });

  it('a setting compared with a value outside its range (the issue’s depth > 100)', () => {
    expect(codes('depth > 100')).toEqual(['never:depth > 100']);
    expect(says('depth > 100', 'en')).toBe('“depth > 100” can never hold: the setting “Depth (hidden layers)” (depth) lies between 2 and 64');
    expect(says('depth > 100', 'zh')).toBe('“depth > 100”永远不会成立：设置项“深度（隐藏层数）”（depth）的取值在 2 到 64 之间');
    expect(codes('100 < depth')).toEqual(['never:100 < depth']);
    expect(codes('depth < 2')).toEqual(['never:depth < 2']);
    expect(codes('depth <= 2')).toEqual([]);
    expect(codes('lr > 10')).toEqual(['never:lr > 10']);
    expect(codes('depth + 10 > 80')).toEqual(['never:depth + 10 > 80']);
    expect(codes('not (depth > 100)')).toEqual(['never:depth > 100']);
  });

  it('a value a setting with a list of allowed values, or whole numbers, never takes', () => {
    expect(says('depth = 33', 'en')).toBe('“depth = 33” can never hold: the setting “Depth (hidden layers)” (depth) takes only the values 2, 4, 6, …, 64');
    expect(says('width = 48', 'zh')).toBe('“width = 48”永远不会成立：设置项“宽度（每层单元数）”（width）只能取 8、16、32、64');
    expect(says('seed = 2.5', 'en')).toBe('“seed = 2.5” can never hold: the setting “Seed” (seed) is always a whole number');
  });

  it('an enum value not in the enum, with the values it can take', () => {
    expect(says('optimizer = "adamw"', 'en')).toBe('the setting “Optimizer” (optimizer) can only be "adam" (Adam), "sgd" (SGD + momentum), never “adamw”');
    expect(says('dataset = "spirals"', 'zh')).toBe('设置项“数据集”（dataset）只能取 "spiral"（三臂螺旋）、"moons"（双月牙）、"circles"（同心圆）、"xor"（异或），不可能是“spirals”');
  });

  it('columns of numbers and of words', () => {
    expect(codes('min(runs[0]) > 0')).toEqual(['text-column:min(runs[0])']);
    expect(codes('count(runs where [0] > 3) > 0')).toEqual(['text-column:[0] > 3']);
    expect(codes('count(runs where [0] = "plane") > 0')).toEqual(['cell-value:[0] = "plane"']);
    expect(says('count(runs where [0] = "plane") > 0', 'en')).toBe('“[0] = "plane"” can never hold: column [0] of the table runs holds only "plain", "residual"');
    expect(codes('count(runs where [1] = "deep") > 0')).toEqual(['cell-value:[1] = "deep"']);
    expect(codes('last(runs[4]) > 1')).toEqual(['never:last(runs[4]) > 1']);
    expect(says('last(runs[4]) > 1', 'zh')).toBe('“last(runs[4]) > 1”永远不会成立：表 runs 的第 [4] 列的取值在 0 到 1 之间');
    expect(codes('count(runs) < 0')).toEqual(['never:count(runs) < 0']);
    expect(codes('last(accuracy[2]) >= 1.5', cnn)).toEqual(['never:last(accuracy[2]) >= 1.5']);
  });

  it('a task in a link with such a condition is refused', async () => {
    const { parseTaskParam, encodeCustomTask } = await import('./task');
    const raw = encodeCustomTask({ prompt: { zh: '题', en: 'q' }, check: 'min(foo[3]) > 0' });
    const r = parseTaskParam(raw, lab, () => undefined);
    expect('problem' in r && r.problem.code).toBe('types');
  });
});
