/**
 * What the boundary lab asks its workers to do for a given state — shared by the widget and by
 * the record harness, so a recording is made with exactly the runs a reader's click starts.
 */
import { orderFeatures } from '../../lib/ml/features';
import type { BoundaryLabState } from '../../lib/state/schemas/boundary-lab';
import { learnerKinds, type BoundaryJob, type LearnerKind } from '../../workers/boundary-job';

export { learnerKinds, type LearnerKind };

/** Points in every dataset of the lab. */
export const pointCount = 600;

export function jobFor(state: BoundaryLabState, learner: LearnerKind): BoundaryJob {
  return {
    learner,
    features: orderFeatures(state.features),
    layers: state.layers,
    width: state.width,
    dataset: state.dataset,
    seed: state.seed,
    steps: state.steps,
    lr: state.lr,
    points: pointCount,
    batchSize: 32,
    evalEvery: Math.max(10, Math.round(state.steps / 20)),
    liveGrid: 24,
    finalGrid: 40,
  };
}

/** The jobs of one press of Train: the chosen learners, the MLP first (it takes longest). */
export function jobsFor(state: BoundaryLabState): BoundaryJob[] {
  const order: LearnerKind[] = ['mlp', 'raw', 'features'];
  return order.filter((l) => state.learners.includes(l)).map((l) => jobFor(state, l));
}

/** Exponential moving average used to draw mini-batch losses (weight 0.1 on the newest value). */
export function smooth(previous: number | undefined, value: number): number {
  return previous === undefined ? value : 0.9 * previous + 0.1 * value;
}
