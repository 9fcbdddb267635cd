import { describe, expect, it } from 'vitest';
import { centerDigit } from './digit-preprocess.ts';

const blank = () => new Float32Array(784);
const box = (img: Float32Array) => {
  let top = 28, bottom = -1, left = 28, right = -1;
  img.forEach((v, i) => {
    if (v <= 0.1) return;
    const y = Math.floor(i / 28), x = i % 28;
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
    left = Math.min(left, x);
    right = Math.max(right, x);
  });
  return { top, bottom, left, right, h: bottom - top + 1, w: right - left + 1 };
};
const centreOfMass = (img: Float32Array) => {
  let m = 0, cy = 0, cx = 0;
  img.forEach((v, i) => {
    m += v;
    cy += v * Math.floor(i / 28);
    cx += v * (i % 28);
  });
  return [cy / m, cx / m] as const;
};

describe('centerDigit(pixels)', () => {
  it('moves a small stroke drawn in a corner to the middle and scales it to 20 px tall', () => {
    const img = blank();
    for (let y = 1; y <= 8; y++) img[y * 28 + 2] = 1; // a short vertical bar near the top-left corner
    const out = centerDigit(img);
    const b = box(out);
    expect(b.h).toBe(20);
    expect(b.w).toBeLessThanOrEqual(4);
    const [cy, cx] = centreOfMass(out);
    expect(Math.abs(cy - 13.5)).toBeLessThanOrEqual(1);
    expect(Math.abs(cx - 13.5)).toBeLessThanOrEqual(1);
  });

  it('keeps the aspect ratio: a wide shape becomes 20 px wide', () => {
    const img = blank();
    for (let x = 4; x <= 23; x += 1) for (let y = 10; y <= 14; y++) img[y * 28 + x] = 1;
    const b = box(centerDigit(img));
    expect(b.w).toBe(20);
    expect(b.h).toBeGreaterThanOrEqual(4);
    expect(b.h).toBeLessThanOrEqual(6);
  });

  it('leaves an empty image empty and never goes outside [0, 1]', () => {
    expect(centerDigit(blank()).every((v) => v === 0)).toBe(true);
    const img = blank();
    img[300] = 1;
    img[301] = 0.5;
    for (const v of centerDigit(img)) expect(v >= 0 && v <= 1).toBe(true);
  });
});
