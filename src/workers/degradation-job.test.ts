import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDegradationJob, type DegradationJob, type DegradationProgress } from './degradation-job';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const job = (over: Partial<DegradationJob> = {}): DegradationJob => ({
  arch: 'residual',
  depth: 4,
  width: 8,
  bn: true,
  optimizer: 'adam',
  lr: 0.01,
  steps: 60,
  seed: 1,
  dataset: 'moons',
  points: 200,
  batchSize: 20,
  evalEvery: 20,
  gridResolution: 6,
  ...over,
});
const ctx = (reports: DegradationProgress[] = []) => ({ report: (p: DegradationProgress) => void reports.push(p), checkpoint: async () => {} });

describe('runDegradationJob: one net of the degradation lab, trained by the shared loop', () => {
  it('reports every mini-batch loss once, evaluations and gradient norms at 0, every evalEvery and the end', async () => {
    const reports: DegradationProgress[] = [];
    const r = await runDegradationJob(job(), ctx(reports));
    const losses = reports.flatMap((p) => p.losses);
    expect(losses).toHaveLength(60);
    expect(losses.every((l) => Number.isFinite(l) && l > 0)).toBe(true);
    expect(reports[0]).toMatchObject({ step: 0, losses: [], evaluation: { step: 0 } });
    expect(reports.filter((p) => p.evaluation).map((p) => p.evaluation!.step)).toEqual([0, 20, 40, 60]);
    expect(reports.filter((p) => p.gradNorms).map((p) => p.gradNorms!.norms.length)).toEqual([4, 4, 4, 4]);
    expect(reports[1]!.step).toBe(5); // a short first chunk, so the curve appears at once
    expect(r.finalLoss).toBe(reports.at(-1)!.evaluation!.loss);
    expect(r.finalAccuracy).toBeGreaterThan(0.8);
    expect(r.grid!.probabilities).toHaveLength(6 * 6 * 2);
    expect(r.msPerStep).toBeGreaterThan(0);
  });

  it('in a sweep (evalEvery 0) reports losses only and evaluates once at the end', async () => {
    const reports: DegradationProgress[] = [];
    const r = await runDegradationJob(job({ evalEvery: 0, gridResolution: 0 }), ctx(reports));
    expect(reports.some((p) => p.evaluation || p.gradNorms)).toBe(false);
    expect(reports.flatMap((p) => p.losses)).toHaveLength(60);
    expect(r.finalLoss).toBeGreaterThan(0);
    expect(r.grid).toBeUndefined();
  });

  it('is deterministic for a seed and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const a = await runDegradationJob(job({ arch: 'plain' }), ctx());
    const b = await runDegradationJob(job({ arch: 'plain' }), ctx());
    expect(b.finalLoss).toBe(a.finalLoss);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops a diverging run with the step and the reason, and no non-finite number in any report', async () => {
    const reports: DegradationProgress[] = [];
    const r = await runDegradationJob(job({ arch: 'residual', bn: false, depth: 8, optimizer: 'sgd', lr: 10, steps: 200 }), ctx(reports));
    expect(r.diverged).toBeDefined();
    expect(r.diverged!.atStep).toBeGreaterThan(0);
    expect(r.finalLoss).toBeUndefined();
    expect(JSON.stringify(reports)).not.toMatch(/NaN|null|Infinity/);
  });

  it('a stop at a checkpoint ends the job with the exception the server turns into "stopped"', async () => {
    let calls = 0;
    const stop = new Error('stopped');
    await expect(runDegradationJob(job(), { report: () => {}, checkpoint: async () => { if (++calls === 3) throw stop; } })).rejects.toBe(stop);
  });
});
