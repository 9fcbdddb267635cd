import { describe, expect, it } from 'vitest';
import { allSubsets, blockSkip, choose, effectiveRange, lesionSubsets, pathCounts, randomSubset, summarize } from './lesion.ts';
import { createRng } from './prng.ts';

describe('blockSkip(depth, blocks)', () => {
  it('leaves out both body layers of every deleted block', () => {
    expect(blockSkip(8, [1, 3])).toEqual([false, false, true, true, false, false, true, true]);
    expect(blockSkip(4, [])).toEqual([false, false, false, false]);
  });
  it('rejects a block the net does not have', () => {
    expect(() => blockSkip(8, [4])).toThrow(RangeError);
    expect(() => blockSkip(8, [-1])).toThrow(RangeError);
    expect(() => blockSkip(8, [1.5])).toThrow(RangeError);
  });
});

describe('path counting', () => {
  it('C(n, k) over k sums to the 2ⁿ paths of n blocks', () => {
    expect(pathCounts(3)).toEqual([1, 3, 3, 1]);
    expect(pathCounts(16).reduce((a, b) => a + b)).toBe(2 ** 16);
    expect(choose(54, 27)).toBe(1946939425648112);
    expect(choose(5, 6)).toBe(0);
  });
  it('allSubsets lists every k-subset once, sorted', () => {
    const s = allSubsets(5, 2);
    expect(s).toHaveLength(10);
    expect(new Set(s.map((x) => x.join())).size).toBe(10);
    expect(s[0]).toEqual([0, 1]);
    expect(allSubsets(4, 0)).toEqual([[]]);
    expect(allSubsets(4, 4)).toEqual([[0, 1, 2, 3]]);
  });
});

describe('lesionSubsets(n, k, count, rng)', () => {
  it('takes all subsets when there are at most `count`, so small cases are exact', () => {
    expect(lesionSubsets(8, 1, 20, createRng(0))).toHaveLength(8);
    expect(lesionSubsets(8, 8, 20, createRng(0))).toEqual([[0, 1, 2, 3, 4, 5, 6, 7]]);
  });
  it('otherwise draws `count` distinct subsets of size k, the same ones for the same seed', () => {
    const a = lesionSubsets(16, 8, 30, createRng(4));
    expect(a).toHaveLength(30);
    expect(new Set(a.map((x) => x.join())).size).toBe(30);
    expect(a.every((x) => x.length === 8 && x.every((b) => b >= 0 && b < 16))).toBe(true);
    expect(lesionSubsets(16, 8, 30, createRng(4))).toEqual(a);
  });
  it('draws each block about equally often', () => {
    const rng = createRng(1);
    const hits = new Array(10).fill(0);
    for (let i = 0; i < 5000; i++) for (const b of randomSubset(10, 3, rng)) hits[b]++;
    for (const h of hits) expect(h / 5000).toBeCloseTo(0.3, 1);
  });
});

describe('summarize and effectiveRange', () => {
  it('summarize gives mean, lowest and highest', () => {
    expect(summarize([0.5, 1, 0])).toEqual({ mean: 0.5, min: 0, max: 1 });
  });
  it('effectiveRange finds the shortest run of lengths holding the share', () => {
    expect(effectiveRange([0, 1, 8, 1, 0], 0.8)).toEqual({ from: 2, to: 2, share: 0.8 });
    expect(effectiveRange([1, 1, 1, 1], 0.5)).toMatchObject({ from: 0, to: 1 });
    const r = effectiveRange([0.01, 0.1, 5, 6, 1, 0.1], 0.9);
    expect([r.from, r.to]).toEqual([2, 3]); // 11 of 12.21
    expect(r.share).toBeGreaterThanOrEqual(0.9);
  });
});
