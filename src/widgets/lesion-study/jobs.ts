/**
 * What the lesion study asks its workers to do for a state — shared by the widget and by the
 * record harness, so the recording is made with exactly the jobs a reader's click runs.
 */
import type { LesionStudyState } from '../../lib/state/schemas/lesion-study';
import type { LesionJob } from '../../workers/lesion-job';

export type Arch = 'plain' | 'residual';
export const archs: readonly Arch[] = ['plain', 'residual'];

/** Decision-map resolution (intact, and with each block deleted). */
export const gridResolution = 40;

/** The settings that change the numbers (everything but the block shown in the strip). */
export const resultKeys = ['depth', 'width', 'bn', 'optimizer', 'lr', 'steps', 'seed', 'dataset', 'subsets', 'paths'] as const;

/** One net's job: train, delete blocks, measure paths. */
export function jobFor(state: LesionStudyState, arch: Arch): LesionJob {
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
    subsets: state.subsets,
    pathSamples: state.paths,
    gridResolution,
    chunk: 25,
  };
}

/** Both nets of one press of Train. */
export const jobsFor = (state: LesionStudyState): LesionJob[] => archs.map((a) => jobFor(state, a));

/** The number of blocks n of a state, and its `block` clamped to 0 … n. */
export const blocksOf = (state: Pick<LesionStudyState, 'depth'>) => state.depth / 2;
