import * as tf from '@tensorflow/tfjs-core';

/**
 * Index of every patch entry in the zero-padded image, flattened (stride 1, "same" padding, odd k):
 * for output position (i, j) and kernel offset (u, v), entry (i·W + j)·k² + u·k + v holds
 * (i + u)·Wp + (j + v), where Wp = W + k − 1. Gathering these rows of the padded image
 * [B, Hp·Wp, C] gives [B, H·W·k², C], which reshapes to the patch matrix [B·H·W, k²·C] with
 * columns in the kernel's (u, v, c) order.
 * @example im2colIndices(2, 2, 3).slice(0, 9) // [0, 1, 2, 4, 5, 6, 8, 9, 10]
 */
export function im2colIndices(height: number, width: number, k: number): Int32Array {
  const wp = width + k - 1;
  const out = new Int32Array(height * width * k * k);
  let n = 0;
  for (let i = 0; i < height; i++)
    for (let j = 0; j < width; j++)
      for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) out[n++] = (i + u) * wp + (j + v);
  return out;
}

/** The 0/1 matrix S [Hp·Wp, H·W·k²] with S[q, e] = 1 when patch entry e reads padded pixel q. */
export function foldMatrix(height: number, width: number, k: number): tf.Tensor2D {
  const idx = im2colIndices(height, width, k);
  const pixels = (height + k - 1) * (width + k - 1);
  const m = new Float32Array(pixels * idx.length);
  idx.forEach((q, e) => (m[q * idx.length + e] = 1));
  return tf.tensor2d(m, [pixels, idx.length]);
}
