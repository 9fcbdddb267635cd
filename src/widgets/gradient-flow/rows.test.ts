import { describe, expect, it } from 'vitest';
import { firstToLastRatio, perLayerFactor } from '../../lib/ml/gradient-stats';
import { gradientRows, growthCells } from './rows';

describe('gradient-flow table rows (recorded at build time, live in the browser)', () => {
  it('one row per layer, norms with 4 significant digits, empty where a net has no such layer', () => {
    const rows = gradientRows(3, { plainInit: [1, 0.01, 1.23456e-7], residualInit: [1, 1, 1], plainNow: [2, 3], residualNow: undefined });
    expect(rows).toEqual([
      ['1', '1.000', '1.000', '2.000', ''],
      ['2', '0.01000', '1.000', '3.000', ''],
      ['3', '1.235e-7', '1.000', '', ''],
    ]);
  });
  it('growth: architecture, step, first-to-last ratio and per-layer factor', () => {
    const norms = [4, 2, 1];
    expect(growthCells('plain', 120, norms)).toEqual(['plain', '120', firstToLastRatio(norms).toPrecision(4), perLayerFactor(norms).toPrecision(4)]);
  });
});
