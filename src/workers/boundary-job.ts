/**
 * One learner of the boundary lab, as a worker job: logistic regression on the raw coordinates,
 * logistic regression on hand-made features, or a small MLP (the ML core's `createTrainer`) — all
 * three trained the same way (mini-batch cross-entropy, Adam, the same seeded batches). Reports
 * mini-batch losses, full-set loss/accuracy and a coarse decision grid as it goes, and returns the
 * final numbers with a finer grid. Pure over tfjs-core: runs in a Web Worker and in Node tests.
 */
import { makeDataset, type DatasetName } from '../lib/ml/datasets';
import { orderFeatures, rawFeatures, type FeatureName } from '../lib/ml/features';
import { createLogisticTrainer, type Learner } from '../lib/ml/logistic-regression';
import { createTrainer } from '../lib/ml/trainer';
import type { JobContext } from './serve-jobs';

export const learnerKinds = ['raw', 'features', 'mlp'] as const;
export type LearnerKind = (typeof learnerKinds)[number];

export interface BoundaryJob {
  learner: LearnerKind;
  /** Features of the `features` learner (ignored by the others). */
  features: FeatureName[];
  /** Hidden layers of the MLP (≥ 2: the core's stem plus `layers − 1` body layers). */
  layers: number;
  /** Units per hidden layer of the MLP. */
  width: number;
  dataset: DatasetName;
  seed: number;
  steps: number;
  lr: number;
  /** Points in the dataset (default 600). */
  points?: number;
  /** Examples per mini-batch (default 32). */
  batchSize?: number;
  /** Full-set evaluation (with a coarse grid) every this many steps; 0 = only at the end. */
  evalEvery: number;
  /** Resolution of the coarse grids sent during training (0 = none) and of the final grid. */
  liveGrid: number;
  finalGrid: number;
}

export interface BoundaryGrid {
  resolution: number;
  classes: number;
  extent: { xMin: number; xMax: number; yMin: number; yMax: number };
  /** Class probabilities [R·R·C], row-major from the top-left cell. */
  probabilities: Float32Array;
}

export interface BoundaryProgress {
  learner: LearnerKind;
  step: number;
  total: number;
  /** Mini-batch losses of steps (step − losses.length + 1) … step. */
  losses: number[];
  evaluation?: { step: number; loss: number; accuracy: number };
  grid?: BoundaryGrid;
}

export interface BoundaryResult {
  learner: LearnerKind;
  /** The features the model saw (the MLP: the raw coordinates). */
  features: FeatureName[];
  parameterCount: number;
  steps: number;
  finalLoss?: number;
  finalAccuracy?: number;
  diverged?: { atStep: number };
  grid?: BoundaryGrid;
}

/** The learner a job describes (the caller disposes it). */
export function createLearner(job: BoundaryJob): { learner: Learner; features: FeatureName[] } {
  const data = makeDataset(job.dataset, { n: job.points ?? 600, seed: job.seed });
  const batchSize = job.batchSize ?? 32;
  const optimizer = { kind: 'adam' as const, learningRate: job.lr };
  if (job.learner === 'mlp') {
    const learner = createTrainer({ data, architecture: 'plain', depth: Math.max(1, job.layers - 1), width: job.width, batchNorm: true, batchSize, optimizer, seed: job.seed });
    return { learner, features: [...rawFeatures] };
  }
  const features = job.learner === 'raw' ? [...rawFeatures] : orderFeatures(job.features);
  return { learner: createLogisticTrainer({ data, features, batchSize, optimizer, seed: job.seed }), features };
}

export async function runBoundaryJob(job: BoundaryJob, ctx: Pick<JobContext<BoundaryProgress>, 'report' | 'checkpoint'>): Promise<BoundaryResult> {
  const { learner, features } = createLearner(job);
  const base = { learner: job.learner, features, parameterCount: learner.parameterCount, steps: job.steps };
  const grid = (r: number): BoundaryGrid | undefined => {
    const g = learner.predictGrid(r);
    return g.kind === 'ok' ? { resolution: g.resolution, classes: g.classes, extent: g.extent, probabilities: g.probabilities } : undefined;
  };
  try {
    if (job.evalEvery > 0) {
      const e = learner.evaluate();
      if (e.kind === 'diverged') return { ...base, diverged: { atStep: 0 } };
      ctx.report({ learner: job.learner, step: 0, total: job.steps, losses: [], evaluation: { step: 0, loss: e.loss, accuracy: e.accuracy }, grid: job.liveGrid ? grid(job.liveGrid) : undefined });
    }
    let first = true;
    while (learner.stepsDone < job.steps) {
      await ctx.checkpoint();
      const untilEval = job.evalEvery > 0 ? job.evalEvery - (learner.stepsDone % job.evalEvery) : Infinity;
      const n = Math.min(first ? 5 : 25, job.steps - learner.stepsDone, untilEval);
      first = false;
      const r = learner.step(n);
      if (r.kind === 'diverged') {
        ctx.report({ learner: job.learner, step: r.stepsDone, total: job.steps, losses: r.losses });
        return { ...base, diverged: { atStep: r.atStep } };
      }
      const progress: BoundaryProgress = { learner: job.learner, step: r.stepsDone, total: job.steps, losses: r.losses };
      if (job.evalEvery > 0 && r.stepsDone % job.evalEvery === 0) {
        const e = learner.evaluate();
        if (e.kind === 'diverged') return { ...base, diverged: { atStep: e.atStep } };
        progress.evaluation = { step: e.step, loss: e.loss, accuracy: e.accuracy };
        if (job.liveGrid && r.stepsDone < job.steps) progress.grid = grid(job.liveGrid);
      }
      ctx.report(progress);
    }
    const e = learner.evaluate();
    if (e.kind === 'diverged') return { ...base, diverged: { atStep: e.atStep } };
    return { ...base, finalLoss: e.loss, finalAccuracy: e.accuracy, grid: job.finalGrid ? grid(job.finalGrid) : undefined };
  } finally {
    learner.dispose();
  }
}
