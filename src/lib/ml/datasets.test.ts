import { describe, expect, it } from 'vitest';
import { chanceLoss, classSize, datasetExtent, datasetNames, makeDataset } from './datasets.ts';

describe('makeDataset(name, { n, seed })', () => {
  it.each(datasetNames)('%s: N points, 2 coordinates each, all finite and inside [-1.6, 1.6]²', (name) => {
    const d = makeDataset(name, { n: 1000, seed: 1 });
    expect(d.n).toBe(1000);
    expect(d.x).toHaveLength(2000);
    expect(d.y).toHaveLength(1000);
    expect(d.x.every((v) => Number.isFinite(v) && Math.abs(v) < 1.6)).toBe(true);
  });

  it.each(datasetNames)('%s: labels are 0 … C−1 and balanced to within one point', (name) => {
    const d = makeDataset(name, { n: 1001, seed: 2 });
    const counts = new Array<number>(d.classes).fill(0);
    for (const label of d.y) counts[label]! += 1;
    expect(counts.reduce((a, b) => a + b)).toBe(1001);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it.each(datasetNames)('%s: the same seed gives the same points, another seed other points', (name) => {
    expect(makeDataset(name, { seed: 4 }).x).toEqual(makeDataset(name, { seed: 4 }).x);
    expect(makeDataset(name, { seed: 4 }).x).not.toEqual(makeDataset(name, { seed: 5 }).x);
  });

  it('spiral has 3 classes; 1,000 points split 334/333/333; radii span [0, 1]', () => {
    const d = makeDataset('spiral', { n: 1000, seed: 0 });
    expect(d.classes).toBe(3);
    expect([0, 1, 2].map((k) => classSize(1000, 3, k))).toEqual([334, 333, 333]);
    const radii = Array.from({ length: d.n }, (_, i) => Math.hypot(d.x[2 * i]!, d.x[2 * i + 1]!));
    expect(Math.min(...radii)).toBeCloseTo(0, 5);
    expect(Math.max(...radii)).toBeCloseTo(1, 5);
  });

  it('moons, circles and xor have 2 classes', () => {
    for (const name of ['moons', 'circles', 'xor'] as const) expect(makeDataset(name).classes).toBe(2);
  });

  it('xor labels follow the sign of x·y when there is no noise', () => {
    const d = makeDataset('xor', { n: 200, seed: 3, noise: 0 });
    for (let i = 0; i < d.n; i++) expect(d.y[i]).toBe(d.x[2 * i]! * d.x[2 * i + 1]! > 0 ? 0 : 1);
  });

  it('rejects n smaller than the number of classes and negative noise', () => {
    expect(() => makeDataset('spiral', { n: 2 })).toThrow(RangeError);
    expect(() => makeDataset('moons', { noise: -1 })).toThrow(RangeError);
  });
});

describe('datasetExtent(data, margin)', () => {
  it('contains every point with the margin to spare', () => {
    const d = makeDataset('moons', { seed: 0 });
    const e = datasetExtent(d, 0.1);
    for (let i = 0; i < d.n; i++) {
      expect(d.x[2 * i]).toBeGreaterThan(e.xMin);
      expect(d.x[2 * i]).toBeLessThan(e.xMax);
      expect(d.x[2 * i + 1]).toBeGreaterThan(e.yMin);
      expect(d.x[2 * i + 1]).toBeLessThan(e.yMax);
    }
  });
});

describe('chanceLoss(name): the loss of a uniform guess', () => {
  it('is ln 3 for the three-class spiral and ln 2 for the two-class sets', () => {
    expect(chanceLoss('spiral')).toBeCloseTo(Math.log(3), 12);
    for (const name of ['moons', 'circles', 'xor'] as const) expect(chanceLoss(name)).toBeCloseTo(Math.LN2, 12);
  });
  it('matches the classes a generated data set really has', () => {
    for (const name of datasetNames) expect(chanceLoss(name)).toBeCloseTo(Math.log(makeDataset(name, { n: 60, seed: 0 }).classes), 12);
  });
});
