import { describe, expect, it } from 'vitest';
import { bn, conv, dense, maxPool, relu } from './layers';
import { leafParameters } from './parameter-count';

describe('leafParameters(spec, input)', () => {
  it('conv: k²·C_in·C_out weights plus C_out biases (VGG conv1_1: 3·3·3·64 + 64 = 1,792)', () => {
    expect(leafParameters(conv('conv1_1', 3, 64, { bias: true }), [224, 224, 3])).toEqual({ params: 1792, bnStats: 0 });
  });

  it('conv without bias (before BN) has weights only (ResNet conv1: 7·7·3·64 = 9,408)', () => {
    expect(leafParameters(conv('conv1', 7, 64, { stride: 2, padding: 3 }), [224, 224, 3]).params).toBe(9408);
  });

  it('grouped conv: each filter sees C_in / groups channels (AlexNet conv2: 5·5·48·256 + 256)', () => {
    expect(leafParameters(conv('conv2', 5, 256, { bias: true, groups: 2 }), [27, 27, 96]).params).toBe(307_456);
  });

  it('does not depend on the spatial size of the input', () => {
    const c = conv('c', 3, 128);
    expect(leafParameters(c, [56, 56, 64])).toEqual(leafParameters(c, [7, 7, 64]));
  });

  it('fc: n_in·n_out + n_out (VGG fc6: 25,088·4,096 + 4,096 = 102,764,544)', () => {
    expect(leafParameters(dense('fc6', 4096), [1, 1, 25_088]).params).toBe(102_764_544);
  });

  it('BN: 2·C trainable (γ, β) and 2·C running statistics (mean, variance)', () => {
    expect(leafParameters(bn('bn'), [56, 56, 256])).toEqual({ params: 512, bnStats: 512 });
  });

  it('ReLU and pooling have no parameters', () => {
    expect(leafParameters(relu('r'), [56, 56, 64])).toEqual({ params: 0, bnStats: 0 });
    expect(leafParameters(maxPool('p', 3, 2, 1), [112, 112, 64])).toEqual({ params: 0, bnStats: 0 });
  });
});
