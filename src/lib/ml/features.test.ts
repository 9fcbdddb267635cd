import { describe, expect, it } from 'vitest';
import { featureNames, featureValue, featurize, orderFeatures, rawFeatures } from './features.ts';

describe('featurize(points, names)', () => {
  it('computes each feature at each point, columns in canonical order', () => {
    const phi = featurize(Float32Array.of(0.5, -1, 0, 0.5), ['xy', 'x2', 'x']);
    expect(Array.from(phi)).toEqual([0.5, 0.25, -0.5, 0, 0, 0]);
  });
  it('periodic features take one period across [−1, 1]', () => {
    expect(featureValue('sinx', 0.5, 0)).toBeCloseTo(1, 12);
    expect(featureValue('cosy', 0, 1)).toBeCloseTo(-1, 12);
  });
  it('the raw features are the coordinates', () => {
    expect(Array.from(featurize(Float32Array.of(0.25, 0.75), rawFeatures))).toEqual([0.25, 0.75]);
  });
  it('orderFeatures drops unknown names and duplicates', () => {
    expect(orderFeatures(['y2', 'bogus', 'x', 'y2'])).toEqual(['x', 'y2']);
    expect(orderFeatures([...featureNames].reverse())).toEqual([...featureNames]);
  });
  it('needs at least one feature', () => {
    expect(() => featurize(Float32Array.of(0, 0), [])).toThrow(RangeError);
  });
});
