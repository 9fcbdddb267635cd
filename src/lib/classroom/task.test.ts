import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { degradationLabSchema } from '../state/schemas/degradation-lab';
import { gradientFlowSchema } from '../state/schemas/gradient-flow';
import { catalogueLookup } from './catalogue';
import { taskProblemMessage } from './messages';
import { decodeCustomTask, encodeCustomTask, parseTaskParam, taskNumbers } from './task';

const custom = { prompt: { zh: '在 32 层时让普通网络的损失低于 0.3', en: 'At depth 32, get the plain loss below 0.3' }, check: 'depth >= 32 and last(runs[3] where [0] = "plain") < 0.3' };

describe('custom tasks in a link (task=~…)', () => {
  it('round-trip through the link value', () => {
    const raw = encodeCustomTask(custom);
    expect(raw).toMatch(/^~[A-Za-z0-9_-]+$/);
    expect(decodeCustomTask(raw)).toEqual(custom);
    const r = parseTaskParam(raw, degradationLabSchema, catalogueLookup);
    expect('task' in r && r.task.check).toBe(custom.check);
  });

  it('any prompts and condition text round-trip', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(s)), fc.string({ maxLength: 100 }), fc.string({ maxLength: 200 }), (zh, en, check) => {
        const back = decodeCustomTask(encodeCustomTask({ prompt: { zh, en }, check }));
        expect(back).toEqual({ prompt: { zh: zh.trim(), en: en.trim() || zh.trim() }, check });
      }),
      { numRuns: 300 },
    );
  });

  it('a damaged or hand-made value is reported, never thrown', () => {
    const raw = encodeCustomTask(custom);
    for (const bad of [raw.slice(0, 20), `${raw}x`, '~', '~!!', `~${Buffer.from('[1,2]').toString('base64url')}`, `~${Buffer.from('{"p":{"zh":"","en":""},"c":"bn"}').toString('base64url')}`]) {
      const r = parseTaskParam(bad, degradationLabSchema, catalogueLookup);
      expect('problem' in r && r.problem.code, bad).toBe('corrupt');
    }
  });

  it('a condition that does not fit the widget is reported with the reason', () => {
    const r = parseTaskParam(encodeCustomTask({ ...custom, check: 'source = "own"' }), degradationLabSchema, catalogueLookup);
    expect('problem' in r && r.problem.code).toBe('types');
    if ('problem' in r) expect(taskProblemMessage(r.problem, 'en')).toContain('“source” is not a setting of this widget');
    const s = parseTaskParam(encodeCustomTask({ ...custom, check: 'depth >' }), degradationLabSchema, catalogueLookup);
    expect('problem' in s && s.problem.code).toBe('syntax');
    if ('problem' in s) expect(taskProblemMessage(s.problem, 'zh')).toContain('判定条件无法解析');
  });
});

describe('catalogue tasks in a link (task=<id>)', () => {
  it('load for their own widget', () => {
    const r = parseTaskParam('dl-see-degradation', degradationLabSchema, catalogueLookup);
    expect('task' in r && r.task.id).toBe('dl-see-degradation');
  });

  it('unknown ids, ids of another widget and junk are reported', () => {
    const code = (raw: string) => {
      const r = parseTaskParam(raw, gradientFlowSchema, catalogueLookup);
      return 'problem' in r ? r.problem.code : 'ok';
    };
    expect(code('no-such-task')).toBe('unknown-id');
    expect(code('dl-see-degradation')).toBe('wrong-widget');
    expect(code('<script>alert(1)</script>')).toBe('unknown-id');
    expect(code('constructor')).toBe('unknown-id');
    expect(code('__proto__')).toBe('unknown-id');
  });
});

describe('taskNumbers(task, env)', () => {
  it('uses the task’s labelled report expressions, or the condition’s aggregates', () => {
    const metrics = { runs: { headers: [], rows: [['plain', 32, 400, 0.9, 0.5], ['residual', 32, 400, 0.05, 0.98]] } };
    const env = { state: { depth: 32, arch: ['plain', 'residual'] }, metrics };
    const cat = parseTaskParam('dl-see-degradation', degradationLabSchema, catalogueLookup);
    if (!('task' in cat)) throw new Error('catalogue task did not load');
    expect(taskNumbers(cat.task, env)).toEqual([['', 0.9], ['', 0.05]]);
    const own = parseTaskParam(encodeCustomTask(custom), degradationLabSchema, catalogueLookup);
    if (!('task' in own)) throw new Error('custom task did not load');
    expect(taskNumbers(own.task, env)).toEqual([['last(runs[3] where [0] = "plain")', 0.9]]);
  });
});
