/**
 * Output-shape arithmetic for single (non-composite) layers. Composite layers (Inception concat,
 * residual add) are walked by `analyze.ts`, which calls these for each leaf.
 */
import type { ConcatSpec, LayerSpec, ResidualSpec, Shape } from './layer-spec';

/** Every layer that is not made of other layers. */
export type LeafSpec = Exclude<LayerSpec, ConcatSpec | ResidualSpec>;

export interface Window {
  kernel: number;
  stride: number;
  padding: number;
  dilation?: number;
  ceilMode?: boolean;
}

/**
 * Output length along one axis of a sliding window (conv or pool), PyTorch/Caffe semantics:
 * `⌊(n + 2p − d(k−1) − 1) / s⌋ + 1`, rounded up instead with `ceilMode` (then a last window
 * that would start inside the right padding is dropped, as PyTorch does).
 *
 * @example spatialOutputSize(224, { kernel: 7, stride: 2, padding: 3 }) // → 112
 * @example spatialOutputSize(112, { kernel: 3, stride: 2, padding: 0, ceilMode: true }) // → 56
 */
export function spatialOutputSize(size: number, window: Window): number {
  const { kernel, stride, padding } = window;
  const dilation = window.dilation ?? 1;
  const span = dilation * (kernel - 1) + 1;
  const room = size + 2 * padding - span;
  if (room < 0) {
    throw new RangeError(`a ${kernel}×${kernel} window (span ${span}) does not fit in ${size} + 2·${padding}`);
  }
  let out = Math.floor((room + (window.ceilMode ? stride - 1 : 0)) / stride) + 1;
  if (window.ceilMode && (out - 1) * stride >= size + padding) out -= 1;
  return out;
}

/**
 * Output shape `[H, W, C]` of a leaf layer for an input shape `[H, W, C]`.
 * Throws a `RangeError` with the layer name when the layer cannot apply (e.g. a dense layer on a
 * 7×7 map without a flatten first, or channels not divisible by conv groups).
 *
 * @example leafOutputShape(conv('conv1', 7, 64, { stride: 2, padding: 3 }), [224, 224, 3]) // → [112, 112, 64]
 */
export function leafOutputShape(spec: LeafSpec, input: Shape): Shape {
  const [h, w, c] = input;
  const fail = (why: string): never => {
    throw new RangeError(`${spec.name} (${spec.kind}) on [${input.join(', ')}]: ${why}`);
  };
  const spatial = (window: Window): Shape => {
    try {
      return [spatialOutputSize(h, window), spatialOutputSize(w, window), c];
    } catch (error) {
      return fail((error as Error).message);
    }
  };
  switch (spec.kind) {
    case 'conv': {
      const groups = spec.groups ?? 1;
      if (c % groups !== 0 || spec.outChannels % groups !== 0) {
        fail(`${groups} groups do not divide ${c} → ${spec.outChannels} channels`);
      }
      const [oh, ow] = spatial(spec);
      return [oh, ow, spec.outChannels];
    }
    case 'maxpool':
    case 'avgpool':
      return spatial(spec);
    case 'gap':
      return [1, 1, c];
    case 'flatten':
      return [1, 1, h * w * c];
    case 'fc':
      if (h !== 1 || w !== 1) fail('a dense layer needs a vector [1, 1, n]; flatten or pool first');
      return [1, 1, spec.units];
    case 'bn':
    case 'relu':
    case 'lrn':
    case 'dropout':
    case 'softmax':
      return input;
  }
}
