import { defineSchema, type StateOf } from '../schema';

/** Stage widths of an ImageNet ResNet (He et al. 2016a, Table 1), and the CIFAR-10 ones. */
export const blockWidths = [16, 32, 64, 128, 256, 512] as const;
/** Output feature-map sides: ImageNet stages 56…7, CIFAR-10 stages 32…8. */
export const blockSizes = [7, 8, 14, 16, 28, 32, 56] as const;

/**
 * `residual-block`: one residual block — basic or bottleneck, shortcut option A/B/C, original or
 * pre-activation order — with its diagram, equation, parameters and multiply-adds.
 */
export const residualBlockSchema = defineSchema({
  id: 'residual-block',
  version: 1,
  fields: {
    block: { kind: 'enum', values: ['basic', 'bottleneck'], default: 'basic' },
    /** He et al. 2016a §3.3: A zero-padding, B projection where the shape changes, C projection everywhere. */
    shortcut: { kind: 'enum', values: ['A', 'B', 'C'], default: 'B' },
    /** First block of a stage: stride 2 and twice the channels (the shape changes). */
    downsample: { kind: 'bool', default: false },
    /** `post`: BN and ReLU after each conv, ReLU after the addition (2015); `pre`: BN → ReLU → conv, nothing after the addition (2016). */
    act: { kind: 'enum', values: ['post', 'pre'], default: 'post' },
    /** Stage width: channels of a basic block, inner width of a bottleneck (which outputs 4× as many). */
    width: { kind: 'int', min: 16, max: 512, default: 64, allowed: [...blockWidths] },
    /** Output feature-map side in pixels. */
    size: { kind: 'int', min: 7, max: 56, default: 56, allowed: [...blockSizes] },
  },
});

export type ResidualBlockState = StateOf<typeof residualBlockSchema>;
