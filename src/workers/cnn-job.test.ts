import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeDigitSubset } from '../lib/ml/mnist-subset';
import { tinyCnnParameterCount } from '../lib/ml/tiny-cnn-reference';
import { runCnnJob, type CnnJob, type CnnProgress } from './cnn-job';

const data = decodeDigitSubset(gunzipSync(readFileSync('src/data/mnist/mnist-subset.bin')));

beforeAll(async () => {
  await tf.setBackend('wasm');
});

const job: CnnJob = { epochs: 1, batchSize: 32, lr: 0.004, seed: 0, channels1: 4, channels2: 8, evalsPerEpoch: 2, contrast: true, maxSteps: 60 };

describe('runCnnJob (a short run on the shipped digits, WASM)', () => {
  it('reports losses in chunks, accuracies before training and at each half epoch, and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const reports: CnnProgress[] = [];
    let checkpoints = 0;
    const result = await runCnnJob({ ...job, maxSteps: undefined, epochs: 1 }, { report: (p) => reports.push(p), checkpoint: async () => void checkpoints++ }, data);
    expect(tf.memory().numTensors).toBe(before);
    const total = Math.ceil(5000 / 32);
    expect(reports.at(-1)!.step).toBe(total);
    expect(reports.every((r) => r.total === total)).toBe(true);
    expect(reports.flatMap((r) => r.losses)).toHaveLength(total);
    expect(checkpoints).toBeGreaterThanOrEqual(total / 10);
    expect(result.curve.map((e) => e.epoch)).toEqual([0, 0.5, 1]);
    expect(result.curve.map((e) => e.step)).toEqual([0, 79, 157]);
    const [first, , last] = result.curve;
    expect(first!.test).toBeLessThan(0.25);
    expect(last!.test).toBeGreaterThan(0.85);
    expect(last!.train).toBeGreaterThan(0.85);
    expect(last!.logisticTest).toBeGreaterThan(0.8);
    // weights at every evaluation, the parameter count of a 4/8-filter net
    expect(reports.filter((r) => r.weights).map((r) => r.weights!.length)).toEqual([1, 2, 3].map(() => tinyCnnParameterCount(4, 8)));
    // the confusion matrix counts all 1,000 test digits, 100 per true class
    expect(result.confusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(new Array(10).fill(100));
    const diagonal = result.confusion.reduce((s, row, i) => s + row[i]!, 0);
    expect(diagonal / 1000).toBeCloseTo(last!.test, 10);
    expect(result.msPerEpoch).toBeGreaterThan(0);
  });

  it('is reproducible: the same job gives the same curve and weights', async () => {
    const quiet = { report: () => {}, checkpoint: async () => {} };
    const a = await runCnnJob(job, quiet, data);
    const b = await runCnnJob(job, quiet, data);
    expect(b.curve).toEqual(a.curve);
    expect(b.weights).toEqual(a.weights);
    expect(a.steps).toBe(60);
  });

  it('stops at a checkpoint that throws, without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    let n = 0;
    const stop = new Error('stop');
    await expect(runCnnJob(job, { report: () => {}, checkpoint: async () => { if (++n === 3) throw stop; } }, data)).rejects.toBe(stop);
    expect(tf.memory().numTensors).toBe(before);
  });
});
