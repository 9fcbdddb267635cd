import * as tf from '@tensorflow/tfjs-core';

/** What the backward pass of `maxPoolRelu` needs. */
export interface PoolCache {
  /** 1 where the pooled value is positive (ReLU passes), else 0: [B, H/2, W/2, C]. */
  mask: tf.Tensor4D;
  /** Flat index (batch included) of each output's maximum in the input, [B, H/2, W/2, C] int32. */
  argmax: tf.Tensor;
  /** Input shape [B, H, W, C]. */
  inputShape: [number, number, number, number];
}

/**
 * Pooled values at or below this count as zero. It works around a bug in tfjs-backend-wasm 4.22's
 * `MaxPoolWithArgmax`: it starts each window's running maximum at FLT_MIN (≈ 1.2·10⁻³⁸, the
 * smallest positive float) instead of −∞, so a window of negative values comes out as FLT_MIN at
 * index 0. After the ReLU such a window must give 0 and pass no gradient; the mask does both.
 */
const POSITIVE = 1e-30;

/**
 * ReLU(2×2 max-pool(x)), stride 2 (H and W even), keeping where every maximum came from. This is
 * the same as max-pool(ReLU(x)) (both are monotone), on a quarter of the values. Training uses it
 * instead of `tf.maxPool` because the backward pass is then one scatter, about 3× faster on WASM
 * than the backend's `MaxPoolGrad` kernel. A tie (common: background pixels give equal outputs)
 * goes to one of the tied inputs — the first on the CPU backend, the last on WASM; both are valid
 * subgradients, so runs are reproducible per backend, not across backends.
 */
export function maxPoolRelu(x: tf.Tensor4D): { y: tf.Tensor4D; cache: PoolCache } {
  const { result, indexes } = tf.maxPoolWithArgmax(x, 2, 2, 'valid', true) as { result: tf.Tensor4D; indexes: tf.Tensor4D };
  const mask = tf.cast(tf.greater(result, POSITIVE), 'float32') as tf.Tensor4D;
  return { y: tf.mul(result, mask) as tf.Tensor4D, cache: { mask, argmax: indexes, inputShape: x.shape } };
}

/**
 * dLoss/dx from dLoss/dy [B, H/2, W/2, C]: each output's gradient, where the ReLU passed it, goes
 * to the input position of its maximum (the windows do not overlap, so no position gets two).
 */
export function maxPoolReluBackward(cache: PoolCache, dy: tf.Tensor4D): tf.Tensor4D {
  const size = cache.inputShape.reduce((a, b) => a * b, 1);
  const flat = tf.scatterND(tf.reshape(cache.argmax, [-1, 1]), tf.reshape(tf.mul(dy, cache.mask), [-1]), [size]);
  return tf.reshape(flat, cache.inputShape);
}
