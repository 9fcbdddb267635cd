import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from './datasets.ts';
import { createMlp } from './mlp.ts';
import { validateNetConfig, type NetConfig } from './net-config.ts';
import { banksOf, paramLayout, type ParamLayout } from './param-vector.ts';
import type { Rng } from './prng.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';

/**
 * Loss landscapes (Li, Xu, Taylor, Studer & Goldstein 2018): the training loss of a net along
 * lines and planes through its trained weights θ*,
 *   f(α) = L(θ₀ + α·(θ* − θ₀))            (1-D: from the initial weights θ₀ at α = 0 to θ* at α = 1)
 *   f(α, β) = L(θ* + α·δ + β·η)            (2-D: two random directions δ, η)
 * where L is the mean cross-entropy over the whole training set, with BN computing its statistics
 * from the net at that point (training mode, as `evaluate` does).
 */

/**
 * A random direction with filter normalisation (Li et al. §4): Gaussian entries, then every filter
 * rescaled to the norm of the same filter in θ, d_{i,j} ← d_{i,j}/‖d_{i,j}‖ · ‖θ_{i,j}‖. For a dense
 * layer the "filter" of neuron j is its incoming weights, column j of the [fan-in, neurons] kernel
 * — the analogue of one convolution filter, and the unit BN makes scale-free. BN scales and shifts
 * and biases get 0, as in Li et al. A direction then has the scale of the net itself: α = 1 moves
 * each neuron's weights by as much as their own length.
 */
export function filterNormalizedDirection(layout: ParamLayout, theta: Float32Array, rng: Rng): Float32Array {
  if (theta.length !== layout.size) throw new RangeError(`direction: θ has ${theta.length} values, the layout ${layout.size}`);
  const d = new Float32Array(layout.size);
  for (const k of layout.kernels) {
    for (let i = 0; i < k.rows * k.cols; i++) d[k.offset + i] = rng.normal();
    for (let j = 0; j < k.cols; j++) {
      let dd = 0;
      let tt = 0;
      for (let i = 0; i < k.rows; i++) {
        const at = k.offset + i * k.cols + j;
        dd += d[at]! ** 2;
        tt += theta[at]! ** 2;
      }
      const scale = dd > 0 ? Math.sqrt(tt / dd) : 0;
      for (let i = 0; i < k.rows; i++) d[k.offset + i * k.cols + j]! *= scale;
    }
  }
  return d;
}

/** Full-set loss (nats) and accuracy (0–1) at one point of parameter space. */
export interface PointValue {
  loss: number;
  accuracy: number;
}

/**
 * Evaluates the training loss at points θ = base + Σ cᵢ·directionᵢ of one net's parameter space,
 * and its gradient there (for Hessian-vector products). Built once per base and directions.
 */
export interface LandscapeEvaluator {
  readonly config: NetConfig;
  /** Number of parameters P. */
  readonly size: number;
  /** Values at several coefficient vectors (each of length = number of directions), read back at once. */
  values(coefficients: readonly (readonly number[])[]): PointValue[];
  /** Mean cross-entropy and its gradient [P] at base + `offset` (a vector of P values). */
  gradient(offset: Float32Array): { loss: number; gradient: Float32Array };
  /**
   * The Hessian-vector product Hv [P] at base + `offset`: the gradient of v·∇L, by automatic
   * differentiation through the hand-written backward pass. Exact wherever the loss is twice
   * differentiable — everywhere but on ReLU kinks, where the ReLU's second derivative counts as 0
   * (as autodiff frameworks do). Finite differences of gradients would instead pick up every kink
   * the step crosses. Needs tfjs-core's gradients registered (`register_all_gradients`).
   */
  hessianVector(offset: Float32Array, v: Float32Array): Float32Array;
  dispose(): void;
}

