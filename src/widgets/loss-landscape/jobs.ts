/**
 * What the loss-landscape widget asks its workers to do for a state — shared by the widget and by
 * the record harness, so the recording is made with exactly the jobs a reader's click runs.
 */
import type { LossLandscapeState } from '../../lib/state/schemas/loss-landscape';
import type { LandscapeJob } from '../../workers/landscape-job';

export type Arch = 'plain' | 'residual';
export const archs: readonly Arch[] = ['plain', 'residual'];

/** Points on the line from the initial (t = 0) to the trained weights (t = 1), t from −0.5 to 1.5. */
export const linePoints = 41;
/** Hessian-vector products for the curvature at the trained weights. */
export const lanczosSteps = 20;
/**
 * Training points each landscape value is measured on: 500 of the 1,000, every second one. The
 * whole set would double the cost of a 31 × 31 slice (≈ 1 MFLOP per layer and point either way is
 * the floor on one core) and take it past 10 s at depth 32; half keeps the classes' shares.
 */
export const lossPoints = 500;
/** Depths recorded ahead (each with the other settings at their defaults). */
export const recordedDepths = [4, 8, 16, 32] as const;

/** The settings that change the numbers (everything but where the 1-D cut is drawn). */
export const resultKeys = ['depth', 'width', 'bn', 'optimizer', 'lr', 'steps', 'seed', 'dataset', 'resolution', 'span'] as const;

export function jobFor(state: LossLandscapeState, arch: Arch): LandscapeJob {
  return {
    arch,
    depth: state.depth,
    width: state.width,
    bn: state.bn,
    optimizer: state.optimizer,
    lr: state.lr,
    steps: state.steps,
    seed: state.seed,
    dataset: state.dataset,
    resolution: state.resolution,
    span: state.span,
    linePoints,
    lanczosSteps,
    lossPoints,
    chunk: 25,
  };
}

export const jobsFor = (state: LossLandscapeState): LandscapeJob[] => archs.map((a) => jobFor(state, a));
