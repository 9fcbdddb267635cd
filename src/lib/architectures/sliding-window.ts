/**
 * The one output-size formula of a sliding window (convolution or pooling), used by the
 * architecture analysis, the convolution reference code, the convolution explorer and the figures.
 */

export interface Window {
  /** k, the window's side. */
  kernel: number;
  /** s, cells the window moves per step. */
  stride: number;
  /** p, rings of zeros added on every side. */
  padding: number;
  /** d, spacing between the kernel's taps (default 1, an ordinary kernel). */
  dilation?: number;
  /** Round up instead of down (PyTorch pooling's `ceil_mode`). Default false. */
  ceilMode?: boolean;
}

/** The span a dilated kernel covers: d(k − 1) + 1 cells. */
export function windowSpan(kernel: number, dilation = 1): number {
  return dilation * (kernel - 1) + 1;
}

/**
 * Output length along one axis: `⌊(n + 2p − d(k−1) − 1) / s⌋ + 1` (PyTorch/Caffe semantics), which
 * for d = 1 is the familiar ⌊(n + 2p − k)/s⌋ + 1; with `ceilMode` rounded up, and then a last
 * window that would start inside the right padding is dropped, as PyTorch does. 0 when the window
 * does not fit at all. Throws a RangeError for sizes that are not integers of the right sign.
 * @example windowOutputSize(224, { kernel: 7, stride: 2, padding: 3 }) // 112 (ResNet conv1)
 * @example windowOutputSize(112, { kernel: 3, stride: 2, padding: 0, ceilMode: true }) // 56
 */
export function windowOutputSize(size: number, window: Window): number {
  const { kernel, stride, padding, dilation = 1 } = window;
  for (const [name, v, min] of [['kernel size', kernel, 1], ['stride', stride, 1], ['dilation', dilation, 1], ['padding', padding, 0], ['input size', size, 0]] as const) {
    if (!Number.isInteger(v) || v < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${v}`);
  }
  const room = size + 2 * padding - windowSpan(kernel, dilation);
  if (room < 0) return 0;
  let out = Math.floor((room + (window.ceilMode ? stride - 1 : 0)) / stride) + 1;
  if (window.ceilMode && (out - 1) * stride >= size + padding) out -= 1;
  return out;
}
