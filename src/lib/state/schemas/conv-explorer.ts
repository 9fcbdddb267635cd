import { defineSchema, type StateOf } from '../schema';
import { flattenKernel, kernelPresets, presetKernel } from '../../ml/conv-presets';

/** Number of sample digits shipped with the explorer (src/widgets/conv-explorer/digits.json). */
export const sampleDigitCount = 12;

/**
 * `conv-explorer`: one convolutional layer on a 28×28 digit, by hand — kernel (preset or the
 * reader's cells), stride, padding, dilation, then ReLU and pooling; the output-size formula and
 * the parameter count of a layer with C_in input and C_out output channels.
 */
export const convExplorerSchema = defineSchema({
  id: 'conv-explorer',
  version: 1,
  fields: {
    /** Which shipped digit is the input (0-based index into digits.json). */
    digit: { kind: 'int', min: 0, max: sampleDigitCount - 1, default: 8 },
    /** k, kernel side. */
    size: { kind: 'int', min: 3, max: 5, default: 3, allowed: [3, 5] },
    /** A named kernel, or `custom`: the cells in `weights`. */
    kernel: { kind: 'enum', values: [...kernelPresets, 'custom'], default: 'edge-v' },
    /** Row-major kernel cells (k² numbers); presets write their own cells here too. */
    weights: { kind: 'list', min: -10, max: 10, lengths: [9, 25], default: flattenKernel(presetKernel('edge-v', 3)), digits: 3 },
    stride: { kind: 'int', min: 1, max: 4, default: 1 },
    padding: { kind: 'int', min: 0, max: 3, default: 1 },
    dilation: { kind: 'int', min: 1, max: 3, default: 1 },
    relu: { kind: 'bool', default: true },
    pool: { kind: 'enum', values: ['none', 'max', 'avg'], default: 'max' },
    /** Pooling window side; its stride equals its side (non-overlapping windows). */
    poolSize: { kind: 'int', min: 2, max: 3, default: 2 },
    /** Channels of the hypothetical layer whose parameters are counted. */
    cin: { kind: 'int', min: 1, max: 2048, default: 64 },
    cout: { kind: 'int', min: 1, max: 2048, default: 64 },
    bias: { kind: 'bool', default: true },
  },
});

export type ConvExplorerState = StateOf<typeof convExplorerSchema>;
