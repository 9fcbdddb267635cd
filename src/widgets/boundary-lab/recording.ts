/**
 * The recorded default runs of the boundary lab — one per dataset, with the other settings at
 * their defaults — written by `npm run record` (the same worker code, in headless Chromium on the
 * WASM backend) so the result is on screen before any click, whichever dataset is picked.
 * Decision grids are stored compactly: one byte per cell (`lib/ml/grid-codec.ts`), base64.
 */
import type { FeatureName } from '../../lib/ml/features';
import { decodeGridBytes, encodeGridBytes } from '../../lib/ml/grid-codec';
import type { BoundaryLabState } from '../../lib/state/schemas/boundary-lab';
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

/** Packs class probabilities [R·R·C] into one byte per cell (`encodeGridBytes`), base64. */
/** The settings a recording is for (besides the data set, which picks one of its runs). */
const settingsKeys = ['features', 'layers', 'width', 'lr', 'steps', 'seed'] as const;

/** The recorded runs for the current settings, if the recording has them. */
export function recordedRuns(state: BoundaryLabState, rec: BoundaryRecording | undefined): RecordedLearner[] | undefined {
  const same = rec && settingsKeys.every((k) => JSON.stringify(rec.state[k]) === JSON.stringify(state[k]));
  return same ? rec.datasets[state.dataset] : undefined;
}

export function encodeGrid(probs: ArrayLike<number>, classes: number): string {
  let text = '';
  for (const b of encodeGridBytes(probs, classes)) text += String.fromCharCode(b);
  return btoa(text);
}

/** Unpacks `encodeGrid` into probabilities [R·R·C] (the winner's probability, the rest shared equally). */
export function decodeGrid(cells: string, classes: number): Float32Array {
  return decodeGridBytes(Uint8Array.from(atob(cells), (ch) => ch.charCodeAt(0)), classes);
}
