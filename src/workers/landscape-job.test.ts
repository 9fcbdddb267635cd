import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// The worker entry registers tfjs-core's gradients for the Hessian; here tfjs-layers does.
import '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLandscapeJob, type LandscapeJob, type LandscapeProgress } from './landscape-job';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const job = (over: Partial<LandscapeJob> = {}): LandscapeJob => ({
  arch: 'residual',
  depth: 4,
  width: 8,
  bn: true,
  optimizer: 'adam',
  lr: 0.01,
  steps: 60,
  seed: 2,
  dataset: 'moons',
  points: 200,
  batchSize: 32,
  resolution: 7,
  span: 1,
  linePoints: 9,
  lanczosSteps: 6,
  ...over,
});
const ctx = (reports: LandscapeProgress[] = []) => ({ report: (p: LandscapeProgress) => void reports.push(p), checkpoint: async () => {} });

describe('runLandscapeJob: the loss around one trained net', () => {
  it('gives the 1-D line from θ₀ to θ*, the 2-D slice row by row, its roughness and the curvature at θ*', async () => {
    const reports: LandscapeProgress[] = [];
    const before = tf.memory().numTensors;
    const r = await runLandscapeJob(job(), ctx(reports));
    expect(tf.memory().numTensors).toBe(before);
    // The line: t = −0.5 … 1.5; at t = 1 the trained net's own loss.
    expect(r.line.map((p) => p.t)).toEqual([-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5]);
    expect(r.line[6]!.loss).toBeCloseTo(r.trainLoss!, 4);
    expect(r.line[2]!.loss).toBeGreaterThan(r.trainLoss!);
    // The slice: the centre (α = β = 0) is the trained net, and the lowest point of the map is near it.
    const g = r.grid!;
    expect(g.loss).toHaveLength(49);
    expect(g.loss[3 * 7 + 3]).toBeCloseTo(r.trainLoss!, 4);
    expect(Math.max(...g.loss)).toBeGreaterThan(r.trainLoss! * 2);
    expect(r.roughness!.upDown).toBeGreaterThanOrEqual(1);
    expect(r.lossPoints).toBe(200);
    // Curvature: the largest eigenvalue is positive and at least as large as |the smallest|.
    expect(r.curvature!.products).toBe(6);
    expect(r.curvature!.max).toBeGreaterThan(0);
    expect(r.curvature!.ratio).toBeCloseTo(Math.abs(r.curvature!.min / r.curvature!.max), 10);
    // Rows arrive in order, and the progress reaches the total.
    expect(reports.filter((p) => p.phase === 'row').map((p) => (p.phase === 'row' ? p.row : -1))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(reports.at(-1)!.done).toBe(reports.at(-1)!.total);
    expect(r.msPerPoint).toBeGreaterThan(0);
  });

  it('is deterministic for a seed: same directions, same slice', async () => {
    const a = await runLandscapeJob(job({ arch: 'plain', lanczosSteps: 0, linePoints: 0 }), ctx());
    const b = await runLandscapeJob(job({ arch: 'plain', lanczosSteps: 0, linePoints: 0 }), ctx());
    expect(Array.from(a.grid!.loss)).toEqual(Array.from(b.grid!.loss));
    expect(a.curvature).toBeUndefined();
    expect(a.line).toEqual([]);
  });

  it('with lossPoints, measures on that many training points spread over the set', async () => {
    const r = await runLandscapeJob(job({ lossPoints: 100, lanczosSteps: 0, linePoints: 0, resolution: 3 }), ctx());
    expect(r.lossPoints).toBe(100);
    // The centre is the trained net, on half the points: close to, not exactly, the full-set loss.
    expect(r.grid!.loss[4]).toBeCloseTo(r.trainLoss!, 1);
    expect(r.grid!.loss[4]).not.toBe(r.trainLoss);
  });

  it('a diverging run ends with the step and reason and no landscape', async () => {
    const r = await runLandscapeJob(job({ bn: false, depth: 8, optimizer: 'sgd', lr: 10, steps: 100 }), ctx());
    expect(r.diverged).toBeDefined();
    expect(r.grid).toBeUndefined();
  });

  it('stops at a checkpoint in the Hessian phase too', async () => {
    let calls = 0;
    const stop = new Error('stopped');
    // Training takes 6 checkpoints (start, 4 chunks, done), the line 2, the rows 7: the 16th is the first product.
    await expect(runLandscapeJob(job(), { report: () => {}, checkpoint: async () => { if (++calls === 16) throw stop; } })).rejects.toBe(stop);
  });
});
