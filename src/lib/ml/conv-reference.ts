/**
 * Plain-array reference implementations of the arithmetic of a convolutional layer: 2-D
 * convolution (cross-correlation, as deep-learning libraries compute it) with stride, zero
 * padding and dilation, ReLU, max and average pooling, and the output-size and parameter-count
 * formulas. No tensors, no DOM: these are the test oracles for the tfjs path and the engine of the
 * `conv-explorer` widget (a 28×28 image is a few thousand multiply-adds, instant on the main thread).
 *
 * Layout: a single-channel image is a `Grid`, rows of numbers, `grid[i][j]` = row i (top = 0),
 * column j (left = 0). A multi-channel image is `Grid[]`, one grid per channel ([C][H][W]).
 */

import { windowOutputSize, windowSpan } from '../architectures/sliding-window.ts';

/** A 2-D array of numbers, row-major: grid[row][column]. */
export type Grid = number[][];

/** Hyper-parameters of a convolution or pooling window (all positive integers; padding ≥ 0). */
export interface WindowOptions {
  /** s, cells the window moves per step (default 1). */
  stride?: number;
  /** p, rings of zeros added on every side (default 0). */
  padding?: number;
  /** d, spacing between the kernel's taps: d = 1 is an ordinary kernel (default 1). */
  dilation?: number;
}

const resolve = (o: WindowOptions = {}) => ({ stride: o.stride ?? 1, padding: o.padding ?? 0, dilation: o.dilation ?? 1 });

function assertOptions(k: number, { stride, padding, dilation }: Required<WindowOptions>) {
  const posInt = (name: string, v: number) => {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  };
  posInt('kernel size', k);
  posInt('stride', stride);
  posInt('dilation', dilation);
  if (!Number.isInteger(padding) || padding < 0) throw new RangeError(`padding must be a non-negative integer, got ${padding}`);
}

/** The span a dilated kernel covers: k + (k − 1)(d − 1) = d(k − 1) + 1 cells. */
export const effectiveKernelSize = (k: number, dilation = 1): number => windowSpan(k, dilation);

/**
 * Side of the output of a convolution or pooling window: o = ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1,
 * which for d = 1 is the familiar ⌊(n + 2p − k)/s⌋ + 1. Returns 0 when the window does not fit.
 * @example outputSize(28, 3, { padding: 1 }) // 28
 * @example outputSize(224, 7, { stride: 2, padding: 3 }) // 112 (ResNet conv1)
 */
export function outputSize(n: number, k: number, options: WindowOptions = {}): number {
  const o = resolve(options);
  assertOptions(k, o);
  return windowOutputSize(n, { kernel: k, ...o });
}

/**
 * Learnable parameters of a convolutional layer: k·k·C_in·C_out weights plus C_out biases.
 * @example convParameterCount(3, 64, 64) // 36928
 * @example convParameterCount(7, 3, 64, false) // 9408 (ResNet conv1, no bias)
 */
export function convParameterCount(k: number, cIn: number, cOut: number, bias = true): number {
  return k * k * cIn * cOut + (bias ? cOut : 0);
}

/** The input cells a window at output position (i, j) reads: [row, column] in unpadded coordinates (may be outside the image = padding). */
export function windowCells(i: number, j: number, k: number, options: WindowOptions = {}): [number, number][] {
  const { stride, padding, dilation } = resolve(options);
  const cells: [number, number][] = [];
  for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) cells.push([i * stride - padding + u * dilation, j * stride - padding + v * dilation]);
  return cells;
}

function shapeOf(grid: Grid): [number, number] {
  const h = grid.length;
  const w = grid[0]?.length ?? 0;
  if (grid.some((row) => row.length !== w)) throw new RangeError('every row of a grid must have the same length');
  return [h, w];
}

/**
 * Single-channel 2-D convolution (cross-correlation: the kernel is not flipped), zero padding:
 * Y[i][j] = bias + Σ_u Σ_v K[u][v] · X[s·i − p + d·u][s·j − p + d·v], with X = 0 outside the image.
 * Output side per `outputSize`. The kernel must be square.
 */
export function conv2d(input: Grid, kernel: Grid, options: WindowOptions = {}, bias = 0): Grid {
  return conv2dChannels([input], [[kernel]], options, [bias])[0]!;
}

