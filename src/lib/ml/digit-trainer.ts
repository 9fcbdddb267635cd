import * as tf from '@tensorflow/tfjs-core';
import { createBatchStream } from './batch-stream.ts';
import type { DigitModel } from './digit-model.ts';
import type { DigitSplit } from './mnist-subset.ts';
import { createOptimizer, type OptimizerConfig } from './optimizers.ts';
import { createRng, deriveSeed } from './prng.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';

/** A split on the device: images scaled to [0, 1] [N, 28, 28, 1], labels [N], one-hot [N, 10]. */
export interface DigitTensors {
  readonly n: number;
  readonly x: tf.Tensor4D;
  readonly labels: Uint8Array;
  readonly oneHot: tf.Tensor2D;
  dispose(): void;
}

/** Uploads a split once; several trainers can share it. */
export function digitTensors(split: DigitSplit, rows = 28, cols = 28): DigitTensors {
  const x = tf.tidy(() => tf.div(tf.tensor4d(split.images, [split.n, rows, cols, 1], 'int32'), 255)) as tf.Tensor4D;
  const oneHot = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(split.labels, 'int32'), 10), 'float32')) as tf.Tensor2D;
  return { n: split.n, x, labels: split.labels, oneHot, dispose: () => tf.dispose([x, oneHot]) };
}

export interface DigitTrainerConfig {
  model: DigitModel;
  train: DigitTensors;
  batchSize: number;
  optimizer: OptimizerConfig;
  /** Seeds the batch order (models seed their own weights). */
  seed: number;
  /**
   * Cosine decay of the learning rate over this many steps, from the configured rate down to
   * `floor` × that rate (default 0.05), constant afterwards. Omit for a constant rate.
   */
  decaySteps?: number;
  floor?: number;
}

/** The learning-rate factor of step t (0-based) under cosine decay over T steps. */
export function cosineFactor(t: number, total: number, floor = 0.05): number {
  if (t >= total) return floor;
  return floor + ((1 - floor) * (1 + Math.cos((Math.PI * t) / total))) / 2;
}

/** Accuracy in [0, 1] and the predicted class of every example. */
export interface DigitEvaluation {
  accuracy: number;
  predictions: Uint8Array;
}

export interface DigitTrainer {
  readonly stepsDone: number;
  /** Optimizer steps in one pass over the training set, ⌈N / batch⌉. */
  readonly stepsPerEpoch: number;
  /** Epochs done, stepsDone · batch / N (fractional). */
  readonly epochsDone: number;
  /** n ≥ 1 updates; the mini-batch losses (nats), read back at once. */
  step(n?: number): number[];
  /** Predictions for a whole split, in chunks so memory stays small. */
  evaluate(split: DigitTensors): DigitEvaluation;
  /** Frees the optimizer state (the model and data stay the caller's). */
  dispose(): void;
}

const EVAL_CHUNK = 500;

/** Predicted classes of every example of a split. */
export function predictClasses(model: DigitModel, split: DigitTensors): Uint8Array {
  const out = new Uint8Array(split.n);
  for (let start = 0; start < split.n; start += EVAL_CHUNK) {
    const size = Math.min(EVAL_CHUNK, split.n - start);
    const classes = tf.tidy(() => tf.argMax(model.predict(tf.slice(split.x, [start, 0, 0, 0], [size, -1, -1, -1])), 1));
    out.set(classes.dataSync(), start);
    classes.dispose();
  }
  return out;
}

export function accuracyOf(labels: Uint8Array, predictions: Uint8Array): number {
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === predictions[i]) right++;
  return labels.length ? right / labels.length : 0;
}

/** counts[t][p]: examples of true class t predicted as p. */
export function confusionMatrix(labels: Uint8Array, predictions: Uint8Array, classes = 10): number[][] {
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) m[labels[i]!]![predictions[i]!]! += 1;
  return m;
}

export function createDigitTrainer(config: DigitTrainerConfig): DigitTrainer {
  const { model, train, batchSize } = config;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > train.n) {
    throw new RangeError(`batchSize must be an integer in [1, ${train.n}], got ${batchSize}`);
  }
  const optimizer = createOptimizer(config.optimizer, [model.bank.variable]);
  const stream = createBatchStream(train.n, batchSize, createRng(deriveSeed(config.seed, 'batches')));
  const base = config.optimizer.learningRate;
  let stepsDone = 0;
  let done = 0; // steps of the current `step(n)` call so far

  /** One update on the next batch; returns the batch loss [1] (the caller disposes it). */
  const trainStep = (): tf.Tensor =>
    tf.tidy(() => {
      const idx = tf.tensor1d(stream.next(), 'int32');
      const { logits, tape } = model.forwardTrain(tf.gather(train.x, idx));
      const { loss, dLogits } = softmaxCrossEntropy(logits, tf.gather(train.oneHot, idx));
      const lr = config.decaySteps ? base * cosineFactor(stepsDone + done, config.decaySteps, config.floor) : base;
      optimizer.apply([model.backward(tape, dLogits as tf.Tensor2D)], lr);
      return loss;
    });

  return {
    get stepsDone() {
      return stepsDone;
    },
    stepsPerEpoch: Math.ceil(train.n / batchSize),
    get epochsDone() {
      return (stepsDone * batchSize) / train.n;
    },
    step(n = 1) {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`step(n): n must be a positive integer, got ${n}`);
      const scalars: tf.Tensor[] = [];
      for (done = 0; done < n; done++) scalars.push(trainStep());
      const stacked = tf.concat(scalars);
      const losses = Array.from(stacked.dataSync());
      tf.dispose([stacked, ...scalars]);
      stepsDone += n;
      return losses;
    },
    evaluate(split) {
      const predictions = predictClasses(model, split);
      return { accuracy: accuracyOf(split.labels, predictions), predictions };
    },
    dispose() {
      optimizer.dispose();
    },
  };
}
