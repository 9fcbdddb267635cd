/**
 * What the degradation lab (and the gradient-flow chart, which trains the same nets) asks its
 * workers to do for a given state — shared by the widgets and by the record/bench harness, so a
 * recording is made with exactly the jobs a reader's click runs.
 */
import type { DegradationLabState } from '../../lib/state/schemas/degradation-lab';
import { sweepDepths } from '../../lib/state/schemas/degradation-lab';
import type { DegradationJob } from '../../workers/degradation-job';

export type Arch = 'plain' | 'residual';
export const archs: readonly Arch[] = ['plain', 'residual'];

/** The training settings every such widget has (see schemas/training-fields.ts). */
export type TrainingSettings = Pick<DegradationLabState, 'width' | 'bn' | 'optimizer' | 'lr' | 'steps' | 'seed'> & {
  dataset?: DegradationLabState['dataset'];
};

export interface JobOptions {
  /** Sweep runs: no intermediate evaluations, no boundary grid, longer chunks. */
  sweep?: boolean;
  /** Evaluations (full-set loss, gradient norms) per run; default 20. */
  evaluations?: number;
  /** Decision-boundary grid resolution at the end (default 48; 0 = none). */
  gridResolution?: number;
}

/** One run of `arch` at `depth`. */
export function jobFor(settings: TrainingSettings, arch: Arch, depth: number, options: JobOptions = {}): DegradationJob {
  const { sweep = false, evaluations = 20, gridResolution = 48 } = options;
  return {
    arch,
    depth,
    width: settings.width,
    bn: settings.bn,
    optimizer: settings.optimizer,
    lr: settings.lr,
    steps: settings.steps,
    seed: settings.seed,
    dataset: settings.dataset ?? 'spiral',
    evalEvery: sweep ? 0 : Math.max(5, Math.round(settings.steps / evaluations)),
    gridResolution: sweep ? 0 : gridResolution,
    chunk: sweep ? 100 : 20,
  };
}

/** The jobs of one press of Train in the lab: both architectures at the chosen depth, or the whole sweep. */
export function jobsFor(state: DegradationLabState): DegradationJob[] {
  const chosen = archs.filter((a) => state.arch.includes(a));
  return state.mode === 'sweep'
    ? sweepDepths.flatMap((d) => chosen.map((a) => jobFor(state, a, d, { sweep: true })))
    : chosen.map((a) => jobFor(state, a, state.depth));
}

/**
 * What one step of `job` costs, relative to other jobs (for the time-left estimate): a step's
 * time grows with the depth (one dense layer forward and backward each), plus a fixed share
 * (the batch, the loss, the read-back) worth about two layers.
 */
export function stepCost(job: Pick<DegradationJob, 'depth'>): number {
  return job.depth + 2;
}

/** Exponential moving average used to draw mini-batch losses (weight 0.1 on the newest value). */
export function smooth(previous: number | undefined, value: number): number {
  return previous === undefined ? value : 0.9 * previous + 0.1 * value;
}
