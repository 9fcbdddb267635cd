/**
 * One run of the cnn-depth lab, as a worker job: a plain or residual CIFAR-family net (He et al.
 * 2015, §4.2) trained on the shipped digits through the one training loop (`trainingRun`),
 * reporting mini-batch losses and, at regular points, the error on the training digits and on the
 * test digits (eval mode), then the final errors on all of them and the feature maps of one test
 * digit. Pure over tfjs-core: runs in a Web Worker and, for the unit tests, in Node (the caller
 * passes the data in).
 */
import * as tf from '@tensorflow/tfjs-core';
import { cifarData, cifarLearner, type AsyncCifarLearner, type CifarEvaluation } from '../lib/ml/cifar-learner';
import type { CifarArch, ShortcutOption } from '../lib/ml/cifar-net';
import type { ConvMethod } from '../lib/ml/conv-layer';
import type { DigitSubset } from '../lib/ml/mnist-subset';
import { trainingRun } from '../lib/ml/training-run';
import { driveRun } from './drive-run';
import type { JobContext } from './serve-jobs';
import { evaluationSteps } from '../lib/state/schemas/cnn-depth-lab';

export interface CnnDepthJob {
  arch: CifarArch;
  /** Weighted layers 6n + 2 (8, 14, 20, 32, 44, 56). */
  layers: number;
  width: number;
  inputSize: 14 | 28;
  shortcut: ShortcutOption;
  optimizer: 'sgd' | 'adam';
  lr: number;
  /** Optimizer steps (the learning-rate steps fall at 50 % and 75 % of them). */
  steps: number;
  batchSize: number;
  seed: number;
  /** Training digits used (the first this many of the shipped 5,000). */
  trainCount: number;
  /** Test digits used (default all 1,000). */
  testCount?: number;
  /** Error measurements during the run, the last one at the end (spaced by `evaluationSteps`). */
  evaluations: number;
  /** Training digits measured at the intermediate evaluations (the final one uses all of them). */
  trainSample: number;
  /** Steps per progress report (default 10); the first report comes after 2 steps. */
  chunk?: number;
  /** Classes 0–9 whose first test digit's feature maps are returned at the end. */
  featureClasses: number[];
  /** Convolution-gradient method (benchmarks); default the fastest on the backend. */
  method?: ConvMethod;
}

/** Errors (fractions) at a step; `trainError` on `trainSample` digits during the run, on all at the end. */
export interface DepthPoint {
  step: number;
  trainError: number;
  testError: number;
}

export interface CnnDepthProgress {
  arch: CifarArch;
  layers: number;
  step: number;
  total: number;
  /** Mini-batch losses (nats) of steps step − losses.length + 1 … step. */
  losses: number[];
  evaluation?: DepthPoint;
}

/** One feature-map stack of one image: [size, size, channels], row-major, channel fastest. */
export interface FeatureStack {
  size: number;
  channels: number;
  values: Float32Array;
}

export interface DigitFeatures {
  /** Index in the test split, and its class. */
  digit: number;
  label: number;
  /** The stem's output (the start of stage 1), then the output of stages 1, 2, 3. */
  stacks: FeatureStack[];
  probabilities: number[];
}

export interface CnnDepthResult {
  arch: CifarArch;
  layers: number;
  steps: number;
  /** Final error on all `trainCount` training digits and on the test digits (eval mode); absent if diverged. */
  trainError?: number;
  testError?: number;
  curve: DepthPoint[];
  diverged?: { atStep: number; reason: 'non-finite' | 'above-max-loss' };
  /** Per asked class: the stem's output and each stage's output for test digit `digit`, and its class probabilities. */
  features?: DigitFeatures[];
  /** Training milliseconds per step (optimizer steps and their read-backs). */
  msPerStep: number;
  /** Live tfjs tensors after each evaluation: constant when nothing leaks. */
  tensorCounts: number[];
  /** Bytes held by tensors at the end, and the WASM heap (what the worker reserved), when on WASM. */
  tensorBytes: number;
  wasmHeapBytes?: number;
  parameters: number;
}

