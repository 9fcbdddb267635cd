/**
 * Everything the explorer shows, computed from its state and an input image with the plain-array
 * reference (`src/lib/ml/conv-reference.ts`) — used at build time for the tables a reader sees
 * without JavaScript, and in the browser on every change.
 */
import { conv2d, convParameterCount, effectiveKernelSize, outputSize, pool2d, relu, type Grid } from '../../lib/ml/conv-reference';
import { kernelFromCells, presetKernel, resizeKernel, type KernelSize } from '../../lib/ml/conv-presets';
import type { ConvExplorerState } from '../../lib/state/schemas/conv-explorer';
import digitsJson from './digits.json';

export interface SampleDigit {
  label: number;
  /** Position of this sample among the package's digits of its class. */
  index: number;
  /** 28×28 grey levels in [0, 1], ink = 1. */
  image: Grid;
}

/** The shipped sample digits (decoded once). */
export const sampleDigits: SampleDigit[] = digitsJson.digits.map((d) => {
  const bytes = Uint8Array.from(atob(d.pixels), (c) => c.charCodeAt(0));
  return { label: d.label, index: d.index, image: Array.from({ length: 28 }, (_, i) => Array.from(bytes.subarray(i * 28, i * 28 + 28), (v) => v / 255)) };
});

/** The kernel the state describes: a preset at size k, or the reader's cells (resized to k×k if needed). */
export function kernelOf(state: ConvExplorerState): Grid {
  const k = state.size as KernelSize;
  if (state.kernel !== 'custom') return presetKernel(state.kernel, k);
  const from = Math.round(Math.sqrt(state.weights.length));
  return resizeKernel(kernelFromCells(state.weights, from), k);
}

export interface Explored {
  kernel: Grid;
  /** n, the input side. */
  n: number;
  /** The span of the dilated kernel, d(k − 1) + 1. */
  span: number;
  /** o, the side of the feature map (0 when the window does not fit). */
  o: number;
  featureMap: Grid;
  /** After ReLU (when on) and pooling (when on). */
  after: Grid;
  /** Side of `after`. */
  po: number;
  params: number;
}

export function explore(state: ConvExplorerState, image: Grid): Explored {
  const kernel = kernelOf(state);
  const k = kernel.length;
  const opts = { stride: state.stride, padding: state.padding, dilation: state.dilation };
  const n = image.length;
  const o = outputSize(n, k, opts);
  const featureMap = o > 0 ? conv2d(image, kernel, opts) : [];
  let after = state.relu ? relu(featureMap) : featureMap;
  if (state.pool !== 'none' && after.length >= state.poolSize) after = pool2d(after, state.pool, state.poolSize);
  else if (state.pool !== 'none') after = [];
  return {
    kernel,
    n,
    span: effectiveKernelSize(k, state.dilation),
    o,
    featureMap,
    after,
    po: after.length,
    params: convParameterCount(k, state.cin, state.cout, state.bias),
  };
}

/** Cells shown with two decimals (−0.00 printed as 0.00). */
export const cellText = (v: number) => {
  const t = v.toFixed(2);
  return t === '-0.00' ? '0.00' : t;
};
