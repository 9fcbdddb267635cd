import { describe, expect, it } from 'vitest';
import { analyzeArchitecture } from '../analyze';
import { summary } from '../summary';
import { cifarResNet } from './cifar-resnet';

describe('cifarResNet(depth)', () => {
  it.each([
    [20, 269_722, 0.27],
    [32, 464_154, 0.46],
    [44, 658_586, 0.66],
    [56, 853_018, 0.85],
  ] as const)('ResNet-%i has %i parameters (Table 6: %f M)', (depth, params, millions) => {
    const { totals } = analyzeArchitecture(cifarResNet(depth));
    expect(totals.params).toBe(params);
    expect(Number((totals.params / 1e6).toFixed(2))).toBe(millions);
  });

  it('ResNet-110 has 1.7 M parameters and ResNet-1202 19.4 M (Table 6)', () => {
    expect(Number((analyzeArchitecture(cifarResNet(110)).totals.params / 1e6).toFixed(1))).toBe(1.7);
    expect(Number((analyzeArchitecture(cifarResNet(1202)).totals.params / 1e6).toFixed(1))).toBe(19.4);
  });

  it('has 6n + 2 weight layers: 3×3 conv1, 3 stages × n blocks × 2 convs, fc', () => {
    for (const depth of [20, 56, 110]) expect(analyzeArchitecture(cifarResNet(depth)).totals.depth).toBe(depth);
  });

  it('works on 32×32, 16×16 and 8×8 maps with 16, 32 and 64 filters', () => {
    const outputs = analyzeArchitecture(cifarResNet(20)).stages.map((s) => s.output);
    expect(outputs).toEqual([
      [32, 32, 16],
      [32, 32, 16],
      [16, 16, 32],
      [8, 8, 64],
      [1, 1, 10],
    ]);
  });

  it('uses option A: two zero-padding shortcuts, no projection, so shortcuts add no parameters', () => {
    const spec = cifarResNet(56);
    const layers = spec.stages.flatMap((s) => s.blocks.flatMap((b) => b.layers));
    const shortcuts = layers.flatMap((l) => (l.kind === 'residual' ? [l.shortcut.kind] : []));
    expect(shortcuts.filter((k) => k === 'zero-pad')).toHaveLength(2);
    expect(shortcuts).not.toContain('projection');
    const plain = cifarResNet(56, { shortcut: 'none' });
    expect(analyzeArchitecture(spec).totals.params).toBe(analyzeArchitecture(plain).totals.params);
  });

  it('the plain variant has the same layers without residual units', () => {
    expect(summary(cifarResNet(20, { shortcut: 'none' })).some((r) => r.kind === 'residual')).toBe(false);
  });

  it('refuses depths that are not 6n + 2', () => {
    expect(() => cifarResNet(21)).toThrow(/6n \+ 2/);
    expect(() => cifarResNet(2)).toThrow(RangeError);
  });
});
