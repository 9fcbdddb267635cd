import * as tf from '@tensorflow/tfjs-core';

/**
 * Mean softmax cross-entropy (in nats) of logits against one-hot targets, and its gradient.
 * Shapes: logits, oneHot [B, C] → loss scalar; dLogits [B, C] = (softmax(logits) − oneHot)/B.
 * Non-finite logits give a non-finite loss (the caller's divergence check relies on it).
 */
export function softmaxCrossEntropy(logits: tf.Tensor, oneHot: tf.Tensor) {
  const batch = logits.shape[0];
  const logProbs = tf.logSoftmax(logits);
  const loss = tf.mul(tf.sum(tf.mul(logProbs, oneHot)), -1 / batch) as tf.Scalar;
  const dLogits = tf.mul(tf.sub(tf.exp(logProbs), oneHot), 1 / batch);
  return { loss, dLogits };
}
