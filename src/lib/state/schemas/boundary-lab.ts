import { defineSchema, type StateOf } from '../schema';
import { featureNames } from '../../ml/features';
import { trainingFields } from './training-fields';

/**
 * `boundary-lab`: learned vs hand-made features on 2-D data — logistic regression on the raw
 * coordinates, logistic regression on the features the reader ticks, and a small MLP, trained side
 * by side in workers with the same loss, optimizer, learning rate, batches and number of steps.
 */
export const boundaryLabSchema = defineSchema({
  id: 'boundary-lab',
  version: 1,
  fields: {
    dataset: { kind: 'enum', values: ['circles', 'xor', 'moons', 'spiral'], default: 'circles' },
    /** Features of the hand-feature logistic regression. */
    features: { kind: 'set', values: featureNames, default: ['x', 'y', 'x2', 'y2'], minSize: 1 },
    /** Hidden layers of the MLP. */
    layers: { kind: 'int', min: 2, max: 6, default: 2 },
    /** Units per hidden layer of the MLP. */
    width: { kind: 'int', min: 2, max: 32, default: 8, allowed: [2, 4, 8, 16, 32] },
    /** Adam's learning rate, the same for all three learners. */
    lr: { kind: 'float', min: 1e-4, max: 1, default: 0.01, digits: 3 },
    /** Mini-batch steps (batches of 32 of the 600 points). */
    steps: { kind: 'int', min: 50, max: 3000, default: 400 },
    seed: trainingFields.seed,
    learners: { kind: 'set', values: ['raw', 'features', 'mlp'], default: ['raw', 'features', 'mlp'], minSize: 1 },
  },
});

export type BoundaryLabState = StateOf<typeof boundaryLabSchema>;
