import * as tf from '@tensorflow/tfjs-core';
import { createBatchStream } from './batch-stream.ts';
import type { BlockVariantId } from './block-variants.ts';
import type { Dataset } from './datasets.ts';
import { checkDivergence, type Diverged, type Learner, type LearnerStep } from './learner.ts';
import { createOptimizer, type OptimizerConfig } from './optimizers.ts';
import { createRng, deriveSeed, type Rng } from './prng.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';
import { createVariantNet, type VariantNet, type VariantStats } from './variant-net.ts';

/**
 * Block variants trained side by side: one net per variant ("lane"), all on the same mini-batches,
 * from the same seed. A lane's run depends only on its own variant and the shared settings, never
 * on which other lanes are trained with it, so the variants of one comparison may be split over
 * several workers and still match a recording made in another grouping.
 */
export interface VariantLearnerConfig {
  /** Training set. */
  data: Dataset;
  /** Held-out set (same distribution) for the test accuracy He et al. report. */
  test: Dataset;
  /** 1 to 4 variants. */
  variants: readonly BlockVariantId[];
  /** D, body Dense layers (even). */
  depth: number;
  /** W, units per hidden layer. */
  width: number;
  /** Initial gate bias b_g of the gated variants. */
  gateBias: number;
  /** Examples per mini-batch. */
  batchSize: number;
  optimizer: OptimizerConfig;
  /** Seeds the weights, the batch order and the dropout masks (independent sub-streams). */
  seed: number;
  /** A loss above this (nats) counts as divergence, as does a non-finite one. Default 100. */
  maxLoss?: number;
}

/**
 * Per lane k, measured on the whole sets: training loss[k] (nats) and accuracy[k] (0–1) with BN
 * on the training set's statistics, and testLoss[k], testAccuracy[k] on the held-out set with those
 * same statistics. Dropout is replaced by its expectation in both.
 */
export interface VariantEvaluation {
  step: number;
  loss: number[];
  accuracy: number[];
  testLoss: number[];
  testAccuracy: number[];
}

export interface VariantLearner extends Learner<VariantEvaluation> {
  readonly config: Readonly<VariantLearnerConfig>;
  /** Trainable scalars of each lane's net. */
  readonly parameterCounts: number[];
}

/** Most variants one learner trains side by side. */
export const maxVariantLanes = 4;

