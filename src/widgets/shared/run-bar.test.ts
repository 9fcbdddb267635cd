import { describe, expect, it } from 'vitest';
import { endTogether } from './run-bar';

describe('endTogether: a stopped run’s curves end at the same step', () => {
  it('cuts every list back to the last step all non-empty ones reached', () => {
    const plain: [number, number][] = [[1, 1], [2, 1], [3, 1], [4, 1]];
    const residual: [number, number][] = [[1, 1], [2, 1]];
    const empty: [number, number][] = [];
    expect(endTogether([plain, residual, empty], (p) => p[0])).toBe(2);
    expect(plain.map((p) => p[0])).toEqual([1, 2]);
    expect(residual.map((p) => p[0])).toEqual([1, 2]);
  });
  it('says nothing when no list has a point', () => {
    expect(endTogether([[], []], (p: number) => p)).toBeUndefined();
  });
});
