import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDigitSubset } from '../lib/ml/mnist-subset';
import { runCnnDepthJob, type CnnDepthJob, type CnnDepthProgress } from './cnn-depth-job';

const digits = decodeDigitSubset(gunzipSync(readFileSync('src/data/mnist/mnist-subset.bin')));

// WASM, as in the worker (the CPU backend's convolutions are ~10× slower).
beforeAll(async () => {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await tf.setBackend('wasm');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

const job = (over: Partial<CnnDepthJob> = {}): CnnDepthJob => ({
  arch: 'residual',
  layers: 8,
  width: 4,
  inputSize: 14,
  shortcut: 'A',
  optimizer: 'adam',
  lr: 0.01,
  steps: 24,
  batchSize: 32,
  seed: 1,
  trainCount: 300,
  testCount: 100,
  evaluations: 3,
  trainSample: 100,
  featureClasses: [7],
  chunk: 5,
  ...over,
});
const ctx = (reports: CnnDepthProgress[] = []) => ({ report: (p: CnnDepthProgress) => void reports.push(p), checkpoint: async () => {} });

describe('runCnnDepthJob: one CIFAR-family net on the digits, trained by the shared loop', () => {
  it('reports every loss once, a first report after 2 steps, errors at 0, at (i/n)² of the run and at the end; final errors on all digits', async () => {
    const reports: CnnDepthProgress[] = [];
    const r = await runCnnDepthJob(job(), ctx(reports), digits);
    expect(reports[0]).toMatchObject({ arch: 'residual', layers: 8, step: 0, total: 24, losses: [], evaluation: { step: 0 } });
    expect(reports[1]!.step).toBe(2);
    expect(reports.flatMap((p) => p.losses)).toHaveLength(24);
    // 24 steps, 3 evaluations: 24·1/9 → 3, 24·4/9 → 11, 24.
    expect(reports.filter((p) => p.evaluation).map((p) => p.evaluation!.step)).toEqual([0, 3, 11, 24]);
    expect(r.curve.map((p) => p.step)).toEqual([0, 3, 11, 24]);
    // The last point's training error is measured on all 300 digits (a multiple of 1/300), the others on 100.
    expect(Math.round(r.trainError! * 300) / 300).toBeCloseTo(r.trainError!, 12);
    expect(r.curve.at(-1)!.trainError).toBe(r.trainError);
    expect(r.testError).toBe(reports.at(-1)!.evaluation!.testError);
    expect(r.trainError!).toBeLessThan(0.6);
    expect(r.msPerStep).toBeGreaterThan(0);
    expect(r.parameters).toBeGreaterThan(0);
  });

  it('returns the feature maps of the first test digit of a class: the stem and each stage ([14,14,w], [14,14,w], [7,7,2w], [4,4,4w])', async () => {
    const r = await runCnnDepthJob(job({ steps: 4, evaluations: 1 }), ctx(), digits);
    const f = r.features![0]!;
    expect(f.digit).toBe(digits.test.labels.indexOf(7));
    expect(f.label).toBe(7);
    expect(f.stacks.map((s) => [s.size, s.channels, s.values.length])).toEqual([
      [14, 4, 14 * 14 * 4],
      [14, 4, 14 * 14 * 4],
      [7, 8, 7 * 7 * 8],
      [4, 16, 4 * 4 * 16],
    ]);
    expect(f.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    // After ReLU: no negative activations.
    expect(Math.min(...f.stacks.flatMap((s) => Array.from(s.values)))).toBeGreaterThanOrEqual(0);
    const two = await runCnnDepthJob(job({ steps: 2, evaluations: 1, featureClasses: [0, 1] }), ctx(), digits);
    expect(two.features!.map((x) => x.label)).toEqual([0, 1]);
  });

  it('is deterministic for a seed, keeps a constant tensor count across evaluations and leaves none behind', async () => {
    const before = tf.memory().numTensors;
    const a = await runCnnDepthJob(job({ arch: 'plain', evaluations: 4 }), ctx(), digits);
    const b = await runCnnDepthJob(job({ arch: 'plain', evaluations: 4 }), ctx(), digits);
    expect(b.curve).toEqual(a.curve);
    expect(new Set(a.tensorCounts).size).toBe(1);
    expect(a.tensorCounts).toHaveLength(4);
    expect(a.wasmHeapBytes).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops a diverging run with the step and the reason, and no non-finite number in any report', async () => {
    const reports: CnnDepthProgress[] = [];
    const r = await runCnnDepthJob(job({ optimizer: 'sgd', lr: 1e4, steps: 30 }), ctx(reports), digits);
    expect(r.diverged).toBeDefined();
    expect(r.diverged!.atStep).toBeGreaterThan(0);
    expect(r.trainError).toBeUndefined();
    expect(JSON.stringify(reports)).not.toMatch(/NaN|null|Infinity/);
  });

  it('a stop at a checkpoint ends the job with the exception the server turns into "stopped", leaving no tensors', async () => {
    const before = tf.memory().numTensors;
    let calls = 0;
    const stop = new Error('stopped');
    await expect(runCnnDepthJob(job(), { report: () => {}, checkpoint: async () => { if (++calls === 3) throw stop; } }, digits)).rejects.toBe(stop);
    expect(tf.memory().numTensors).toBe(before);
  });
});
