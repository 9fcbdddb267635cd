import { describe, expect, it } from 'vitest';
import { analyzeArchitecture } from '../analyze';
import type { ConcatSpec, ConvSpec } from '../layer-spec';
import { summary } from '../summary';
import { googlenet } from './googlenet';

const paper = () => analyzeArchitecture(googlenet());
const torchvision = () => analyzeArchitecture(googlenet({ variant: 'torchvision' }));

describe('googlenet()', () => {
  it('shrinks the map 224 → 112 → 56 → 28 → 14 → 7 and ends at 7×7×1024 before pooling', () => {
    const out = new Map(summary(googlenet()).map((r) => [r.name, r.outShape]));
    expect(out.get('conv1/7x7_s2')).toEqual([112, 112, 64]);
    expect(out.get('pool1/3x3_s2')).toEqual([56, 56, 64]);
    expect(out.get('pool2/3x3_s2')).toEqual([28, 28, 192]);
    expect(out.get('pool3/3x3_s2')).toEqual([14, 14, 480]);
    expect(out.get('pool4/3x3_s2')).toEqual([7, 7, 832]);
    expect(out.get('inception_5b/output')).toEqual([7, 7, 1024]);
    expect(out.get('pool5/7x7_s1')).toEqual([1, 1, 1024]);
  });

  it('concatenates the Inception widths of Table 1: 256, 480, 512, 512, 512, 528, 832, 832, 1024', () => {
    const widths = summary(googlenet())
      .filter((r) => r.kind === 'concat')
      .map((r) => r.outShape[2]);
    expect(widths).toEqual([256, 480, 512, 512, 512, 528, 832, 832, 1024]);
  });

  it('is 22 layers deep counting layers with parameters, with 57 convs and 1 fc in all', () => {
    expect(paper().totals).toMatchObject({ depth: 22, convLayers: 57, fcLayers: 1 });
  });

  it('uses a true 5×5 in branch 3', () => {
    const module = googlenet().stages[1]?.blocks[0]?.layers[0] as ConcatSpec;
    expect((module.branches[2]?.find((l) => l.name === 'inception_3a/5x5') as ConvSpec).kernel).toBe(5);
  });

  it('has 6,998,552 parameters on the main path (≈ 7.0 M; Table 1 rows sum to ≈ 6.8 M)', () => {
    expect(paper().totals.params).toBe(6_998_552);
  });

  it('adds 3,188,840 and 3,190,888 parameters with its two auxiliary heads (13,378,280 in training)', () => {
    const report = paper();
    expect(report.auxiliary.map((a) => [a.input, a.params])).toEqual([
      [[14, 14, 512], 3_188_840],
      [[14, 14, 528], 3_190_888],
    ]);
    expect(report.withAuxiliary.params).toBe(13_378_280);
  });

  it('pools 14×14 to 4×4 in the auxiliary heads, so their first fc sees 4·4·128 = 2,048 values', () => {
    const rows = summary(googlenet(), { auxiliary: true });
    expect(rows.find((r) => r.name === 'loss1/ave_pool')?.outShape).toEqual([4, 4, 512]);
    expect(rows.find((r) => r.name === 'loss1/flatten')?.outShape).toEqual([1, 1, 2048]);
  });

  it('costs 128 M multiply-adds in (3a) and 304 M in (3b), as in Table 1', () => {
    const macs = new Map(analyzeArchitecture(googlenet()).stages[1]?.blocks.map((b) => [b.name, b.macs]));
    expect(Math.round((macs.get('inception (3a)') ?? 0) / 1e6)).toBe(128);
    expect(Math.round((macs.get('inception (3b)') ?? 0) / 1e6)).toBe(304);
  });

  it('costs ≈ 1.5 G multiply-adds: 1.58 G as in the paper, 1.50 G as in torchvision', () => {
    expect(Number((paper().totals.macs / 1e9).toFixed(2))).toBe(1.58);
    expect(Number((torchvision().totals.macs / 1e9).toFixed(2))).toBe(1.5);
  });
});

describe('googlenet({ variant: "torchvision" })', () => {
  it('reproduces torchvision’s 6,624,904 parameters exactly (aux_logits=False)', () => {
    expect(torchvision().totals.params).toBe(6_624_904);
  });

  it('differs from the paper by a 3×3 branch 3 and conv + BN instead of conv + bias', () => {
    const paperCount = paper().totals.params;
    // A 5×5 → 3×3 kernel saves 16 weights per (#5×5 reduce · #5×5) pair, summed over the nine modules.
    const reduceTimesWide = [16 * 32, 32 * 96, 16 * 48, 24 * 64, 24 * 64, 32 * 64, 32 * 128, 32 * 128, 48 * 128];
    const smallerKernels = 16 * reduceTimesWide.reduce((a, b) => a + b, 0);
    // Each conv channel loses its bias (−1) and gains BN γ and β (+2): +1 per conv channel.
    const convChannels = torchvision().totals.bnStats / 2;
    expect(smallerKernels).toBe(380_928);
    expect(convChannels).toBe(7280);
    expect(paperCount - smallerKernels + convChannels).toBe(6_624_904);
  });

  it('keeps 14,560 BN running statistics that Keras/TF.js count and PyTorch does not', () => {
    expect(torchvision().totals.bnStats).toBe(14_560);
  });
});
