import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accuracyOf, confusionMatrix, cosineFactor, createDigitTrainer, digitTensors, type DigitTensors } from './digit-trainer.ts';
import type { DigitSplit } from './mnist-subset.ts';
import { createRng } from './prng.ts';
import { createSoftmaxRegression } from './softmax-regression.ts';
import { createTinyCnn } from './tiny-cnn.ts';

/**
 * Digit-like synthetic data (the real digits are tested in src/workers/cnn-job.test.ts): each
 * class is a fixed random pattern of short strokes; an example is its class pattern shifted by up
 * to one pixel, with a fifth of its ink dropped and a little random ink added.
 */
function syntheticDigits(n: number, seed: number): DigitSplit {
  const templates = Array.from({ length: 10 }, (_, c) => {
    const rng = createRng(1000 + c);
    const t = new Uint8Array(784);
    for (let s = 0; s < 6; s++) {
      let y = 5 + rng.int(18), x = 5 + rng.int(18);
      const dy = rng.int(3) - 1, dx = rng.int(3) - 1 || 1;
      for (let k = 0; k < 7; k++, y += dy, x += dx) if (y >= 0 && y < 28 && x >= 0 && x < 28) t[y * 28 + x] = 255;
    }
    return t;
  });
  const rng = createRng(seed);
  const images = new Uint8Array(n * 784);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 10;
    labels[i] = c;
    const sy = rng.int(3) - 1, sx = rng.int(3) - 1;
    for (let y = 0; y < 28; y++)
      for (let x = 0; x < 28; x++) {
        const from = (y - sy) * 28 + (x - sx);
        const ink = y - sy >= 0 && y - sy < 28 && x - sx >= 0 && x - sx < 28 ? templates[c]![from]! : 0;
        images[i * 784 + y * 28 + x] = ink && rng.uniform() > 0.2 ? ink : rng.uniform() < 0.02 ? 128 : 0;
      }
  }
  return { n, images, labels };
}
let train: DigitTensors;
let test: DigitTensors;

beforeAll(async () => {
  await tf.setBackend('wasm');
  train = digitTensors(syntheticDigits(1200, 1));
  test = digitTensors(syntheticDigits(300, 2));
});
afterAll(() => {
  train.dispose();
  test.dispose();
});

const cnnRun = (seed: number, steps: number, chunk = steps) => {
  const model = createTinyCnn({ seed });
  const trainer = createDigitTrainer({ model, train, batchSize: 32, optimizer: { kind: 'adam', learningRate: 0.004 }, seed, decaySteps: 60 });
  const losses: number[] = [];
  for (let done = 0; done < steps; done += chunk) losses.push(...trainer.step(Math.min(chunk, steps - done)));
  const weights = model.bank.read();
  trainer.dispose();
  model.dispose();
  return { losses, weights };
};

describe('createDigitTrainer (WASM backend, the tiny CNN on 1,200 synthetic digits)', () => {
  it('gives identical losses and weights for the same seed, other ones for another seed', () => {
    const a = cnnRun(3, 12);
    const b = cnnRun(3, 12);
    expect(b.losses).toEqual(a.losses);
    expect(b.weights).toEqual(a.weights);
    expect(cnnRun(4, 12).losses).not.toEqual(a.losses);
  });

  it('step(12) gives the same losses as twelve step(1) calls', () => {
    expect(cnnRun(5, 12, 1).losses).toEqual(cnnRun(5, 12).losses);
  });

  it('leaks no tensors: tf.memory().numTensors stays constant across a training run with evaluations', () => {
    const baseline = tf.memory().numTensors;
    const model = createTinyCnn({ seed: 1 });
    const trainer = createDigitTrainer({ model, train, batchSize: 32, optimizer: { kind: 'adam', learningRate: 0.004 }, seed: 1 });
    trainer.step(1);
    const held = tf.memory().numTensors;
    const counts = new Set<number>();
    for (let i = 0; i < 40; i++) {
      trainer.step(i % 3 === 0 ? 2 : 1);
      counts.add(tf.memory().numTensors);
      if (i % 10 === 9) {
        trainer.evaluate(test);
        counts.add(tf.memory().numTensors);
      }
    }
    expect([...counts]).toEqual([held]);
    trainer.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('learns: after 2 epochs the CNN is right on > 85 % of 300 new digits, far above chance', () => {
    const model = createTinyCnn({ seed: 0 });
    const trainer = createDigitTrainer({ model, train, batchSize: 32, optimizer: { kind: 'adam', learningRate: 0.004 }, seed: 0, decaySteps: 76 });
    const before = trainer.evaluate(test).accuracy;
    const losses = trainer.step(2 * trainer.stepsPerEpoch);
    const after = trainer.evaluate(test).accuracy;
    trainer.dispose();
    model.dispose();
    expect(before).toBeLessThan(0.25);
    expect(after).toBeGreaterThan(0.85);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(-10))).toBeLessThan(0.3 * mean(losses.slice(0, 5)));
  });

  it('logistic regression on raw pixels learns too, and trains on the same batches', () => {
    const model = createSoftmaxRegression();
    const trainer = createDigitTrainer({ model, train, batchSize: 32, optimizer: { kind: 'adam', learningRate: 0.004 }, seed: 0 });
    trainer.step(2 * trainer.stepsPerEpoch);
    expect(trainer.evaluate(test).accuracy).toBeGreaterThan(0.75);
    expect(trainer.epochsDone).toBeCloseTo((76 * 32) / 1200, 10);
    trainer.dispose();
    model.dispose();
  });

  it('rejects a batch size outside [1, N] and a step count below 1', () => {
    const model = createSoftmaxRegression();
    expect(() => createDigitTrainer({ model, train, batchSize: 0, optimizer: { kind: 'adam', learningRate: 0.01 }, seed: 0 })).toThrow(RangeError);
    const trainer = createDigitTrainer({ model, train, batchSize: 8, optimizer: { kind: 'adam', learningRate: 0.01 }, seed: 0 });
    expect(() => trainer.step(0)).toThrow(RangeError);
    trainer.dispose();
    model.dispose();
  });
});

describe('metrics', () => {
  it('accuracyOf counts matches; confusionMatrix counts [true][predicted]', () => {
    const labels = Uint8Array.from([0, 1, 1, 2]);
    const predictions = Uint8Array.from([0, 1, 2, 2]);
    expect(accuracyOf(labels, predictions)).toBe(0.75);
    expect(confusionMatrix(labels, predictions, 3)).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
  });

  it('cosineFactor decays from 1 to the floor and stays there', () => {
    expect(cosineFactor(0, 100)).toBe(1);
    expect(cosineFactor(50, 100)).toBeCloseTo(0.525, 10);
    expect(cosineFactor(100, 100)).toBeCloseTo(0.05, 10);
    expect(cosineFactor(500, 100, 0.1)).toBe(0.1);
  });
});
