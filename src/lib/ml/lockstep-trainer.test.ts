import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from './datasets.ts';
import { createLockstepTrainer, type LockstepTrainerConfig } from './lockstep-trainer.ts';
import { createMlp } from './mlp.ts';
import { createOptimizer } from './optimizers.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';
import { createTrainer } from './trainer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const data = makeDataset('spiral', { n: 240, seed: 2 });
const config = (over: Partial<LockstepTrainerConfig> = {}): LockstepTrainerConfig => ({
  data,
  nets: [
    { architecture: 'plain', seed: 5 },
    { architecture: 'residual', seed: 5 },
  ],
  depth: 4,
  width: 8,
  batchNorm: true,
  batchSize: 24,
  optimizer: { kind: 'adam', learningRate: 1e-2 },
  seed: 5,
  ...over,
});

const closeTo = (a: number[], b: number[], tolerance: number) =>
  a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) <= tolerance * Math.max(1, Math.abs(b[i]!)));

describe('createLockstepTrainer(config)', () => {
  it.each([true, false])('net k follows the one-net run with its architecture and seed (BN %s): losses, metrics, gradient norms, grid', (batchNorm) => {
    const packed = createLockstepTrainer(config({ batchNorm }));
    const steps = packed.step(40);
    const evaluation = packed.evaluate();
    const norms = packed.gradNorms();
    const grid = packed.predictGrid(6);
    if (steps.kind !== 'ok' || evaluation.kind !== 'ok' || norms.kind !== 'ok' || grid.kind !== 'ok') throw new Error('diverged');
    packed.config.nets.forEach(({ architecture }, k) => {
      const single = createTrainer({ ...config({ batchNorm }), architecture, seed: 5 });
      const s = single.step(40);
      const e = single.evaluate();
      const g = single.gradNorms();
      const p = single.predictGrid(6);
      single.dispose();
      if (e.kind !== 'ok' || g.kind !== 'ok' || p.kind !== 'ok') throw new Error('diverged');
      expect(closeTo(steps.losses[k]!, s.losses, 1e-3)).toBe(true);
      expect(closeTo([evaluation.loss[k]!], [e.loss], 1e-3)).toBe(true);
      expect(evaluation.accuracy[k]).toBeCloseTo(e.accuracy, 2);
      expect(closeTo(norms.norms[k]!, g.norms, 1e-2)).toBe(true);
      expect(closeTo([...grid.probabilities[k]!], [...p.probabilities], 1e-3)).toBe(true);
    });
    packed.dispose();
  });

  it.each([true, false])('keeps the zero blocks of the packed kernels exactly zero under Adam (BN %s)', (batchNorm) => {
    const net = createMlp({ lanes: config().nets, depth: 4, width: 8, batchNorm, inputDim: 2, classes: 3 });
    const optimizer = createOptimizer({ kind: 'adam', learningRate: 0.05 }, net.variables);
    const x = tf.tensor2d(data.x, [data.n, 2]);
    const targets = tf.tile(tf.oneHot(tf.tensor1d(data.y, 'int32'), 3), [1, 2]);
    const isZero = () => tf.tidy(() => Array.from(tf.equal(net.variables[1], 0).dataSync()));
    const zerosBefore = isZero();
    for (let i = 0; i < 20; i++) {
      tf.tidy(() => {
        const { logits, tape } = net.forwardTrain(x);
        const g = net.backward(tape, softmaxCrossEntropy(logits, targets, 2).dLogits);
        optimizer.apply([g.vectors, g.body, g.head]);
      });
    }
    const zerosAfter = isZero();
    // Half of each packed kernel is off-diagonal; all of it is still exactly 0, the diagonal moved.
    expect(zerosBefore.filter(Boolean).length).toBe(4 * 16 * 16 / 2);
    expect(zerosAfter).toEqual(zerosBefore);
    optimizer.dispose();
    net.dispose();
    tf.dispose([x, targets]);
  });

  it('leaks no tensors across steps and frees everything on dispose', () => {
    const baseline = tf.memory().numTensors;
    const trainer = createLockstepTrainer(config());
    trainer.evaluate();
    const held = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) {
      trainer.step(2);
      trainer.gradNorms();
      trainer.evaluate();
      trainer.predictGrid(4);
      expect(tf.memory().numTensors).toBe(held);
    }
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('stops all nets when one diverges and says which one', () => {
    const trainer = createLockstepTrainer(config({ batchNorm: false, depth: 8, optimizer: { kind: 'sgd', learningRate: 10 } }));
    const r = trainer.step(100);
    trainer.dispose();
    expect(r.kind).toBe('diverged');
    if (r.kind !== 'diverged') return;
    expect(r.nets).toHaveLength(2);
    expect(r.nets.some(Boolean)).toBe(true);
    expect(r.losses.every((l) => l.length === r.atStep - r.firstStep && l.every(Number.isFinite))).toBe(true);
  });

  it('rejects more than 4 nets and a residual net of odd depth', () => {
    const five = Array.from({ length: 5 }, () => ({ architecture: 'plain' as const, seed: 0 }));
    expect(() => createLockstepTrainer(config({ nets: five }))).toThrow(RangeError);
    expect(() => createLockstepTrainer(config({ depth: 5 }))).toThrow(RangeError);
  });
});
