/**
 * The recorded default run of the cnn-trainer: written by `npm run record` (the same worker code,
 * in headless Chromium on the WASM backend) so curves, confusion matrix, filters and feature maps
 * are on screen before any click. The numbers live in `recorded.json`; the trained weights (CNN,
 * then logistic regression, float32 little-endian) in `recorded-weights.bin`, fetched by the page.
 */
import recorded from './recorded.json';
import type { CnnEvaluation } from '../../workers/cnn-job';

export interface CnnRecording {
  version: 1;
  backend: 'wasm' | 'cpu';
  /** The widget state that was recorded (the defaults when it was made). */
  state: Record<string, unknown>;
  curve: CnnEvaluation[];
  confusion: number[][];
  logisticConfusion?: number[][];
  /** Lengths of the two weight vectors in recorded-weights.bin. */
  weightCounts: { cnn: number; logistic: number };
  msPerEpoch: number;
  /** Ten test digits, one per class 0–9: base64 of [10, 784] uint8. */
  samples: string;
  /** First-layer filters of the recorded CNN: per filter its 9 weights (row by row) and its bias. */
  filters: number[][];
  /** Class probabilities of each sample digit [10][10], by the recorded CNN and logistic regression. */
  predictions: { cnn: number[][]; logistic: number[][] };
}

export function loadRecording(): CnnRecording | undefined {
  return (recorded as unknown as CnnRecording | null) ?? undefined;
}

/** base64 → bytes (browser and Node). */
export function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The sample digit of class d as pixels in [0, 1], [784]. */
export function sampleDigit(rec: CnnRecording, d: number): Float32Array {
  const bytes = fromBase64(rec.samples).subarray(d * 784, (d + 1) * 784);
  return Float32Array.from(bytes, (v) => v / 255);
}

/** Splits recorded-weights.bin into the two weight vectors. */
export function splitWeights(rec: CnnRecording, buffer: ArrayBuffer): { cnn: Float32Array; logistic: Float32Array } {
  const all = new Float32Array(buffer);
  const { cnn, logistic } = rec.weightCounts;
  if (all.length !== cnn + logistic) throw new Error(`recorded weights: ${all.length} values, expected ${cnn + logistic}`);
  return { cnn: all.subarray(0, cnn), logistic: all.subarray(cnn) };
}
