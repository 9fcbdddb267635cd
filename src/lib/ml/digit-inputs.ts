import type { DigitSplit } from './mnist-subset.ts';

/**
 * Digits as network inputs: optionally downsampled, then standardised with the training split's
 * mean and standard deviation (as the CIFAR nets expect zero-mean inputs). Plain arrays, no tfjs.
 */

/** Mean and standard deviation of the pixels (after scaling to [0, 1]). */
export interface PixelStats {
  mean: number;
  std: number;
}

/**
 * Images of a split as floats in [0, 1] at `size` × `size`: 28 (as stored) or 14 (each output
 * pixel the mean of a 2×2 block). Shape [n, size, size], row-major.
 */
export function digitImages(split: DigitSplit, size: 28 | 14, count = split.n): Float32Array {
  const n = Math.min(count, split.n);
  const out = new Float32Array(n * size * size);
  if (size === 28) {
    for (let i = 0; i < n * 784; i++) out[i] = split.images[i]! / 255;
    return out;
  }
  for (let k = 0; k < n; k++) {
    const src = k * 784;
    const dst = k * 196;
    for (let r = 0; r < 14; r++)
      for (let c = 0; c < 14; c++) {
        const a = src + 2 * r * 28 + 2 * c;
        out[dst + r * 14 + c] = (split.images[a]! + split.images[a + 1]! + split.images[a + 28]! + split.images[a + 29]!) / (4 * 255);
      }
  }
  return out;
}

export function pixelStats(pixels: Float32Array): PixelStats {
  let sum = 0;
  for (const v of pixels) sum += v;
  const mean = sum / pixels.length;
  let sq = 0;
  for (const v of pixels) sq += (v - mean) ** 2;
  return { mean, std: Math.sqrt(sq / pixels.length) };
}

/** (v − mean) / std, in place; returns its argument. */
export function standardise(pixels: Float32Array, stats: PixelStats): Float32Array {
  for (let i = 0; i < pixels.length; i++) pixels[i] = (pixels[i]! - stats.mean) / stats.std;
  return pixels;
}
