import * as tf from '@tensorflow/tfjs-core';
import { createBatchStream } from './batch-stream.ts';
import { createCifarNet, type CifarNet, type CifarNetConfig } from './cifar-net.ts';
import { digitImages, pixelStats, standardise } from './digit-inputs.ts';
import { checkDivergence, type AsyncLearner, type Diverged, type Learner, type LearnerStep } from './learner.ts';
import type { DigitSplit, DigitSubset } from './mnist-subset.ts';
import { createOptimizer } from './optimizers.ts';
import { createRng, deriveSeed } from './prng.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';

/** One split on the device: standardised images [n, S, S, 1], labels, one-hot [n, 10]. */
export interface CifarSplit {
  readonly n: number;
  readonly x: tf.Tensor4D;
  readonly labels: Uint8Array;
  readonly oneHot: tf.Tensor2D;
}

/** The digits as the CIFAR nets read them; several learners (plain and residual) can share one. */
export interface CifarData {
  readonly inputSize: 28 | 14;
  readonly train: CifarSplit;
  readonly test: CifarSplit;
  dispose(): void;
}

/**
 * Uploads the first `trainCount` training and `testCount` test digits at `inputSize`,
 * standardised with the (used) training digits' pixel mean and standard deviation.
 */
export function cifarData(subset: DigitSubset, inputSize: 28 | 14, trainCount = subset.train.n, testCount = subset.test.n): CifarData {
  const trainPixels = digitImages(subset.train, inputSize, trainCount);
  const stats = pixelStats(trainPixels);
  const upload = (split: DigitSplit, pixels: Float32Array): CifarSplit => {
    const n = pixels.length / (inputSize * inputSize);
    const labels = split.labels.slice(0, n);
    return {
      n,
      x: tf.tensor4d(standardise(pixels, stats), [n, inputSize, inputSize, 1]),
      labels,
      oneHot: tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 10), 'float32')) as tf.Tensor2D,
    };
  };
  const train = upload(subset.train, trainPixels);
  const test = upload(subset.test, digitImages(subset.test, inputSize, testCount));
  return { inputSize, train, test, dispose: () => tf.dispose([train.x, train.oneHot, test.x, test.oneHot]) };
}

export interface CifarLearnerConfig {
  /** The net (its input size is the data's). */
  net: Omit<CifarNetConfig, 'inputSize'>;
  data: CifarData;
  /** Examples per mini-batch (default 128, as He et al.). */
  batchSize?: number;
  /** SGD with momentum 0.9 (the paper's) or Adam. */
  optimizer: 'sgd' | 'adam';
  /** Learning rate at the start. */
  lr: number;
  /** L2 weight decay on every parameter (default 1e-4, as He et al.). */
  weightDecay?: number;
  /** Steps the run will last: the schedule is scaled to it. */
  steps: number;
  /** The rate is multiplied by `decay` at these fractions of `steps` (default [0.5, 0.75], ×0.1: He et al.'s 32k/48k of 64k). */
  milestones?: readonly number[];
  decay?: number;
  /** Training digits whose error `evaluate` measures: the first this many (default all of them). */
  trainSample?: number;
  /** A mini-batch loss above this (nats) counts as divergence. Default 50 (chance is ln 10 ≈ 2.3). */
  maxLoss?: number;
  /**
   * Read values back with `await data()` rather than `dataSync()`: `step` and `evaluate` then
   * answer with promises (an `AsyncLearner`). Needed on WebGPU, where a synchronous read in a
   * worker goes through a canvas and can come back as zeros.
   */
  asyncReads?: boolean;
}

/** Error rates (fractions in [0, 1]) and mean cross-entropy (nats) in eval mode at a step. */
export interface CifarEvaluation {
  step: number;
  trainError: number;
  testError: number;
  trainLoss: number;
  testLoss: number;
}

