/**
 * One learner of the boundary lab, as a worker job: logistic regression on the raw coordinates,
 * logistic regression on hand-made features, or a small MLP (the ML core's `createTrainer`) — all
 * three trained the same way (mini-batch cross-entropy, Adam, the same seeded batches). Reports
 * mini-batch losses, full-set loss/accuracy and a coarse decision grid as it goes, and returns the
 * final numbers with a finer grid. Pure over tfjs-core: runs in a Web Worker and in Node tests.
 */
import { makeDataset, type DatasetName } from '../lib/ml/datasets';
import { orderFeatures, rawFeatures, type FeatureName } from '../lib/ml/features';
import { createLogisticTrainer, type GridModel } from '../lib/ml/logistic-regression';
import { netLearner } from '../lib/ml/net-learner';
import { trainingRun } from '../lib/ml/training-run';
import { createTrainer } from '../lib/ml/trainer';
import { driveRun } from './drive-run';
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

/** The model a job describes (the caller disposes it). */
export function createModel(job: BoundaryJob): { model: GridModel; features: FeatureName[] } {
  const data = makeDataset(job.dataset, { n: job.points ?? 600, seed: job.seed });
  const batchSize = job.batchSize ?? 32;
  const optimizer = { kind: 'adam' as const, learningRate: job.lr };
  if (job.learner === 'mlp') {
    const model = createTrainer({ data, architecture: 'plain', depth: Math.max(1, job.layers - 1), width: job.width, batchNorm: true, batchSize, optimizer, seed: job.seed });
    return { model, features: [...rawFeatures] };
  }
  const features = job.learner === 'raw' ? [...rawFeatures] : orderFeatures(job.features);
  return { model: createLogisticTrainer({ data, features, batchSize, optimizer, seed: job.seed }), features };
}

export async function runBoundaryJob(job: BoundaryJob, ctx: Pick<JobContext<BoundaryProgress>, 'report' | 'checkpoint'>): Promise<BoundaryResult> {
  const { model, features } = createModel(job);
  const base = { learner: job.learner, features, parameterCount: model.parameterCount, steps: job.steps };
  const grid = (r: number): BoundaryGrid | undefined => {
    const g = model.predictGrid(r);
    return g.kind === 'ok' ? { resolution: g.resolution, classes: g.classes, extent: g.extent, probabilities: g.probabilities } : undefined;
  };
  const live = job.evalEvery > 0;
  const progress = (step: number, losses: number[], e?: { step: number; loss: number; accuracy: number }): BoundaryProgress => {
    const p: BoundaryProgress = { learner: job.learner, step, total: job.steps, losses };
    if (e && live) {
      p.evaluation = { step: e.step, loss: e.loss, accuracy: e.accuracy };
      // A coarse grid with each evaluation, except the last: the result carries a finer one.
      if (job.liveGrid && step < job.steps) p.grid = grid(job.liveGrid);
    }
    return p;
  };
  const learner = netLearner(model);
  try {
    const end = await driveRun(trainingRun(learner, { steps: job.steps, firstReport: 5, reportEvery: 25, evaluateEvery: job.evalEvery, evaluateAtStart: live }), ctx.checkpoint, (event) => {
      if (event.type === 'start' && event.evaluation) ctx.report(progress(0, [], event.evaluation));
      else if (event.type === 'progress') ctx.report(progress(event.step, event.losses[0]!, event.evaluation));
      else if (event.type === 'diverged' && event.losses[0]?.length) ctx.report(progress(event.firstStep + event.losses[0].length - 1, event.losses[0]));
    });
    if (end.type === 'diverged') return { ...base, diverged: { atStep: end.atStep } };
    return { ...base, finalLoss: end.evaluation!.loss, finalAccuracy: end.evaluation!.accuracy, grid: job.finalGrid ? grid(job.finalGrid) : undefined };
  } finally {
    learner.dispose();
  }
}
