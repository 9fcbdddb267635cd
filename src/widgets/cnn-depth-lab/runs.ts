/**
 * The runs on screen, keyed by architecture and depth: the recorded ones while the settings are the
 * recorded ones, replaced depth by depth by live runs. No DOM (unit-tested in `runs.test.ts`).
 */
import type { CifarArch } from '../../lib/ml/cifar-net';
import type { CnnDepthLabState } from '../../lib/state/schemas/cnn-depth-lab';
import { runKeys } from './jobs';
import type { CnnDepthRecording } from './recording';

/** One run on screen: its curve ([iteration, training error, test error], fractions) and, once finished, its final errors. */
export interface RunView {
  arch: CifarArch;
  layers: number;
  steps: number;
  curve: [number, number, number][];
  trainError?: number;
  testError?: number;
  recorded: boolean;
}

/** The runs on screen by `runKey(arch, layers)`. */
export type Runs = Map<string, RunView>;

export const runKey = (arch: CifarArch, layers: number) => `${arch}-${layers}`;

/** Same training settings as the recording (every setting that changes a run's numbers). */
export function matchesRecording(state: CnnDepthLabState, rec: CnnDepthRecording | undefined): rec is CnnDepthRecording {
  return !!rec && runKeys.every((k) => rec.state[k] === state[k]);
}

/** Shallow first, plain before residual at each depth. */
export function sortedRuns(runs: Runs): RunView[] {
  return [...runs.values()].sort((a, b) => a.layers - b.layers || a.arch.localeCompare(b.arch));
}

/** Replaces what `runs` holds with the recorded runs (copies: live updates never touch the recording). */
export function showRecorded(runs: Runs, rec: CnnDepthRecording): void {
  runs.clear();
  for (const r of rec.runs) runs.set(runKey(r.arch, r.layers), { ...r, curve: r.curve.map((p) => [...p] as [number, number, number]), recorded: true });
}

/**
 * Makes room for the runs of one press of Train: each job gets an empty live run. A recorded depth
 * not trained now stays when `keepRecorded` (the settings are the recorded ones); every other run goes.
 */
export function startRuns(runs: Runs, jobs: readonly { arch: CifarArch; layers: number; steps: number }[], keepRecorded: boolean): void {
  if (!keepRecorded) runs.clear();
  for (const r of [...runs.values()]) if (!r.recorded || jobs.some((j) => j.layers === r.layers)) runs.delete(runKey(r.arch, r.layers));
  for (const j of jobs) runs.set(runKey(j.arch, j.layers), { arch: j.arch, layers: j.layers, steps: j.steps, curve: [], recorded: false });
}
