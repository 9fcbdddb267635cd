import { describe, expect, it } from 'vitest';
import { firstToLastRatio, perLayerFactor, spread } from './gradient-stats.ts';

describe('gradient statistics over layers', () => {
  it('firstToLastRatio compares the layer nearest the input with the one nearest the output', () => {
    expect(firstToLastRatio([8, 4, 2, 1])).toBe(8);
    expect(firstToLastRatio([1, 1])).toBe(1);
  });

  it('perLayerFactor is the geometric growth per layer toward the input', () => {
    expect(perLayerFactor([8, 4, 2, 1])).toBeCloseTo(2, 12);
    const grow = Array.from({ length: 32 }, (_, i) => 1.22 ** (31 - i));
    expect(perLayerFactor(grow)).toBeCloseTo(1.22, 10);
  });

  it('spread is max/min over finite positive norms', () => {
    expect(spread([1, 3, 0.5, Number.NaN])).toBe(6);
  });
});
