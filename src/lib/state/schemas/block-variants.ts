import { blockVariantIds } from '../../ml/block-variants';
import { defineSchema, type StateOf } from '../schema';
import { trainingFields } from './training-fields';

/**
 * `block-variants`: residual nets that differ only in their block (He et al. 2016b, Fig. 2 and
 * Fig. 4: what sits on the shortcut, where BN and ReLU go), two to four of them trained side by
 * side at one depth on the degradation lab's data, seed and initial weights.
 */
export const blockVariantsSchema = defineSchema({
  id: 'block-variants',
  version: 1,
  fields: {
    /** The variants compared (2–4), in the order of the paper's tables. */
    variants: { kind: 'set', values: blockVariantIds, default: ['original', 'scale-shortcut', 'projection', 'full-preact'], minSize: 2, maxSize: 4 },
    depth: { ...trainingFields.depth },
    width: trainingFields.width,
    /** Initial bias b_g of the gates g(x) = σ(x·W_g + b_g): 0 opens them half-way, −6 leaves the shortcut almost an identity (the paper searched 0 … −10). */
    gateBias: { kind: 'int', min: -10, max: 0, default: -6 },
    optimizer: trainingFields.optimizer,
    lr: trainingFields.lr,
    steps: trainingFields.steps,
    seed: trainingFields.seed,
    dataset: { kind: 'enum', values: ['spiral', 'moons', 'circles', 'xor'], default: 'spiral' },
  },
});

export type BlockVariantsState = StateOf<typeof blockVariantsSchema>;
