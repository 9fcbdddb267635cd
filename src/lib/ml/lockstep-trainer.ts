import * as tf from '@tensorflow/tfjs-core';
import { createBatchStream } from './batch-stream.ts';
import { datasetExtent, type Dataset, type Extent } from './datasets.ts';
import { createMlp, type NetStats } from './mlp.ts';
import type { LaneSpec } from './net-config.ts';
import { createOptimizer, type OptimizerConfig } from './optimizers.ts';
import { gridPoints } from './predict-grid.ts';
import { createRng, deriveSeed } from './prng.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';
import { checkDivergence, type Diverged } from './learner.ts';
import { laneVector } from './param-vector.ts';

/**
 * Several nets (e.g. plain and residual) trained in lockstep on the same mini-batches, packed
 * into one graph. Everything except `nets` is shared; the same config gives the same run on the
 * same backend, and net k follows the same trajectory as a one-net run with its architecture and
 * seed (up to float rounding: the packed products sum in another order).
 */
export interface LockstepTrainerConfig {
  data: Dataset;
  /** 1 to 4 nets: architecture and weight seed of each. */
  nets: readonly LaneSpec[];
  /** D, body layers (even if any net is residual). */
  depth: number;
  /** W, units per hidden layer of each net. */
  width: number;
  batchNorm: boolean;
  /** Examples per mini-batch. */
  batchSize: number;
  optimizer: OptimizerConfig;
  /** Seeds the batch order. */
  seed: number;
  /** A loss above this (nats) counts as divergence, as does a non-finite one. Default 100 (ln 3 ≈ 1.1 is chance for 3 classes). */
  maxLoss?: number;
}

export type { Diverged, DivergenceReason } from './learner.ts';

/** Result of `step(n)`: losses[k][i] is net k's mini-batch loss at step firstStep + i (measured before that update). */
export type LockstepStepReport =
  | { kind: 'ok'; firstStep: number; losses: number[][]; stepsDone: number }
  | (Diverged & { firstStep: number; losses: number[][]; stepsDone: number });

/** Per net: loss (mean cross-entropy, nats) and accuracy (fraction) on the whole training set. */
export type LockstepEvalReport = { kind: 'ok'; step: number; loss: number[]; accuracy: number[] } | Diverged;

/** norms[k][l]: L2 norm of dLoss/dW of body layer l + 1 of net k (index 0 is nearest the input). */
export type LockstepGradNormReport = { kind: 'ok'; step: number; norms: number[][] } | Diverged;

/** probabilities[k]: net k's class probabilities on the grid, [R·R, C] row-major (cell order of `gridPoints`). */
export type LockstepGridReport =
  | { kind: 'ok'; step: number; resolution: number; extent: Extent; classes: number; probabilities: Float32Array[] }
  | Diverged;

/** A lockstep run, advanced by the caller (a worker can pause between calls and stop with dispose). */
export interface LockstepTrainer {
  readonly config: Readonly<LockstepTrainerConfig>;
  /** Trainable scalars of each net. */
  readonly parameterCount: number;
  /** Optimizer updates done so far. */
  readonly stepsDone: number;
  /** Set once a loss was non-finite or above maxLoss; every later call answers with it. */
  readonly divergence: Diverged | null;
  /** Runs n ≥ 1 updates and reads all their losses back at once (one read-back per call). */
  step(n?: number): LockstepStepReport;
  /** Full-set loss and accuracy; BN uses the statistics of the full training set. */
  evaluate(): LockstepEvalReport;
  /** Per-layer weight-gradient norms on the next mini-batch, without updating anything. */
  gradNorms(): LockstepGradNormReport;
  /** Class probabilities on an R×R grid; `extent` defaults to the data's bounds plus 10 %. */
  predictGrid(resolution: number, extent?: Extent): LockstepGridReport;
  /** Each net's current parameters, as the flat vector of its one-net config (`param-vector.ts`). */
  weights(): Float32Array[];
  /** Frees every tensor the trainer made; the trainer is unusable afterwards. */
  dispose(): void;
}

