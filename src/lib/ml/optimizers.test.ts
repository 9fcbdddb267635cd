import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer, type OptimizerConfig } from './optimizers.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Runs 6 updates with the same gradient sequence through ours and through tf.train's optimizer. */
function compare(config: OptimizerConfig, reference: tf.Optimizer): number {
  const shapes = [[3, 4], [5]];
  // Seeds start at 1: tfjs treats seed 0 as "no seed".
  const ours = shapes.map((s, i) => tf.variable(tf.randomNormal(s, 0, 1, 'float32', i + 1)));
  const theirs = shapes.map((s, i) => tf.variable(tf.randomNormal(s, 0, 1, 'float32', i + 1)));
  const optimizer = createOptimizer(config, ours);
  for (let step = 0; step < 6; step++) {
    const grads = shapes.map((s, i) => tf.randomNormal(s, 0, 1, 'float32', 100 * step + i + 1));
    optimizer.apply(grads);
    reference.applyGradients(Object.fromEntries(theirs.map((v, i) => [v.name, grads[i]!])));
    tf.dispose(grads);
  }
  const err = Math.max(...ours.map((v, i) => tf.tidy(() => tf.max(tf.abs(tf.sub(v, theirs[i]!))).dataSync()[0]!)));
  optimizer.dispose();
  reference.dispose();
  tf.dispose([...ours, ...theirs]);
  return err;
}

describe('createOptimizer(config, variables)', () => {
  it('adam matches tf.train.adam update for update', () => {
    expect(compare({ kind: 'adam', learningRate: 0.01 }, tf.train.adam(0.01, 0.9, 0.999, 1e-7))).toBeLessThan(1e-6);
  });

  it('sgd with momentum matches tf.train.momentum', () => {
    expect(compare({ kind: 'sgd', learningRate: 0.1, momentum: 0.9 }, tf.train.momentum(0.1, 0.9))).toBeLessThan(1e-6);
  });

  it('keeps no tensors beyond its state, and frees the state on dispose', () => {
    const v = [tf.variable(tf.zeros([4]))];
    const g = tf.ones([4]);
    const before = tf.memory().numTensors;
    const optimizer = createOptimizer({ kind: 'adam', learningRate: 0.1 }, v);
    const withState = tf.memory().numTensors;
    optimizer.apply([g]);
    optimizer.apply([g]);
    expect(tf.memory().numTensors).toBe(withState);
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([g, ...v]);
  });

  it('weight decay λ adds λ·θ to the gradient first (as PyTorch SGD: v ← μv + g + λθ; θ ← θ − lr·v)', () => {
    const theta0 = [0.5, -2, 3];
    const v = tf.variable(tf.tensor1d(theta0));
    const optimizer = createOptimizer({ kind: 'sgd', learningRate: 0.1, momentum: 0.9, weightDecay: 0.01 }, [v]);
    const expected = [...theta0];
    const velocity = [0, 0, 0];
    for (let step = 0; step < 4; step++) {
      const g = [step, 1 - step, 0.25];
      tf.tidy(() => optimizer.apply([tf.tensor1d(g)]));
      for (let i = 0; i < 3; i++) {
        velocity[i] = 0.9 * velocity[i]! + g[i]! + 0.01 * expected[i]!;
        expected[i]! -= 0.1 * velocity[i]!;
      }
    }
    const got = v.dataSync();
    expected.forEach((e, i) => expect(got[i]).toBeCloseTo(e, 5));
    optimizer.dispose();
    v.dispose();
  });

  it('rejects a non-positive learning rate, a momentum of 1 and a negative weight decay', () => {
    expect(() => createOptimizer({ kind: 'sgd', learningRate: 0.1, weightDecay: -1e-4 }, [])).toThrow(RangeError);
    expect(() => createOptimizer({ kind: 'sgd', learningRate: 0 }, [])).toThrow(RangeError);
    expect(() => createOptimizer({ kind: 'sgd', learningRate: 0.1, momentum: 1 }, [])).toThrow(RangeError);
  });
});
