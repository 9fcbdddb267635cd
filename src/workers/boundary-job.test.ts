import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBoundaryJob, type BoundaryJob, type BoundaryProgress } from './boundary-job';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const job = (over: Partial<BoundaryJob> = {}): BoundaryJob => ({
  learner: 'raw',
  features: ['x', 'y', 'x2', 'y2'],
  layers: 2,
  width: 8,
  dataset: 'circles',
  seed: 0,
  steps: 300,
  lr: 0.01,
  evalEvery: 50,
  liveGrid: 8,
  finalGrid: 16,
  ...over,
});
const ctx = (reports: BoundaryProgress[] = []) => ({ report: (p: BoundaryProgress) => void reports.push(p), checkpoint: async () => {} });

describe('runBoundaryJob on circles: learned vs hand-made features', () => {
  it('raw logistic regression fails, hand features fix it, the MLP learns it without being told', async () => {
    const [raw, hand, mlp] = await Promise.all((['raw', 'features', 'mlp'] as const).map((learner) => runBoundaryJob(job({ learner }), ctx())));
    expect(raw!.features).toEqual(['x', 'y']);
    expect(hand!.features).toEqual(['x', 'y', 'x2', 'y2']);
    expect(mlp!.features).toEqual(['x', 'y']);
    expect(raw!.finalAccuracy).toBeLessThan(0.7);
    expect(hand!.finalAccuracy).toBeGreaterThan(0.97);
    expect(mlp!.finalAccuracy).toBeGreaterThan(0.95);
    expect(hand!.finalLoss!).toBeLessThan(raw!.finalLoss!);
    expect(mlp!.finalLoss!).toBeLessThan(raw!.finalLoss!);
    expect(mlp!.grid!.probabilities).toHaveLength(16 * 16 * 2);
  });

  it('reports evaluations every evalEvery steps (with coarse grids) and mini-batch losses for every step', async () => {
    const reports: BoundaryProgress[] = [];
    await runBoundaryJob(job({ learner: 'features', steps: 100 }), ctx(reports));
    expect(reports.filter((r) => r.evaluation).map((r) => r.evaluation!.step)).toEqual([0, 50, 100]);
    expect(reports.flatMap((r) => r.losses)).toHaveLength(100);
    expect(reports.filter((r) => r.grid).map((r) => r.grid!.resolution)).toEqual([8, 8]);
  });

  it('is deterministic for a seed and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const a = await runBoundaryJob(job({ learner: 'mlp', steps: 60 }), ctx());
    const b = await runBoundaryJob(job({ learner: 'mlp', steps: 60 }), ctx());
    expect(a.finalLoss).toBe(b.finalLoss);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports the MLP’s hidden layers through the core trainer (layers − 1 body layers)', async () => {
    const r2 = await runBoundaryJob(job({ learner: 'mlp', steps: 5, layers: 2, width: 4, finalGrid: 0 }), ctx());
    const r3 = await runBoundaryJob(job({ learner: 'mlp', steps: 5, layers: 3, width: 4, finalGrid: 0 }), ctx());
    // 2 → 4 → 4 → 2 with BN (γ, β per hidden unit) and no hidden biases: 8 + 16 + 10 + 16 = 50
    expect(r2.parameterCount).toBe(2 * 4 + 4 * 4 + (4 * 2 + 2) + 2 * 2 * 4);
    expect(r3.parameterCount - r2.parameterCount).toBe(4 * 4 + 2 * 4);
  });
});
