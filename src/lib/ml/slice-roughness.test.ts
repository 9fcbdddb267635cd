import { describe, expect, it } from 'vitest';
import { sliceRoughness } from './slice-roughness.ts';

const grid = (R: number, f: (a: number, b: number) => number) =>
  Float32Array.from({ length: R * R }, (_, k) => f(-1 + (2 * (k % R)) / (R - 1), -1 + (2 * Math.floor(k / R)) / (R - 1)));

describe('sliceRoughness(loss, R)', () => {
  it('a bowl: every cut is one valley (ratio 1) and there is one minimum', () => {
    const r = sliceRoughness(grid(31, (a, b) => a * a + 2 * b * b), 31);
    expect(r.upDown).toBeCloseTo(1, 10);
    expect(r.localMinima).toBe(1);
  });
  it('a tilted plane and a saddle also score 1: monotone or single-valley cuts, no minimum', () => {
    expect(sliceRoughness(grid(11, (a, b) => a + 2 * b), 11)).toEqual({ upDown: 1, localMinima: 0 });
    expect(sliceRoughness(grid(21, (a, b) => a * a - b * b), 21).upDown).toBeCloseTo(1, 10);
  });
  it('a ripple on a bowl goes up and down along its cuts and has many minima', () => {
    const r = sliceRoughness(grid(41, (a, b) => a * a + b * b + 0.2 * Math.sin(12 * a) * Math.sin(12 * b)), 41);
    expect(r.upDown).toBeGreaterThan(1.15);
    expect(r.localMinima).toBeGreaterThan(4);
  });
  it('one extra dip of depth d on a cut adds 2d to its variation', () => {
    // A single row (R = 3 grid repeated) is too small; use a 5 × 5 grid whose rows are 0 1 0 1 0 … shifted.
    const R = 5;
    const rows = [4, 1, 2, 0, 3];
    const g = Float32Array.from({ length: R * R }, (_, k) => rows[k % R]!);
    // Each row: TV = 3 + 1 + 2 + 3 = 9, one-valley bound = (4 − 0) + (3 − 0) = 7; columns are flat (ratio 1).
    expect(sliceRoughness(g, R).upDown).toBeCloseTo((5 * (9 / 7) + 5 * 1) / 10, 10);
  });
  it('rejects a grid of the wrong size', () => {
    expect(() => sliceRoughness(new Float32Array(10), 3)).toThrow(RangeError);
    expect(() => sliceRoughness(new Float32Array(4), 2)).toThrow(RangeError);
  });
});