interface CifarLearnerExtras {
  readonly net: CifarNet;
  /** The learning rate used by step t (0-based). */
  learningRateAt(t: number): number;
  /** Indices of the training digits the next step will use (without consuming them). */
  peekBatch(): Int32Array;
}

/** A CIFAR-net learner reading back synchronously (WASM, CPU). */
export interface CifarLearner extends Learner<CifarEvaluation>, CifarLearnerExtras {
  /** Error and loss on the first `count` training digits (default all), in eval mode. */
  trainError(count?: number): { error: number; loss: number };
}

/** The same, reading back asynchronously (WebGPU). */
export interface AsyncCifarLearner extends AsyncLearner<CifarEvaluation>, CifarLearnerExtras {
  trainError(count?: number): { error: number; loss: number } | Promise<{ error: number; loss: number }>;
}

const EVAL_CHUNK = 250;

/** Learning rate of step t (0-based) of a `steps`-step run under a step schedule. */
export function stepSchedule(lr: number, t: number, steps: number, milestones: readonly number[] = [0.5, 0.75], decay = 0.1): number {
  let rate = lr;
  for (const m of milestones) if (t >= Math.round(m * steps)) rate *= decay;
  return rate;
}

/**
 * One CIFAR-family net trained on the digits, as a one-lane `Learner`. The net's seed also seeds
 * the batch order, so a plain and a residual learner with the same seed see the same mini-batches
 * in the same order from the same initial weights.
 */
