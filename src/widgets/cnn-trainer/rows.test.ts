import { describe, expect, it } from 'vitest';
import { accuracyCells, confusionCells, filterCells, logisticCells, probabilityCells } from './rows';

describe('cnn-trainer table rows (recorded at build time, live in the browser)', () => {
  const e = { epoch: 2, step: 400, train: 0.91234, test: 0.9, logisticTrain: 0.85, logisticTest: undefined };
  it('accuracies per epoch with 4 decimals, empty where the baseline was not trained', () => {
    expect(accuracyCells(e)).toEqual(['2', '0.9123', '0.9000']);
    expect(logisticCells(e)).toEqual(['2', '0.8500', '']);
  });
  it('confusion rows start with the true digit; filters with their 1-based number and end with the bias', () => {
    expect(confusionCells([5, 0, 1], 7)).toEqual(['7', '5', '0', '1']);
    expect(filterCells(0, [0.5, -0.25, 0.125])).toEqual(['1', '0.5000', '-0.2500', '0.1250']);
    expect(probabilityCells(3, 0.99999, undefined)).toEqual(['3', '1.0000', '']);
  });
});
