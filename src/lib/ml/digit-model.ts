import type * as tf from '@tensorflow/tfjs-core';
import type { ParamBank } from './param-bank.ts';

/**
 * What the digit trainer needs from a model: its parameters in one bank, a training forward pass
 * that keeps a tape, a hand-written backward pass, and inference. Inputs are images scaled to
 * [0, 1], x [B, 28, 28, 1]; logits [B, 10].
 */
export interface DigitModel<Tape = unknown> {
  readonly kind: 'cnn' | 'logistic';
  readonly bank: ParamBank;
  readonly parameterCount: number;
  readonly inputShape: readonly [number, number, number];
  /** `values` replaces the bank's variable (tests differentiate through plain tensors). */
  forwardTrain(x: tf.Tensor4D, values?: tf.Tensor): { logits: tf.Tensor2D; tape: Tape };
  /** dLoss/dParams as one [P] tensor, in the bank's layout, from dLoss/dLogits [B, 10]. */
  backward(tape: Tape, dLogits: tf.Tensor2D): tf.Tensor;
  predict(x: tf.Tensor4D): tf.Tensor2D;
  dispose(): void;
}
