import * as tf from '@tensorflow/tfjs-core';
import type { DigitModel } from './digit-model.ts';
import { createParamBank } from './param-bank.ts';

/**
 * Multinomial logistic regression on raw pixels, the cnn-trainer's contrast: logits = x·W + b with
 * x the 784 pixel values. No features are learned; each class gets one linear "template".
 * Weights start at zero (the loss is convex, so no symmetry to break).
 */
export function createSoftmaxRegression(): DigitModel<{ x: tf.Tensor2D }> {
  const pixels = 28 * 28;
  const bank = createParamBank([
    { name: 'weights', shape: [pixels, 10] },
    { name: 'bias', shape: [10] },
  ]);
  const linear = (x: tf.Tensor4D, values?: tf.Tensor) => {
    const v = bank.views(values);
    const flat = tf.reshape(x, [x.shape[0], pixels]) as tf.Tensor2D;
    return { flat, logits: tf.add(tf.matMul(flat, v.weights as tf.Tensor2D), v.bias!) as tf.Tensor2D };
  };
  return {
    kind: 'logistic',
    bank,
    parameterCount: bank.size,
    inputShape: [28, 28, 1],
    forwardTrain(x, values) {
      const { flat, logits } = linear(x, values);
      return { logits, tape: { x: flat } };
    },
    backward(tape, dLogits) {
      return bank.flatten([tf.matMul(tf.transpose(tape.x), dLogits), tf.sum(dLogits, 0)]);
    },
    predict: (x) => linear(x).logits,
    dispose: () => bank.dispose(),
  };
}