export function createLandscapeEvaluator(config: NetConfig, data: Dataset, base: Float32Array, directions: readonly Float32Array[]): LandscapeEvaluator {
  validateNetConfig(config);
  const layout = paramLayout(config);
  for (const v of [base, ...directions]) if (v.length !== layout.size) throw new RangeError(`landscape: a vector of ${v.length} values for a net of ${layout.size}`);
  const net = createMlp(config);
  const x = tf.tensor2d(data.x, [data.n, data.inputDim]);
  const labels = tf.tensor1d(data.y, 'int32');
  const targets = tf.tidy(() => tf.oneHot(labels, config.classes));
  const baseT = tf.tensor1d(base);
  const dirT = directions.map((d) => tf.tensor1d(d));

  /** Loss [1] and accuracy [1] of the net with parameters `vector`. */
  const lossAndAccuracy = (vector: tf.Tensor1D) => {
    const { logits } = net.forwardTrain(x, banksOf(config, vector));
    const { loss } = softmaxCrossEntropy(logits, targets);
    const accuracy = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32'));
    return tf.concat([loss, tf.reshape(accuracy, [1])]);
  };
  const pointAt = (c: readonly number[]) => {
    if (c.length !== dirT.length) throw new RangeError(`landscape: ${c.length} coefficients for ${dirT.length} directions`);
    return c.reduce<tf.Tensor1D>((v, ci, i) => (ci === 0 ? v : tf.add(v, tf.mul(dirT[i]!, ci))), baseT);
  };

  return {
    config,
    size: layout.size,
    values(coefficients) {
      if (!coefficients.length) return [];
      // One tidy per point: a point's intermediate tensors (~27 MB at depth 32, width 32, 500
      // points) are freed before the next, so the heap reuses memory that is still in cache
      // instead of holding a whole row's (10.5 → 8.3 ms per point at depth 32 on wasm in Node).
      const each = coefficients.map((c) => tf.tidy(() => lossAndAccuracy(pointAt(c))));
      const all = tf.stack(each);
      const v = all.dataSync();
      tf.dispose([all, ...each]);
      return coefficients.map((_, i) => ({ loss: v[2 * i]!, accuracy: v[2 * i + 1]! }));
    },
    gradient(offset) {
      if (offset.length !== layout.size) throw new RangeError(`gradient: ${offset.length} values for a net of ${layout.size}`);
      const out = tf.tidy(() => {
        const banks = banksOf(config, tf.add(baseT, tf.tensor1d(offset)));
        const { logits, tape } = net.forwardTrain(x, banks);
        const { loss, dLogits } = softmaxCrossEntropy(logits, targets);
        const g = net.backward(tape, dLogits);
        return tf.concat([loss, ...[g.vectors, g.body, g.head].map((t) => tf.reshape(t, [-1]))]);
      });
      const v = out.dataSync() as Float32Array;
      out.dispose();
      return { loss: v[0]!, gradient: v.slice(1) };
    },
    hessianVector(offset, v) {
      if (offset.length !== layout.size || v.length !== layout.size) throw new RangeError(`hessianVector: vectors of ${layout.size} values expected`);
      const out = tf.tidy(() => {
        const vT = tf.tensor1d(v);
        const vDotGradient = (theta: tf.Tensor) => {
          const { logits, tape } = net.forwardTrain(x, banksOf(config, theta as tf.Tensor1D));
          const g = net.backward(tape, softmaxCrossEntropy(logits, targets).dLogits);
          return tf.sum(tf.mul(tf.concat([g.vectors, g.body, g.head].map((t) => tf.reshape(t, [-1]))), vT));
        };
        return tf.grad(vDotGradient)(tf.add(baseT, tf.tensor1d(offset)));
      });
      const hv = (out.dataSync() as Float32Array).slice();
      out.dispose();
      return hv;
    },
    dispose() {
      tf.dispose([x, labels, targets, baseT, ...dirT]);
      net.dispose();
    },
  };
}

/**
 * `points` of a data set's points, evenly spread over it (indices ⌊i·N/points⌋). The points of a
 * data set are grouped by class, so the classes keep their shares. Used to evaluate landscapes
 * on a fixed part of the training set when the whole would cost too much per point.
 */
export function spreadSubset(data: Dataset, points: number): Dataset {
  if (!Number.isInteger(points) || points < 1 || points > data.n) throw new RangeError(`spreadSubset: 1 … ${data.n} points, got ${points}`);
  const idx = Array.from({ length: points }, (_, i) => Math.floor((i * data.n) / points));
  const x = new Float32Array(2 * points);
  idx.forEach((k, i) => x.set(data.x.subarray(2 * k, 2 * k + 2), 2 * i));
  return { ...data, n: points, x, y: Int32Array.from(idx, (k) => data.y[k]!) };
}

/** n evenly spaced values from `from` to `to` inclusive. */
export function linspace(from: number, to: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`linspace: n must be an integer ≥ 2, got ${n}`);
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}
