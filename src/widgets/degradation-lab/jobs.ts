/**
 * What the degradation lab asks its workers to do for a given state — shared by the widget and by
 * the record/bench harness, so a recording is made with exactly the jobs a reader's click runs.
 */
import type { DegradationLabState } from '../../lib/state/schemas/degradation-lab';
import { sweepDepths } from '../../lib/state/schemas/degradation-lab';
import type { DegradationJob } from '../../workers/degradation-job';

export type Arch = 'plain' | 'residual';
export const archs: readonly Arch[] = ['plain', 'residual'];

/** One run of `arch` at `depth`; sweep runs skip intermediate evaluations and the boundary grid. */
export function jobFor(state: DegradationLabState, arch: Arch, depth: number, sweep: boolean): DegradationJob {
  return {
    arch,
    depth,
    width: state.width,
    bn: state.bn,
    optimizer: state.optimizer,
    lr: state.lr,
    steps: state.steps,
    seed: state.seed,
    dataset: state.dataset,
    evalEvery: sweep ? 0 : Math.max(10, Math.round(state.steps / 20)),
    gridResolution: sweep ? 0 : 48,
    chunk: sweep ? 100 : 20,
  };
}

/** The jobs of one press of Train: both architectures at the chosen depth, or the whole sweep. */
export function jobsFor(state: DegradationLabState): DegradationJob[] {
  const chosen = archs.filter((a) => state.arch.includes(a));
  return state.mode === 'sweep'
    ? sweepDepths.flatMap((d) => chosen.map((a) => jobFor(state, a, d, true)))
    : chosen.map((a) => jobFor(state, a, state.depth, false));
}

/** Exponential moving average used to draw mini-batch losses (weight 0.1 on the newest value). */
export function smooth(previous: number | undefined, value: number): number {
  return previous === undefined ? value : 0.9 * previous + 0.1 * value;
}
