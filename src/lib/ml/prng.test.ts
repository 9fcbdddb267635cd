import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from './prng.ts';

const draw = (seed: number, n: number) => Array.from({ length: n }, createRng(seed).uniform);

describe('createRng(seed)', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(42, 1000)).toEqual(draw(42, 1000));
  });

  it('gives different sequences for different seeds (0 and 1 included)', () => {
    expect(draw(0, 10)).not.toEqual(draw(1, 10));
    expect(draw(1, 10)).not.toEqual(draw(2, 10));
  });

  it('uniform() stays in [0, 1) and has mean ≈ ½', () => {
    const xs = draw(7, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b) / xs.length).toBeCloseTo(0.5, 2);
  });

  it('normal(m, s) has mean ≈ m and standard deviation ≈ s', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 40_000 }, () => rng.normal(2, 3));
    const mean = xs.reduce((a, b) => a + b) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(2, 1);
    expect(sd).toBeCloseTo(3, 1);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it('int(n) covers exactly 0 … n−1', () => {
    const rng = createRng(5);
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(7)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('shuffle() returns a permutation, the same one for the same seed', () => {
    const a = createRng(9).shuffle(Int32Array.from({ length: 100 }, (_, i) => i));
    const b = createRng(9).shuffle(Int32Array.from({ length: 100 }, (_, i) => i));
    expect(a).toEqual(b);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...a]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('rejects a non-finite seed', () => {
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
  });
});

describe('deriveSeed(seed, label)', () => {
  it('is deterministic and separates labels and seeds', () => {
    expect(deriveSeed(0, 'init')).toBe(deriveSeed(0, 'init'));
    expect(deriveSeed(0, 'init')).not.toBe(deriveSeed(0, 'batches'));
    expect(deriveSeed(0, 'init')).not.toBe(deriveSeed(1, 'init'));
  });
});
