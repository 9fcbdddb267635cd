import { describe, expect, it } from 'vitest';
import { conv2d } from './conv-reference.ts';
import { kernelFromCells, kernelPresets, kernelSizes, matchPreset, presetKernel, resizeKernel } from './conv-presets.ts';

const sum = (g: number[][]) => g.flat().reduce((a, b) => a + b, 0);
const positiveSum = (g: number[][]) => g.flat().filter((v) => v > 0).reduce((a, b) => a + b, 0);

describe('presetKernel(name, k)', () => {
  it('gives a k×k kernel for every preset and both sizes', () => {
    for (const p of kernelPresets)
      for (const k of kernelSizes) {
        const g = presetKernel(p, k);
        expect(g).toHaveLength(k);
        for (const row of g) expect(row).toHaveLength(k);
      }
  });
  it('the 3×3 vertical-edge kernel is Sobel with the chapter’s sign (left bright → positive)', () => {
    expect(presetKernel('edge-v', 3)).toEqual([
      [1, 0, -1],
      [2, 0, -2],
      [1, 0, -1],
    ]);
    expect(presetKernel('edge-h', 3)).toEqual([
      [1, 2, 1],
      [0, 0, 0],
      [-1, -2, -1],
    ]);
    expect(presetKernel('edge-d1', 3)).toEqual([
      [2, 1, 0],
      [1, 0, -1],
      [0, -1, -2],
    ]);
  });
  it('edge kernels sum to 0 and have positive weights summing to 4 at both sizes', () => {
    for (const p of ['edge-v', 'edge-h', 'edge-d1', 'edge-d2'] as const)
      for (const k of kernelSizes) {
        expect(sum(presetKernel(p, k))).toBeCloseTo(0, 9);
        expect(positiveSum(presetKernel(p, k))).toBeCloseTo(4, 9);
      }
  });
  it('identity, blur and sharpen keep a flat image flat (weights sum to 1)', () => {
    for (const p of ['identity', 'blur', 'sharpen'] as const) for (const k of kernelSizes) expect(sum(presetKernel(p, k))).toBeCloseTo(1, 9);
    const flat = Array.from({ length: 9 }, () => Array(9).fill(0.5));
    for (const v of conv2d(flat, presetKernel('blur', 5)).flat()) expect(v).toBeCloseTo(0.5, 9);
  });
  it('the vertical-edge kernel responds to a vertical edge and not to a horizontal one', () => {
    const vertical = Array.from({ length: 6 }, () => [1, 1, 1, 0, 0, 0]);
    const horizontal = [0, 1, 2, 3, 4, 5].map((i) => Array(6).fill(i < 3 ? 1 : 0));
    expect(Math.max(...conv2d(vertical, presetKernel('edge-v', 3)).flat())).toBe(4);
    expect(Math.max(...conv2d(horizontal, presetKernel('edge-v', 3)).flat().map(Math.abs))).toBe(0);
  });
});

describe('kernel helpers', () => {
  it('kernelFromCells reads row-major cells and checks the count', () => {
    expect(kernelFromCells([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)[1]).toEqual([4, 5, 6]);
    expect(() => kernelFromCells([1, 2], 3)).toThrow(RangeError);
  });
  it('resizeKernel pads 3×3 into the centre of 5×5 and crops back', () => {
    const k3 = presetKernel('sharpen', 3);
    const k5 = resizeKernel(k3, 5);
    expect(k5[0]).toEqual([0, 0, 0, 0, 0]);
    expect(k5[2]).toEqual([0, -1, 5, -1, 0]);
    expect(resizeKernel(k5, 3)).toEqual(k3);
  });
  it('matchPreset recognises presets and not edited kernels', () => {
    expect(matchPreset(presetKernel('blur', 5), 5)).toBe('blur');
    const edited = presetKernel('blur', 3);
    edited[0]![0] = 1;
    expect(matchPreset(edited, 3)).toBeUndefined();
  });
});
