/**
 * What the cnn-depth lab asks its workers to do for a given state — shared by the widget and by
 * the record/bench harness, so a recording is made with exactly the runs a reader's click starts.
 */
import { BATCH, EVALUATIONS, TRAIN_SAMPLE, type CnnDepthLabState } from '../../lib/state/schemas/cnn-depth-lab';
import type { CifarArch } from '../../lib/ml/cifar-net';
import type { CnnDepthJob } from '../../workers/cnn-depth-job';

export const archs: readonly CifarArch[] = ['plain', 'residual'];

/** Settings that change the numbers of a run (`depths` picks which runs, `digit` which feature maps come back). */
export const runKeys = ['width', 'shortcut', 'optimizer', 'lr', 'steps', 'size', 'seed'] as const;

/** One run: `arch` at `layers` weighted layers, with the state's training settings. */
export function jobFor(state: CnnDepthLabState, arch: CifarArch, layers: number, featureClasses = [state.digit]): CnnDepthJob {
  return {
    arch,
    layers,
    width: state.width,
    inputSize: Number(state.size) as 14 | 28,
    shortcut: state.shortcut,
    optimizer: state.optimizer,
    lr: state.lr,
    steps: state.steps,
    batchSize: BATCH,
    seed: state.seed,
    trainCount: 5000,
    evaluations: EVALUATIONS,
    trainSample: TRAIN_SAMPLE,
    featureClasses,
    chunk: 10,
  };
}

/** The runs of one press of Train: plain and residual at each chosen depth, shallow first. */
export function jobsFor(state: CnnDepthLabState): CnnDepthJob[] {
  const depths = [...state.depths].map(Number).sort((a, b) => a - b);
  return depths.flatMap((layers) => archs.map((arch) => jobFor(state, arch, layers)));
}

export const cnnDepthWorker = () => new Worker(new URL('../../workers/cnn-depth.worker.ts', import.meta.url), { type: 'module' });