/** Creates the nets, optimizer state and data tensors. The caller registers and picks the tfjs backend first. */
export function createLockstepTrainer(config: LockstepTrainerConfig): LockstepTrainer {
  const { data, batchSize, maxLoss = 100 } = config;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > data.n) {
    throw new RangeError(`batchSize must be an integer in [1, ${data.n}], got ${batchSize}`);
  }
  const lanes = config.nets.length;
  const classes = data.classes;
  const net = createMlp({
    lanes: config.nets,
    depth: config.depth,
    width: config.width,
    batchNorm: config.batchNorm,
    inputDim: data.inputDim,
    classes,
  });
  const optimizer = createOptimizer(config.optimizer, net.variables);
  const stream = createBatchStream(data.n, batchSize, createRng(deriveSeed(config.seed, 'batches')));
  const xAll = tf.tensor2d(data.x, [data.n, data.inputDim]);
  const labels = tf.tensor2d(data.y, [data.n, 1], 'int32');
  // One-hot targets repeated for every lane: [N, L·C].
  const targetsAll = tf.tidy(() => tf.tile(tf.oneHot(tf.reshape(labels, [data.n]), classes), [1, lanes]));
  const defaultExtent = datasetExtent(data);

  let stepsDone = 0;
  let divergence: Diverged | null = null;
  let disposed = false;
  /** Full-set BN statistics of the current weights (valid while `step` equals stepsDone). */
  let fullSetStats: { step: number; stats: NetStats } | null = null;

  const check = (values: ArrayLike<number>, atStep: number) => checkDivergence(values, atStep, maxLoss);
  const fail = (d: Diverged): Diverged => {
    divergence = d;
    disposeStats();
    return d;
  };
  const assertLive = () => {
    if (disposed) throw new Error('trainer was disposed');
  };

  /** Forward and backward on the next (or upcoming) batch: per-lane losses [L] and the bank gradients. */
  const batchGradients = (indices: Int32Array) => {
    const idx = tf.tensor1d(indices, 'int32');
    const { logits, tape } = net.forwardTrain(tf.gather(xAll, idx));
    const { loss, dLogits } = softmaxCrossEntropy(logits, tf.gather(targetsAll, idx), lanes);
    return { loss, grads: net.backward(tape, dLogits) };
  };

  const trainStep = (): tf.Tensor =>
    tf.tidy(() => {
      const { loss, grads } = batchGradients(stream.next());
      optimizer.apply([grads.vectors, grads.body, grads.head]);
      return loss;
    });

  function disposeStats() {
    if (!fullSetStats) return;
    for (const s of fullSetStats.stats) if (s) tf.dispose([s.mean, s.variance]);
    fullSetStats = null;
  }

  /** Full-set forward pass: [loss per lane, accuracy per lane] (length 2L); refreshes the BN statistics. */
  const fullSetPass = (): Float32Array => {
    disposeStats();
    const stats: NetStats = [];
    const values = tf.tidy(() => {
      const { logits, stats: s } = net.forwardTrain(xAll);
      for (const unit of s) stats.push(unit ? { mean: tf.keep(unit.mean), variance: tf.keep(unit.variance) } : null);
      const { loss } = softmaxCrossEntropy(logits, targetsAll, lanes);
      const predicted = tf.argMax(tf.reshape(logits, [data.n, lanes, classes]), 2); // [N, L]
      const accuracy = tf.mean(tf.cast(tf.equal(predicted, labels), 'float32'), 0);
      return tf.concat([loss, accuracy]);
    });
    fullSetStats = { step: stepsDone, stats };
    const result = (values.dataSync() as Float32Array).slice();
    values.dispose();
    return result;
  };

  const perLane = <T>(f: (k: number) => T) => Array.from({ length: lanes }, (_, k) => f(k));

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
      if (divergence) return { ...divergence, firstStep, losses: perLane(() => []), stepsDone };
      const perStep: tf.Tensor[] = [];
      for (let i = 0; i < n; i++) perStep.push(trainStep());
      const stacked = tf.stack(perStep); // [n, L]
      const values = stacked.dataSync();
      tf.dispose([stacked, ...perStep]);
      const losses: number[][] = perLane(() => []);
      for (let i = 0; i < n; i++) {
        const row = values.subarray(i * lanes, (i + 1) * lanes);
        const bad = check(row, firstStep + i);
        if (bad) {
          stepsDone = firstStep + i;
          return { ...fail(bad), firstStep, losses, stepsDone };
        }
        row.forEach((v, k) => losses[k]!.push(v));
      }
      stepsDone += n;
      return { kind: 'ok', firstStep, losses, stepsDone };
    },

    evaluate() {
      assertLive();
      if (divergence) return divergence;
      const values = fullSetPass();
      const bad = check(values.subarray(0, lanes), stepsDone);
      if (bad) return fail(bad);
      return { kind: 'ok', step: stepsDone, loss: Array.from(values.subarray(0, lanes)), accuracy: Array.from(values.subarray(lanes)) };
    },

    gradNorms() {
      assertLive();
      if (divergence) return divergence;
      const norms = tf.tidy(() => net.laneKernelNorms(batchGradients(stream.peek()).grads.body)); // [L, D]
      const values = norms.dataSync();
      norms.dispose();
      const depth = config.depth;
      const rows = perLane((k) => Array.from(values.subarray(k * depth, (k + 1) * depth)));
      const bad = rows.map((r) => !r.every(Number.isFinite));
      if (bad.some(Boolean)) return fail({ kind: 'diverged', atStep: stepsDone, reason: 'non-finite', nets: bad });
      return { kind: 'ok', step: stepsDone, norms: rows };
    },

    predictGrid(resolution, extent = defaultExtent) {
      assertLive();
      if (divergence) return divergence;
      const points = gridPoints(extent, resolution);
      if (config.batchNorm && fullSetStats?.step !== stepsDone) {
        const bad = check(fullSetPass().subarray(0, lanes), stepsDone);
        if (bad) return fail(bad);
      }
      const cells = resolution * resolution;
      const probs = tf.tidy(() => {
        const logits = net.forwardFixed(tf.tensor2d(points, [cells, 2]), fullSetStats?.stats ?? []);
        return tf.transpose(tf.softmax(tf.reshape(logits, [cells, lanes, classes])), [1, 0, 2]); // [L, R·R, C]
      });
      const values = probs.dataSync() as Float32Array;
      probs.dispose();
      const probabilities = perLane((k) => values.slice(k * cells * classes, (k + 1) * cells * classes));
      const bad = probabilities.map((p) => !p.every(Number.isFinite));
      if (bad.some(Boolean)) return fail({ kind: 'diverged', atStep: stepsDone, reason: 'non-finite', nets: bad });
      return { kind: 'ok', step: stepsDone, resolution, extent, classes, probabilities };
    },

    weights() {
      assertLive();
      const [vectors, body, head] = net.variables.map((v) => v.dataSync() as Float32Array);
      return perLane((k) => laneVector(net.config, { vectors: vectors!, body: body!, head: head! }, k));
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      disposeStats();
      optimizer.dispose();
      net.dispose();
      tf.dispose([xAll, labels, targetsAll]);
    },
  };
}
