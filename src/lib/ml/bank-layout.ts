import { initialWeights } from './init-weights.ts';
import { laneConfig, type PackedNetConfig } from './net-config.ts';

/** A row-major matrix as plain numbers, ready for `tf.tensor2d(values, shape)`. */
export interface HostMatrix {
  values: Float32Array;
  shape: [rows: number, cols: number];
}

/** Packed width L·W of a config: lane k owns columns k·W … (k+1)·W − 1. */
export const packedWidth = (config: PackedNetConfig) => config.lanes.length * config.width;

/** Rows of the vectors bank: the stem kernel's inputDim rows, then γ_u, β_u (BN) or b_u per unit u = 0 … D. */
export const vectorRowCount = (config: PackedNetConfig) =>
  config.inputDim + (config.batchNorm ? 2 : 1) * (config.depth + 1);

/**
 * Initial values of the three parameter banks (layout documented on `ParamBanks`): every lane's
 * `initialWeights` on its own diagonal block, γ = 1, β = 0, biases 0.
 */
export function initialBanks(config: PackedNetConfig): { vectors: HostMatrix; body: HostMatrix; head: HostMatrix } {
  const { lanes, depth, width, inputDim, classes, batchNorm } = config;
  const L = lanes.length;
  const packed = packedWidth(config);
  const rows = vectorRowCount(config);
  const vectors = new Float32Array(rows * packed);
  const body = new Float32Array(depth * packed * packed);
  const head = new Float32Array((packed + 1) * L * classes);
  lanes.forEach((_, k) => {
    const init = initialWeights(laneConfig(config, k));
    for (let i = 0; i < inputDim; i++) vectors.set(init.stem.subarray(i * width, (i + 1) * width), i * packed + k * width);
    init.body.forEach((kernel, l) => {
      for (let i = 0; i < width; i++) {
        body.set(kernel.subarray(i * width, (i + 1) * width), l * packed * packed + (k * width + i) * packed + k * width);
      }
    });
    for (let i = 0; i < width; i++) {
      head.set(init.head.subarray(i * classes, (i + 1) * classes), (k * width + i) * L * classes + k * classes);
    }
  });
  if (batchNorm) for (let u = 0; u <= depth; u++) vectors.fill(1, (inputDim + 2 * u) * packed, (inputDim + 2 * u + 1) * packed);
  return {
    vectors: { values: vectors, shape: [rows, packed] },
    body: { values: body, shape: [depth, packed * packed] },
    head: { values: head, shape: [packed + 1, L * classes] },
  };
}

/**
 * 1 on the diagonal blocks of a [rows, cols] matrix cut into rowBlock × colBlock blocks, 0 elsewhere;
 * with `lastRowOnes` the last row is all ones (the head's bias row).
 * @example blockMask(4, 4, 2, 2, false) // [[1,1,0,0],[1,1,0,0],[0,0,1,1],[0,0,1,1]] flattened
 */
export function blockMask(rows: number, cols: number, rowBlock: number, colBlock: number, lastRowOnes: boolean): HostMatrix {
  const values = Float32Array.from({ length: rows * cols }, (_, i) => {
    const r = Math.floor(i / cols);
    const c = i % cols;
    return (lastRowOnes && r === rows - 1) || Math.floor(r / rowBlock) === Math.floor(c / colBlock) ? 1 : 0;
  });
  return { values, shape: [rows, cols] };
}

/** Selector matrix [rows.length, of] with a single 1 per row, at column rows[i]: S·bank picks those bank rows. */
export function oneHotRows(rows: readonly number[], of: number): HostMatrix {
  const values = new Float32Array(rows.length * of);
  rows.forEach((r, i) => (values[i * of + r] = 1));
  return { values, shape: [rows.length, of] };
}
