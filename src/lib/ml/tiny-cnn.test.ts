import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
// tfjs's own gradients: the test oracle only (the model never uses them).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxPoolRelu, maxPoolReluBackward } from './max-pool.ts';
import { createRng } from './prng.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';
import { createSoftmaxRegression } from './softmax-regression.ts';
import { createTinyCnn } from './tiny-cnn.ts';
import { softmaxRegressionProbabilities, tinyCnnParameterCount, tinyCnnTrace } from './tiny-cnn-reference.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Digit-like inputs: mostly zeros (background) with a few strokes of ink in [0, 1]. */
function images(n: number, seed: number): tf.Tensor4D {
  const rng = createRng(seed);
  const v = new Float32Array(n * 784);
  for (let i = 0; i < v.length; i++) if (rng.uniform() < 0.25) v[i] = rng.uniform();
  return tf.tensor4d(v, [n, 28, 28, 1]);
}
const labels = (n: number, seed: number) => {
  const rng = createRng(seed);
  return tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(Array.from({ length: n }, () => rng.int(10)), 'int32'), 10), 'float32')) as tf.Tensor2D;
};

function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0, den = 1e-12;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  return num / den;
}

/** The same net written with tfjs ops only, for tf.grad: values [P] in the bank layout. */
function autodiffLoss(c1: number, c2: number, x: tf.Tensor4D, y: tf.Tensor2D) {
  return (values: tf.Tensor) => {
    let at = 0;
    const take = (shape: number[]) => {
      const n = shape.reduce((a, b) => a * b, 1);
      const t = tf.reshape(tf.slice(values, [at], [n]), shape);
      at += n;
      return t;
    };
    const k1 = take([3, 3, 1, c1]) as tf.Tensor4D, b1 = take([c1]);
    const k2 = take([3, 3, c1, c2]) as tf.Tensor4D, b2 = take([c2]);
    const wd = take([49 * c2, 10]) as tf.Tensor2D, bd = take([10]);
    const a1 = tf.maxPool(tf.relu(tf.add(tf.conv2d(x, k1, 1, 'same'), b1)) as tf.Tensor4D, 2, 2, 'valid');
    const a2 = tf.maxPool(tf.relu(tf.add(tf.conv2d(a1, k2, 1, 'same'), b2)) as tf.Tensor4D, 2, 2, 'valid');
    const logits = tf.add(tf.matMul(tf.reshape(a2, [x.shape[0], 49 * c2]), wd), bd);
    return tf.mul(tf.sum(tf.mul(tf.logSoftmax(logits), y)), -1 / x.shape[0]) as tf.Scalar;
  };
}

