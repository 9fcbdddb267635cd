import { describe, expect, it } from 'vitest';
import { curveCells, featureCells, runCells } from './rows';

describe('deep CNN lab table cells', () => {
  it('a run: architecture, layers, iterations and its final errors as fractions with four decimals', () => {
    expect(runCells({ arch: 'residual', layers: 56, steps: 600, trainError: 0.12345, testError: 0.2 })).toEqual(['residual', '56', '600', '0.1235', '0.2000']);
  });
  it('a curve point: step and both errors', () => {
    expect(curveCells('plain', 20, [120, 0.5, 0.61234])).toEqual(['plain', '20', '120', '0.5000', '0.6123']);
  });
  it('a feature stack: its name, size, channels, mean activation and active fraction', () => {
    expect(featureCells('plain', 56, 'stage 1', { size: 28, channels: 16, mean: 0.03125, active: 0.5 })).toEqual(['plain', '56', 'stage 1', '28', '16', '0.0313', '0.5000']);
  });
});
