/**
 * The tiny CNN's forward pass in plain arrays (no tfjs): the test oracle for `tiny-cnn.ts`, and
 * what the page uses to classify a digit and draw its feature maps on the main thread (about 0.3
 * million multiply-adds, well under a millisecond) without loading tfjs. It computes in float64,
 * so the unit tests can also take finite differences through it. Weights are the model's
 * parameter bank, flat, in the order kernel1 [3,3,1,C1], bias1 [C1], kernel2 [3,3,C1,C2],
 * bias2 [C2], dense [7·7·C2, 10] (rows in [h, w, c] order), denseBias [10].
 */

/** Feature maps and class probabilities of one image. */
export interface CnnTrace {
  /** ReLU(conv 1), [28, 28, C1] row-major (channel fastest). */
  conv1: Float64Array;
  /** ReLU(conv 2) on the pooled conv-1 maps, [14, 14, C2]. */
  conv2: Float64Array;
  /** softmax of the logits, [10]. */
  probabilities: Float64Array;
}

/** Number of parameters of the tiny CNN with C1 and C2 filters. */
export function tinyCnnParameterCount(c1: number, c2: number): number {
  return 9 * c1 + c1 + 9 * c1 * c2 + c2 + 49 * c2 * 10 + 10;
}

/** "Same" 3×3 convolution + bias + ReLU, stride 1, zero padding: x [H, W, Cin] → [H, W, Cout]. */
export function conv3x3Relu(x: ArrayLike<number>, size: number, cin: number, kernel: ArrayLike<number>, bias: ArrayLike<number>, cout: number): Float64Array {
  const out = new Float64Array(size * size * cout);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const o = (i * size + j) * cout;
      for (let co = 0; co < cout; co++) out[o + co] = bias[co]!;
      for (let u = 0; u < 3; u++) {
        const y = i + u - 1;
        if (y < 0 || y >= size) continue;
        for (let v = 0; v < 3; v++) {
          const xx = j + v - 1;
          if (xx < 0 || xx >= size) continue;
          for (let ci = 0; ci < cin; ci++) {
            const a = x[(y * size + xx) * cin + ci]!;
            if (a === 0) continue;
            const k = ((u * 3 + v) * cin + ci) * cout;
            for (let co = 0; co < cout; co++) out[o + co]! += a * kernel[k + co]!;
          }
        }
      }
      for (let co = 0; co < cout; co++) if (out[o + co]! < 0) out[o + co] = 0;
    }
  }
  return out;
}

/** 2×2 max-pooling, stride 2: x [S, S, C] → [S/2, S/2, C]. */
export function maxPool2(x: ArrayLike<number>, size: number, c: number): Float64Array {
  const half = size / 2;
  const out = new Float64Array(half * half * c);
  for (let i = 0; i < half; i++)
    for (let j = 0; j < half; j++)
      for (let ch = 0; ch < c; ch++) {
        let m = -Infinity;
        for (let u = 0; u < 2; u++) for (let v = 0; v < 2; v++) m = Math.max(m, x[((2 * i + u) * size + 2 * j + v) * c + ch]!);
        out[(i * half + j) * c + ch] = m;
      }
  return out;
}

/** softmax(x·W + b) for x [n], W [n, k] row-major, b [k]. */
export function denseSoftmax(x: ArrayLike<number>, w: ArrayLike<number>, b: ArrayLike<number>, k: number): Float64Array {
  const logits = Float64Array.from(b);
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    if (a === 0) continue;
    for (let c = 0; c < k; c++) logits[c]! += a * w[i * k + c]!;
  }
  const max = Math.max(...logits);
  let sum = 0;
  for (let c = 0; c < k; c++) sum += logits[c] = Math.exp(logits[c]! - max);
  for (let c = 0; c < k; c++) logits[c]! /= sum;
  return logits;
}

/** The tiny CNN on one image [784] in [0, 1]. */
export function tinyCnnTrace(weights: Float32Array | Float64Array, image: ArrayLike<number>, c1: number, c2: number): CnnTrace {
  if (weights.length !== tinyCnnParameterCount(c1, c2)) throw new RangeError(`tinyCnnTrace: ${weights.length} weights for C1=${c1}, C2=${c2}`);
  let at = 0;
  const take = (n: number) => weights.subarray(at, (at += n));
  const k1 = take(9 * c1), b1 = take(c1), k2 = take(9 * c1 * c2), b2 = take(c2), wd = take(490 * c2), bd = take(10);
  const conv1 = conv3x3Relu(image, 28, 1, k1, b1, c1);
  const conv2 = conv3x3Relu(maxPool2(conv1, 28, c1), 14, c1, k2, b2, c2);
  const probabilities = denseSoftmax(maxPool2(conv2, 14, c2), wd, bd, 10);
  return { conv1, conv2, probabilities };
}

/** Logistic regression on raw pixels: weights [784·10 + 10] (W row-major, then b) → probabilities [10]. */
export function softmaxRegressionProbabilities(weights: Float32Array | Float64Array, image: ArrayLike<number>): Float64Array {
  return denseSoftmax(image, weights.subarray(0, 7840), weights.subarray(7840, 7850), 10);
}
