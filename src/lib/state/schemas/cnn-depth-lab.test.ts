import { describe, expect, it } from 'vitest';
import { EVALUATIONS, evaluationSteps } from './cnn-depth-lab';

describe('evaluationSteps: when a deep CNN lab run measures its errors', () => {
  it('puts the i-th of n measurements at (i/n)² of the run, rounded half up, the last at the end', () => {
    expect(evaluationSteps(160)).toEqual([3, 10, 23, 40, 63, 90, 123, 160]);
    expect(evaluationSteps(160)).toHaveLength(EVALUATIONS);
    expect(evaluationSteps(800)).toEqual([13, 50, 113, 200, 313, 450, 613, 800]);
  });

  it('crowds the points early: the first comes after a few iterations, the gaps only grow', () => {
    for (const steps of [20, 100, 160, 400, 800]) {
      const at = evaluationSteps(steps);
      expect(at.at(-1)).toBe(steps);
      expect(at[0]).toBeLessThanOrEqual(Math.ceil(steps / 60));
      const gaps = at.slice(1).map((s, i) => s - at[i]!);
      gaps.slice(1).forEach((g, i) => expect(g).toBeGreaterThanOrEqual(gaps[i]!));
    }
  });

  it('drops repeats and never goes below iteration 1 in short runs', () => {
    expect(evaluationSteps(20)).toEqual([1, 3, 5, 8, 11, 15, 20]);
    expect(evaluationSteps(2, 8)).toEqual([1, 2]);
    expect(evaluationSteps(24, 3)).toEqual([3, 11, 24]);
    expect(evaluationSteps(10, 1)).toEqual([10]);
  });
});
