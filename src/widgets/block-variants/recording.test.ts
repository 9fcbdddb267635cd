import { describe, expect, it } from 'vitest';
import { recordedConfigs, type RecordedConfig } from './jobs';
import { agreement, recordedChoice, summarise, type Recording } from './recording';

const seeds = [0, 1, 2, 3, 4];
const scores = (testError: number) => ({ step: 400, loss: testError, accuracy: 1 - testError, testLoss: testError, testAccuracy: 1 - testError });

/** A recording in which each config's test error per seed is given (original: 2 %, 3 %, 2 %, 2.5 %, 3 %). */
function recording(errors: (c: RecordedConfig, seed: number, base: number) => number | null): Recording {
  const base = [0.02, 0.03, 0.02, 0.025, 0.03];
  return {
    version: 1,
    backend: 'wasm',
    state: { depth: 32, width: 32, optimizer: 'adam', lr: 0.001, steps: 400, seed: 0, dataset: 'spiral' },
    seeds,
    curves: [],
    ms: 1,
    runs: recordedConfigs.flatMap((c) =>
      seeds.map((seed) => {
        const e = c.variant === 'original' ? base[seed]! : errors(c, seed, base[seed]!);
        return { ...c, seed, steps: 400, final: e === null ? null : scores(e), ...(e === null ? { diverged: { atStep: 9, reason: 'non-finite' } } : {}), msPerStep: 1 };
      }),
    ),
  };
}

describe('summarise(recording): the recorded table and its verdicts', () => {
  it('one row per config in the paper’s order, with medians, ranges and the paper’s number', () => {
    const rows = summarise(recording((_, __, b) => b + 0.01));
    expect(rows.map((r) => r.variant)).toEqual(recordedConfigs.map((c) => c.variant));
    const original = rows[0]!;
    expect(original).toMatchObject({ variant: 'original', finished: 5, seeds: 5, pairedDiff: 0, verdict: 'same', paper: 6.61, paperVerdict: 'same' });
    expect([original.testError, original.testErrorMin, original.testErrorMax].map((v) => Number(v.toFixed(6)))).toEqual([0.025, 0.02, 0.03]);
    const gate6 = rows.find((r) => r.variant === 'shortcut-gate' && r.gateBias === -6)!;
    expect(gate6.paper).toBe(6.91);
    expect(gate6.pairedDiff).toBeCloseTo(0.01, 10);
  });

  it('worse on every seed by a point → worse; by less than half a point → no clear difference', () => {
    expect(summarise(recording((_, __, b) => b + 0.01))[2]!.verdict).toBe('worse');
    expect(summarise(recording((_, __, b) => b + 0.004))[2]!.verdict).toBe('same');
  });

  it('worse on only three of five seeds → no clear difference, even with a large median', () => {
    const rows = summarise(recording((_, seed, b) => (seed < 3 ? b + 0.05 : b - 0.01)));
    expect(rows[2]!.verdict).toBe('same');
  });

  it('better on four of five seeds by more than half a point → better', () => {
    expect(summarise(recording((_, seed, b) => (seed === 0 ? b + 0.001 : b - 0.008)))[2]!.verdict).toBe('better');
  });

  it('a median test error above 20 %, or most seeds diverged → fails', () => {
    expect(summarise(recording(() => 0.4))[1]!.verdict).toBe('fails');
    expect(summarise(recording((_, seed, b) => (seed < 3 ? null : b)))[1]!.verdict).toBe('fails');
  });
});

