import { describe, expect, it } from 'vitest';
import { sliceRoughness } from './slice-roughness.ts';

const grid = (R: number, f: (a: number, b: number) => number) =>
  Float32Array.from({ length: R * R }, (_, k) => f(-1 + (2 * (k % R)) / (R - 1), -1 + (2 * Math.floor(k / R)) / (R - 1)));

describe('sliceRoughness(loss, R)', () => {
  it('a bowl is convex everywhere and has one minimum', () => {
    const r = sliceRoughness(grid(31, (a, b) => a * a + 2 * b * b), 31);
    expect(r).toEqual({ nonConvexShare: 0, localMinima: 1, points: 29 * 29 });
  });
  it('a saddle bends down everywhere and has no minimum', () => {
    const r = sliceRoughness(grid(21, (a, b) => a * a - b * b), 21);
    expect(r.nonConvexShare).toBe(1);
    expect(r.localMinima).toBe(0);
  });
  it('a sine ripple on a bowl is non-convex in part and has many minima', () => {
    const r = sliceRoughness(grid(41, (a, b) => a * a + b * b + 0.2 * Math.sin(12 * a) * Math.sin(12 * b)), 41);
    expect(r.nonConvexShare).toBeGreaterThan(0.3);
    expect(r.nonConvexShare).toBeLessThan(1);
    expect(r.localMinima).toBeGreaterThan(4);
  });
  it('counts no curvature on a flat slice with rounding noise, and rejects a wrong size', () => {
    expect(sliceRoughness(grid(11, (a) => 1 + 1e-9 * a), 11).nonConvexShare).toBe(0);
    expect(() => sliceRoughness(new Float32Array(10), 3)).toThrow(RangeError);
    expect(() => sliceRoughness(new Float32Array(4), 2)).toThrow(RangeError);
  });
});
