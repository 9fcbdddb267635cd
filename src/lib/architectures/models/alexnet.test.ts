import { describe, expect, it } from 'vitest';
import { analyzeArchitecture } from '../analyze';
import { summary } from '../summary';
import { alexnet } from './alexnet';

describe('alexnet(options)', () => {
  it('with the paper’s two-GPU grouping has 60,965,224 parameters (61.0 M; "60 million" in the paper)', () => {
    expect(analyzeArchitecture(alexnet()).totals.params).toBe(60_965_224);
  });

  it('without grouping has 62,378,344 parameters: conv2, conv4 and conv5 see all channels', () => {
    expect(analyzeArchitecture(alexnet({ groups: 1 })).totals.params).toBe(62_378_344);
  });

  it('costs about 0.72 G multiply-adds', () => {
    expect(Number((analyzeArchitecture(alexnet()).totals.macs / 1e9).toFixed(2))).toBe(0.72);
  });

  it('has 5 conv + 3 fc = 8 weight layers', () => {
    expect(analyzeArchitecture(alexnet()).totals).toMatchObject({ convLayers: 5, fcLayers: 3, depth: 8 });
  });

  it('maps 227×227 to 55, 27, 13 and 6×6×256 (9,216 inputs to fc6)', () => {
    const out = new Map(summary(alexnet()).map((r) => [r.name, r.outShape]));
    expect(out.get('conv1')).toEqual([55, 55, 96]);
    expect(out.get('pool1')).toEqual([27, 27, 96]);
    expect(out.get('pool2')).toEqual([13, 13, 256]);
    expect(out.get('pool5')).toEqual([6, 6, 256]);
    expect(out.get('flatten')).toEqual([1, 1, 9216]);
  });
});
