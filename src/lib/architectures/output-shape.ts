/**
 * Output-shape arithmetic for single (non-composite) layers. Composite layers (Inception concat,
 * residual add) are walked by `analyze.ts`, which calls these for each leaf.
 */
import type { ConcatSpec, LayerSpec, ResidualSpec, Shape } from './layer-spec';
import { windowOutputSize, windowSpan, type Window } from './sliding-window';

/** Every layer that is not made of other layers. */
export type LeafSpec = Exclude<LayerSpec, ConcatSpec | ResidualSpec>;

export type { Window } from './sliding-window';

/**
 * Output length along one axis of a sliding window (conv or pool) in a network: the one formula
 * (`windowOutputSize`), except that a window that does not fit is an error in a network.
 * @example spatialOutputSize(224, { kernel: 7, stride: 2, padding: 3 }) // → 112
 */
export function spatialOutputSize(size: number, window: Window): number {
  const out = windowOutputSize(size, window);
  if (out === 0) {
    const span = windowSpan(window.kernel, window.dilation);
    throw new RangeError(`a ${window.kernel}×${window.kernel} window (span ${span}) does not fit in ${size} + 2·${window.padding}`);
  }
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
