/**
 * The per-resolution cost table of the introduction (VGG-19 against ResNet-34) is computed from
 * the architecture specifications: its rows add up to the analysed totals, which match the
 * papers, and it shows what the prose says — VGG's parameters sit in the fully connected layers,
 * its computation in the convolutions on large feature maps.
 */
import { describe, expect, it } from 'vitest';
import { stageCosts } from '../../src/data/stage-costs';
import { analyzeArchitecture, resnet, vgg } from '../../src/lib/architectures';

const table = stageCosts();
const row = (key: number | 'classifier') => table.rows.find((r) => r.key === key)!;

describe('stageCosts(vgg(19), resnet(34))', () => {
  it('rows run from 224×224 down to 7×7, then the classifier', () => {
    expect(table.rows.map((r) => r.key)).toEqual([224, 112, 56, 28, 14, 7, 'classifier']);
  });

  it('the rows add up to the totals of analyzeArchitecture', () => {
    for (const [side, spec] of [['a', vgg(19)], ['b', resnet(34)]] as const) {
      const totals = analyzeArchitecture(spec).totals;
      expect(table.totals[side].params).toBe(totals.params);
      expect(table.totals[side].macs).toBe(totals.macs);
    }
  });

  it('the totals agree with the papers: VGG-19 144 M parameters and 19.6 G multiply-adds, ResNet-34 3.6 G, 19 and 34 weighted layers', () => {
    expect(Math.round(table.totals.a.params / 1e6)).toBe(144);
    expect(table.totals.a.macs / 1e9).toBeCloseTo(19.6, 1);
    expect(table.totals.b.macs / 1e9).toBeCloseTo(3.6, 0);
    expect(table.totals.a.layers).toBe(19);
    expect(table.totals.b.layers).toBe(34);
  });

  it('VGG-19 keeps most parameters in its fully connected layers but spends under 1% of its multiply-adds there', () => {
    expect(row('classifier').a.params / table.totals.a.params).toBeGreaterThan(0.85);
    expect(row('classifier').a.macs / table.totals.a.macs).toBeLessThan(0.01);
  });

  it('at full resolution VGG computes and ResNet does not: 224×224 and 112×112 cost VGG-19 over 20 times what they cost ResNet-34', () => {
    const hi = (s: 'a' | 'b') => row(224)[s].macs + row(112)[s].macs;
    expect(hi('a')).toBeGreaterThan(20 * hi('b'));
    expect(row(224).b.layers).toBe(0);
    expect(row(56).a.channels).toBe(256);
    expect(row(56).b.channels).toBe(64);
  });
});
