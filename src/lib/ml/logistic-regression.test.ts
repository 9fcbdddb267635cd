import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// Registers tfjs-core's gradient functions: autodiff is only the test oracle, the trainer never uses it.
import '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from './datasets.ts';
import { createLogisticTrainer, type LogisticConfig } from './logistic-regression.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const circles = makeDataset('circles', { n: 400, seed: 1 });
const config = (over: Partial<LogisticConfig> = {}): LogisticConfig => ({
  data: circles,
  features: ['x', 'y'],
  batchSize: 32,
  optimizer: { kind: 'adam', learningRate: 0.03 },
  seed: 0,
  ...over,
});
const ok = <T extends { kind: string }>(r: T) => {
  if (r.kind !== 'ok') throw new Error(`expected ok, got ${r.kind}`);
  return r as Extract<T, { kind: 'ok' }>;
};

describe('createLogisticTrainer', () => {
  it('has F·C + C parameters and starts at chance (all-zero weights: loss ln C)', () => {
    const t = createLogisticTrainer(config({ features: ['x', 'y', 'x2'] }));
    expect(t.parameterCount).toBe(3 * 2 + 2);
    expect(ok(t.evaluate()).loss).toBeCloseTo(Math.log(2), 5);
    t.dispose();
  });

  it('its gradient step equals tfjs autodiff of the same loss (one SGD step, no momentum)', () => {
    const data = makeDataset('spiral', { n: 30, seed: 2 });
    const t = createLogisticTrainer({ data, features: ['x', 'y', 'xy'], batchSize: 30, optimizer: { kind: 'sgd', learningRate: 1, momentum: 0 }, seed: 0 });
    // With W = 0, b = 0 and the full batch, one SGD step with lr 1 moves (W, b) by −∇L; then
    // the logits at a grid point reveal the new parameters. Compare the predicted grid with autodiff.
    t.step(1);
    const grid = ok(t.predictGrid(2, { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }));
    const expected = tf.tidy(() => {
      // standardised features of the training set
      const raw = Array.from({ length: data.n }, (_, i) => {
        const x = data.x[2 * i]!, y = data.x[2 * i + 1]!;
        return [x, y, x * y];
      });
      const cols = [0, 1, 2].map((j) => raw.map((r) => r[j]!));
      const mean = cols.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
      const std = cols.map((c, j) => Math.sqrt(c.reduce((a, b) => a + (b - mean[j]!) ** 2, 0) / c.length));
      const phi = tf.tensor2d(raw.map((r) => r.map((v, j) => (v - mean[j]!) / std[j]!)));
      const oneHot = tf.cast(tf.oneHot(tf.tensor1d(data.y, 'int32'), 3), 'float32');
      const loss = (w: tf.Tensor, b: tf.Tensor) => tf.losses.softmaxCrossEntropy(oneHot, tf.add(tf.matMul(phi, w), b));
      const [gw, gb] = tf.grads(loss)([tf.zeros([3, 3]), tf.zeros([1, 3])]);
      const w = tf.neg(gw!), b = tf.neg(gb!);
      const pts = [[-0.5, 0.5], [0.5, 0.5], [-0.5, -0.5], [0.5, -0.5]].map(([x, y]) => [x!, y!, x! * y!].map((v, j) => (v - mean[j]!) / std[j]!));
      return Array.from(tf.softmax(tf.add(tf.matMul(tf.tensor2d(pts), w), b)).dataSync());
    });
    Array.from(grid.probabilities).forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 5));
    t.dispose();
  });

  it('on circles, raw (x, y) stays near chance while x² and y² separate the classes', () => {
    const raw = createLogisticTrainer(config());
    const hand = createLogisticTrainer(config({ features: ['x', 'y', 'x2', 'y2'] }));
    raw.step(300);
    hand.step(300);
    const r = ok(raw.evaluate());
    const h = ok(hand.evaluate());
    expect(r.accuracy).toBeLessThan(0.7);
    expect(r.loss).toBeGreaterThan(0.6);
    expect(h.accuracy).toBeGreaterThan(0.98);
    expect(h.loss).toBeLessThan(0.1);
    raw.dispose();
    hand.dispose();
  });

  it('the same config gives the same numbers (seeded batches)', () => {
    const run = () => {
      const t = createLogisticTrainer(config({ features: ['x2', 'y2'] }));
      const losses = ok(t.step(40)).losses;
      t.dispose();
      return losses;
    };
    expect(run()).toEqual(run());
  });

  it('predictGrid gives R·R·C probabilities that sum to 1 per cell', () => {
    const t = createLogisticTrainer(config({ features: ['x2', 'y2'] }));
    t.step(50);
    const g = ok(t.predictGrid(8));
    expect(g.probabilities).toHaveLength(8 * 8 * 2);
    for (let i = 0; i < 64; i++) expect(g.probabilities[2 * i]! + g.probabilities[2 * i + 1]!).toBeCloseTo(1, 5);
    t.dispose();
  });

  it('a training run leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    const t = createLogisticTrainer(config({ features: ['x', 'y', 'sinx'] }));
    t.step(20);
    t.evaluate();
    t.predictGrid(4);
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports divergence instead of NaN', () => {
    const t = createLogisticTrainer(config({ optimizer: { kind: 'sgd', learningRate: 1e6, momentum: 0.9 }, features: ['x', 'y'], maxLoss: 5 }));
    let r = t.step(20);
    for (let i = 0; i < 5 && r.kind === 'ok'; i++) r = t.step(20);
    expect(r.kind).toBe('diverged');
    expect(t.evaluate().kind).toBe('diverged');
    t.dispose();
  });

  it('rejects an empty feature list', () => {
    expect(() => createLogisticTrainer(config({ features: [] }))).toThrow(RangeError);
  });
});
