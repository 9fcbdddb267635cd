/**
 * Parameter counting for leaf layers.
 *
 * Two numbers are kept apart:
 * - `params`: trainable parameters, learned by gradient descent: conv and dense weights and
 *   biases, and BN's scale γ and shift β (2 per channel). This is what papers and torchvision
 *   report (`sum(p.numel() for p in model.parameters())`).
 * - `bnStats`: BN's running mean and running variance (2 per channel). They are part of the saved
 *   model but are updated by averaging, not trained. PyTorch stores them as buffers and leaves
 *   them out of `parameters()`; Keras and TF.js keep them as non-trainable weights, so their
 *   `countParams()` equals `params + bnStats`.
 */
import type { Shape } from './layer-spec';
import type { LeafSpec } from './output-shape';

export interface ParameterCount {
  /** Trainable parameters (weights, biases, BN γ and β). */
  params: number;
  /** Non-trainable BN running statistics (mean and variance), 2 per channel. */
  bnStats: number;
}

const none: ParameterCount = { params: 0, bnStats: 0 };

/**
 * Parameters of a leaf layer given its input shape `[H, W, C_in]`.
 * - conv: `k² · C_in/groups · C_out` weights `+ C_out` if it has a bias.
 * - fc on `[1, 1, n]`: `n · units + units`.
 * - bn: `2·C` trainable and `2·C` statistics.
 *
 * @example leafParameters(conv('conv1_1', 3, 64, { bias: true }), [224, 224, 3]) // → { params: 1792, bnStats: 0 }
 */
export function leafParameters(spec: LeafSpec, input: Shape): ParameterCount {
  const channels = input[2];
  switch (spec.kind) {
    case 'conv': {
      const groups = spec.groups ?? 1;
      const weights = spec.kernel * spec.kernel * (channels / groups) * spec.outChannels;
      return { params: weights + (spec.bias ? spec.outChannels : 0), bnStats: 0 };
    }
    case 'fc':
      return { params: channels * spec.units + (spec.bias ? spec.units : 0), bnStats: 0 };
    case 'bn':
      return { params: 2 * channels, bnStats: 2 * channels };
    default:
      return none;
  }
}
