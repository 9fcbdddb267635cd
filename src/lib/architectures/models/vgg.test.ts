import { describe, expect, it } from 'vitest';
import { analyzeArchitecture } from '../analyze';
import { summary } from '../summary';
import { vgg } from './vgg';

const sig = (x: number, digits: number) => Number(x.toPrecision(digits));

describe('vgg(depth)', () => {
  it('vgg(16) is configuration D: 13 conv + 3 fc = 16 weight layers', () => {
    const { totals } = analyzeArchitecture(vgg(16));
    expect(totals).toMatchObject({ convLayers: 13, fcLayers: 3, depth: 16 });
  });

  it('vgg(19) is configuration E: 16 conv + 3 fc = 19 weight layers', () => {
    const { totals } = analyzeArchitecture(vgg(19));
    expect(totals).toMatchObject({ convLayers: 16, fcLayers: 3, depth: 19 });
  });

  it('vgg(16) has 138,357,544 parameters (torchvision; VGG Table 2: 138 M), all trainable', () => {
    const { totals } = analyzeArchitecture(vgg(16));
    expect(totals.params).toBe(138_357_544);
    expect(totals.bnStats).toBe(0);
  });

  it('vgg(19) has 143,667,240 parameters (torchvision; VGG Table 2: 144 M)', () => {
    expect(analyzeArchitecture(vgg(19)).totals.params).toBe(143_667_240);
  });

  it('fc6 alone holds 102,764,544 parameters, about 74 % of VGG-16', () => {
    const fc6 = summary(vgg(16)).find((r) => r.name === 'fc6');
    expect(fc6?.params).toBe(102_764_544);
    expect(Math.round(((fc6?.params ?? 0) / 138_357_544) * 100)).toBe(74);
  });

  it('costs 15.5 G multiply-adds (VGG-16) and 19.6 G (VGG-19), to 3 significant figures', () => {
    expect(sig(analyzeArchitecture(vgg(16)).totals.macs / 1e9, 3)).toBe(15.5);
    expect(sig(analyzeArchitecture(vgg(19)).totals.macs / 1e9, 3)).toBe(19.6);
  });

  it('halves the map five times, 224 → 7, and flattens 7×7×512 into 25,088 inputs for fc6', () => {
    const report = analyzeArchitecture(vgg(16));
    expect(report.stages.map((s) => s.output)).toEqual([
      [112, 112, 64],
      [56, 56, 128],
      [28, 28, 256],
      [14, 14, 512],
      [7, 7, 512],
      [1, 1, 1000],
    ]);
    expect(summary(report).find((r) => r.name === 'flatten')?.outShape).toEqual([1, 1, 25_088]);
  });

  it('matches the receptive fields of google-research/receptive_field for vgg_16 (pool5: 212, jump 32)', () => {
    const rf = new Map(summary(vgg(16)).map((r) => [r.name, r.rf]));
    const table: [string, number, number][] = [
      ['conv1_1', 3, 1],
      ['pool1', 6, 2],
      ['conv2_1', 10, 2],
      ['pool2', 16, 4],
      ['conv3_1', 24, 4],
      ['conv3_2', 32, 4],
      ['pool3', 44, 8],
      ['conv4_1', 60, 8],
      ['conv4_2', 76, 8],
      ['pool4', 100, 16],
      ['conv5_1', 132, 16],
      ['conv5_2', 164, 16],
      ['pool5', 212, 32],
    ];
    for (const [name, size, jump] of table) expect(rf.get(name), name).toEqual({ size, jump });
  });
});
