import * as tf from '@tensorflow/tfjs-core';
import { createConvLayer, fastestConvMethod, type ConvCache, type ConvMethod } from './conv-layer.ts';
import { maxPoolRelu, maxPoolReluBackward, type PoolCache } from './max-pool.ts';
import { createRng, deriveSeed } from './prng.ts';
import { createParamBank } from './param-bank.ts';
import type { DigitModel } from './digit-model.ts';

/**
 * The cnn-trainer's network for 28×28 grey digits:
 *   conv 3×3 (C1 filters) → ReLU → max-pool 2×2 → conv 3×3 (C2 filters) → ReLU → max-pool 2×2 →
 *   dense (7·7·C2 → 10)
 * with a hand-written backward pass (see `conv-layer.ts` for why). ReLU and max-pooling commute
 * (both are monotone), so training pools first and applies ReLU to a quarter of the values.
 */
export interface TinyCnnConfig {
  /** Filters of the first and second convolution (default 8 and 16). */
  channels1?: number;
  channels2?: number;
  /** Seeds the initial weights. */
  seed: number;
  /** How the convolution gradients are computed; default the fastest on the current backend. */
  method?: ConvMethod;
}

const SIZE = 28;
const CLASSES = 10;
const K = 3;

/** Everything the backward pass needs from one training forward pass. */
interface Tape {
  conv1: ConvCache;
  pool1: PoolCache; // conv 1 output [B, 28, 28, C1] → ReLU(pool) [B, 14, 14, C1]
  conv2: ConvCache;
  pool2: PoolCache; // [B, 14, 14, C2] → [B, 7, 7, C2]
  flat: tf.Tensor2D; // ReLU(p2) flattened [B, 49·C2]
  denseKernel: tf.Tensor2D;
}

/** Activations of one image for display: the feature maps after each conv + ReLU, and the class scores. */
export interface CnnActivations {
  /** ReLU(conv 1), [28, 28, C1]. */
  conv1: tf.Tensor3D;
  /** ReLU(conv 2), [14, 14, C2]. */
  conv2: tf.Tensor3D;
  /** Class probabilities [10]. */
  probabilities: tf.Tensor1D;
}

export interface TinyCnn extends DigitModel<Tape> {
  readonly channels1: number;
  readonly channels2: number;
  /** First-layer filters [3, 3, 1, C1] (a view; the caller disposes it). */
  filters1(): tf.Tensor4D;
  /** Activations of a batch of images x [B, 28, 28, 1] (take B = 1 for one digit). */
  activations(x: tf.Tensor4D): CnnActivations[];
}

/** Parameter layout in the bank, in this order: K1, b1, K2, b2, Wd, bd. */
function layout(c1: number, c2: number) {
  return [
    { name: 'kernel1', shape: [K, K, 1, c1] },
    { name: 'bias1', shape: [c1] },
    { name: 'kernel2', shape: [K, K, c1, c2] },
    { name: 'bias2', shape: [c2] },
    { name: 'dense', shape: [49 * c2, CLASSES] },
    { name: 'denseBias', shape: [CLASSES] },
  ] as const;
}