export function createVariantLearner(config: VariantLearnerConfig): VariantLearner {
  const { data, test, batchSize, maxLoss = 100 } = config;
  const lanes = config.variants.length;
  if (lanes < 1 || lanes > maxVariantLanes) throw new RangeError(`1 to ${maxVariantLanes} variants, got ${lanes}`);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > data.n) {
    throw new RangeError(`batchSize must be an integer in [1, ${data.n}], got ${batchSize}`);
  }
  if (test.classes !== data.classes || test.inputDim !== data.inputDim) throw new RangeError('test set must have the training set’s classes and input size');
  const { classes, inputDim } = data;
  const nets: VariantNet[] = config.variants.map((variant) =>
    createVariantNet({ variant, depth: config.depth, width: config.width, inputDim, classes, seed: config.seed, gateBias: config.gateBias }),
  );
  const optimizers = nets.map((net) => createOptimizer(config.optimizer, net.variables));
  const stream = createBatchStream(data.n, batchSize, createRng(deriveSeed(config.seed, 'batches')));
  // Each dropout lane draws from its own stream: its masks do not depend on the other lanes.
  const maskRngs: (Rng | null)[] = nets.map((net) => (net.variant.shortcut === 'dropout' ? createRng(deriveSeed(config.seed, 'dropout')) : null));
  const xAll = tf.tensor2d(data.x, [data.n, inputDim]);
  const labels = tf.tensor1d(data.y, 'int32');
  const targets = tf.tidy(() => tf.oneHot(labels, classes));
  const xTest = tf.tensor2d(test.x, [test.n, inputDim]);
  const testLabels = tf.tensor1d(test.y, 'int32');
  const testTargets = tf.tidy(() => tf.oneHot(testLabels, classes));
  const blocks = config.depth / 2;
  const W = config.width;

  let stepsDone = 0;
  let divergence: Diverged | null = null;
  let disposed = false;

  const assertLive = () => {
    if (disposed) throw new Error('learner was disposed');
  };

  /** A fresh 0/1 dropout mask [n, B, W] with P(1) = 0.5. */
  const drawMask = (rng: Rng) => {
    const values = new Float32Array(blocks * batchSize * W);
    for (let i = 0; i < values.length; i++) values[i] = rng.uniform() < 0.5 ? 1 : 0;
    return tf.tensor3d(values, [blocks, batchSize, W]);
  };

  /** One update of every lane on the same batch; returns the lanes' batch losses [L]. */
  const trainStep = (): tf.Tensor =>
    tf.tidy(() => {
      const idx = tf.tensor1d(stream.next(), 'int32');
      const x = tf.gather(xAll, idx);
      const y = tf.gather(targets, idx);
      const losses = nets.map((net, k) => {
        const rng = maskRngs[k];
        const { logits, tape } = net.forward(x, { kind: 'train', mask: rng ? drawMask(rng) : undefined });
        const { loss, dLogits } = softmaxCrossEntropy(logits, y);
        const g = net.backward(tape!, dLogits);
        optimizers[k]!.apply([g.stem, g.kernels, g.vectors, g.head]);
        return loss;
      });
      return tf.concat(losses);
    });

  const lossAndAccuracy = (logits: tf.Tensor, oneHot: tf.Tensor, truth: tf.Tensor) => {
    const { loss } = softmaxCrossEntropy(logits, oneHot);
    const accuracy = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), truth), 'float32'));
    return [tf.reshape(loss, [1]), tf.reshape(accuracy, [1])];
  };

  return {
    config,
    lanes,
    parameterCounts: nets.map((n) => n.parameterCount),
    get stepsDone() {
      return stepsDone;
    },

    step(n: number): LearnerStep {
      assertLive();
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`step(n): n must be a positive integer, got ${n}`);
      const firstStep = stepsDone + 1;
      const losses: number[][] = Array.from({ length: lanes }, () => []);
      if (divergence) return { ...divergence, firstStep, losses, stepsDone };
      const perStep: tf.Tensor[] = [];
      for (let i = 0; i < n; i++) perStep.push(trainStep());
      const stacked = tf.stack(perStep); // [n, L]
      const values = stacked.dataSync();
      tf.dispose([stacked, ...perStep]);
      for (let i = 0; i < n; i++) {
        const row = values.subarray(i * lanes, (i + 1) * lanes);
        const bad = checkDivergence(row, firstStep + i, maxLoss);
        if (bad) {
          divergence = bad;
          stepsDone = firstStep + i;
          return { ...bad, firstStep, losses, stepsDone };
        }
        row.forEach((v, k) => losses[k]!.push(v));
      }
      stepsDone += n;
      return { kind: 'ok', firstStep, losses, stepsDone };
    },

    evaluate(): VariantEvaluation | Diverged {
      assertLive();
      if (divergence) return divergence;
      const values = tf.tidy(() =>
        tf.concat(
          nets.flatMap((net) => {
            const train = net.forward(xAll, { kind: 'collect' });
            const stats: VariantStats = train.stats;
            const testLogits = net.forward(xTest, { kind: 'fixed', stats }).logits;
            return [...lossAndAccuracy(train.logits, targets, labels), ...lossAndAccuracy(testLogits, testTargets, testLabels)];
          }),
        ),
      );
      const v = values.dataSync();
      values.dispose();
      const pick = (offset: number) => Array.from({ length: lanes }, (_, k) => v[4 * k + offset]!);
      const evaluation: VariantEvaluation = { step: stepsDone, loss: pick(0), accuracy: pick(1), testLoss: pick(2), testAccuracy: pick(3) };
      // A finite training loss with a non-finite test loss (BN statistics that blow up off the
      // training set) also ends the run: every number a run reports is finite.
      const bad =
        checkDivergence(evaluation.loss, stepsDone, maxLoss) ??
        (evaluation.testLoss.every(Number.isFinite) ? null : { kind: 'diverged' as const, atStep: stepsDone, reason: 'non-finite' as const, nets: evaluation.testLoss.map((l) => !Number.isFinite(l)) });
      if (bad) {
        divergence = bad;
        return bad;
      }
      return evaluation;
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      for (const o of optimizers) o.dispose();
      for (const n of nets) n.dispose();
      tf.dispose([xAll, labels, targets, xTest, testLabels, testTargets]);
    },
  };
}
