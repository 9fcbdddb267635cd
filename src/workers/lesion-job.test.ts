import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { choose } from '../lib/ml/lesion';
import { runLesionJob, type LesionJob, type LesionProgress } from './lesion-job';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const job = (over: Partial<LesionJob> = {}): LesionJob => ({
  arch: 'residual',
  depth: 8,
  width: 16,
  bn: false,
  optimizer: 'adam',
  lr: 0.01,
  steps: 150,
  seed: 1,
  dataset: 'moons',
  points: 300,
  testPoints: 200,
  batchSize: 32,
  subsets: 5,
  pathSamples: 16,
  gridResolution: 6,
  ...over,
});
const ctx = (reports: LesionProgress[] = []) => ({ report: (p: LesionProgress) => void reports.push(p), checkpoint: async () => {} });

describe('runLesionJob: a lesion study of one trained net', () => {
  it('trains, deletes every block alone, then k = 0 … n random blocks, then measures gradient by path length', async () => {
    const reports: LesionProgress[] = [];
    const before = tf.memory().numTensors;
    const r = await runLesionJob(job(), ctx(reports));
    expect(tf.memory().numTensors).toBe(before);
    expect(r.blocks).toBe(4);
    expect(r.trainAccuracy).toBeGreaterThan(0.9);
    expect(r.testAccuracy).toBeGreaterThan(0.85);
    expect(r.single.map((s) => s.block)).toEqual([0, 1, 2, 3]);
    expect(r.single.every((s) => s.grid!.probabilities.length === 6 * 6 * 2)).toBe(true);
    // k = 0 is the intact net; C(4, k) ≤ 5 subsets are all taken, C(4, 2) = 6 > 5 are sampled.
    expect(r.curve.map((p) => p.k)).toEqual([0, 1, 2, 3, 4]);
    expect(r.curve.map((p) => p.count)).toEqual([1, 4, 5, 4, 1]);
    expect(r.curve[0]!.mean).toBe(r.testAccuracy);
    expect(r.curve[1]!.mean).toBeCloseTo(r.single.reduce((a, s) => a + s.accuracy, 0) / 4, 6);
    for (const p of r.curve) expect(p.min <= p.mean && p.mean <= p.max).toBe(true);
    expect(r.paths!.map((p) => p.paths)).toEqual([0, 1, 2, 3, 4].map((k) => choose(4, k)));
    expect(r.paths!.every((p) => p.magnitude > 0 && Math.abs(p.total - p.magnitude * p.paths) < 1e-12)).toBe(true);
    expect(r.pathSamples).toBe(16);
    expect(r.effective!.share).toBeGreaterThanOrEqual(0.9);
    // Progress counts up to the total, phase after phase.
    const phases = [...new Set(reports.map((p) => p.phase))];
    expect(phases).toEqual(['train', 'intact', 'single', 'subsets', 'paths']);
    expect(reports.at(-1)!.done).toBe(reports.at(-1)!.total);
    expect(reports.map((p) => p.done)).toEqual([...reports.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('a plain net gets the lesions but no path measurement (it has one path); same seed, same numbers', async () => {
    const a = await runLesionJob(job({ arch: 'plain', pathSamples: 16 }), ctx());
    const b = await runLesionJob(job({ arch: 'plain', pathSamples: 16 }), ctx());
    expect(a.paths).toBeUndefined();
    expect(a.curve).toEqual(b.curve);
    expect(a.curve).toHaveLength(5);
  });

  it('a diverging run ends with the step and reason and no lesions', async () => {
    const r = await runLesionJob(job({ optimizer: 'sgd', lr: 10, steps: 100 }), ctx());
    expect(r.diverged).toBeDefined();
    expect(r.curve).toEqual([]);
  });

  it('stops at a checkpoint in any phase', async () => {
    let calls = 0;
    const stop = new Error('stopped');
    await expect(runLesionJob(job(), { report: () => {}, checkpoint: async () => { if (++calls === 12) throw stop; } })).rejects.toBe(stop);
  });
});
