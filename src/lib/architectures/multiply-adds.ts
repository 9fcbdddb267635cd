/**
 * Multiply-accumulate counts (MACs) for leaf layers.
 *
 * Convention: only convolutions and fully connected layers are counted, one MAC per weight use,
 * biases ignored. This is what He et al. (2016a, Table 1 and §3.3) call "FLOPs" ("multiply-adds"):
 * VGG-19 19.6 G, ResNet-34 3.6 G, ResNet-50 3.8 G. Pooling, BN, ReLU, LRN, softmax and residual
 * additions are left out; they are cheap next to the convolutions (BN can even be folded into the
 * preceding conv at inference). Tools that count a multiply-add as two floating-point operations
 * report about twice these numbers.
 */
import type { Shape } from './layer-spec';
import type { LeafSpec } from './output-shape';

/**
 * MACs of one leaf layer for one image, given its input and output shapes `[H, W, C]`.
 * - conv: `H_out · W_out · C_out · k² · C_in/groups`.
 * - fc: `n_in · n_out`.
 *
 * @example leafMultiplyAdds(conv('conv1', 7, 64, { stride: 2, padding: 3 }), [224, 224, 3], [112, 112, 64])
 *          // → 118,013,952 (ResNet conv1, 0.118 G)
 */
export function leafMultiplyAdds(spec: LeafSpec, input: Shape, output: Shape): number {
  switch (spec.kind) {
    case 'conv': {
      const groups = spec.groups ?? 1;
      const [h, w, cOut] = output;
      return h * w * cOut * spec.kernel * spec.kernel * (input[2] / groups);
    }
    case 'fc':
      return input[2] * output[2];
    default:
      return 0;
  }
}
