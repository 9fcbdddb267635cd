/**
 * The recorded default runs of the degradation lab: written by `npm run record` (the same worker
 * code, in headless Chromium on the WASM backend) so the result is on screen before any click,
 * and checked by an e2e test that re-runs the default state live and compares.
 */
import recorded from './recorded.json';

export interface RecordedRun {
  arch: 'plain' | 'residual';
  depth: number;
  steps: number;
  finalLoss: number;
  finalAccuracy: number;
}

export interface RecordedGrid {
  resolution: number;
  classes: number;
  extent: { xMin: number; xMax: number; yMin: number; yMax: number };
  /** Class probabilities, rounded to 3 decimals: [R·R·C]. */
  probabilities: number[];
}

export interface Recording {
  version: 1;
  backend: 'wasm' | 'cpu';
  /** The widget state that was recorded (the defaults when it was made). */
  state: Record<string, unknown>;
  /** One row per architecture at the default depth. */
  runs: RecordedRun[];
  /** Full-set loss/accuracy at each evaluation step (null where an architecture has no value). */
  curve: { step: number; plainLoss: number | null; residualLoss: number | null; plainAcc: number | null; residualAcc: number | null }[];
  /** Smoothed mini-batch loss, [step, loss] pairs, thinned to ≤ 200 points per architecture. */
  lossSeries: Record<'plain' | 'residual', [number, number][]>;
  grids: Partial<Record<'plain' | 'residual', RecordedGrid>>;
  /** Per-layer gradient norms at each evaluation step, per architecture. */
  gradNorms: Record<'plain' | 'residual', { step: number; norms: number[] }[]>;
  /** The depth sweep with the default settings: final full-set loss per depth and architecture. */
  sweep: RecordedRun[];
}

/** The recording, or undefined before `npm run record` has been run. */
export function loadRecording(): Recording | undefined {
  return (recorded as unknown as Recording | null) ?? undefined;
}

/** The settings that change the numbers, all as recorded (the sweep: all but depth). */
export function matchesRecording(state: Record<string, unknown>, rec: Recording | undefined, keys: readonly string[] = ['depth', 'width', 'bn', 'optimizer', 'lr', 'steps', 'seed', 'dataset']): rec is Recording {
  return !!rec && keys.every((k) => rec.state[k] === state[k]);
}

/** The recorded curve as each net's evaluations. */
export function recordedEvals(rec: Recording): Record<'plain' | 'residual', { step: number; loss: number; accuracy: number }[]> {
  const evals: ReturnType<typeof recordedEvals> = { plain: [], residual: [] };
  for (const c of rec.curve) {
    if (c.plainLoss !== null && c.plainAcc !== null) evals.plain.push({ step: c.step, loss: c.plainLoss, accuracy: c.plainAcc });
    if (c.residualLoss !== null && c.residualAcc !== null) evals.residual.push({ step: c.step, loss: c.residualLoss, accuracy: c.residualAcc });
  }
  return evals;
}
