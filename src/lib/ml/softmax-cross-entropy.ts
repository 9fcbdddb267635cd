import * as tf from '@tensorflow/tfjs-core';

/**
 * Mean softmax cross-entropy (in nats) per lane, and its gradient. The logits of L lanes sit side
 * by side: columns k·C … (k+1)·C − 1 belong to lane k.
 * Shapes: logits, oneHot [B, L·C] → loss [L]; dLogits [B, L·C] = (softmax − oneHot)/B per lane.
 * Non-finite logits give a non-finite loss (the divergence check relies on it).
 */
export function softmaxCrossEntropy(logits: tf.Tensor, oneHot: tf.Tensor, lanes = 1) {
  const [batch = 1, columns = lanes] = logits.shape;
  const shape = [batch, lanes, columns / lanes];
  const logProbs = tf.logSoftmax(tf.reshape(logits, shape));
  const target = tf.reshape(oneHot, shape);
  const loss = tf.mul(tf.sum(tf.mul(logProbs, target), [0, 2]), -1 / batch);
  const dLogits = tf.reshape(tf.mul(tf.sub(tf.exp(logProbs), target), 1 / batch), [batch, columns]);
  return { loss, dLogits };
}
