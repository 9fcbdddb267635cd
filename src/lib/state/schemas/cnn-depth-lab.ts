import { defineSchema, type StateOf } from '../schema';

/** Weighted layers 6n + 2 of He et al.'s CIFAR family for n = 1, 2, 3, 5, 7, 9 (the paper's Fig. 6 has 20–56). */
export const depthLayers = ['8', '14', '20', '32', '44', '56'] as const;

/** The learning rate each optimizer starts from when the reader switches to it (He et al.'s 0.1 for SGD; Adam's usual 0.001). */
export const defaultLr = { sgd: 0.1, adam: 0.001 } as const;

/**
 * `cnn-depth-lab`: plain vs residual CNNs of He et al.'s CIFAR family (6n + 2 layers, widths
 * w/2w/4w, BN, option A or B shortcuts) trained side by side on the shipped digits, at one or more
 * depths: the degradation problem on real images (He et al. 2015, §4.2, Fig. 6).
 */
export const cnnDepthLabSchema = defineSchema({
  id: 'cnn-depth-lab',
  version: 1,
  fields: {
    /** Depths one press of Train trains, plain and residual at each. */
    depths: { kind: 'set', values: depthLayers, default: ['20'], minSize: 1 },
    /** Channels of the first stage (the others have 2× and 4×). */
    width: { kind: 'int', min: 4, max: 16, default: 8, allowed: [4, 8, 16] },
    /** Residual shortcuts where a stage begins: A = zero-padded identity (the paper's CIFAR nets), B = 1×1 projection. */
    shortcut: { kind: 'enum', values: ['A', 'B'], default: 'A' },
    optimizer: { kind: 'enum', values: ['sgd', 'adam'], default: 'sgd' },
    /** Starting learning rate (÷10 at 50 % and 75 % of the run); up to 10 so a link can show a divergence. */
    lr: { kind: 'float', min: 1e-4, max: 10, default: 0.1, digits: 3 },
    /** Optimizer steps of 128 digits (160 ≈ 4 passes over the 5,000 training digits). */
    steps: { kind: 'int', min: 20, max: 800, default: 160 },
    /** Input size: the digits downsampled to 14×14 (default; 4× cheaper) or as shipped, 28×28. */
    size: { kind: 'enum', values: ['14', '28'], default: '14' },
    seed: { kind: 'int', min: 0, max: 9999, default: 0 },
    /** Which digit (the first test digit of this class) the feature maps show. */
    digit: { kind: 'int', min: 0, max: 9, default: 3 },
  },
});

export type CnnDepthLabState = StateOf<typeof cnnDepthLabSchema>;

/** Digits per mini-batch (He et al.'s 128). */
export const BATCH = 128;
/** Error measurements per run (besides the one before training; the last one at the end). */
export const EVALUATIONS = 8;

/**
 * The iterations after which a run measures its errors: the i-th of n at (i/n)² of the run,
 * rounded (half up, as JS rounds), repeats dropped; the last is the end. Error falls fastest
 * early, so the points crowd there, and the first trained point reaches the chart after a few
 * iterations rather than after n-th of the run. 160 iterations, n = 8: 3, 10, 23, 40, 63, 90,
 * 123, 160. The exported notebook computes the same list.
 */
export function evaluationSteps(steps: number, evaluations: number = EVALUATIONS): number[] {
  const n = Math.max(1, Math.floor(evaluations));
  const out: number[] = [];
  for (let i = 1; i <= n; i++) {
    // Integer numerator and denominator, one division: the same double in Python.
    const step = Math.min(steps, Math.max(1, Math.round((steps * i * i) / (n * n))));
    if (step !== out.at(-1)) out.push(step);
  }
  return out;
}
/** Training digits measured at the intermediate evaluations (the final one uses all 5,000). */
export const TRAIN_SAMPLE = 1000;
