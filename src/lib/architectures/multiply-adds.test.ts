import { describe, expect, it } from 'vitest';
import { bn, conv, dense, maxPool } from './layers';
import { leafMultiplyAdds } from './multiply-adds';

describe('leafMultiplyAdds(spec, input, output)', () => {
  it('conv: H_out·W_out·C_out·k²·C_in (ResNet conv1: 112·112·64·7·7·3 = 118,013,952)', () => {
    expect(leafMultiplyAdds(conv('conv1', 7, 64, { stride: 2, padding: 3 }), [224, 224, 3], [112, 112, 64])).toBe(118_013_952);
  });

  it('grouped conv costs 1/groups of the dense one', () => {
    const dense2 = leafMultiplyAdds(conv('a', 3, 384), [13, 13, 384], [13, 13, 384]);
    const grouped = leafMultiplyAdds(conv('b', 3, 384, { groups: 2 }), [13, 13, 384], [13, 13, 384]);
    expect(grouped * 2).toBe(dense2);
  });

  it('fc: one multiply-add per weight, bias ignored (VGG fc6: 25,088·4,096)', () => {
    expect(leafMultiplyAdds(dense('fc6', 4096), [1, 1, 25_088], [1, 1, 4096])).toBe(102_760_448);
  });

  it('BN and pooling count zero by convention', () => {
    expect(leafMultiplyAdds(bn('bn'), [56, 56, 64], [56, 56, 64])).toBe(0);
    expect(leafMultiplyAdds(maxPool('p', 3, 2, 1), [112, 112, 64], [56, 56, 64])).toBe(0);
  });
});
