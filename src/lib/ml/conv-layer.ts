import * as tf from '@tensorflow/tfjs-core';
import { foldMatrix, im2colIndices } from './im2col.ts';

/**
 * A 2-D convolution layer (odd square kernel, zero padding of (k − 1)/2 on every side, stride 1 or
 * 2, optional bias) with a hand-written backward pass, in interchangeable implementations. Why: tfjs 4.22's WASM backend has no
 * `Conv2DBackpropFilter` kernel, so `tf.grad` through `tf.conv2d` throws there, and the CPU
 * backend's own gradient is slow. `npm run bench` times them all (see `fastestConvMethod`).
 *
 * - `fwd-conv` (default): both gradients are themselves forward convolutions, which the WASM
 *   backend runs with XNNPACK. Filter gradient: dK[u, v, c, o] = Σ_b Σ_ij xpad[b, i+u, j+v, c] ·
 *   dY[b, i, j, o] is a "valid" convolution of the padded input with the batch axis read as input
 *   channels ([Cin, Hp, Wp, B]) by dY read as an H×W kernel ([H, W, B, Cout]); output
 *   [Cin, k, k, Cout]. Input gradient: the transposed convolution, which for stride 1 and "same"
 *   padding is a convolution of dY with the kernel rotated 180° and its channel axes swapped.
 * - `im2col`: the padded input unrolled into patches [B·H·W, k²·Cin] by one `gather` with a
 *   precomputed index tensor; forward = patches · K, filter gradient = patchesᵀ · dY (matMul),
 *   input gradient as in `fwd-conv`.
 * - `col2im`: `im2col`, and the input gradient dY · Kᵀ folded back onto the image with one matMul
 *   by a fixed 0/1 matrix (exact; slow).
 * - `conv3d`: `Conv2D` forward, the filter gradient by `Conv3DBackpropFilterV2` (which the WASM
 *   backend does have) on a depth-1 volume, the input gradient by `Conv2DBackpropInput`.
 * - `autodiff`: tfjs's own gradient of `tf.conv2d` (`tf.grads`); the reference, and the baseline on
 *   the CPU backend. Throws on WASM.
 *
 * Stride 2 (the downsampling convolutions of the CIFAR ResNets, `cifar-net.ts`) is supported by
 * `fwd-conv` and `autodiff` only. Its filter gradient is the same forward convolution with the dY
 * "kernel" dilated by 2 (its taps sit two input pixels apart); its input gradient is the transposed
 * convolution, written as a stride-1 convolution of dY spread out with zeros. The padding is (k − 1)/2 on every side as in
 * PyTorch, so output pixel i looks at input rows 2i − p … 2i + p (tfjs's "same" would pad an even
 * input only at the bottom and shift the grid by one).
 *
 * Shapes (NHWC): x [B, H, W, Cin], kernel [k, k, Cin, Cout], bias [Cout] → y [B, Ho, Wo, Cout] with
 * Ho = ⌈H / stride⌉, Wo = ⌈W / stride⌉.
 */
export const convMethods = ['fwd-conv', 'im2col', 'col2im', 'conv3d', 'autodiff'] as const;
export type ConvMethod = (typeof convMethods)[number];

/**
 * The fastest method on a backend, as measured by `npm run bench`: on WASM the forward
 * convolutions (XNNPACK) win; on the CPU backend, whose convolution is plain JavaScript, the
 * dedicated backprop kernels do. WebGPU (not measured here: no GPU on the build machine) uses the
 * forward convolutions too, so it runs the same code as WASM.
 */
export function fastestConvMethod(backend: string): ConvMethod {
  return backend === 'cpu' ? 'conv3d' : 'fwd-conv';
}

export interface ConvGeometry {
  /** Input height and width H, W. */
  height: number;
  width: number;
  inChannels: number;
  outChannels: number;
  /** Kernel size k (odd). */
  kernel: number;
  /** 1 (default) or 2. */
  stride?: number;
}

/** What the backward pass needs from the forward pass. */
export interface ConvCache {
  x: tf.Tensor4D;
  kernel: tf.Tensor4D;
  /** Whether the forward pass added a bias (else `backward` gives no dBias). */
  hasBias: boolean;
  /** Unrolled input [B·H·W, k²·Cin] (im2col and col2im only). */
  patches: tf.Tensor2D | null;
}

export interface ConvGrads {
  dKernel: tf.Tensor4D;
  /** dLoss/dbias, or null when the forward pass had no bias. */
  dBias: tf.Tensor1D | null;
  /** dLoss/dx, only when asked for. */
  dInput: tf.Tensor4D | null;
}

