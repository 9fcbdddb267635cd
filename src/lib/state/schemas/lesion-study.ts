import { defineSchema, type StateOf } from '../schema';
import { trainingFields } from './training-fields';

/** Most blocks a net of the largest depth has (64 layers / 2). */
export const maxBlocks = trainingFields.depth.max / 2;

/**
 * `lesion-study`: plain and residual nets of one depth, trained, then blocks deleted at test time
 * (Veit et al. 2016). Same training settings as the degradation lab, except that BN is off by
 * default: at depth 32 with BN the plain net does not train at all (the degradation problem), and a
 * lesion study needs both nets to work when intact.
 */
export const lesionStudySchema = defineSchema({
  id: 'lesion-study',
  version: 1,
  fields: {
    ...trainingFields,
    bn: { kind: 'bool', default: false },
    dataset: { kind: 'enum', values: ['spiral', 'moons', 'circles', 'xor'], default: 'spiral' },
    /** Random subsets of k deleted blocks per k (all of them when there are fewer). */
    subsets: { kind: 'int', min: 1, max: 200, default: 30 },
    /** Single-path gradient measurements per path length (residual net). */
    paths: { kind: 'int', min: 8, max: 256, default: 64 },
    /** The block deleted in the strip diagram, 1 … n; 0 = none. Beyond n (= depth/2) it is clamped. */
    block: { kind: 'int', min: 0, max: maxBlocks, default: 0 },
  },
});

export type LesionStudyState = StateOf<typeof lesionStudySchema>;
