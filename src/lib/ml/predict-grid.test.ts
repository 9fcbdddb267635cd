import { describe, expect, it } from 'vitest';
import { gridPoints } from './predict-grid.ts';

describe('gridPoints(extent, R)', () => {
  it('lists cell centres in image order: top row first, left to right', () => {
    const points = gridPoints({ xMin: 0, xMax: 2, yMin: 0, yMax: 2 }, 2);
    expect([...points]).toEqual([0.5, 1.5, 1.5, 1.5, 0.5, 0.5, 1.5, 0.5]);
  });

  it('has R·R points inside the extent', () => {
    const points = gridPoints({ xMin: -1, xMax: 1, yMin: -2, yMax: 2 }, 7);
    expect(points).toHaveLength(7 * 7 * 2);
    for (let i = 0; i < points.length; i += 2) {
      expect(Math.abs(points[i]!)).toBeLessThan(1);
      expect(Math.abs(points[i + 1]!)).toBeLessThan(2);
    }
  });

  it('rejects a resolution below 1 and an empty extent', () => {
    expect(() => gridPoints({ xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, 0)).toThrow(RangeError);
    expect(() => gridPoints({ xMin: 1, xMax: 1, yMin: 0, yMax: 1 }, 4)).toThrow(RangeError);
  });
});
