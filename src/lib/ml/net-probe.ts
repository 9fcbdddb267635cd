import * as tf from '@tensorflow/tfjs-core';
import type { Dataset, Extent } from './datasets.ts';
import { blockSkip } from './lesion.ts';
import { createMlp, type Mlp, type NetStats } from './mlp.ts';
import { blockCount, validateNetConfig, type NetConfig } from './net-config.ts';
import { writeVector } from './param-vector.ts';
import { pathInputGradients } from './path-gradients.ts';
import { gridPoints } from './predict-grid.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';

/**
 * A trained net held still for experiments on it: deleting blocks at test time (lesions) and
 * measuring the gradient that flows through single paths. Built from a config and the net's flat
 * parameter vector (`param-vector.ts`), so the weights may come from a run in this worker, from
 * the page, or from a recording.
 *
 * Inference uses fixed BN statistics: those of the intact net over the whole training set, as
 * `evaluate` does. A lesioned net keeps them — as in Veit et al., the layers after a deleted block
 * are not re-normalised for their new input.
 */
export interface NetProbe {
  readonly config: NetConfig;
  /** n = D/2 blocks of two body layers. */
  readonly blocks: number;
  /** Fraction of `set` classified correctly with the blocks in `deleted` (0-based) left out. */
  accuracy(set: Dataset, deleted?: Iterable<number>): number;
  /** Class probabilities on an R×R grid over `extent` (cell order of `gridPoints`), [R·R·C], with blocks deleted. */
  predictGrid(resolution: number, extent: Extent, deleted?: Iterable<number>): Float32Array;
  /**
   * For each path m (`branches[m][b]`: through block b's residual branch or its identity), the L2
   * norm of the gradient of the mean cross-entropy on the training examples `batch` with respect to
   * the input of the first block, flowing back through that path only (residual nets; see
   * `pathInputGradients`). The forward pass is in training mode on that batch, as during training.
   */
  pathGradientNorms(batch: Int32Array, branches: readonly (readonly boolean[])[]): Float32Array;
  dispose(): void;
}

export function createNetProbe(config: NetConfig, weights: Float32Array, train: Dataset): NetProbe {
  validateNetConfig(config);
  if (config.inputDim !== train.inputDim || config.classes !== train.classes) throw new RangeError('createNetProbe: the config does not fit the data');
  const net: Mlp = createMlp(config);
  writeVector(net, weights);
  const { depth, classes } = config;
  const xTrain = tf.tensor2d(train.x, [train.n, train.inputDim]);
  const targets = tf.tidy(() => tf.oneHot(tf.tensor1d(train.y, 'int32'), classes));
  const stats: NetStats = [];
  tf.tidy(() => {
    for (const s of net.forwardTrain(xTrain).stats) stats.push(s ? { mean: tf.keep(s.mean), variance: tf.keep(s.variance) } : null);
  });
  const sets = new Map<Dataset, { x: tf.Tensor; y: tf.Tensor }>();
  const tensorsOf = (set: Dataset) => {
    let t = sets.get(set);
    if (!t) {
      t = { x: tf.tensor2d(set.x, [set.n, set.inputDim]), y: tf.tensor1d(set.y, 'int32') };
      sets.set(set, t);
    }
    return t;
  };
  const skipOf = (deleted?: Iterable<number>) => blockSkip(depth, deleted ?? []);

  return {
    config,
    blocks: depth / 2,
    accuracy(set, deleted) {
      const { x, y } = tensorsOf(set);
      const acc = tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(net.forwardFixed(x, stats, skipOf(deleted)), 1), y), 'float32')));
      const v = acc.dataSync()[0]!;
      acc.dispose();
      return v;
    },
    predictGrid(resolution, extent, deleted) {
      const cells = resolution * resolution;
      const probs = tf.tidy(() => tf.softmax(net.forwardFixed(tf.tensor2d(gridPoints(extent, resolution), [cells, 2]), stats, skipOf(deleted))));
      const v = (probs.dataSync() as Float32Array).slice();
      probs.dispose();
      return v;
    },
    pathGradientNorms(batch, branches) {
      if (blockCount(config) === 0) throw new RangeError('pathGradientNorms: a plain net has one path');
      const norms = tf.tidy(() => {
        const idx = tf.tensor1d(batch, 'int32');
        const { logits, tape } = net.forwardTrain(tf.gather(xTrain, idx));
        const { dLogits } = softmaxCrossEntropy(logits, tf.gather(targets, idx));
        const g = pathInputGradients(tape, dLogits, branches);
        return tf.sqrt(tf.sum(tf.square(g), [1, 2]));
      });
      const v = (norms.dataSync() as Float32Array).slice();
      norms.dispose();
      return v;
    },
    dispose() {
      for (const t of sets.values()) tf.dispose([t.x, t.y]);
      for (const s of stats) if (s) tf.dispose([s.mean, s.variance]);
      tf.dispose([xTrain, targets]);
      net.dispose();
    },
  };
}
