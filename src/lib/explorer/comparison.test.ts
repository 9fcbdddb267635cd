import { describe, expect, it } from 'vitest';
import { bibliography } from '../../data/bibliography';
import { analyzeArchitecture, architectureCatalogue } from '../architectures';
import { comparisonModels, comparisonRows } from './comparison';

describe('comparison of the classic networks', () => {
  const rows = comparisonRows();

  it('covers AlexNet, VGG-16/19, GoogLeNet and ResNet-18…152 (and plain-34)', () => {
    expect(rows.map((r) => r.id)).toEqual(['alexnet', 'vgg16', 'vgg19', 'googlenet', 'plain34', 'resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152']);
  });

  it('parameter counts are computed, every digit', () => {
    const params = Object.fromEntries(rows.map((r) => [r.id, r.params]));
    expect(params).toMatchObject({
      alexnet: 60_965_224,
      vgg16: 138_357_544,
      vgg19: 143_667_240,
      googlenet: 6_998_552,
      resnet18: 11_689_512,
      resnet34: 21_797_672,
      resnet50: 25_557_032,
      resnet101: 44_549_160,
      resnet152: 60_192_808,
    });
    for (const r of rows) {
      const entry = architectureCatalogue.find((e) => e.id === r.id)!;
      expect(r.macs).toBe(analyzeArchitecture(entry.build()).totals.macs);
    }
  });

  it('cites the top-5 errors of factcheck B1–B3: single models (val, 10 crops) and ensembles (test) apart', () => {
    const single = Object.fromEntries(rows.filter((r) => r.single).map((r) => [r.id, r.single!.error]));
    expect(single).toEqual({ alexnet: 18.2, vgg16: 9.33, googlenet: 9.15, plain34: 10.02, resnet34: 7.46, resnet50: 6.71, resnet101: 6.05, resnet152: 5.71 });
    const ensemble = Object.fromEntries(rows.filter((r) => r.ensemble).map((r) => [r.id, [r.ensemble!.error, r.ensemble!.members, r.ensemble!.year]]));
    expect(ensemble).toEqual({ alexnet: [15.3, 7, 2012], vgg16: [7.3, 7, 2014], googlenet: [6.67, 7, 2014], resnet152: [3.57, 6, 2015] });
    for (const m of comparisonModels) {
      for (const r of m.results) {
        expect(r.set).toBe(r.kind === 'single' ? 'val' : 'test');
        expect(Object.keys(bibliography)).toContain(r.cite);
      }
    }
  });

  it('published figures come from papers only (no framework docs)', () => {
    for (const r of rows) {
      for (const f of [r.publishedParams, r.publishedMacs]) if (f) expect(f.cite).toBeDefined();
    }
    expect(rows.find((r) => r.id === 'resnet50')?.publishedMacs?.value).toBe(3.8e9);
  });
});
