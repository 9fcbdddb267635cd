import * as tf from '@tensorflow/tfjs-core';
import { createBatchStream } from './batch-stream.ts';
import { datasetExtent, type Dataset, type Extent } from './datasets.ts';
import { createMlp, type NetStats } from './mlp.ts';
import type { Architecture } from './net-config.ts';
import { createOptimizer, type OptimizerConfig } from './optimizers.ts';
import { gridPoints } from './predict-grid.ts';
import { createRng, deriveSeed } from './prng.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';

/** Everything that determines a training run; the same config gives the same run on the same backend. */
export interface TrainerConfig {
  data: Dataset;
  architecture: Architecture;
  /** D, body layers (even for residual). */
  depth: number;
  /** W, units per hidden layer. */
  width: number;
  batchNorm: boolean;
  /** Examples per mini-batch. */
  batchSize: number;
  optimizer: OptimizerConfig;
  /** Seeds the initial weights and the batch order (independent sub-streams). */
  seed: number;
  /**
   * A mini-batch or full-set loss above this (in nats) counts as divergence, as does any
   * non-finite loss. Default 100 (chance level for 3 classes is ln 3 ≈ 1.10).
   */
  maxLoss?: number;
}

/** Why a run was declared diverged. */
export type DivergenceReason = 'non-finite' | 'above-max-loss';

/** The answer of every trainer method once the run has diverged; it carries no loss values. */
export interface Diverged {
  kind: 'diverged';
  /** Step at which divergence was seen (1-based; 0 = at initialisation). */
  atStep: number;
  reason: DivergenceReason;
}

/** Result of `step(n)`. Steps are numbered from 1; step k's loss is measured before update k. */
export type StepReport =
  | { kind: 'ok'; firstStep: number; losses: number[]; stepsDone: number }
  | (Diverged & { firstStep: number; losses: number[]; stepsDone: number });

/** Loss (mean cross-entropy, nats) and accuracy (fraction in [0, 1]) on the whole training set. */
export type EvalReport = { kind: 'ok'; step: number; loss: number; accuracy: number } | Diverged;

/** L2 norm of dLoss/dW_l for each body layer l = 1…D (index 0 is nearest the input). */
export type GradNormReport = { kind: 'ok'; step: number; norms: number[] } | Diverged;

/** Class probabilities over a grid (see `gridPoints` for the cell order): [R·R, C] row-major. */
export type GridReport =
  | { kind: 'ok'; step: number; resolution: number; extent: Extent; classes: number; probabilities: Float32Array }
  | Diverged;

/** A training run, advanced by the caller (a worker loop can pause between calls or stop with dispose). */
export interface Trainer {
  readonly config: Readonly<TrainerConfig>;
  readonly parameterCount: number;
  /** Optimizer updates done so far. */
  readonly stepsDone: number;
  /** Set once a loss was non-finite or above maxLoss; every later call answers `Diverged`. */
  readonly divergence: Diverged | null;
  /** Runs n ≥ 1 updates and reads all their mini-batch losses back at once. */
  step(n?: number): StepReport;
  /** Full-set loss and accuracy (BN uses the statistics of the full training set). */
  evaluate(): EvalReport;
  /** Per-layer weight-gradient norms on the next mini-batch, without updating anything. */
  gradNorms(): GradNormReport;
  /** Class probabilities on an R×R grid; `extent` defaults to the data's bounds plus 10 %. */
  predictGrid(resolution: number, extent?: Extent): GridReport;
  /** Frees every tensor the trainer made; the trainer is unusable afterwards. */
  dispose(): void;
}

