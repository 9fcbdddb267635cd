import { defineSchema, type StateOf } from '../schema';

/** Even depths 2…64: residual nets are built from blocks of two layers. */
export const depthChoices = Array.from({ length: 32 }, (_, i) => 2 * (i + 1));
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
    /** Body layers (hidden Dense layers), even. */
    depth: { kind: 'int', min: 2, max: 64, default: 32, allowed: depthChoices },
    /** Units per hidden layer. */
    width: { kind: 'int', min: 8, max: 64, default: 32, allowed: [8, 16, 32, 64] },
    bn: { kind: 'bool', default: true },
    optimizer: { kind: 'enum', values: ['adam', 'sgd'], default: 'adam' },
    /** Learning rate; up to 10 so a link can show what divergence looks like (the run stops with a message). */
    lr: { kind: 'float', min: 1e-4, max: 10, default: 1e-3, digits: 3 },
    /** Optimisation steps (mini-batches of 64). */
    steps: { kind: 'int', min: 50, max: 2000, default: 400 },
    seed: { kind: 'int', min: 0, max: 9999, default: 0 },
    dataset: { kind: 'enum', values: ['spiral', 'moons', 'circles', 'xor'], default: 'spiral' },
    arch: { kind: 'set', values: ['plain', 'residual'], default: ['plain', 'residual'], minSize: 1 },
    /** `single`: one depth; `sweep`: final loss vs depth for 2…64. */
    mode: { kind: 'enum', values: ['single', 'sweep'], default: 'single' },
  },
});

export type DegradationLabState = StateOf<typeof degradationLabSchema>;
