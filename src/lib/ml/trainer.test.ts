import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from './datasets.ts';
import { createTrainer, type TrainerConfig } from './trainer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const spiral = makeDataset('spiral', { n: 300, seed: 0 });
const config = (over: Partial<TrainerConfig> = {}): TrainerConfig => ({
  data: spiral,
  architecture: 'plain',
  depth: 4,
  width: 16,
  batchNorm: true,
  batchSize: 32,
  optimizer: { kind: 'adam', learningRate: 1e-2 },
  seed: 3,
  ...over,
});

const lossesOf = (c: TrainerConfig, steps: number, chunk = steps) => {
  const trainer = createTrainer(c);
  const losses: number[] = [];
  for (let done = 0; done < steps; done += chunk) {
    const r = trainer.step(Math.min(chunk, steps - done));
    losses.push(...r.losses);
  }
  trainer.dispose();
  return losses;
};

describe('createTrainer(config)', () => {
  it('gives an identical loss sequence for the same seed (cpu backend), another for another seed', () => {
    for (const architecture of ['plain', 'residual'] as const) {
      const a = lossesOf(config({ architecture }), 40);
      expect(a).toHaveLength(40);
      expect(lossesOf(config({ architecture }), 40)).toEqual(a);
      expect(lossesOf(config({ architecture, seed: 4 }), 40)).not.toEqual(a);
    }
  });

  it('step(10) gives the same losses as ten step(1) calls', () => {
    expect(lossesOf(config(), 30, 1)).toEqual(lossesOf(config(), 30, 10));
  });

  it('gradNorms() and evaluate() do not change the run they observe', () => {
    const observed = createTrainer(config());
    const losses: number[] = [];
    for (let i = 0; i < 20; i++) {
      observed.gradNorms();
      observed.evaluate();
      losses.push(...observed.step().losses);
    }
    observed.dispose();
    expect(losses).toEqual(lossesOf(config(), 20));
  });

  it('lowers the full-set loss and raises the accuracy', () => {
    const trainer = createTrainer(config());
    const before = trainer.evaluate();
    trainer.step(150);
    const after = trainer.evaluate();
    trainer.dispose();
    if (before.kind !== 'ok' || after.kind !== 'ok') throw new Error('diverged');
    expect(after.loss).toBeLessThan(0.7 * before.loss);
    expect(after.accuracy).toBeGreaterThan(before.accuracy);
  });

  it('leaks no tensors: 1,000 steps keep tf.memory().numTensors constant, dispose() returns to the baseline', () => {
    const baseline = tf.memory().numTensors;
    const trainer = createTrainer(config({ depth: 4, width: 8, batchSize: 16 }));
    trainer.evaluate(); // holds the full-set BN statistics from here on
    trainer.gradNorms();
    trainer.predictGrid(8);
    const held = tf.memory().numTensors;
    const counts = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      trainer.step(1);
      counts.add(tf.memory().numTensors);
      if (i % 100 === 99) {
        trainer.evaluate();
        trainer.gradNorms();
        trainer.predictGrid(8);
        counts.add(tf.memory().numTensors);
      }
    }
    expect([...counts]).toEqual([held]);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('gradNorms() has one finite, positive entry per body layer', () => {
    for (const [architecture, depth] of [['plain', 5], ['residual', 6]] as const) {
      const trainer = createTrainer(config({ architecture, depth }));
      const g = trainer.gradNorms();
      trainer.dispose();
      if (g.kind !== 'ok') throw new Error('diverged');
      expect(g.norms).toHaveLength(depth);
      expect(g.norms.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    }
  });

  it('predictGrid(R) gives R·R rows of class probabilities that sum to 1', () => {
    for (const batchNorm of [true, false]) {
      const trainer = createTrainer(config({ batchNorm }));
      trainer.step(20);
      const grid = trainer.predictGrid(12);
      trainer.dispose();
      if (grid.kind !== 'ok') throw new Error('diverged');
      expect(grid.probabilities).toHaveLength(12 * 12 * 3);
      for (let i = 0; i < 144; i++) {
        const p = grid.probabilities.subarray(3 * i, 3 * i + 3);
        expect(p.every((v) => v >= 0 && v <= 1)).toBe(true);
        expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 5);
      }
    }
  });

  it.each([
    ['plain with BN (losses explode but stay finite)', { batchNorm: true }],
    ['plain without BN (losses overflow)', { batchNorm: false, depth: 8 }],
    ['residual with BN', { architecture: 'residual', batchNorm: true }],
  ] as const)('SGD with lr = 10 on %s is reported as diverged, with no NaN anywhere', (_name, over) => {
    const trainer = createTrainer(config({ ...over, optimizer: { kind: 'sgd', learningRate: 10, momentum: 0.9 } }));
    const r = trainer.step(100);
    expect(r.kind).toBe('diverged');
    if (r.kind !== 'diverged') return;
    expect(r.losses.every(Number.isFinite)).toBe(true);
    expect(r.losses).toHaveLength(r.atStep - r.firstStep);
    expect(trainer.stepsDone).toBe(r.atStep);
    expect(trainer.divergence).toEqual({ kind: 'diverged', atStep: r.atStep, reason: r.reason, nets: [true] });
    for (const later of [trainer.step(5), trainer.evaluate(), trainer.gradNorms(), trainer.predictGrid(4)]) {
      expect(later.kind).toBe('diverged');
      expect(JSON.stringify(later)).not.toMatch(/NaN|null|Infinity/);
    }
    trainer.dispose();
  });

  it('rejects a batch larger than the data and a non-integer step count', () => {
    expect(() => createTrainer(config({ batchSize: 301 }))).toThrow(RangeError);
    const trainer = createTrainer(config());
    expect(() => trainer.step(0)).toThrow(RangeError);
    trainer.dispose();
    expect(() => trainer.step(1)).toThrow(/disposed/);
  });
});