export interface ConvLayer {
  readonly geometry: ConvGeometry;
  readonly method: ConvMethod;
  /** Output height and width ⌈H / stride⌉, ⌈W / stride⌉. */
  readonly outHeight: number;
  readonly outWidth: number;
  /** y = x ⋆ kernel (+ bias), with the cache for `backward`. */
  forward(x: tf.Tensor4D, kernel: tf.Tensor4D, bias?: tf.Tensor1D): { y: tf.Tensor4D; cache: ConvCache };
  /** y without a cache (inference: the backend's own convolution). */
  apply(x: tf.Tensor4D, kernel: tf.Tensor4D, bias?: tf.Tensor1D): tf.Tensor4D;
  /** Gradients from dLoss/dy [B, Ho, Wo, Cout]; the input gradient only if `needInput`. */
  backward(cache: ConvCache, dy: tf.Tensor4D, needInput: boolean): ConvGrads;
  /** Frees the index tensors. */
  dispose(): void;
}

export function validateGeometry(g: ConvGeometry): ConvGeometry {
  for (const [name, v] of Object.entries(g)) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`conv geometry: ${name} must be a positive integer, got ${v}`);
  }
  if (g.kernel % 2 !== 1) throw new RangeError(`conv geometry: kernel must be odd, got ${g.kernel}`);
  if (g.stride !== undefined && g.stride !== 1 && g.stride !== 2) throw new RangeError(`conv geometry: stride must be 1 or 2, got ${g.stride}`);
  return g;
}

/** Methods that support a stride of 2. */
export const stridedConvMethods: readonly ConvMethod[] = ['fwd-conv', 'autodiff'];

