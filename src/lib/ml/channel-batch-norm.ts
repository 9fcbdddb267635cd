import * as tf from '@tensorflow/tfjs-core';
import { batchNormEpsilon } from './batch-norm.ts';

/**
 * Training-mode batch normalisation of convolution features, per channel over batch and
 * positions (the BN of He et al.'s conv nets), with its hand-written backward pass. Same maths as
 * `batch-norm.ts`, arranged for feature maps on WASM: every per-channel sum is one matMul by a row
 * of ones ([1, M] · [M, C]), because a reduction over axis 0 makes the WASM backend transpose
 * the whole activation first (≈ 10× slower at 128 × 28 × 28 × 8); and the backward pass is
 * folded into per-channel coefficients, dz = dy·a + (z − μ)·b + c, so it reads the big tensors
 * as few times as possible.
 *
 * Shapes: z [M, C] (M = B·H·W), gamma, beta [C] → y [M, C]; mean, variance [C] (biased).
 */
export interface ChannelNormCache {
  /** z − μ, [M, C]. */
  centred: tf.Tensor2D;
  /** 1/√(σ² + ε), [1, C]. */
  rstd: tf.Tensor2D;
  gamma: tf.Tensor;
  /** A row of M ones, [1, M]. */
  ones: tf.Tensor2D;
}

/** Rows of ones by length, kept across steps (one per layer shape and batch size). */
export interface OnesCache {
  get(m: number): tf.Tensor2D;
  dispose(): void;
}

export function createOnesCache(): OnesCache {
  const rows = new Map<number, tf.Tensor2D>();
  return {
    get(m) {
      let r = rows.get(m);
      if (!r) {
        r = tf.keep(tf.ones([1, m]) as tf.Tensor2D);
        rows.set(m, r);
      }
      return r;
    },
    dispose() {
      for (const r of rows.values()) r.dispose();
      rows.clear();
    },
  };
}

export function channelNormTrain(z: tf.Tensor2D, gamma: tf.Tensor, beta: tf.Tensor, ones: OnesCache) {
  const m = z.shape[0];
  const row = ones.get(m);
  const mean = tf.mul(tf.matMul(row, z), 1 / m); // [1, C]
  const centred = tf.sub(z, mean) as tf.Tensor2D;
  const variance = tf.mul(tf.matMul(row, tf.square(centred)), 1 / m); // [1, C]
  const rstd = tf.rsqrt(tf.add(variance, batchNormEpsilon)) as tf.Tensor2D;
  const y = tf.add(tf.mul(centred, tf.mul(rstd, gamma)), beta) as tf.Tensor2D;
  const cache: ChannelNormCache = { centred, rstd, gamma, ones: row };
  return { y, mean: tf.reshape(mean, [-1]) as tf.Tensor1D, variance: tf.reshape(variance, [-1]) as tf.Tensor1D, cache };
}

/**
 * dz = γ·rstd·(dy − Σdy/M − ẑ·Σ(dy·ẑ)/M), dγ = Σ dy·ẑ, dβ = Σ dy (ẑ = (z − μ)·rstd), computed as
 * dz = dy·a + (z − μ)·b + c with a = γ·rstd, b = −a·rstd²·Σ(dy·(z − μ))/M, c = −a·Σdy/M.
 * Shapes: dy [M, C] → dz [M, C]; dGamma, dBeta [1, C].
 */
export function channelNormBackward(dy: tf.Tensor2D, cache: ChannelNormCache) {
  const { centred, rstd, gamma, ones } = cache;
  const m = dy.shape[0];
  const sumDy = tf.matMul(ones, dy); // [1, C]
  const sumDyCentred = tf.matMul(ones, tf.mul(dy, centred)); // [1, C]
  const a = tf.mul(rstd, gamma);
  const b = tf.mul(a, tf.mul(tf.square(rstd), tf.mul(sumDyCentred, -1 / m)));
  const c = tf.mul(a, tf.mul(sumDy, -1 / m));
  const dz = tf.add(tf.add(tf.mul(dy, a), tf.mul(centred, b)), c) as tf.Tensor2D;
  return { dz, dGamma: tf.mul(sumDyCentred, rstd) as tf.Tensor2D, dBeta: sumDy as tf.Tensor2D };
}