export async function runCnnDepthJob(job: CnnDepthJob, ctx: Pick<JobContext<CnnDepthProgress>, 'report' | 'checkpoint'>, digits: DigitSubset): Promise<CnnDepthResult> {
  const data = cifarData(digits, job.inputSize, job.trainCount, job.testCount);
  // WebGPU reads back asynchronously (a synchronous read in a worker can come back as zeros).
  const learner: AsyncCifarLearner = cifarLearner({
    asyncReads: tf.getBackend() === 'webgpu',
    net: { arch: job.arch, blocks: (job.layers - 2) / 6, width: job.width, seed: job.seed, shortcut: job.shortcut, method: job.method },
    data,
    batchSize: job.batchSize,
    optimizer: job.optimizer,
    lr: job.lr,
    steps: job.steps,
    trainSample: job.trainSample,
  });
  const base = { arch: job.arch, layers: job.layers };
  const point = (e: CifarEvaluation): DepthPoint => ({ step: e.step, trainError: e.trainError, testError: e.testError });
  const curve: DepthPoint[] = [];
  const tensorCounts: number[] = [];
  const evaluateAt = evaluationSteps(job.steps, job.evaluations).filter((s) => s < job.steps);
  const chunk = Math.max(1, job.chunk ?? 10);
  try {
    const end = await driveRun(
      trainingRun(learner, { steps: job.steps, reportEvery: chunk, firstReport: Math.min(2, chunk), evaluateEvery: 0, evaluateAt, evaluateAtStart: true }),
      ctx.checkpoint,
      (event) => {
        if (event.type === 'start' && event.evaluation) {
          curve.push(point(event.evaluation));
          ctx.report({ ...base, step: 0, total: job.steps, losses: [], evaluation: point(event.evaluation) });
        } else if (event.type === 'progress') {
          const evaluation = event.evaluation && point(event.evaluation);
          if (evaluation) {
            curve.push(evaluation);
            tensorCounts.push(tf.memory().numTensors);
          }
          ctx.report({ ...base, step: event.step, total: job.steps, losses: event.losses[0]!, ...(evaluation ? { evaluation } : {}) });
        } else if (event.type === 'diverged' && event.losses[0]?.length) {
          ctx.report({ ...base, step: event.firstStep + event.losses[0].length - 1, total: job.steps, losses: event.losses[0] });
        }
      },
    );
    const memory = () => {
      const heap = (tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } }).wasm?.HEAPU8?.buffer.byteLength;
      return { tensorBytes: tf.memory().numBytes, ...(heap ? { wasmHeapBytes: heap } : {}) };
    };
    const common = { ...base, steps: job.steps, curve, tensorCounts, parameters: learner.net.parameterCount, ...memory() };
    if (end.type === 'diverged') return { ...common, diverged: { atStep: end.atStep, reason: end.reason }, msPerStep: 0 };
    // The last point of the curve: the training error on every training digit, not the sample.
    const all = job.trainSample >= data.train.n ? end.evaluation!.trainError : (await learner.trainError()).error;
    const last = curve.at(-1)!;
    last.trainError = all;
    const result: CnnDepthResult = { ...common, trainError: all, testError: end.evaluation!.testError, msPerStep: end.trainMs / Math.max(1, job.steps) };
    result.features = [];
    for (const label of job.featureClasses) {
      const digit = data.test.labels.indexOf(label);
      if (digit < 0) continue;
      const x = tf.slice(data.test.x, [digit, 0, 0, 0], [1, -1, -1, -1]);
      const maps = learner.net.featureMaps(x)[0]!;
      result.features.push({
        digit,
        label,
        stacks: await Promise.all(maps.stages.map(async (t) => ({ size: t.shape[0], channels: t.shape[2], values: (await t.data()) as Float32Array }))),
        probabilities: Array.from(await maps.probabilities.data()),
      });
      tf.dispose([x, ...maps.stages, maps.probabilities]);
    }
    return result;
  } finally {
    learner.dispose();
    data.dispose();
  }
}