export function cifarLearner(config: CifarLearnerConfig & { asyncReads: true }): AsyncCifarLearner;
export function cifarLearner(config: CifarLearnerConfig & { asyncReads?: false }): CifarLearner;
export function cifarLearner(config: CifarLearnerConfig): CifarLearner | AsyncCifarLearner;
export function cifarLearner(config: CifarLearnerConfig): CifarLearner | AsyncCifarLearner {
  const { data, steps } = config;
  const batchSize = config.batchSize ?? 128;
  const maxLoss = config.maxLoss ?? 50;
  if (!Number.isInteger(batchSize) || batchSize < 2 || batchSize > data.train.n) {
    throw new RangeError(`batchSize must be an integer in [2, ${data.train.n}], got ${batchSize}`);
  }
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  const net = createCifarNet({ ...config.net, inputSize: data.inputSize });
  const optimizer = createOptimizer(
    config.optimizer === 'sgd'
      ? { kind: 'sgd', learningRate: config.lr, momentum: 0.9, weightDecay: config.weightDecay ?? 1e-4 }
      : { kind: 'adam', learningRate: config.lr, weightDecay: config.weightDecay ?? 1e-4 },
    [net.bank.variable],
  );
  const stream = createBatchStream(data.train.n, batchSize, createRng(deriveSeed(config.net.seed, 'cifar-batches')));
  const trainSample = Math.min(config.trainSample ?? data.train.n, data.train.n);
  const learningRateAt = (t: number) => stepSchedule(config.lr, t, steps, config.milestones, config.decay);
  let stepsDone = 0;
  let divergence: Diverged | null = null;
  let disposed = false;

  const trainStep = (t: number): tf.Tensor =>
    tf.tidy(() => {
      const idx = tf.tensor1d(stream.next(), 'int32');
      const { logits, tape, batchStats } = net.forwardTrain(tf.gather(data.train.x, idx));
      const { loss, dLogits } = softmaxCrossEntropy(logits, tf.gather(data.train.oneHot, idx));
      optimizer.apply([net.backward(tape, dLogits as tf.Tensor2D)], learningRateAt(t));
      net.updateStats(batchStats, batchSize);
      return loss;
    });

  /** Reads `t` back (then frees it) and hands the values to `then`: at once, or in a promise with `asyncReads`. */
  function read<R>(t: tf.Tensor, then: (values: Float32Array) => R): R | Promise<R> {
    if (!config.asyncReads) {
      const values = t.dataSync() as Float32Array;
      t.dispose();
      return then(values);
    }
    return (t.data() as Promise<Float32Array>).then((values) => {
      t.dispose();
      return then(values);
    });
  }

  /**
   * Eval-mode pass over the first `count` examples of each split, in chunks: per chunk its summed
   * loss and predicted classes, all read back at once. Returns loss and error per split.
   */
  function errorsOf(parts: [CifarSplit, number][]) {
    const out = tf.tidy(() =>
      tf.concat(
        parts.flatMap(([split, count]) => {
          const chunks: tf.Tensor[] = [];
          for (let start = 0; start < count; start += EVAL_CHUNK) {
            const size = Math.min(EVAL_CHUNK, count - start);
            // A tidy per chunk frees its activations before the next chunk (the heap then reuses
            // memory still in cache, instead of holding every chunk's until the end).
            const kept = tf.tidy(() => {
              const logits = net.predict(tf.slice(split.x, [start, 0, 0, 0], [size, -1, -1, -1]));
              const { loss } = softmaxCrossEntropy(logits, tf.slice(split.oneHot, [start, 0], [size, -1]));
              return [tf.mul(loss, size), tf.cast(tf.argMax(logits, 1), 'float32')];
            });
            chunks.push(...kept);
          }
          return chunks;
        }),
      ),
    );
    return read(out, (values) => {
      let at = 0;
      return parts.map(([split, count]) => {
        let loss = 0;
        let wrong = 0;
        for (let start = 0; start < count; start += EVAL_CHUNK) {
          const size = Math.min(EVAL_CHUNK, count - start);
          loss += values[at++]!;
          for (let i = 0; i < size; i++) if (values[at++] !== split.labels[start + i]) wrong++;
        }
        return { loss: loss / count, error: wrong / count };
      });
    });
  }

  const then = <A, R>(v: A | Promise<A>, f: (a: A) => R): R | Promise<R> => (v instanceof Promise ? v.then(f) : f(v));

  const assertLive = () => {
    if (disposed) throw new Error('cifarLearner: used after dispose()');
  };

  const learner: AsyncCifarLearner = {
    lanes: 1,
    net,
    learningRateAt,
    peekBatch: () => stream.peek().slice(),
    trainError(count = data.train.n) {
      assertLive();
      return then(errorsOf([[data.train, Math.min(count, data.train.n)]]), ([r]) => r!);
    },
    get stepsDone() {
      return stepsDone;
    },
    step(n: number) {
      assertLive();
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`step(n): n must be a positive integer, got ${n}`);
      const firstStep = stepsDone + 1;
      if (divergence) return { ...divergence, firstStep, losses: [[]], stepsDone };
      const perStep: tf.Tensor[] = [];
      for (let i = 0; i < n; i++) perStep.push(trainStep(stepsDone + i));
      const stacked = tf.concat(perStep);
      tf.dispose(perStep);
      return read(stacked, (values): LearnerStep => {
        const losses: number[] = [];
        for (let i = 0; i < n; i++) {
          const bad = checkDivergence([values[i]!], firstStep + i, maxLoss);
          if (bad) {
            divergence = bad;
            stepsDone = firstStep + i;
            return { ...bad, firstStep, losses: [losses], stepsDone };
          }
          losses.push(values[i]!);
        }
        stepsDone += n;
        return { kind: 'ok', firstStep, losses: [losses], stepsDone };
      });
    },
    evaluate() {
      assertLive();
      if (divergence) return divergence;
      return then(errorsOf([[data.train, trainSample], [data.test, data.test.n]]), ([train, test]): CifarEvaluation | Diverged => {
        const bad = checkDivergence([train!.loss, test!.loss], stepsDone, Infinity);
        if (bad) return (divergence = { ...bad, nets: [true] });
        return { step: stepsDone, trainError: train!.error, testError: test!.error, trainLoss: train!.loss, testLoss: test!.loss };
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      optimizer.dispose();
      net.dispose();
    },
  };
  // Without asyncReads every answer above is a value, never a promise: the synchronous interface.
  return learner as CifarLearner | AsyncCifarLearner;
}