/** Creates the net, optimizer state and data tensors of a run. The caller picks the tfjs backend first. */
export function createTrainer(config: TrainerConfig): Trainer {
  const { data, batchSize, maxLoss = 100 } = config;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > data.n) {
    throw new RangeError(`batchSize must be an integer in [1, ${data.n}], got ${batchSize}`);
  }
  const net = createMlp({
    architecture: config.architecture,
    depth: config.depth,
    width: config.width,
    batchNorm: config.batchNorm,
    inputDim: data.inputDim,
    classes: data.classes,
    seed: config.seed,
  });
  const optimizer = createOptimizer(config.optimizer, net.variables);
  const stream = createBatchStream(data.n, batchSize, createRng(deriveSeed(config.seed, 'batches')));
  const xAll = tf.tensor2d(data.x, [data.n, data.inputDim]);
  const labels = tf.tensor1d(data.y, 'int32');
  const oneHotAll = tf.tidy(() => tf.cast(tf.oneHot(labels, data.classes), 'float32')) as tf.Tensor2D;
  const defaultExtent = datasetExtent(data);

  let stepsDone = 0;
  let divergence: Diverged | null = null;
  let disposed = false;
  /** Full-set BN statistics for the current weights (valid while `step` equals stepsDone). */
  let fullSetStats: { step: number; stats: NetStats } | null = null;

  const check = (loss: number, atStep: number): Diverged | null =>
    !Number.isFinite(loss)
      ? { kind: 'diverged', atStep, reason: 'non-finite' }
      : loss > maxLoss
        ? { kind: 'diverged', atStep, reason: 'above-max-loss' }
        : null;

  const assertLive = () => {
    if (disposed) throw new Error('trainer was disposed');
  };

  /** One update on the next batch; returns the batch loss (a scalar the caller disposes). */
  const trainStep = (): tf.Scalar =>
    tf.tidy(() => {
      const idx = tf.tensor1d(stream.next(), 'int32');
      const { logits, tape } = net.forwardTrain(tf.gather(xAll, idx));
      const { loss, dLogits } = softmaxCrossEntropy(logits, tf.gather(oneHotAll, idx));
      const g = net.backward(tape, dLogits);
      optimizer.apply([g.vectors, g.body, g.head]);
      return loss;
    });

  const disposeStats = () => {
    if (!fullSetStats) return;
    for (const s of fullSetStats.stats) if (s) tf.dispose([s.mean, s.variance]);
    fullSetStats = null;
  };

  /** Full-set forward pass: [loss, accuracy], and refreshes the full-set BN statistics. */
  const fullSetPass = (): Float32Array => {
    disposeStats();
    const stats: NetStats = [];
    const values = tf.tidy(() => {
      const { logits, stats: s } = net.forwardTrain(xAll);
      for (const unit of s) stats.push(unit ? { mean: tf.keep(unit.mean), variance: tf.keep(unit.variance) } : null);
      const { loss } = softmaxCrossEntropy(logits, oneHotAll);
      const accuracy = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32'));
      return tf.stack([loss, accuracy]);
    });
    fullSetStats = { step: stepsDone, stats };
    const result = (values.dataSync() as Float32Array).slice();
    values.dispose();
    return result;
  };

  return {
    config,
    parameterCount: net.parameterCount,
    get stepsDone() {
      return stepsDone;
    },
    get divergence() {
      return divergence;
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
          disposeStats();
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
      const [loss = NaN, accuracy = NaN] = fullSetPass();
      const bad = check(loss, stepsDone);
      if (bad) {
        divergence = bad;
        disposeStats();
        return bad;
      }
      return { kind: 'ok', step: stepsDone, loss, accuracy };
    },

    gradNorms() {
      assertLive();
      if (divergence) return divergence;
      const norms = tf.tidy(() => {
        const idx = tf.tensor1d(stream.peek(), 'int32');
        const { logits, tape } = net.forwardTrain(tf.gather(xAll, idx));
        const { dLogits } = softmaxCrossEntropy(logits, tf.gather(oneHotAll, idx));
        const { body } = net.backward(tape, dLogits);
        return tf.sqrt(tf.sum(tf.square(body), 1));
      });
      const values = Array.from(norms.dataSync());
      norms.dispose();
      if (!values.every(Number.isFinite)) {
        divergence = { kind: 'diverged', atStep: stepsDone, reason: 'non-finite' };
        return divergence;
      }
      return { kind: 'ok', step: stepsDone, norms: values };
    },

    predictGrid(resolution, extent = defaultExtent) {
      assertLive();
      if (divergence) return divergence;
      const points = gridPoints(extent, resolution);
      if (config.batchNorm && fullSetStats?.step !== stepsDone) {
        const [loss = NaN] = fullSetPass();
        const bad = check(loss, stepsDone);
        if (bad) {
          disposeStats();
          return (divergence = bad);
        }
      }
      const stats = fullSetStats?.stats ?? [];
      const probs = tf.tidy(() => tf.softmax(net.forwardFixed(tf.tensor2d(points, [resolution * resolution, 2]), stats)));
      const probabilities = (probs.dataSync() as Float32Array).slice();
      probs.dispose();
      if (!probabilities.every(Number.isFinite)) {
        return (divergence = { kind: 'diverged', atStep: stepsDone, reason: 'non-finite' });
      }
      return { kind: 'ok', step: stepsDone, resolution, extent, classes: data.classes, probabilities };
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      disposeStats();
      optimizer.dispose();
      net.dispose();
      tf.dispose([xAll, labels, oneHotAll]);
    },
  };
}
