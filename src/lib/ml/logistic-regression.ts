import * as tf from '@tensorflow/tfjs-core';
import { createBatchStream } from './batch-stream.ts';
import { datasetExtent, type Dataset, type Extent } from './datasets.ts';
import { featurize, orderFeatures, type FeatureName } from './features.ts';
import { createOptimizer, type OptimizerConfig } from './optimizers.ts';
import { gridPoints } from './predict-grid.ts';
import { createRng, deriveSeed } from './prng.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';
import type { Diverged } from './lockstep-trainer.ts';
import type { EvalReport, GridReport, StepReport } from './trainer.ts';

/** A logistic-regression run on fixed features of 2-D points (multinomial: softmax over C classes). */
export interface LogisticConfig {
  data: Dataset;
  /** The features φ(x, y) the model sees; `['x', 'y']` is the raw input. */
  features: readonly FeatureName[];
  batchSize: number;
  optimizer: OptimizerConfig;
  /** Seeds the batch order (the weights start at zero, the usual choice for a convex model). */
  seed: number;
  /** A loss above this (nats) or a non-finite one counts as divergence (default 100). */
  maxLoss?: number;
}

/**
 * The surface shared by the boundary lab's models (this one and `createTrainer`'s MLP): a one-net
 * trainer (`netLearner` makes it a `Learner` for the training loop) that also predicts over a grid.
 */
export interface GridModel {
  readonly parameterCount: number;
  readonly stepsDone: number;
  step(n?: number): StepReport;
  evaluate(): EvalReport;
  predictGrid(resolution: number, extent?: Extent): GridReport;
  dispose(): void;
}

/**
 * Logistic regression z = φ(x)·W + b, p = softmax(z), trained like the nets: mini-batch
 * cross-entropy, the same optimizers, the same seeded batch stream as `createTrainer` (so with the
 * same seed both see the same batches). Each feature is standardised with the training set's mean
 * and standard deviation (fixed, part of the feature map), which only conditions the optimisation.
 * Parameters: F·C weights + C biases.
 */
export function createLogisticTrainer(config: LogisticConfig): GridModel & { readonly features: FeatureName[] } {
  const { data, batchSize, maxLoss = 100 } = config;
  const features = orderFeatures(config.features);
  if (features.length === 0) throw new RangeError('logistic regression needs at least one feature');
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > data.n) throw new RangeError(`batchSize must be an integer in [1, ${data.n}], got ${batchSize}`);
  const f = features.length;
  const c = data.classes;

  // Standardisation statistics from the training set.
  const raw = featurize(data.x, features);
  const mean = new Float32Array(f);
  const std = new Float32Array(f);
  for (let j = 0; j < f; j++) {
    let m = 0;
    for (let i = 0; i < data.n; i++) m += raw[i * f + j]!;
    m /= data.n;
    let v = 0;
    for (let i = 0; i < data.n; i++) v += (raw[i * f + j]! - m) ** 2;
    mean[j] = m;
    std[j] = Math.sqrt(v / data.n) || 1;
  }
  const standardise = (values: Float32Array) => {
    for (let i = 0; i < values.length; i++) values[i] = (values[i]! - mean[i % f]!) / std[i % f]!;
    return values;
  };

  const phiAll = tf.tensor2d(standardise(raw), [data.n, f]);
  const labels = tf.tensor1d(data.y, 'int32');
  const oneHotAll = tf.tidy(() => tf.cast(tf.oneHot(labels, c), 'float32')) as tf.Tensor2D;
  const weights = tf.tidy(() => tf.variable(tf.zeros([f, c]), true, undefined));
  const bias = tf.tidy(() => tf.variable(tf.zeros([1, c]), true, undefined));
  const optimizer = createOptimizer(config.optimizer, [weights, bias]);
  const stream = createBatchStream(data.n, batchSize, createRng(deriveSeed(config.seed, 'batches')));
  const defaultExtent = datasetExtent(data);

  let stepsDone = 0;
  let divergence: Diverged | null = null;
  let disposed = false;
  // One model: `nets` (which of a lockstep group diverged) is always [true].
  const check = (loss: number, atStep: number): Diverged | null =>
    !Number.isFinite(loss)
      ? { kind: 'diverged', atStep, reason: 'non-finite', nets: [true] }
      : loss > maxLoss
        ? { kind: 'diverged', atStep, reason: 'above-max-loss', nets: [true] }
        : null;
  const assertLive = () => {
    if (disposed) throw new Error('trainer was disposed');
  };
  const logitsOf = (phi: tf.Tensor) => tf.add(tf.matMul(phi, weights), bias);

  const trainStep = (): tf.Scalar =>
    tf.tidy(() => {
      const idx = tf.tensor1d(stream.next(), 'int32');
      const phi = tf.gather(phiAll, idx);
      const { loss, dLogits } = softmaxCrossEntropy(logitsOf(phi), tf.gather(oneHotAll, idx));
      // ∂L/∂W = φᵀ·∂L/∂z, ∂L/∂b = Σ_rows ∂L/∂z (dLogits already carries the 1/B of the mean).
      optimizer.apply([tf.matMul(phi, dLogits, true, false), tf.sum(dLogits, 0, true)]);
      return tf.reshape(loss, []) as tf.Scalar; // one lane: [1] → scalar
    });

  return {
    features,
    parameterCount: f * c + c,
    get stepsDone() {
      return stepsDone;
    },

    step(n = 1) {
      assertLive();
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`step(n): n must be a positive integer, got ${n}`);
      const firstStep = stepsDone + 1;
      if (divergence) return { ...divergence, firstStep, losses: [], stepsDone };
      const scalars: tf.Scalar[] = [];
      for (let i = 0; i < n; i++) scalars.push(trainStep());
      const stacked = tf.stack(scalars);
      const values = stacked.dataSync();
      tf.dispose([stacked, ...scalars]);
      const losses: number[] = [];
      for (let i = 0; i < n; i++) {
        const bad = check(values[i]!, firstStep + i);
        if (bad) {
          divergence = bad;
          stepsDone = firstStep + i;
          return { ...bad, firstStep, losses, stepsDone };
        }
        losses.push(values[i]!);
      }
      stepsDone += n;
      return { kind: 'ok', firstStep, losses, stepsDone };
    },

    evaluate() {
      assertLive();
      if (divergence) return divergence;
      const values = tf.tidy(() => {
        const logits = logitsOf(phiAll);
        const { loss } = softmaxCrossEntropy(logits, oneHotAll);
        const accuracy = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32'));
        return tf.stack([tf.reshape(loss, []), accuracy]);
      });
      const [loss = NaN, accuracy = NaN] = values.dataSync();
      values.dispose();
      const bad = check(loss, stepsDone);
      if (bad) return (divergence = bad);
      return { kind: 'ok', step: stepsDone, loss, accuracy };
    },

    predictGrid(resolution, extent = defaultExtent) {
      assertLive();
      if (divergence) return divergence;
      const points = gridPoints(extent, resolution);
      const phi = standardise(featurize(points, features));
      const probs = tf.tidy(() => tf.softmax(logitsOf(tf.tensor2d(phi, [resolution * resolution, f]))));
      const probabilities = (probs.dataSync() as Float32Array).slice();
      probs.dispose();
      return { kind: 'ok', step: stepsDone, resolution, extent, classes: c, probabilities };
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      optimizer.dispose();
      tf.dispose([phiAll, labels, oneHotAll, weights, bias]);
    },
  };
}
