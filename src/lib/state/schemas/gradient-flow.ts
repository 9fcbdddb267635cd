import { defineSchema, type StateOf } from '../schema';
import { trainingFields } from './training-fields';

/**
 * `gradient-flow`: per-layer weight-gradient norms of a plain and a residual net, at
 * initialisation and during training (same nets and data as the degradation lab).
 */
export const gradientFlowSchema = defineSchema({
  id: 'gradient-flow',
  version: 1,
  fields: {
    ...trainingFields,
    /** `own`: this widget's runs; `lab`: follow the degradation lab's runs on the same page. */
    source: { kind: 'enum', values: ['own', 'lab'], default: 'own' },
  },
});

export type GradientFlowState = StateOf<typeof gradientFlowSchema>;
