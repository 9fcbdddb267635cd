import { defineSchema, type StateOf } from '../schema';
import { depthChoices } from './degradation-lab';

/**
 * `gradient-flow`: per-layer weight-gradient norms of a plain and a residual net, at
 * initialisation and during training (same nets and data as the degradation lab).
 */
export const gradientFlowSchema = defineSchema({
  id: 'gradient-flow',
  version: 1,
  fields: {
    depth: { kind: 'int', min: 2, max: 64, default: 32, allowed: depthChoices },
    width: { kind: 'int', min: 8, max: 64, default: 32, allowed: [8, 16, 32, 64] },
    bn: { kind: 'bool', default: true },
    optimizer: { kind: 'enum', values: ['adam', 'sgd'], default: 'adam' },
    lr: { kind: 'float', min: 1e-4, max: 10, default: 1e-3, digits: 3 },
    steps: { kind: 'int', min: 50, max: 2000, default: 400 },
    seed: { kind: 'int', min: 0, max: 9999, default: 0 },
    /** `own`: this widget's runs; `lab`: follow the degradation lab's runs on the same page. */
    source: { kind: 'enum', values: ['own', 'lab'], default: 'own' },
  },
});

export type GradientFlowState = StateOf<typeof gradientFlowSchema>;
