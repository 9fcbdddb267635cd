import * as tf from '@tensorflow/tfjs-core';

/** ε added to the batch variance before the square root. */
export const batchNormEpsilon = 1e-5;

/** What batchNormBackward needs from the forward pass. */
export interface BatchNormCache {
  /** Normalised input ẑ = (z − μ)/√(σ² + ε), [B, W]. */
  zHat: tf.Tensor;
  /** 1/√(σ² + ε), [W]. */
  rstd: tf.Tensor;
  /** Scale γ, [W]. */
  gamma: tf.Tensor;
}

/**
 * Training-mode batch normalisation over the batch axis: y = γ·(z − μ)/√(σ² + ε) + β with μ, σ²
 * the mean and (biased) variance of each column of z.
 * Shapes: z [B, W]; gamma, beta [W] → y [B, W]; mean, variance [W].
 */
export function batchNormTrain(z: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) {
  const mean = tf.mean(z, 0);
  const centred = tf.sub(z, mean);
  const variance = tf.mean(tf.square(centred), 0);
  const rstd = tf.rsqrt(tf.add(variance, batchNormEpsilon));
  const zHat = tf.mul(centred, rstd);
  const y = tf.add(tf.mul(zHat, gamma), beta);
  const cache: BatchNormCache = { zHat, rstd, gamma };
  return { y, mean, variance, cache };
}

/**
 * Inference-mode batch normalisation with fixed statistics (one fused kernel).
 * Shapes: z [B, W]; mean, variance, gamma, beta [W] → [B, W].
 */
export function batchNormFixed(
  z: tf.Tensor,
  mean: tf.Tensor,
  variance: tf.Tensor,
  gamma: tf.Tensor,
  beta: tf.Tensor,
): tf.Tensor {
  return tf.batchNorm(z, mean, variance, beta, gamma, batchNormEpsilon);
}

/**
 * Backward pass of batchNormTrain, through the batch statistics:
 * dz = γ·rstd·(dy − (Σ_b dy + ẑ·Σ_b dy·ẑ)/B), dγ = Σ_b dy·ẑ, dβ = Σ_b dy.
 * Shapes: dy [B, W] → dz [B, W]; dGamma, dBeta [1, W].
 */
export function batchNormBackward(dy: tf.Tensor, cache: BatchNormCache) {
  const { zHat, rstd, gamma } = cache;
  const batch = dy.shape[0];
  const dBeta = tf.sum(dy, 0, true);
  const dGamma = tf.sum(tf.mul(dy, zHat), 0, true);
  const meanPart = tf.mul(tf.add(tf.mul(zHat, dGamma), dBeta), 1 / batch);
  const dz = tf.mul(tf.sub(dy, meanPart), tf.mul(rstd, gamma));
  return { dz, dGamma, dBeta };
}
