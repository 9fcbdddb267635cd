/**
 * The first phase of the lesion and landscape jobs: train one net of the degradation lab's family
 * (same data, initialisation, batches and optimizer) through the one training loop, then hand the
 * trained net to the job's experiments. Pure over tfjs-core: runs in a worker and in Node tests.
 */
import { makeDataset, type Dataset, type DatasetName } from '../lib/ml/datasets';
import type { DivergenceReason } from '../lib/ml/learner';
import type { Architecture, NetConfig } from '../lib/ml/net-config';
import { netLearner } from '../lib/ml/net-learner';
import { createTrainer } from '../lib/ml/trainer';
import { trainingRun } from '../lib/ml/training-run';
import { driveRun } from './drive-run';

/** What determines a trained net: the degradation lab's settings. */
export interface NetTraining {
  arch: Architecture;
  depth: number;
  width: number;
  bn: boolean;
  optimizer: 'adam' | 'sgd';
  lr: number;
  steps: number;
  seed: number;
  dataset: DatasetName;
  /** Training points (default 1,000). */
  points?: number;
  /** Examples per mini-batch (default 64). */
  batchSize?: number;
  /** Steps per chunk between loss reports (default 25; the first chunk is 5). */
  chunk?: number;
}

/** The training set of a job: the degradation lab's data for its dataset and seed. */
export const trainingSet = (job: NetTraining): Dataset => makeDataset(job.dataset, { n: job.points ?? 1000, seed: job.seed });

/** The net a job trains, as a config (the same the trainer builds). */
export const netConfigOf = (job: NetTraining, data: Dataset): NetConfig => ({
  architecture: job.arch,
  depth: job.depth,
  width: job.width,
  batchNorm: job.bn,
  inputDim: data.inputDim,
  classes: data.classes,
  seed: job.seed,
});

export type Trained =
  | {
      kind: 'done';
      /** Parameters before the first step and after the last, flat (`param-vector.ts`). */
      initial: Float32Array;
      final: Float32Array;
      /** Full training-set loss (nats) and accuracy after the last step. */
      loss: number;
      accuracy: number;
      /** Milliseconds per training step (compute only). */
      msPerStep: number;
    }
  | { kind: 'diverged'; atStep: number; reason: DivergenceReason };

/**
 * Trains the net of `job` on `data` and returns its weights; `onLosses(step, losses)` gets the
 * mini-batch losses of the steps up to `step` chunk by chunk. A divergence says where and why.
 */
export async function trainNet(job: NetTraining, data: Dataset, checkpoint: () => Promise<void>, onLosses: (step: number, losses: number[]) => void): Promise<Trained> {
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
  try {
    const initial = trainer.weights();
    const chunk = Math.max(1, job.chunk ?? 25);
    const run = trainingRun(netLearner(trainer), { steps: job.steps, reportEvery: chunk, firstReport: Math.min(5, chunk), evaluateEvery: 0, evaluateAtStart: false });
    const end = await driveRun(run, checkpoint, (event) => {
      if (event.type === 'progress') onLosses(event.step, event.losses[0]!);
      else if (event.type === 'diverged' && event.losses[0]?.length) onLosses(event.firstStep + event.losses[0].length - 1, event.losses[0]);
    });
    if (end.type === 'diverged') return { kind: 'diverged', atStep: end.atStep, reason: end.reason };
    const e = end.evaluation!;
    return { kind: 'done', initial, final: trainer.weights(), loss: e.loss, accuracy: e.accuracy, msPerStep: end.trainMs / Math.max(1, job.steps) };
  } finally {
    trainer.dispose();
  }
}
