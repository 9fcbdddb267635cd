/**
 * The building blocks of He et al. (2016a, Fig. 2 and Fig. 5), shared by the ImageNet and
 * CIFAR-10 ResNets and their plain counterparts. Every conv has no bias and is followed by BN;
 * ReLU comes after BN and, in a residual unit, after the addition.
 */
import type { LayerSpec, ShortcutSpec } from '../layer-spec';
import { bn, conv, relu, residual } from '../layers';

/**
 * Shortcut option (He et al. 2016a, §3.3 and §4.1, Table 3):
 * - `A`: identity, and zero-padding + subsampling where dimensions change: no extra parameters.
 * - `B`: identity, and 1×1 projections (conv + BN) where dimensions change.
 * - `C`: projections on every shortcut.
 * - `none`: no shortcut at all, i.e. the "plain" network of Fig. 3 (middle).
 */
export type ShortcutOption = 'A' | 'B' | 'C' | 'none';

export interface BlockOptions {
  /** Channels entering the block. */
  inChannels: number;
  /** Stride of the block (2 in the first block of a downsampling stage). */
  stride: number;
  shortcut: ShortcutOption;
}

/**
 * Shortcut from `inChannels` to `outChannels` with `stride`, per option.
 * A projection is named `<prefix>_proj` (1×1 conv, no bias) and `<prefix>_proj_bn`.
 */
export function shortcutFor(
  prefix: string,
  option: Exclude<ShortcutOption, 'none'>,
  inChannels: number,
  outChannels: number,
  stride: number,
): ShortcutSpec {
  const changes = stride !== 1 || inChannels !== outChannels;
  if (option === 'C' || (option === 'B' && changes)) {
    const projection = conv(`${prefix}_proj`, 1, outChannels, { stride, padding: 0 });
    return { kind: 'projection', layers: [projection, bn(`${prefix}_proj_bn`)] };
  }
  if (option === 'A' && changes) return { kind: 'zero-pad', stride, outChannels };
  return { kind: 'identity' };
}

/** Wraps a body in a residual unit + ReLU, or leaves it plain (then the last ReLU closes the body). */
function wrap(prefix: string, body: LayerSpec[], options: BlockOptions, outChannels: number): LayerSpec[] {
  if (options.shortcut === 'none') return [...body, relu(`${prefix}_relu`)];
  const shortcut = shortcutFor(prefix, options.shortcut, options.inChannels, outChannels, options.stride);
  return [residual(`${prefix}_add`, body, shortcut), relu(`${prefix}_relu`)];
}

function convBn(name: string, kernel: number, out: number, stride = 1): LayerSpec[] {
  return [conv(name, kernel, out, { stride }), bn(`${name}_bn`)];
}

/**
 * Basic block (Fig. 5 left): 3×3 conv (stride) → BN → ReLU → 3×3 conv → BN, plus shortcut,
 * then ReLU. `[H, W, C_in]` → `[H/stride, W/stride, width]`. Names `<prefix>a`, `<prefix>b`.
 */
export function basicBlock(prefix: string, width: number, options: BlockOptions): LayerSpec[] {
  const body = [
    ...convBn(`${prefix}a`, 3, width, options.stride),
    relu(`${prefix}a_relu`),
    ...convBn(`${prefix}b`, 3, width),
  ];
  return wrap(prefix, body, options, width);
}

/**
 * Bottleneck block (Fig. 5 right): 1×1 to `width` → 3×3 → 1×1 to `4·width`, each followed by
 * BN (and ReLU but the last), plus shortcut, then ReLU. `[H, W, C_in]` → `[H/stride, W/stride, 4·width]`.
 * The stride sits on the first 1×1 as in the paper (`strideOn: '1x1'`), or on the 3×3 as in
 * torchvision and "ResNet v1.5" (`'3x3'`), which costs more multiply-adds but no parameters.
 */
export function bottleneckBlock(
  prefix: string,
  width: number,
  options: BlockOptions & { strideOn?: '1x1' | '3x3' },
): LayerSpec[] {
  const on3x3 = options.strideOn === '3x3';
  const body = [
    ...convBn(`${prefix}a`, 1, width, on3x3 ? 1 : options.stride),
    relu(`${prefix}a_relu`),
    ...convBn(`${prefix}b`, 3, width, on3x3 ? options.stride : 1),
    relu(`${prefix}b_relu`),
    ...convBn(`${prefix}c`, 1, 4 * width),
  ];
  return wrap(prefix, body, options, 4 * width);
}