/**
 * Multi-channel 2-D convolution: input [C_in][H][W], kernels [C_out][C_in][k][k], biases [C_out]
 * (default zeros) → output [C_out][H_out][W_out]; each output channel sums over every input channel.
 */
export function conv2dChannels(input: Grid[], kernels: Grid[][], options: WindowOptions = {}, biases?: number[]): Grid[] {
  const o = resolve(options);
  const cIn = input.length;
  if (cIn === 0) throw new RangeError('input needs at least one channel');
  const [h, w] = shapeOf(input[0]!);
  for (const ch of input) {
    const [hh, ww] = shapeOf(ch);
    if (hh !== h || ww !== w) throw new RangeError('all input channels must have the same size');
  }
  const k = kernels[0]?.[0]?.length ?? 0;
  assertOptions(k, o);
  for (const perOut of kernels) {
    if (perOut.length !== cIn) throw new RangeError(`each output channel needs ${cIn} kernels, got ${perOut.length}`);
    for (const ker of perOut) if (ker.length !== k || ker.some((r) => r.length !== k)) throw new RangeError(`kernels must be ${k}×${k}`);
  }
  const oh = outputSize(h, k, o);
  const ow = outputSize(w, k, o);
  return kernels.map((perOut, c) => {
    const b = biases?.[c] ?? 0;
    const out: Grid = [];
    for (let i = 0; i < oh; i++) {
      const row: number[] = [];
      for (let j = 0; j < ow; j++) {
        let sum = b;
        for (let ci = 0; ci < cIn; ci++) {
          const x = input[ci]!;
          const ker = perOut[ci]!;
          for (let u = 0; u < k; u++) {
            const r = i * o.stride - o.padding + u * o.dilation;
            if (r < 0 || r >= h) continue;
            for (let v = 0; v < k; v++) {
              const col = j * o.stride - o.padding + v * o.dilation;
              if (col < 0 || col >= w) continue;
              sum += ker[u]![v]! * x[r]![col]!;
            }
          }
        }
        row.push(sum);
      }
      out.push(row);
    }
    return out;
  });
}

/** ReLU(z) = max(0, z) applied to every cell (a new grid). */
export function relu(grid: Grid): Grid {
  return grid.map((row) => row.map((v) => (v > 0 ? v : 0)));
}

/**
 * Max or average pooling of one channel with a size×size window. Padding cells are ignored (they
 * never win a max, and an average divides by the number of real cells under the window), as in
 * tfjs and in PyTorch with `count_include_pad=False`. Output side per `outputSize`.
 */
export function pool2d(input: Grid, kind: 'max' | 'avg', size: number, options: WindowOptions = {}): Grid {
  const o = resolve({ ...options, stride: options.stride ?? size });
  assertOptions(size, o);
  const [h, w] = shapeOf(input);
  const oh = outputSize(h, size, o);
  const ow = outputSize(w, size, o);
  const out: Grid = [];
  for (let i = 0; i < oh; i++) {
    const row: number[] = [];
    for (let j = 0; j < ow; j++) {
      let best = -Infinity;
      let sum = 0;
      let count = 0;
      for (let u = 0; u < size; u++) {
        const r = i * o.stride - o.padding + u * o.dilation;
        if (r < 0 || r >= h) continue;
        for (let v = 0; v < size; v++) {
          const c = j * o.stride - o.padding + v * o.dilation;
          if (c < 0 || c >= w) continue;
          const x = input[r]![c]!;
          if (x > best) best = x;
          sum += x;
          count++;
        }
      }
      row.push(kind === 'max' ? (count ? best : 0) : count ? sum / count : 0);
    }
    out.push(row);
  }
  return out;
}

/** Max pooling (see `pool2d`); the stride defaults to the window size. */
export const maxPool2d = (input: Grid, size: number, options?: WindowOptions) => pool2d(input, 'max', size, options);
/** Average pooling (see `pool2d`); the stride defaults to the window size. */
export const avgPool2d = (input: Grid, size: number, options?: WindowOptions) => pool2d(input, 'avg', size, options);

/** A grid of `h` rows and `w` columns from a flat row-major array. */
export function toGrid(values: ArrayLike<number>, h: number, w: number): Grid {
  if (values.length !== h * w) throw new RangeError(`expected ${h * w} values, got ${values.length}`);
  return Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => values[i * w + j]!));
}
