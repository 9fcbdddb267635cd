/**
 * What the cnn-trainer asks its worker to do for a given state — shared by the widget and by the
 * record/bench harness, so a recording is made with exactly the run a reader's click starts.
 */
import { EVALS_PER_EPOCH, type CnnTrainerState } from '../../lib/state/schemas/cnn-trainer';
import type { CnnJob } from '../../workers/cnn-job';

export function jobFor(state: CnnTrainerState): CnnJob {
  return {
    epochs: state.epochs,
    batchSize: state.batch,
    lr: state.lr,
    seed: state.seed,
    channels1: state.filters1,
    channels2: state.filters2,
    evalsPerEpoch: EVALS_PER_EPOCH,
    contrast: state.contrast,
    chunk: 10,
  };
}

/** Settings that change the numbers of a run (`digit` only picks what is displayed). */
export const runKeys = ['epochs', 'batch', 'lr', 'filters1', 'filters2', 'seed', 'contrast'] as const;

export const cnnWorker = () => new Worker(new URL('../../workers/cnn.worker.ts', import.meta.url), { type: 'module' });