describe('maxPoolRelu / maxPoolReluBackward', () => {
  for (const backend of ['cpu', 'wasm']) {
    it(`equals ReLU(tf.maxPool) and tfjs’s own gradient of it, windows of negative values included (${backend})`, async () => {
      // The reference is computed on CPU; on WASM the layer must give the same numbers despite the
      // backend's MaxPoolWithArgmax bug for all-negative windows.
      const x = tf.randomNormal([2, 6, 4, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
      const dy = tf.randomNormal([2, 3, 2, 3], 0, 1, 'float32', 4) as tf.Tensor4D;
      const pool = (v: tf.Tensor) => tf.relu(tf.maxPool(v as tf.Tensor4D, 2, 2, 'valid'));
      const refY = tf.tidy(() => pool(x).dataSync().slice());
      const refDx = tf.tidy(() => tf.grad((v: tf.Tensor) => tf.sum(tf.mul(pool(v), dy)))(x).dataSync().slice());
      expect(Array.from(refY).filter((v) => v === 0).length).toBeGreaterThan(0);
      await tf.setBackend(backend);
      tf.tidy(() => {
        const { y, cache } = maxPoolRelu(x);
        expect(relErr(y.dataSync(), refY)).toBe(0);
        expect(relErr(maxPoolReluBackward(cache, dy).dataSync(), refDx)).toBe(0);
      });
      await tf.setBackend('cpu');
      tf.dispose([x, dy]);
    });
  }
});

describe('createTinyCnn(config)', () => {
  it('has 9·C1 + C1 + 9·C1·C2 + C2 + 490·C2 + 10 parameters (9,098 for 8 and 16 filters)', () => {
    const net = createTinyCnn({ seed: 0 });
    expect(net.parameterCount).toBe(9098);
    expect(tinyCnnParameterCount(8, 16)).toBe(9098);
    expect(tinyCnnParameterCount(4, 8)).toBe(40 + 296 + 3920 + 10);
    net.dispose();
  });

  it('gives the same initial weights for the same seed and different ones for another seed', () => {
    const a = createTinyCnn({ seed: 5 }), b = createTinyCnn({ seed: 5 }), c = createTinyCnn({ seed: 6 });
    expect(a.bank.read()).toEqual(b.bank.read());
    expect(a.bank.read()).not.toEqual(c.bank.read());
    for (const n of [a, b, c]) n.dispose();
  });

  for (const [c1, c2] of [[8, 16], [4, 8]] as const) {
    it(`backward() equals tf.grad of the same net written with tfjs ops (C1=${c1}, C2=${c2}, CPU)`, () => {
      const net = createTinyCnn({ seed: 1, channels1: c1, channels2: c2 });
      // Train a few steps first so that the ReLUs and maxima are in general position.
      const x = images(6, 2), y = labels(6, 3);
      const [mine, ref] = tf.tidy(() => {
        const { logits, tape } = net.forwardTrain(x);
        const { dLogits } = softmaxCrossEntropy(logits, y);
        const g = net.backward(tape, dLogits as tf.Tensor2D);
        const r = tf.grad(autodiffLoss(c1, c2, x, y))(net.bank.variable);
        return [g.dataSync().slice(), r.dataSync().slice()];
      });
      expect(mine.length).toBe(net.parameterCount);
      expect(relErr(mine, ref)).toBeLessThan(1e-4);
      tf.dispose([x, y]);
      net.dispose();
    });
  }

  it('backward() matches central finite differences of the loss (in float64, through the plain-array reference)', () => {
    const net = createTinyCnn({ seed: 2 });
    const x = images(4, 7), y = labels(4, 8);
    // Non-zero biases: with a zero bias, background pixels sit exactly on the ReLU's kink.
    const values = net.bank.read();
    for (let i = 72; i < 80; i++) values[i] = 0.05 * (i - 75.5);
    for (let i = 1232; i < 1248; i++) values[i] = 0.02 * (i - 1239.5);
    net.bank.write(values);
    const pixels = x.dataSync(), classes = tf.argMax(y, 1).dataSync();
    const lossAt = (w: Float64Array) => {
      let sum = 0;
      for (let i = 0; i < 4; i++) sum -= Math.log(tinyCnnTrace(w, pixels.subarray(i * 784, (i + 1) * 784), 8, 16).probabilities[classes[i]!]!);
      return sum / 4;
    };
    const grad = tf.tidy(() => {
      const { logits, tape } = net.forwardTrain(x);
      return net.backward(tape, softmaxCrossEntropy(logits, y).dLogits as tf.Tensor2D).dataSync().slice();
    });
    const rng = createRng(9);
    // Parameters of every tensor: kernel 1, bias 1, kernel 2, bias 2, dense, dense bias.
    const picks = [0, 40, 72, 75, 80, 700, 1160, 1235, 3000, 9090].concat(Array.from({ length: 20 }, () => rng.int(values.length)));
    const eps = 1e-6;
    const bad: string[] = [];
    for (const i of picks) {
      const up = Float64Array.from(values), down = Float64Array.from(values);
      up[i]! += eps;
      down[i]! -= eps;
      const fd = (lossAt(up) - lossAt(down)) / (2 * eps);
      if (Math.abs(grad[i]! - fd) > 1e-4 + 1e-3 * Math.abs(fd)) bad.push(`${i}: ${grad[i]} vs ${fd}`);
    }
    expect(bad).toEqual([]);
    tf.dispose([x, y]);
    net.dispose();
  });

  it('predict() and activations() agree with the plain-array reference (tiny-cnn-reference.ts)', () => {
    const net = createTinyCnn({ seed: 4 });
    const x = images(3, 10);
    const pixels = x.dataSync();
    const weights = net.bank.read();
    tf.tidy(() => {
      const probs = tf.softmax(net.predict(x)).dataSync();
      const acts = net.activations(x);
      for (let i = 0; i < 3; i++) {
        const ref = tinyCnnTrace(weights, pixels.slice(i * 784, (i + 1) * 784), 8, 16);
        expect(relErr(probs.slice(i * 10, (i + 1) * 10), ref.probabilities)).toBeLessThan(1e-5);
        expect(relErr(acts[i]!.probabilities.dataSync(), ref.probabilities)).toBeLessThan(1e-5);
        expect(relErr(acts[i]!.conv1.dataSync(), ref.conv1)).toBeLessThan(1e-5);
        expect(relErr(acts[i]!.conv2.dataSync(), ref.conv2)).toBeLessThan(1e-5);
      }
    });
    x.dispose();
    net.dispose();
  });

  it('computes the same gradient on WASM as on CPU up to rounding, for inputs without ties', async () => {
    // (With ties in a pooling window the two backends route the gradient to different maxima.)
    const grads: Float32Array[] = [];
    for (const backend of ['cpu', 'wasm']) {
      await tf.setBackend(backend);
      const net = createTinyCnn({ seed: 3 });
      const x = tf.randomUniform([5, 28, 28, 1], 0, 1, 'float32', 11) as tf.Tensor4D;
      const y = labels(5, 12);
      grads.push(tf.tidy(() => {
        const { logits, tape } = net.forwardTrain(x);
        return net.backward(tape, softmaxCrossEntropy(logits, y).dLogits as tf.Tensor2D).dataSync().slice() as Float32Array;
      }));
      tf.dispose([x, y]);
      net.dispose();
    }
    await tf.setBackend('cpu');
    expect(relErr(grads[1]!, grads[0]!)).toBeLessThan(1e-4);
  });
});

describe('createSoftmaxRegression()', () => {
  it('backward() equals tf.grad, and its probabilities equal the plain-array reference', () => {
    const model = createSoftmaxRegression();
    const x = images(4, 13), y = labels(4, 14);
    model.bank.write(Float32Array.from({ length: 7850 }, (_, i) => Math.sin(i) * 0.01));
    tf.tidy(() => {
      const { logits, tape } = model.forwardTrain(x);
      const mine = model.backward(tape, softmaxCrossEntropy(logits, y).dLogits as tf.Tensor2D);
      const ref = tf.grad((v: tf.Tensor) => softmaxCrossEntropy(model.forwardTrain(x, v).logits, y).loss)(model.bank.variable);
      expect(relErr(mine.dataSync(), ref.dataSync())).toBeLessThan(1e-5);
      const probs = tf.softmax(model.predict(x)).dataSync();
      const ref0 = softmaxRegressionProbabilities(model.bank.read(), x.dataSync().slice(0, 784));
      expect(relErr(probs.slice(0, 10), ref0)).toBeLessThan(1e-5);
    });
    tf.dispose([x, y]);
    model.dispose();
  });
});
