import { describe, expect, it } from 'vitest';
import { conv, dense, globalAvgPool, maxPool, relu } from './layers';
import { leafReceptiveField, mergeReceptiveFields, pixelReceptiveField, stackedReceptiveField } from './receptive-field';

describe('stackedReceptiveField(windows)', () => {
  it('two stacked 3×3 convs see 5×5 and three see 7×7 (VGG §2.3)', () => {
    expect(stackedReceptiveField([{ kernel: 3 }, { kernel: 3 }])).toEqual({ size: 5, jump: 1 });
    expect(stackedReceptiveField([{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }])).toEqual({ size: 7, jump: 1 });
  });

  it('a stride multiplies the jump, and later kernels grow the field by (k − 1)·jump', () => {
    // 7×7/2 then 3×3/2 pool (ResNet stem): 7, then 7 + 2·2 = 11 with jump 4.
    expect(stackedReceptiveField([{ kernel: 7, stride: 2 }, { kernel: 3, stride: 2 }])).toEqual({ size: 11, jump: 4 });
  });

  it('a dilated 3×3 (rate 2) sees as far as a 5×5', () => {
    expect(stackedReceptiveField([{ kernel: 3, dilation: 2 }])).toEqual({ size: 5, jump: 1 });
  });
});

describe('leafReceptiveField(spec, rf, input)', () => {
  it('a 1×1 conv with stride 2 keeps the size and doubles the jump', () => {
    const strided = conv('c', 1, 128, { stride: 2, padding: 0 });
    expect(leafReceptiveField(strided, { size: 35, jump: 4 }, [56, 56, 256])).toEqual({ size: 35, jump: 8 });
  });

  it('pooling grows the field like a conv of the same window', () => {
    expect(leafReceptiveField(maxPool('p', 2, 2), { size: 196, jump: 16 }, [14, 14, 512])).toEqual({ size: 212, jump: 32 });
  });

  it('global pooling sees the whole map: 7×7 at jump 32 adds 6·32', () => {
    expect(leafReceptiveField(globalAvgPool('g'), { size: 483, jump: 32 }, [7, 7, 2048])).toEqual({ size: 675, jump: 32 });
  });

  it('ReLU and a dense layer on a vector add nothing', () => {
    expect(leafReceptiveField(relu('r'), { size: 5, jump: 1 }, [8, 8, 8])).toEqual({ size: 5, jump: 1 });
    expect(leafReceptiveField(dense('fc', 10), { size: 99, jump: 4 }, [1, 1, 64])).toEqual({ size: 99, jump: 4 });
  });

  it('the input pixel sees itself', () => {
    expect(pixelReceptiveField).toEqual({ size: 1, jump: 1 });
  });
});

describe('mergeReceptiveFields(fields)', () => {
  it('takes the largest field where paths meet', () => {
    const branches = [
      { size: 27, jump: 8 },
      { size: 59, jump: 8 },
      { size: 43, jump: 8 },
    ];
    expect(mergeReceptiveFields(branches)).toEqual({ size: 59, jump: 8 });
  });

  it('refuses paths on different grids', () => {
    expect(() => mergeReceptiveFields([{ size: 5, jump: 1 }, { size: 5, jump: 2 }])).toThrow(/jump/);
  });
});
