/**
 * Theoretical receptive field along one spatial axis, in input pixels.
 *
 * For a window of kernel k, stride s and dilation d the recurrence is
 *   size_out = size_in + d(k − 1) · jump_in,   jump_out = jump_in · s,
 * where `jump` is the distance in input pixels between two neighbouring units of the layer
 * (the product of all strides so far; "effective stride"). The input itself is `{ size: 1, jump: 1 }`.
 * Padding shifts where a field starts but not its size, so it plays no part here.
 */
import type { Shape } from './layer-spec';
import type { LeafSpec } from './output-shape';

export interface ReceptiveField {
  /** Side of the square input region one output unit can see, in pixels. */
  size: number;
  /** Input pixels between two neighbouring output units (cumulative stride). */
  jump: number;
}

/** The receptive field of an input pixel: itself. */
export const pixelReceptiveField: ReceptiveField = { size: 1, jump: 1 };

function slide(rf: ReceptiveField, kernel: number, stride: number, dilation = 1): ReceptiveField {
  return { size: rf.size + dilation * (kernel - 1) * rf.jump, jump: rf.jump * stride };
}

/**
 * Receptive field after a leaf layer, given the field of its input and its input shape.
 * Global pooling and flatten see the whole map, like a window as large as the input (the input
 * height is used; all models here are square). Dense layers on `[1, 1, n]` add nothing.
 *
 * @example leafReceptiveField(conv('c', 3, 64), { size: 5, jump: 1 }, [224, 224, 64]) // → { size: 7, jump: 1 }
 */
export function leafReceptiveField(spec: LeafSpec, rf: ReceptiveField, input: Shape): ReceptiveField {
  switch (spec.kind) {
    case 'conv':
      return slide(rf, spec.kernel, spec.stride, spec.dilation ?? 1);
    case 'maxpool':
    case 'avgpool':
      return slide(rf, spec.kernel, spec.stride);
    case 'gap':
    case 'flatten':
      return slide(rf, input[0], 1);
    default:
      return rf;
  }
}

/**
 * Where paths meet (Inception concat, residual add) the output sees the union of what each path
 * sees. All paths here are centred on the same pixel, so that is the largest field. Paths must
 * agree on the jump, since their outputs share one grid.
 */
export function mergeReceptiveFields(fields: readonly ReceptiveField[]): ReceptiveField {
  const [first, ...rest] = fields;
  if (first === undefined) throw new RangeError('no receptive fields to merge');
  for (const rf of rest) {
    if (rf.jump !== first.jump) throw new RangeError(`paths disagree on the jump: ${first.jump} vs ${rf.jump}`);
  }
  return { size: Math.max(...fields.map((rf) => rf.size)), jump: first.jump };
}

/**
 * Receptive field of a plain stack of windows, e.g. VGG's argument for 3×3 kernels:
 * two stacked 3×3 convs see 5×5, three see 7×7.
 *
 * @example stackedReceptiveField([{ kernel: 3 }, { kernel: 3 }]) // → { size: 5, jump: 1 }
 */
export function stackedReceptiveField(
  windows: readonly { kernel: number; stride?: number; dilation?: number }[],
  start: ReceptiveField = pixelReceptiveField,
): ReceptiveField {
  return windows.reduce((rf, w) => slide(rf, w.kernel, w.stride ?? 1, w.dilation ?? 1), start);
}
