import { describe, expect, it } from 'vitest';
import { blockMask, initialBanks, oneHotRows } from './bank-layout.ts';
import { initialWeights } from './init-weights.ts';
import type { PackedNetConfig } from './net-config.ts';

describe('blockMask(rows, cols, rowBlock, colBlock, lastRowOnes)', () => {
  it('marks the diagonal blocks, and the last row when asked', () => {
    expect([...blockMask(4, 4, 2, 2, false).values]).toEqual([1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1]);
    expect([...blockMask(3, 2, 1, 1, true).values]).toEqual([1, 0, 0, 1, 1, 1]);
  });
});

describe('oneHotRows(rows, of)', () => {
  it('has one 1 per row, at the selected column', () => {
    expect(oneHotRows([2, 0], 3)).toEqual({ values: Float32Array.from([0, 0, 1, 1, 0, 0]), shape: [2, 3] });
  });
});

describe('initialBanks(config)', () => {
  it('puts each lane\'s initial kernels on its own diagonal block and zeros elsewhere', () => {
    const config: PackedNetConfig = {
      lanes: [
        { architecture: 'plain', seed: 1 },
        { architecture: 'residual', seed: 2 },
      ],
      depth: 2,
      width: 3,
      batchNorm: true,
      inputDim: 2,
      classes: 2,
    };
    const banks = initialBanks(config);
    expect(banks.body.shape).toEqual([2, 36]);
    expect(banks.vectors.shape).toEqual([2 + 2 * 3, 6]);
    expect(banks.head.shape).toEqual([7, 4]);
    const lane1 = initialWeights({ ...config, ...config.lanes[1]! });
    const layer2 = banks.body.values.subarray(36, 72); // [6, 6]
    for (let i = 0; i < 3; i++) {
      expect([...layer2.subarray((3 + i) * 6 + 3, (3 + i) * 6 + 6)]).toEqual([...lane1.body[1]!.subarray(3 * i, 3 * i + 3)]);
      expect([...layer2.subarray((3 + i) * 6, (3 + i) * 6 + 3)]).toEqual([0, 0, 0]);
    }
    expect([...banks.vectors.values.subarray(3, 6)]).toEqual([...lane1.stem.subarray(0, 3)]); // stem row 0, lane 1
    expect([...banks.vectors.values.subarray(12, 18)]).toEqual([1, 1, 1, 1, 1, 1]); // γ of the stem
  });
});
