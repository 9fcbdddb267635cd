import { describe, expect, it } from 'vitest';
import { blockVariant, blockVariantIds, blockVariants, paperError, paperTable1, paperTable2 } from './block-variants.ts';

describe('block variants of He et al. 2016', () => {
  it('lists every id once, in the order of the paper’s tables', () => {
    expect(blockVariants.map((v) => v.id)).toEqual([...blockVariantIds]);
  });

  it('shortcut variants keep the original placement; activation variants keep the identity shortcut', () => {
    for (const v of blockVariants) {
      if (v.family === 'shortcut') expect(v.placement, v.id).toBe('post');
      else expect([v.shortcut, v.branch], v.id).toEqual(['identity', 'one']);
    }
  });

  it('carries the paper’s numbers as printed (Table 1 and Table 2, ResNet-110 on CIFAR-10)', () => {
    expect(paperTable1.map((r) => r.error)).toEqual([6.61, 'fail', 'fail', 12.35, 'fail', 8.7, 9.81, 12.86, 6.91, 12.22, 'fail']);
    expect(paperTable2.map((r) => [r.error110, r.error164])).toEqual([[6.61, 5.93], [8.17, 6.5], [7.84, 6.14], [6.71, 5.91], [6.37, 5.46]]);
  });

  it('every row carries the paper’s own verdict, quoted', () => {
    for (const r of [...paperTable1, ...paperTable2]) expect(r.paper.says.length, r.variant).toBeGreaterThan(8);
    expect(paperTable2.find((r) => r.variant === 'full-preact')!.paper.verdict).toBe('better');
  });

  it('paperError finds a variant’s row, per gate bias for the gates', () => {
    expect(paperError(blockVariant('original'))).toBe(6.61);
    expect(paperError(blockVariant('full-preact'))).toBe(6.37);
    expect(paperError(blockVariant('scale-shortcut'))).toBe('fail');
    expect(paperError(blockVariant('shortcut-gate'), 0)).toBe(12.86);
    expect(paperError(blockVariant('shortcut-gate'), -6)).toBe(6.91);
    expect(paperError(blockVariant('exclusive-gate'), -7)).toBe(9.81);
    expect(paperError(blockVariant('exclusive-gate'), -3)).toBeUndefined();
  });
});
