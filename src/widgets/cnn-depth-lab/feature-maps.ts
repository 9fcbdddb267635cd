/**
 * Feature maps for display: the first few channels of a stack, each scaled by its own maximum
 * to 0–255 (a map that is zero everywhere stays black), and per-stack summary numbers for the
 * table behind the picture. Used alike for the recorded maps (quantised at record time) and live
 * ones (straight from the worker).
 */
import type { FeatureStack } from '../../workers/cnn-depth-job';

/** Channels drawn per stack. */
export const SHOWN = 8;

/** A stack ready to draw: `shown` maps of size × size, bytes [size, size, shown] channel-fastest. */
export interface ShownStack {
  size: number;
  /** Channels the stack has (of which `shown` are drawn). */
  channels: number;
  shown: number;
  bytes: Uint8Array;
  /** Mean activation over all channels and positions, and the fraction of activations > 0. */
  mean: number;
  active: number;
}

export function showStack(stack: FeatureStack, shown = SHOWN): ShownStack {
  const { size, channels, values } = stack;
  const k = Math.min(shown, channels);
  const max = new Float32Array(k);
  let sum = 0;
  let positive = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    sum += v;
    if (v > 0) positive++;
    const c = i % channels;
    if (c < k && v > max[c]!) max[c] = v;
  }
  const bytes = new Uint8Array(size * size * k);
  for (let p = 0; p < size * size; p++)
    for (let c = 0; c < k; c++) {
      const m = max[c]!;
      bytes[p * k + c] = m > 0 ? Math.round((255 * values[p * channels + c]!) / m) : 0;
    }
  return { size, channels, shown: k, bytes, mean: sum / values.length, active: positive / values.length };
}

/** Map c of a shown stack as greyscale RGBA pixels (for a size × size ImageData). */
export function mapPixels(stack: ShownStack, c: number): Uint8ClampedArray<ArrayBuffer> {
  const { size, shown, bytes } = stack;
  const out = new Uint8ClampedArray(size * size * 4);
  for (let p = 0; p < size * size; p++) {
    const v = bytes[p * shown + c]!;
    out.set([v, v, v, 255], p * 4);
  }
  return out;
}
