/**
 * The recorded default runs of the boundary lab — one per dataset, with the other settings at
 * their defaults — written by `npm run record` (the same worker code, in headless Chromium on the
 * WASM backend) so the result is on screen before any click, whichever dataset is picked.
 * Decision grids are stored compactly: one byte per cell, `class · 85 + round(confidence · 84)`,
 * where confidence ∈ [0, 1] rescales the winning probability from 1/C … 1.
 */
import type { FeatureName } from '../../lib/ml/features';
import type { LearnerKind } from '../../workers/boundary-job';
import recorded from './recorded.json';

export interface RecordedLearner {
  learner: LearnerKind;
  features: FeatureName[];
  parameterCount: number;
  finalLoss: number;
  finalAccuracy: number;
  /** Full-set loss and accuracy at each evaluation step. */
  curve: { step: number; loss: number; accuracy: number }[];
  /** Smoothed mini-batch loss, [step, loss] pairs, thinned to ≤ 100 points. */
  lossSeries: [number, number][];
  grid: { resolution: number; classes: number; extent: { xMin: number; xMax: number; yMin: number; yMax: number }; cells: string };
}

export interface BoundaryRecording {
  version: 1;
  backend: 'wasm' | 'cpu';
  /** The recorded state (the defaults when it was made); `dataset` varies per entry. */
  state: Record<string, unknown>;
  datasets: Record<string, RecordedLearner[]>;
}

/** The recording, or undefined before `npm run record` has been run. */
export function loadBoundaryRecording(): BoundaryRecording | undefined {
  return (recorded as unknown as BoundaryRecording | null) ?? undefined;
}

/** Packs class probabilities [R·R·C] into one byte per cell, base64. */
export function encodeGrid(probs: ArrayLike<number>, classes: number): string {
  const cells = probs.length / classes;
  const bytes = new Uint8Array(cells);
  for (let i = 0; i < cells; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probs[i * classes + c]! > probs[i * classes + best]!) best = c;
    const conf = Math.max(0, Math.min(1, (probs[i * classes + best]! - 1 / classes) / (1 - 1 / classes)));
    bytes[i] = best * 85 + Math.round(conf * 84);
  }
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

/** Unpacks `encodeGrid` into probabilities [R·R·C] (the winner's probability, the rest shared equally). */
export function decodeGrid(cells: string, classes: number): Float32Array {
  const bytes = Uint8Array.from(atob(cells), (ch) => ch.charCodeAt(0));
  const probs = new Float32Array(bytes.length * classes);
  for (let i = 0; i < bytes.length; i++) {
    const best = Math.floor(bytes[i]! / 85);
    const p = 1 / classes + ((bytes[i]! % 85) / 84) * (1 - 1 / classes);
    for (let c = 0; c < classes; c++) probs[i * classes + c] = c === best ? p : (1 - p) / (classes - 1);
  }
  return probs;
}