export function createConvLayer(geometry: ConvGeometry, method: ConvMethod = 'fwd-conv'): ConvLayer {
  const { height: h, width: w, inChannels: cin, outChannels: cout, kernel: k, stride = 1 } = validateGeometry(geometry);
  if (stride !== 1 && !stridedConvMethods.includes(method)) throw new RangeError(`conv method ${method} supports stride 1 only`);
  const p = (k - 1) / 2;
  const ho = Math.ceil(h / stride);
  const wo = Math.ceil(w / stride);
  const hp = h + 2 * p;
  const wp = w + 2 * p;
  const rows = k * k * cin;
  const unrolls = method === 'im2col' || method === 'col2im';
  const index = unrolls ? tf.tensor1d(im2colIndices(h, w, k), 'int32') : null;
  // Made on first use: only a layer that passes a gradient to its input needs it.
  let fold: tf.Tensor2D | null = null;

  const padded = (x: tf.Tensor4D) => tf.pad(x, [[0, 0], [p, p], [p, p], [0, 0]]);

  // Stride 1 keeps tfjs's "same" (identical to a symmetric pad p for an odd kernel).
  const conv = (x: tf.Tensor4D, kernel: tf.Tensor4D) => (stride === 1 ? tf.conv2d(x, kernel, 1, 'same') : tf.conv2d(x, kernel, stride, p));

  function apply(x: tf.Tensor4D, kernel: tf.Tensor4D, bias?: tf.Tensor1D): tf.Tensor4D {
    return bias ? tf.add(conv(x, kernel), bias) : conv(x, kernel);
  }

  function forward(x: tf.Tensor4D, kernel: tf.Tensor4D, bias?: tf.Tensor1D) {
    const hasBias = bias !== undefined;
    if (!unrolls) return { y: apply(x, kernel, bias), cache: { x, kernel, hasBias, patches: null } };
    const batch = x.shape[0];
    const flat = tf.reshape(padded(x), [batch, hp * wp, cin]);
    const patches = tf.reshape(tf.gather(flat, index!, 1), [batch * h * w, rows]) as tf.Tensor2D;
    const product = tf.matMul(patches, tf.reshape(kernel, [rows, cout]));
    const y = tf.reshape(bias ? tf.add(product, bias) : product, [batch, h, w, cout]) as tf.Tensor4D;
    return { y, cache: { x, kernel, hasBias, patches } };
  }

  function filterGrad(cache: ConvCache, dy: tf.Tensor4D, dyMat: tf.Tensor2D): tf.Tensor4D {
    const batch = dy.shape[0];
    if (cache.patches) {
      // Explicit transpose: on WASM transpose + matMul beats matMul's transposeA flag.
      return tf.reshape(tf.matMul(tf.transpose(cache.patches), dyMat), [k, k, cin, cout]);
    }
    if (method === 'conv3d') {
      const dw5 = tf.engine().runKernel(
        'Conv3DBackpropFilterV2',
        { x: tf.reshape(cache.x, [batch, 1, h, w, cin]), dy: tf.reshape(dy, [batch, 1, h, w, cout]) },
        { strides: [1, 1, 1, 1, 1], pad: 'same', filterShape: [1, k, k, cin, cout] },
      ) as tf.Tensor;
      return tf.reshape(dw5, [k, k, cin, cout]);
    }
    const dyT = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D; // [Ho, Wo, B, Cout]
    if (stride === 1) {
      const xT = tf.transpose(padded(cache.x), [3, 1, 2, 0]) as tf.Tensor4D; // [Cin, Hp, Wp, B]
      return tf.transpose(tf.conv2d(xT, dyT, 1, 'valid'), [1, 2, 0, 3]); // [Cin, k, k, Cout] → [k, k, Cin, Cout]
    }
    // dK[u, v] = Σ_ij xpad[s·i + u, s·j + v] · dY[i, j]: dY as a kernel with dilation s. The padded
    // input must span exactly k + s·(Ho − 1) rows (and columns), so trim or extend its far side.
    const needH = k + stride * (ho - 1);
    const needW = k + stride * (wo - 1);
    const xp = tf.pad(cache.x, [[0, 0], [p, Math.max(0, needH - h - p)], [p, Math.max(0, needW - w - p)], [0, 0]]);
    const xs = tf.slice(xp, [0, 0, 0, 0], [batch, needH, needW, cin]);
    const xT = tf.transpose(xs, [3, 1, 2, 0]) as tf.Tensor4D; // [Cin, needH, needW, B]
    return tf.transpose(tf.conv2d(xT, dyT, 1, 'valid', 'NHWC', stride), [1, 2, 0, 3]);
  }

  function inputGrad(cache: ConvCache, dy: tf.Tensor4D, dyMat: tf.Tensor2D): tf.Tensor4D {
    const batch = dy.shape[0];
    if (stride !== 1) {
      // The transposed convolution as a stride-1 one: dY spread onto the input grid (zeros between
      // its pixels), convolved with the rotated kernel, cropped to H × W. On WASM this beats
      // `Conv2DBackpropInput`, which XNNPACK does not run (2× at 28 × 28).
      const [, hOut, wOut, c] = dy.shape;
      const cols = tf.pad(tf.reshape(dy, [batch * hOut, wOut, 1, c]), [[0, 0], [0, 0], [0, 1], [0, 0]]);
      const spread = tf.reshape(tf.pad(tf.reshape(cols, [batch * hOut, 1, 2 * wOut, c]), [[0, 0], [0, 1], [0, 0], [0, 0]]), [batch, 2 * hOut, 2 * wOut, c]);
      const rotated = tf.transpose(tf.reverse(cache.kernel, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
      const full = tf.conv2d(spread as tf.Tensor4D, rotated, 1, 'same');
      return 2 * hOut === h && 2 * wOut === w ? full : (tf.slice(full, [0, 0, 0, 0], [batch, h, w, cin]) as tf.Tensor4D);
    }
    if (method === 'conv3d') return tf.conv2dTranspose(dy, cache.kernel, [batch, h, w, cin], 1, 'same');
    if (method === 'col2im') {
      const dPatches = tf.matMul(dyMat, tf.transpose(tf.reshape(cache.kernel, [rows, cout]))); // [B·H·W, k²·Cin]
      // Per channel: [B·Cin, H·W·k²] · Sᵀ → the padded image, then crop the border.
      const perEntry = tf.transpose(tf.reshape(dPatches, [batch, h * w * k * k, cin]), [0, 2, 1]);
      fold ??= tf.keep(foldMatrix(h, w, k));
      const folded = tf.matMul(tf.reshape(perEntry, [batch * cin, h * w * k * k]), fold, false, true);
      const img = tf.transpose(tf.reshape(folded, [batch, cin, hp, wp]), [0, 2, 3, 1]);
      return tf.slice(img, [0, p, p, 0], [batch, h, w, cin]) as tf.Tensor4D;
    }
    const rotated = tf.transpose(tf.reverse(cache.kernel, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
    return tf.conv2d(dy, rotated, 1, 'same');
  }

  function backward(cache: ConvCache, dy: tf.Tensor4D, needInput: boolean): ConvGrads {
    const dyMat = tf.reshape(dy, [dy.shape[0] * ho * wo, cout]) as tf.Tensor2D;
    const dBias = cache.hasBias ? (tf.sum(dyMat, 0) as tf.Tensor1D) : null;
    if (method === 'autodiff') {
      const [dInput, dKernel] = tf.grads((x: tf.Tensor, kernel: tf.Tensor) => conv(x as tf.Tensor4D, kernel as tf.Tensor4D))(
        [cache.x, cache.kernel],
        dy,
      );
      return { dKernel: dKernel as tf.Tensor4D, dBias, dInput: needInput ? (dInput as tf.Tensor4D) : null };
    }
    return { dKernel: filterGrad(cache, dy, dyMat), dBias, dInput: needInput ? inputGrad(cache, dy, dyMat) : null };
  }

  return {
    geometry,
    method,
    outHeight: ho,
    outWidth: wo,
    forward,
    apply,
    backward,
    dispose() {
      index?.dispose();
      fold?.dispose();
    },
  };
}
