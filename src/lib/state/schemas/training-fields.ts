import type { FieldSpec } from '../schema';

/** Even depths 2…64: residual nets are built from blocks of two layers. */
export const depthChoices = Array.from({ length: 32 }, (_, i) => 2 * (i + 1));

/**
 * The settings of a plain-vs-residual training run, shared by every widget that trains the
 * degradation lab's nets (same names, ranges and defaults, so links mean the same everywhere).
 */
export const trainingFields = {
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
} as const satisfies Record<string, FieldSpec>;
