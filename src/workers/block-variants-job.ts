/**
 * One run of the block-variants widget, as a worker job: one residual-block variant (He et al.
 * 2016) at one depth, trained by the shared loop on the degradation lab's data, reporting
 * mini-batch losses and, every `evalEvery` steps, training and test loss and accuracy.
 * Pure over tfjs-core: runs in a Web Worker and, for the unit tests, in Node.
 */
import type { BlockVariantId } from '../lib/ml/block-variants';
import { makeDataset, type DatasetName } from '../lib/ml/datasets';
import type { Diverged } from '../lib/ml/learner';
import { deriveSeed } from '../lib/ml/prng';
import { trainingRun, type RunPlan } from '../lib/ml/training-run';
import { createVariantLearner, type VariantEvaluation } from '../lib/ml/variant-learner';
import { driveRun } from './drive-run';
import type { JobContext } from './serve-jobs';

export interface BlockVariantsJob {
  variant: BlockVariantId;
  depth: number;
  width: number;
  /** Initial gate bias b_g (gated variants). */
  gateBias: number;
  optimizer: 'adam' | 'sgd';
  lr: number;
  steps: number;
  seed: number;
  dataset: DatasetName;
  /** Points in the training set and in the test set (default 1,000 each). */
  points?: number;
  batchSize?: number;
  /** Evaluation every this many steps (0 = only at the end). */
  evalEvery: number;
  /** Steps per progress report (the first chunk is short so the curve appears at once). Default 20. */
  chunk?: number;
}

/** Loss (nats) and accuracy (0–1) on the training and the test set after `step` updates. */
export interface VariantScores {
  step: number;
  loss: number;
  accuracy: number;
  testLoss: number;
  testAccuracy: number;
}

export interface BlockVariantsProgress {
  variant: BlockVariantId;
  /** Steps done so far (of `total`). */
  step: number;
  total: number;
  /** Mini-batch losses of steps (step − losses.length + 1) … step. */
  losses: number[];
  evaluation?: VariantScores;
}

export interface BlockVariantsResult {
  variant: BlockVariantId;
  steps: number;
  /** The evaluation after the last step; absent if the run diverged. */
  final?: VariantScores;
  diverged?: { atStep: number; reason: Diverged['reason'] };
  parameterCount: number;
  /** Milliseconds per training step, measured inside the worker (compute only). */
  msPerStep: number;
}

/** The training and test sets of a job: the degradation lab's data for the seed, and an independent draw from the same distribution. */
export function jobData(job: Pick<BlockVariantsJob, 'dataset' | 'seed' | 'points'>) {
  const n = job.points ?? 1000;
  return {
    data: makeDataset(job.dataset, { n, seed: job.seed }),
    test: makeDataset(job.dataset, { n, seed: deriveSeed(job.seed, 'test') }),
  };
}

const scores = (e: VariantEvaluation): VariantScores => ({
  step: e.step,
  loss: e.loss[0]!,
  accuracy: e.accuracy[0]!,
  testLoss: e.testLoss[0]!,
  testAccuracy: e.testAccuracy[0]!,
});

export async function runBlockVariantsJob(
  job: BlockVariantsJob,
  ctx: Pick<JobContext<BlockVariantsProgress>, 'report' | 'checkpoint'>,
): Promise<BlockVariantsResult> {
  const { data, test } = jobData(job);
  const learner = createVariantLearner({
    data,
    test,
    variants: [job.variant],
    depth: job.depth,
    width: job.width,
    gateBias: job.gateBias,
    batchSize: job.batchSize ?? 64,
    optimizer: job.optimizer === 'adam' ? { kind: 'adam', learningRate: job.lr } : { kind: 'sgd', learningRate: job.lr, momentum: 0.9 },
    seed: job.seed,
  });
  const chunk = Math.max(1, job.chunk ?? 20);
  const plan: RunPlan = { steps: job.steps, reportEvery: chunk, firstReport: Math.min(5, chunk), evaluateEvery: job.evalEvery };
  const base = { variant: job.variant, total: job.steps };
  const progress = (step: number, losses: number[], e?: VariantEvaluation): BlockVariantsProgress => ({
    ...base,
    step,
    losses,
    ...(e ? { evaluation: scores(e) } : {}),
  });
  try {
    const end = await driveRun(trainingRun(learner, plan), ctx.checkpoint, (event) => {
      if (event.type === 'start' && event.evaluation) ctx.report(progress(0, [], event.evaluation));
      else if (event.type === 'progress') ctx.report(progress(event.step, event.losses[0]!, event.evaluation));
      else if (event.type === 'diverged' && event.losses[0]?.length) ctx.report(progress(event.firstStep + event.losses[0].length - 1, event.losses[0]));
    });
    const result = { variant: job.variant, steps: job.steps, parameterCount: learner.parameterCounts[0]! };
    if (end.type === 'diverged') return { ...result, diverged: { atStep: end.atStep, reason: end.reason }, msPerStep: 0 };
    return { ...result, final: scores(end.evaluation!), msPerStep: end.trainMs / Math.max(1, job.steps) };
  } finally {
    learner.dispose();
  }
}
