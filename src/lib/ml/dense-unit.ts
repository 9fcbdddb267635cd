import * as tf from '@tensorflow/tfjs-core';
import { batchNormBackward, batchNormFixed, batchNormTrain, type BatchNormCache } from './batch-norm.ts';

/**
 * One hidden layer of the nets, in the general form
 *   out = post( norm( [ReLU](a) · W ) [+ shortcut] )
 * where norm is BN (γ, β) or a bias. Plain layers use post = 'relu'; the second layer of a
 * post-activation residual block adds the block input before its ReLU; pre-activation layers use
 * preRelu and post = 'identity'. When lanes of different kinds share a graph, post is a [W]
 * vector α: PReLU with α = 0 (ReLU) on some columns and α = 1 (identity) on others.
 */
export interface DenseUnitOptions {
  preRelu: boolean;
  post: 'relu' | 'identity' | tf.Tensor;
}

/** Parameters of one unit, all views of the parameter banks. */
export type UnitParams =
  | { kernel: tf.Tensor; gamma: tf.Tensor; beta: tf.Tensor } // [W_in, W], [W], [W]
  | { kernel: tf.Tensor; bias: tf.Tensor }; // [W_in, W], [W]

/** BN statistics of one unit's pre-normalisation activations, [W] each. */
export interface UnitStats {
  mean: tf.Tensor;
  variance: tf.Tensor;
}

/** Everything the backward pass needs. */
export interface UnitCache {
  options: DenseUnitOptions;
  hasShortcut: boolean;
  /** Unit input a [B, W_in] (before the optional pre-ReLU). */
  input: tf.Tensor;
  /** Input of the matrix product, ReLU(a) or a, [B, W_in]. */
  denseInput: tf.Tensor;
  kernel: tf.Tensor;
  bn: BatchNormCache | null;
  /** Unit output [B, W]. */
  out: tf.Tensor;
}

/** Forward pass with batch statistics (training mode). Shapes: a [B, W_in] → out [B, W]. */
export function denseUnitTrain(
  a: tf.Tensor,
  params: UnitParams,
  options: DenseUnitOptions,
  shortcut: tf.Tensor | null,
) {
  const denseInput = options.preRelu ? tf.relu(a) : a;
  let bn: BatchNormCache | null = null;
  let stats: UnitStats | null = null;
  let y: tf.Tensor;
  if ('gamma' in params) {
    const z = tf.matMul(denseInput, params.kernel);
    const norm = batchNormTrain(z, params.gamma, params.beta);
    y = norm.y;
    bn = norm.cache;
    stats = { mean: norm.mean, variance: norm.variance };
  } else {
    // Not tf.fused.matMul: its wasm kernel rejects a bias that is a reshaped view.
    y = tf.add(tf.matMul(denseInput, params.kernel), params.bias);
  }
  const summed = shortcut ? tf.add(y, shortcut) : y;
  const out = activate(summed, options.post);
  const cache: UnitCache = { options, hasShortcut: shortcut !== null, input: a, denseInput, kernel: params.kernel, bn, out };
  return { out, stats, cache };
}

/** Forward pass with fixed BN statistics (inference mode). Shapes: a [B, W_in] → [B, W]. */
export function denseUnitFixed(
  a: tf.Tensor,
  params: UnitParams,
  options: DenseUnitOptions,
  shortcut: tf.Tensor | null,
  stats: UnitStats | null,
): tf.Tensor {
  const denseInput = options.preRelu ? tf.relu(a) : a;
  let y: tf.Tensor;
  if ('gamma' in params) {
    if (!stats) throw new Error('denseUnitFixed: a BN unit needs statistics');
    y = batchNormFixed(tf.matMul(denseInput, params.kernel), stats.mean, stats.variance, params.gamma, params.beta);
  } else {
    y = tf.add(tf.matMul(denseInput, params.kernel), params.bias);
  }
  return activate(shortcut ? tf.add(y, shortcut) : y, options.post);
}

function activate(x: tf.Tensor, post: DenseUnitOptions['post']): tf.Tensor {
  return post === 'relu' ? tf.relu(x) : post === 'identity' ? x : tf.prelu(x, post);
}

/**
 * Backward pass. Shapes: dOut [B, W] → dKernel [W_in, W]; dGamma, dBeta or dBias [1, W];
 * dInput [B, W_in] (only if `needInput`); dShortcut [B, W] (only for a unit with a shortcut).
 * Transposes are explicit: on the wasm backend transpose + matMul is several times faster than
 * matMul with a transpose flag.
 */
export function denseUnitBackward(cache: UnitCache, dOut: tf.Tensor, needInput: boolean) {
  const { options, bn } = cache;
  const { post } = options;
  // d out/d sum is 1 where out > 0 and α elsewhere; α ∈ {0, 1} makes that max(step(out), α).
  const dSum =
    post === 'identity' ? dOut : tf.mul(dOut, post === 'relu' ? tf.step(cache.out) : tf.maximum(tf.step(cache.out), post));
  const dShortcut = cache.hasShortcut ? dSum : null;
  let dz: tf.Tensor;
  let vectorGrads: tf.Tensor[];
  if (bn) {
    const g = batchNormBackward(dSum, bn);
    dz = g.dz;
    vectorGrads = [g.dGamma, g.dBeta];
  } else {
    dz = dSum;
    vectorGrads = [tf.sum(dSum, 0, true)];
  }
  const dKernel = tf.matMul(tf.transpose(cache.denseInput), dz);
  let dInput: tf.Tensor | null = null;
  if (needInput) {
    const dDenseInput = tf.matMul(dz, tf.transpose(cache.kernel));
    dInput = options.preRelu ? tf.mul(dDenseInput, tf.step(cache.input)) : dDenseInput;
  }
  return { dKernel, vectorGrads, dInput, dShortcut };
}
