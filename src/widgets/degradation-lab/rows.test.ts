import { describe, expect, it } from 'vitest';
import { curveCells, curveRows, runCells, sweepRows } from './rows';

describe('degradation lab table rows (recorded at build time, live in the browser)', () => {
  it('a finished run: architecture, depth, steps, loss and accuracy with 4 decimals', () => {
    expect(runCells({ arch: 'residual', depth: 32, steps: 1500, finalLoss: 0.123456, finalAccuracy: 0.95 })).toEqual(['residual', '32', '1500', '0.1235', '0.9500']);
  });
  it('a recorded curve row leaves a net without a value empty', () => {
    expect(curveCells({ step: 40, plainLoss: 1.1, residualLoss: null, plainAcc: 0.5, residualAcc: null })).toEqual(['40', '1.1000', '', '0.5000', '']);
  });
  it('live evaluations give the same rows as the recording’s curve, one per step of the nets shown', () => {
    const evals = {
      plain: [{ step: 0, loss: 1.1, accuracy: 0.33 }, { step: 50, loss: 0.9, accuracy: 0.5 }],
      residual: [{ step: 0, loss: 1.05, accuracy: 0.34 }, { step: 100, loss: 0.2, accuracy: 0.9 }],
    };
    expect(curveRows(evals, ['plain', 'residual'])).toEqual([
      ['0', '1.1000', '1.0500', '0.3300', '0.3400'],
      ['50', '0.9000', '', '0.5000', ''],
      ['100', '', '0.2000', '', '0.9000'],
    ]);
    // Only the residual net shown: its steps only (the plain cells at those steps stay filled, as before).
    expect(curveRows(evals, ['residual']).map((r) => r[0])).toEqual(['0', '100']);
  });
  it('the sweep: one row per depth, in depth order, empty where a net diverged', () => {
    const results = [
      { arch: 'plain' as const, depth: 8, finalLoss: 0.5 },
      { arch: 'residual' as const, depth: 2, finalLoss: 0.25 },
      { arch: 'plain' as const, depth: 2, finalLoss: 0.3 },
      { arch: 'residual' as const, depth: 8, finalLoss: undefined },
    ];
    expect(sweepRows(results)).toEqual([
      ['2', '0.3000', '0.2500'],
      ['8', '0.5000', ''],
    ]);
  });
});
