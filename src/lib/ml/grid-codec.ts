/**
 * Class-probability grids (decision maps) stored compactly for recordings: one byte per cell,
 * `class · 85 + round(confidence · 84)`, where confidence ∈ [0, 1] rescales the winning
 * probability from 1/C … 1. Enough to draw a map (≤ 3 classes); not for computing with.
 */

/** Packs class probabilities [cells·C] into one byte per cell. */
export function encodeGridBytes(probs: ArrayLike<number>, classes: number): Uint8Array {
  if (classes < 2 || classes > 3) throw new RangeError(`encodeGridBytes: 2 or 3 classes, got ${classes}`);
  const cells = probs.length / classes;
  const bytes = new Uint8Array(cells);
  for (let i = 0; i < cells; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probs[i * classes + c]! > probs[i * classes + best]!) best = c;
    const conf = Math.max(0, Math.min(1, (probs[i * classes + best]! - 1 / classes) / (1 - 1 / classes)));
    bytes[i] = best * 85 + Math.round(conf * 84);
  }
  return bytes;
}

/** Unpacks `encodeGridBytes` into probabilities [cells·C] (the winner's probability, the rest shared equally). */
export function decodeGridBytes(bytes: Uint8Array, classes: number): Float32Array {
  const probs = new Float32Array(bytes.length * classes);
  for (let i = 0; i < bytes.length; i++) {
    const best = Math.floor(bytes[i]! / 85);
    const p = 1 / classes + ((bytes[i]! % 85) / 84) * (1 - 1 / classes);
    for (let c = 0; c < classes; c++) probs[i * classes + c] = c === best ? p : (1 - p) / (classes - 1);
  }
  return probs;
}
