import { describe, expect, it } from 'vitest';
import { conv, dense, flatten, globalAvgPool, maxPool, relu } from './layers';
import { leafOutputShape, spatialOutputSize } from './output-shape';

describe('spatialOutputSize(size, window)', () => {
  it('spatialOutputSize(224, 7×7/2, p=3) gives 112 (conv1 of ResNet and GoogLeNet)', () => {
    expect(spatialOutputSize(224, { kernel: 7, stride: 2, padding: 3 })).toBe(112);
  });

  it('spatialOutputSize(32, 3×3/1, p=1) keeps 32 ("same" padding)', () => {
    expect(spatialOutputSize(32, { kernel: 3, stride: 1, padding: 1 })).toBe(32);
  });

  it('rounds down by default and up with ceilMode: 112 → 55 or 56 for a 3×3/2 pool', () => {
    expect(spatialOutputSize(112, { kernel: 3, stride: 2, padding: 0 })).toBe(55);
    expect(spatialOutputSize(112, { kernel: 3, stride: 2, padding: 0, ceilMode: true })).toBe(56);
  });

  it('with ceilMode drops a last window that would start in the padding, as PyTorch does', () => {
    // 5 + 2·1 − 2 = 5 → ⌈5/2⌉ + 1 = 4 windows, but the 4th would start at 6 ≥ 5 + 1.
    expect(spatialOutputSize(5, { kernel: 2, stride: 2, padding: 1, ceilMode: true })).toBe(3);
  });

  it('counts the span of a dilated kernel: 3×3 with dilation 2 spans 5', () => {
    expect(spatialOutputSize(14, { kernel: 3, stride: 1, padding: 2, dilation: 2 })).toBe(14);
    expect(spatialOutputSize(14, { kernel: 3, stride: 1, padding: 0, dilation: 2 })).toBe(10);
  });

  it('throws when the window does not fit', () => {
    expect(() => spatialOutputSize(4, { kernel: 7, stride: 1, padding: 0 })).toThrow(RangeError);
  });
});

describe('leafOutputShape(spec, [H, W, C])', () => {
  it('conv sets the channels: [224, 224, 3] → [112, 112, 64]', () => {
    expect(leafOutputShape(conv('c', 7, 64, { stride: 2, padding: 3 }), [224, 224, 3])).toEqual([112, 112, 64]);
  });

  it('pooling keeps the channels: VGG pool5 [14, 14, 512] → [7, 7, 512]', () => {
    expect(leafOutputShape(maxPool('p', 2, 2), [14, 14, 512])).toEqual([7, 7, 512]);
  });

  it('flatten makes a vector [1, 1, H·W·C]: 7×7×512 → 25,088', () => {
    expect(leafOutputShape(flatten('f'), [7, 7, 512])).toEqual([1, 1, 25_088]);
  });

  it('global average pooling keeps one value per channel', () => {
    expect(leafOutputShape(globalAvgPool('g'), [7, 7, 2048])).toEqual([1, 1, 2048]);
  });

  it('a dense layer maps [1, 1, n] to [1, 1, units] and refuses a feature map', () => {
    expect(leafOutputShape(dense('fc', 1000), [1, 1, 2048])).toEqual([1, 1, 1000]);
    expect(() => leafOutputShape(dense('fc', 1000), [7, 7, 512])).toThrow(/flatten or pool first/);
  });

  it('element-wise layers keep the shape', () => {
    expect(leafOutputShape(relu('r'), [56, 56, 64])).toEqual([56, 56, 64]);
  });

  it('grouped conv needs the groups to divide both channel counts', () => {
    expect(() => leafOutputShape(conv('g', 3, 64, { groups: 2 }), [8, 8, 3])).toThrow(/groups/);
  });
});
