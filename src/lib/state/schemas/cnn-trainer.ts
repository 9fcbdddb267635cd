import { defineSchema, type StateOf } from '../schema';

/**
 * `cnn-trainer`: a tiny CNN (conv 3×3 → ReLU → pool → conv 3×3 → ReLU → pool → dense) trained on
 * the shipped MNIST subset, with logistic regression on raw pixels for contrast.
 */
export const cnnTrainerSchema = defineSchema({
  id: 'cnn-trainer',
  version: 1,
  fields: {
    /** Passes over the 5,000 training digits. */
    epochs: { kind: 'int', min: 1, max: 10, default: 4 },
    /** Digits per mini-batch. */
    batch: { kind: 'int', min: 16, max: 128, default: 32, allowed: [16, 32, 64, 128] },
    /** Adam's starting learning rate (it decays along a cosine to 5 % of it). */
    lr: { kind: 'float', min: 1e-4, max: 0.03, default: 0.004, digits: 3 },
    /** Filters of the first and the second convolution. */
    filters1: { kind: 'int', min: 4, max: 16, default: 8, allowed: [4, 8, 16] },
    filters2: { kind: 'int', min: 8, max: 32, default: 16, allowed: [8, 16, 32] },
    seed: { kind: 'int', min: 0, max: 9999, default: 0 },
    /** Also train logistic regression on raw pixels. */
    contrast: { kind: 'bool', default: true },
    /** Which of the ten sample test digits (one per class, 0–9) the feature maps show. */
    digit: { kind: 'int', min: 0, max: 9, default: 2 },
  },
});

export type CnnTrainerState = StateOf<typeof cnnTrainerSchema>;

/** Accuracy measurements per epoch (besides one before training). */
export const EVALS_PER_EPOCH = 2;