describe('paperVerdict and agreement', () => {
  it('takes the paper’s verdicts from its own words: full pre-activation better, ReLU-only pre-activation and the open shortcut gate the same', () => {
    const rows = summarise(recording((_, __, b) => b));
    const verdict = (variant: string, gateBias: number | null = null) => rows.find((r) => r.variant === variant && r.gateBias === gateBias)!.paperVerdict;
    expect(verdict('full-preact')).toBe('better');
    expect(verdict('relu-preact')).toBe('same');
    expect(verdict('shortcut-gate', -6)).toBe('same');
    expect(verdict('shortcut-gate', 0)).toBe('worse');
    expect(verdict('scale-shortcut')).toBe('fails');
    expect(verdict('relu-before-add')).toBe('worse');
  });

  it('splits the compared configs (all but the original) into agreeing and differing ones', () => {
    const rows = summarise(recording((_, __, b) => b + 0.01));
    const { agree, differ } = agreement(rows);
    expect(agree.length + differ.length).toBe(recordedConfigs.length - 1);
    expect(agree.every((r) => r.paperVerdict === 'worse' || r.paperVerdict === 'fails')).toBe(true);
    expect(differ.map((r) => r.variant).sort()).toEqual(['full-preact', 'relu-preact', 'shortcut-gate']);
  });

  it('counts a failure as being worse: “fails” here against “worse” in the paper agree in ranking', () => {
    const rows = summarise(recording((c, __, b) => (c.variant === 'scale-both' ? 0.5 : b)));
    const scaleBoth = rows.find((r) => r.variant === 'scale-both')!;
    expect([scaleBoth.verdict, scaleBoth.paperVerdict]).toEqual(['fails', 'worse']);
    expect(agreement(rows).agree).toContain(scaleBoth);
  });
});

describe('the shipped recording (recorded.json)', () => {
  it('exists, was made with the default settings, and covers every config for five seeds', async () => {
    const { loadRecording, trainingKeys } = await import('./recording');
    const { defaults } = await import('../../lib/state/schema');
    const { blockVariantsSchema } = await import('../../lib/state/schemas/block-variants');
    const rec = loadRecording();
    expect(rec, 'run npm run record:block-variants').toBeDefined();
    const d = defaults(blockVariantsSchema);
    for (const k of trainingKeys) expect(rec!.state[k], k).toEqual(d[k]);
    expect(rec!.seeds).toHaveLength(5);
    expect(rec!.seeds[0]).toBe(d.seed);
    for (const c of recordedConfigs) {
      for (const seed of rec!.seeds) expect(rec!.runs.filter((r) => r.variant === c.variant && r.gateBias === c.gateBias && r.seed === seed), `${c.variant} ${c.gateBias} ${seed}`).toHaveLength(1);
      expect(rec!.curves.find((x) => x.variant === c.variant && x.gateBias === c.gateBias)?.evals.length, c.variant).toBeGreaterThan(10);
    }
  });
});

describe('recordedChoice(recording, state, variants): what stands for a choice before any click', () => {
  const rec = recording((_, __, b) => b + 0.01);
  rec.curves = recordedConfigs.filter((c) => c.variant !== 'projection').map((c) => ({ ...c, losses: [[1, 1]], evals: [scores(0.1)] }));
  const state = { ...rec.state, variants: ['original', 'full-preact'], gateBias: -3 } as Parameters<typeof recordedChoice>[1];
  const curveOf = (id: string) => rec.curves.find((c) => c.variant === id && c.gateBias === null)!;

  it('the curves of each chosen variant, in the order asked, and its run at the state’s seed', () => {
    const choice = recordedChoice(rec, state, ['full-preact', 'original'])!;
    expect(choice.curves.map((c) => [c.id, c.curve])).toEqual([['full-preact', curveOf('full-preact')], ['original', curveOf('original')]]);
    expect(choice.runs.map((r) => [r.id, r.run.seed, r.run.final.testAccuracy])).toEqual([['full-preact', 0, 1 - 0.03], ['original', 0, 1 - 0.02]]);
  });

  it('nothing when a chosen variant has no recorded curve, or the settings are not the recorded ones', () => {
    expect(recordedChoice(rec, state, ['original', 'projection'])).toBeUndefined();
    expect(recordedChoice(rec, { ...state, steps: 401 }, ['original'])).toBeUndefined();
    expect(recordedChoice(undefined, state, ['original'])).toBeUndefined();
  });
});
