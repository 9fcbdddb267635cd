import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from './datasets.ts';
import { isDiverged } from './learner.ts';
import { createVariantLearner, type VariantLearnerConfig } from './variant-learner.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config = (over: Partial<VariantLearnerConfig> = {}): VariantLearnerConfig => ({
  data: makeDataset('spiral', { n: 90, seed: 1 }),
  test: makeDataset('spiral', { n: 60, seed: 2 }),
  variants: ['original'],
  depth: 4,
  width: 8,
  gateBias: -6,
  batchSize: 16,
  optimizer: { kind: 'adam', learningRate: 0.01 },
  seed: 3,
  ...over,
});

describe('createVariantLearner(config)', () => {
  it('trains each variant exactly as it would alone: a lane does not depend on the others', () => {
    const together = createVariantLearner(config({ variants: ['original', 'dropout-shortcut', 'shortcut-gate'] }));
    const alone = createVariantLearner(config({ variants: ['dropout-shortcut'] }));
    const a = together.step(12), b = alone.step(12);
    expect(a.losses[1]).toEqual(b.losses[0]);
    const ea = together.evaluate(), eb = alone.evaluate();
    if (isDiverged(ea) || isDiverged(eb)) throw new Error('diverged');
    expect(ea.testAccuracy[1]).toBe(eb.testAccuracy[0]);
    together.dispose();
    alone.dispose();
  });

  it('evaluates training and test loss and accuracy per lane, all finite, accuracies in [0, 1]', () => {
    const learner = createVariantLearner(config({ variants: ['original', 'projection'] }));
    learner.step(10);
    const e = learner.evaluate();
    if (isDiverged(e)) throw new Error('diverged');
    expect(e.step).toBe(10);
    for (const k of ['loss', 'accuracy', 'testLoss', 'testAccuracy'] as const) {
      expect(e[k]).toHaveLength(2);
      expect(e[k].every(Number.isFinite)).toBe(true);
    }
    expect(e.accuracy.every((a) => a >= 0 && a <= 1)).toBe(true);
    learner.dispose();
  });

  it('the loss falls when training: 150 steps of `original` on the spiral', () => {
    const learner = createVariantLearner(config());
    const e0 = learner.evaluate();
    learner.step(150);
    const e1 = learner.evaluate();
    if (isDiverged(e0) || isDiverged(e1)) throw new Error('diverged');
    expect(e1.loss[0]!).toBeLessThan(0.5 * e0.loss[0]!);
    learner.dispose();
  });

  it('rejects no variants, more than four, and a batch larger than the data', () => {
    expect(() => createVariantLearner(config({ variants: [] }))).toThrow(RangeError);
    expect(() => createVariantLearner(config({ variants: ['original', 'original', 'original', 'original', 'original'] }))).toThrow(RangeError);
    expect(() => createVariantLearner(config({ batchSize: 1000 }))).toThrow(RangeError);
  });
});
