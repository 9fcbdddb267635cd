import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBlockVariantsJob, type BlockVariantsJob, type BlockVariantsProgress } from './block-variants-job';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const job = (over: Partial<BlockVariantsJob> = {}): BlockVariantsJob => ({
  variant: 'original',
  depth: 4,
  width: 8,
  gateBias: -6,
  optimizer: 'adam',
  lr: 0.01,
  steps: 60,
  seed: 1,
  dataset: 'moons',
  points: 200,
  batchSize: 20,
  evalEvery: 20,
  ...over,
});
const ctx = (reports: BlockVariantsProgress[] = []) => ({ report: (p: BlockVariantsProgress) => void reports.push(p), checkpoint: async () => {} });

describe('runBlockVariantsJob: one block variant, trained by the shared loop', () => {
  it('reports every mini-batch loss once, and training and test scores at 0, every evalEvery and the end', async () => {
    const reports: BlockVariantsProgress[] = [];
    const r = await runBlockVariantsJob(job(), ctx(reports));
    const losses = reports.flatMap((p) => p.losses);
    expect(losses).toHaveLength(60);
    expect(losses.every((l) => Number.isFinite(l) && l > 0)).toBe(true);
    expect(reports[0]).toMatchObject({ variant: 'original', step: 0, losses: [], evaluation: { step: 0 } });
    expect(reports.filter((p) => p.evaluation).map((p) => p.evaluation!.step)).toEqual([0, 20, 40, 60]);
    expect(reports[1]!.step).toBe(5);
    expect(r.final).toEqual(reports.at(-1)!.evaluation);
    expect(r.final!.accuracy).toBeGreaterThan(0.8);
    expect(r.final!.testAccuracy).toBeGreaterThan(0.8);
    expect(r.msPerStep).toBeGreaterThan(0);
    expect(r.parameterCount).toBeGreaterThan(0);
  });

  it('trains every variant to finite numbers, deterministically for a seed, leaving no tensors behind', async () => {
    const before = tf.memory().numTensors;
    for (const variant of ['dropout-shortcut', 'exclusive-gate', 'projection', 'full-preact'] as const) {
      const a = await runBlockVariantsJob(job({ variant, steps: 20, evalEvery: 0 }), ctx());
      const b = await runBlockVariantsJob(job({ variant, steps: 20, evalEvery: 0 }), ctx());
      expect(a.final, variant).toEqual(b.final);
      expect(Number.isFinite(a.final!.testLoss), variant).toBe(true);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the gate bias changes a gated variant’s run and no other', async () => {
    const run = async (variant: BlockVariantsJob['variant'], gateBias: number) => (await runBlockVariantsJob(job({ variant, gateBias, steps: 10, evalEvery: 0 }), ctx())).final;
    expect(await run('shortcut-gate', 0)).not.toEqual(await run('shortcut-gate', -6));
    expect(await run('original', 0)).toEqual(await run('original', -6));
  });

  it('stops a diverging run with the step and the reason, and no non-finite number in any report', async () => {
    const reports: BlockVariantsProgress[] = [];
    const r = await runBlockVariantsJob(job({ variant: 'relu-before-add', optimizer: 'sgd', lr: 10, depth: 8, steps: 200 }), ctx(reports));
    expect(r.diverged).toBeDefined();
    expect(r.diverged!.atStep).toBeGreaterThan(0);
    expect(r.final).toBeUndefined();
    expect(JSON.stringify(reports)).not.toMatch(/NaN|null|Infinity/);
  });

  it('a stop at a checkpoint ends the job with the exception the server turns into "stopped"', async () => {
    let calls = 0;
    const stop = new Error('stopped');
    await expect(runBlockVariantsJob(job(), { report: () => {}, checkpoint: async () => { if (++calls === 3) throw stop; } })).rejects.toBe(stop);
  });
});
