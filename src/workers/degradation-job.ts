/**
 * One training run of the degradation lab, as a worker job: builds the dataset and the net from
 * plain numbers, trains in chunks (reporting mini-batch losses, full-set loss/accuracy and
 * per-layer gradient norms as it goes), and returns the final numbers and a decision-boundary grid.
 * Pure over tfjs-core: runs in a Web Worker and, for the unit tests, in Node.
 */
import { makeDataset, type DatasetName } from '../lib/ml/datasets';
import type { Architecture } from '../lib/ml/net-config';
import type { Diverged } from '../lib/ml/learner';
import { netLearner, type NetEvaluation } from '../lib/ml/net-learner';
import { createTrainer } from '../lib/ml/trainer';
import { trainingRun, type RunPlan } from '../lib/ml/training-run';
import { driveRun } from './drive-run';
import type { JobContext } from './serve-jobs';

export interface DegradationJob {
  arch: Architecture;
  depth: number;
  width: number;
  bn: boolean;
  optimizer: 'adam' | 'sgd';
  lr: number;
  steps: number;
  seed: number;
  dataset: DatasetName;
  /** Points in the dataset (default 1,000). */
  points?: number;
  batchSize?: number;
  /** Full-set evaluation (and gradient norms) every this many steps; 0 = only at the end. */
  evalEvery: number;
  /** Decision-boundary grid resolution at the end; 0 = none. */
  gridResolution: number;
  /** Steps per chunk between progress reports (the first chunk is short so a curve appears at once). */
  chunk?: number;
}

export interface DegradationProgress {
  arch: Architecture;
  depth: number;
  /** Steps done so far (of `total`). */
  step: number;
  total: number;
  /** Mini-batch losses of steps (step − losses.length + 1) … step. */
  losses: number[];
  evaluation?: { step: number; loss: number; accuracy: number };
  gradNorms?: { step: number; norms: number[] };
}

export interface DegradationResult {
  arch: Architecture;
  depth: number;
  steps: number;
  /** Full-set training loss (nats) and accuracy after the last step; absent if diverged. */
  finalLoss?: number;
  finalAccuracy?: number;
  diverged?: { atStep: number; reason: Diverged['reason'] };
  grid?: { resolution: number; classes: number; extent: { xMin: number; xMax: number; yMin: number; yMax: number }; probabilities: Float32Array };
  /** Milliseconds per training step, measured inside the worker (compute only). */
  msPerStep: number;
}

export async function runDegradationJob(job: DegradationJob, ctx: Pick<JobContext<DegradationProgress>, 'report' | 'checkpoint'>): Promise<DegradationResult> {
  const data = makeDataset(job.dataset, { n: job.points ?? 1000, seed: job.seed });
  const trainer = createTrainer({
    data,
    architecture: job.arch,
    depth: job.depth,
    width: job.width,
    batchNorm: job.bn,
    batchSize: job.batchSize ?? 64,
    optimizer: job.optimizer === 'adam' ? { kind: 'adam', learningRate: job.lr } : { kind: 'sgd', learningRate: job.lr, momentum: 0.9 },
    seed: job.seed,
  });
  const base = { arch: job.arch, depth: job.depth };
  const live = job.evalEvery > 0;
  const learner = netLearner(trainer, { gradNorms: live });
  const plan: RunPlan = {
    steps: job.steps,
    reportEvery: Math.max(1, job.chunk ?? 25),
    firstReport: Math.min(5, Math.max(1, job.chunk ?? 25)),
    evaluateEvery: job.evalEvery,
    evaluateAtStart: live,
  };
  const progress = (step: number, losses: number[], e?: NetEvaluation): DegradationProgress => ({
    ...base,
    step,
    total: job.steps,
    losses,
    ...(e && live ? { evaluation: { step: e.step, loss: e.loss, accuracy: e.accuracy }, gradNorms: e.gradNorms && { step: e.step, norms: e.gradNorms } } : {}),
  });
  try {
    const end = await driveRun(trainingRun(learner, plan), ctx.checkpoint, (event) => {
      if (event.type === 'start' && event.evaluation) ctx.report(progress(0, [], event.evaluation));
      else if (event.type === 'progress') ctx.report(progress(event.step, event.losses[0]!, event.evaluation));
      else if (event.type === 'diverged' && event.losses[0]?.length) ctx.report(progress(event.firstStep + event.losses[0].length - 1, event.losses[0]));
    });
    if (end.type === 'diverged') return { ...base, steps: job.steps, diverged: { atStep: end.atStep, reason: end.reason }, msPerStep: 0 };
    const result: DegradationResult = { ...base, steps: job.steps, finalLoss: end.evaluation!.loss, finalAccuracy: end.evaluation!.accuracy, msPerStep: end.trainMs / Math.max(1, job.steps) };
    if (job.gridResolution > 0) {
      const grid = trainer.predictGrid(job.gridResolution);
      if (grid.kind === 'ok') result.grid = { resolution: grid.resolution, classes: grid.classes, extent: grid.extent, probabilities: grid.probabilities };
    }
    return result;
  } finally {
    learner.dispose();
  }
}
