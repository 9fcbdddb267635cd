import { defineSchema, type StateOf } from '../schema';
import { trainingFields } from './training-fields';

export { depthChoices } from './training-fields';
/** The depths of the sweep mode (and of He et al.-style depth plots). */
export const sweepDepths = [2, 4, 8, 16, 32, 64] as const;

/**
 * `degradation-lab`: plain vs residual fully connected nets of the same depth, trained side by
 * side on the same data, seed and batches.
 */
export const degradationLabSchema = defineSchema({
  id: 'degradation-lab',
  version: 1,
  fields: {
    ...trainingFields,
    dataset: { kind: 'enum', values: ['spiral', 'moons', 'circles', 'xor'], default: 'spiral' },
    arch: { kind: 'set', values: ['plain', 'residual'], default: ['plain', 'residual'], minSize: 1 },
    /** `single`: one depth; `sweep`: final loss vs depth for 2…64. */
    mode: { kind: 'enum', values: ['single', 'sweep'], default: 'single' },
  },
});

export type DegradationLabState = StateOf<typeof degradationLabSchema>;
