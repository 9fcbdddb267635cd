import { describe, expect, it } from 'vitest';
import { agreesWithPrinted } from './published-figures';

describe('agreesWithPrinted(computed, printed, step)', () => {
  it('accepts a value that rounds to the print: 1.814 G is "1.8 G"', () => {
    expect(agreesWithPrinted(1_814_083_944, 1.8e9, 1e8)).toBe(true);
  });

  it('accepts a value that truncates to the print: 3.858 G is "3.8 G" in He et al. Table 1', () => {
    expect(agreesWithPrinted(3_858_026_496, 3.8e9, 1e8)).toBe(true);
  });

  it('rejects a value more than one printed digit away', () => {
    expect(agreesWithPrinted(6_998_552, 6.8e6, 1e5)).toBe(false);
  });

  it('with step 1 demands an exact count', () => {
    expect(agreesWithPrinted(25_557_032, 25_557_032, 1)).toBe(true);
    expect(agreesWithPrinted(25_557_033, 25_557_032, 1)).toBe(false);
  });
});