export function createTinyCnn(config: TinyCnnConfig): TinyCnn {
  const c1 = config.channels1 ?? 8;
  const c2 = config.channels2 ?? 16;
  const method = config.method ?? fastestConvMethod(tf.getBackend());
  const rng = createRng(deriveSeed(config.seed, 'cnn-init'));
  // He-normal kernels (std √(2/fan-in)); the head Glorot-like (std √(1/fan-in)); biases 0.
  const he = (fanIn: number, n: number, gain = 2) => Float32Array.from({ length: n }, () => rng.normal(0, Math.sqrt(gain / fanIn)));
  const bank = createParamBank(layout(c1, c2), {
    kernel1: he(K * K, K * K * c1),
    kernel2: he(K * K * c1, K * K * c1 * c2),
    dense: he(49 * c2, 49 * c2 * CLASSES, 1),
  });
  const conv1 = createConvLayer({ height: SIZE, width: SIZE, inChannels: 1, outChannels: c1, kernel: K }, method);
  const conv2 = createConvLayer({ height: SIZE / 2, width: SIZE / 2, inChannels: c1, outChannels: c2, kernel: K }, method);
  const pool = (x: tf.Tensor4D) => tf.maxPool(x, 2, 2, 'valid');

  function params(values: tf.Tensor = bank.variable) {
    const v = bank.views(values);
    return {
      k1: v.kernel1 as tf.Tensor4D,
      b1: v.bias1 as tf.Tensor1D,
      k2: v.kernel2 as tf.Tensor4D,
      b2: v.bias2 as tf.Tensor1D,
      wd: v.dense as tf.Tensor2D,
      bd: v.denseBias as tf.Tensor1D,
    };
  }

  function forwardTrain(x: tf.Tensor4D, values?: tf.Tensor) {
    const p = params(values);
    const f1 = conv1.forward(x, p.k1, p.b1);
    const p1 = maxPoolRelu(f1.y);
    const f2 = conv2.forward(p1.y, p.k2, p.b2);
    const p2 = maxPoolRelu(f2.y);
    const flat = tf.reshape(p2.y, [x.shape[0], 49 * c2]) as tf.Tensor2D;
    const logits = tf.add(tf.matMul(flat, p.wd), p.bd) as tf.Tensor2D;
    const tape: Tape = { conv1: f1.cache, pool1: p1.cache, conv2: f2.cache, pool2: p2.cache, flat, denseKernel: p.wd };
    return { logits, tape };
  }

  function backward(tape: Tape, dLogits: tf.Tensor2D): tf.Tensor {
    const batch = dLogits.shape[0];
    const dDense = tf.matMul(tf.transpose(tape.flat), dLogits);
    const dDenseBias = tf.sum(dLogits, 0);
    const dFlat = tf.matMul(dLogits, tf.transpose(tape.denseKernel));
    const dA2 = tf.reshape(dFlat, [batch, 7, 7, c2]) as tf.Tensor4D;
    const g2 = conv2.backward(tape.conv2, maxPoolReluBackward(tape.pool2, dA2), true);
    const g1 = conv1.backward(tape.conv1, maxPoolReluBackward(tape.pool1, g2.dInput!), false);
    return bank.flatten([g1.dKernel, g1.dBias, g2.dKernel, g2.dBias, dDense, dDenseBias]);
  }

  function predict(x: tf.Tensor4D): tf.Tensor2D {
    const p = params();
    const a1 = tf.relu(pool(conv1.apply(x, p.k1, p.b1)));
    const a2 = tf.relu(pool(conv2.apply(a1, p.k2, p.b2)));
    return tf.add(tf.matMul(tf.reshape(a2, [x.shape[0], 49 * c2]), p.wd), p.bd) as tf.Tensor2D;
  }

  function activations(x: tf.Tensor4D): CnnActivations[] {
    const p = params();
    const r1 = tf.relu(conv1.apply(x, p.k1, p.b1));
    const r2 = tf.relu(conv2.apply(pool(r1), p.k2, p.b2));
    const probs = tf.softmax(tf.add(tf.matMul(tf.reshape(pool(r2), [x.shape[0], 49 * c2]), p.wd), p.bd));
    const n = x.shape[0];
    return Array.from({ length: n }, (_, i) => ({
      conv1: tf.squeeze(tf.slice(r1, [i, 0, 0, 0], [1, SIZE, SIZE, c1]), [0]) as tf.Tensor3D,
      conv2: tf.squeeze(tf.slice(r2, [i, 0, 0, 0], [1, SIZE / 2, SIZE / 2, c2]), [0]) as tf.Tensor3D,
      probabilities: tf.squeeze(tf.slice(probs, [i, 0], [1, CLASSES]), [0]) as tf.Tensor1D,
    }));
  }

  return {
    kind: 'cnn',
    channels1: c1,
    channels2: c2,
    bank,
    parameterCount: bank.size,
    inputShape: [SIZE, SIZE, 1],
    forwardTrain,
    backward,
    predict,
    activations,
    filters1: () => params().k1,
    dispose() {
      bank.dispose();
      conv1.dispose();
      conv2.dispose();
    },
  };
}
