import { defineSchema, type StateOf } from '../schema';
import { trainingFields } from './training-fields';

/** Grid sizes of the 2-D slice (odd, so the trained weights sit on the centre point). */
export const resolutions = [11, 21, 31, 41, 51] as const;

/**
 * `loss-landscape`: the training loss around trained plain and residual nets of one depth (Li et
 * al. 2018) — along the line from the initial to the trained weights, and on a plane through the
 * trained weights spanned by two filter-normalised random directions. Same training settings as
 * the degradation lab.
 */
export const lossLandscapeSchema = defineSchema({
  id: 'loss-landscape',
  version: 1,
  fields: {
    ...trainingFields,
    depth: { ...trainingFields.depth, default: 16 },
    dataset: { kind: 'enum', values: ['spiral', 'moons', 'circles', 'xor'], default: 'spiral' },
    /** Points per side of the 2-D slice. */
    resolution: { kind: 'int', min: 11, max: 51, default: 31, allowed: resolutions },
    /** The slice covers α, β ∈ [−span, span] (direction units: 1 = each neuron's own weight norm). */
    span: { kind: 'float', min: 0.1, max: 2, default: 1, digits: 2 },
    /** Where the 1-D cut crosses the slice: β as a fraction of the span, −1 … 1. */
    cut: { kind: 'float', min: -1, max: 1, default: 0, digits: 2 },
  },
});

export type LossLandscapeState = StateOf<typeof lossLandscapeSchema>;
