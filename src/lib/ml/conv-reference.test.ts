import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { spatialOutputSize } from '../architectures/output-shape';
import {
  avgPool2d,
  conv2d,
  conv2dChannels,
  convParameterCount,
  effectiveKernelSize,
  maxPool2d,
  outputSize,
  pool2d,
  relu,
  toGrid,
  windowCells,
  type Grid,
} from './conv-reference.ts';
import { createRng } from './prng.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Asserts two grids have the same shape and agree cell by cell within epsilon. */
function expectClose(actual: Grid, expected: Grid, epsilon = 1e-4) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i]!.length);
    row.forEach((v, j) => {
      if (Math.abs(v - expected[i]![j]!) > epsilon) throw new Error(`cell (${i}, ${j}): ${v} vs ${expected[i]![j]}`);
    });
  });
}

const rng = createRng(42);
const randomGrid = (h: number, w: number): Grid => Array.from({ length: h }, () => Array.from({ length: w }, () => rng.uniformRange(-1, 1)));

/** tfjs conv2d of one image: input [C_in][H][W], kernels [C_out][C_in][k][k] → [C_out][H'][W']. */
function tfConv(input: Grid[], kernels: Grid[][], stride: number, padding: number, dilation: number): Grid[] {
  const [h, w, cIn, cOut, k] = [input[0]!.length, input[0]![0]!.length, input.length, kernels.length, kernels[0]![0]!.length];
  return tf.tidy(() => {
    const x = tf.tensor4d(
      Array.from({ length: h * w * cIn }, (_, idx) => {
        const c = idx % cIn, j = Math.floor(idx / cIn) % w, i = Math.floor(idx / (cIn * w));
        return input[c]![i]![j]!;
      }),
      [1, h, w, cIn],
    );
    // tfjs filter layout: [k, k, C_in, C_out]
    const f = tf.tensor4d(
      Array.from({ length: k * k * cIn * cOut }, (_, idx) => {
        const co = idx % cOut, ci = Math.floor(idx / cOut) % cIn, v = Math.floor(idx / (cOut * cIn)) % k, u = Math.floor(idx / (cOut * cIn * k));
        return kernels[co]![ci]![u]![v]!;
      }),
      [k, k, cIn, cOut],
    );
    const pad: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], [padding, padding], [padding, padding], [0, 0]];
    // tfjs needs stride 1 or dilation 1; a strided dilated conv is the dilated conv sampled every s cells.
    const y = stride > 1 && dilation > 1 ? tf.conv2d(x, f, 1, pad, 'NHWC', dilation) : tf.conv2d(x, f, stride, pad, 'NHWC', dilation);
    const [, oh, ow] = y.shape;
    const data = y.dataSync();
    const out: Grid[] = [];
    for (let c = 0; c < cOut; c++) {
      const g: Grid = [];
      for (let i = 0; i < oh; i += stride > 1 && dilation > 1 ? stride : 1) {
        const row: number[] = [];
        for (let j = 0; j < ow; j += stride > 1 && dilation > 1 ? stride : 1) row.push(data[(i * ow + j) * cOut + c]!);
        g.push(row);
      }
      out.push(g);
    }
    return out;
  });
}

function tfPool(input: Grid, kind: 'max' | 'avg', size: number, stride: number, padding: number): Grid {
  return tf.tidy(() => {
    const h = input.length, w = input[0]!.length;
    const x = tf.tensor4d(input.flat(), [1, h, w, 1]);
    const y = kind === 'max' ? tf.maxPool(x, size, stride, padding) : tf.avgPool(x, size, stride, padding);
    return toGrid(y.dataSync(), y.shape[1], y.shape[2]);
  });
}

describe('outputSize(n, k, { stride, padding, dilation })', () => {
  it('keeps 28 for a 3×3 kernel with padding 1 and stride 1', () => {
    expect(outputSize(28, 3, { padding: 1 })).toBe(28);
  });
  it('gives 112 for ResNet conv1 (224, k = 7, s = 2, p = 3) and 56 for its max pooling', () => {
    expect(outputSize(224, 7, { stride: 2, padding: 3 })).toBe(112);
    expect(outputSize(112, 3, { stride: 2, padding: 1 })).toBe(56);
  });
  it('gives 26 for a valid 3×3 conv on 28 and 13 after 2×2 pooling', () => {
    expect(outputSize(28, 3)).toBe(26);
    expect(outputSize(26, 2, { stride: 2 })).toBe(13);
  });
  it('drops the leftover strip when the window does not fit (floor)', () => {
    expect(outputSize(28, 3, { stride: 2 })).toBe(13); // (28 − 3)/2 = 12.5
    expect(outputSize(7, 2, { stride: 2 })).toBe(3);
  });
  it('widens the kernel with dilation: k = 3, d = 2 spans 5 cells', () => {
    expect(effectiveKernelSize(3, 2)).toBe(5);
    expect(outputSize(28, 3, { dilation: 2 })).toBe(24);
    expect(outputSize(28, 5, { dilation: 3, padding: 2 })).toBe(20);
  });
  it('is 0 when the window is larger than the padded input', () => {
    expect(outputSize(3, 5)).toBe(0);
  });
  it('agrees with the architecture module’s spatialOutputSize for every small case', () => {
    for (const n of [5, 7, 13, 28])
      for (const k of [1, 2, 3, 5])
        for (const s of [1, 2, 3])
          for (const p of [0, 1, 2])
            for (const d of [1, 2, 3]) {
              if (n + 2 * p < effectiveKernelSize(k, d)) continue;
              expect(outputSize(n, k, { stride: s, padding: p, dilation: d })).toBe(spatialOutputSize(n, { kernel: k, stride: s, padding: p, dilation: d }));
            }
  });
  it('rejects non-integer or non-positive hyper-parameters', () => {
    expect(() => outputSize(28, 3, { stride: 0 })).toThrow(RangeError);
    expect(() => outputSize(28, 3, { padding: -1 })).toThrow(RangeError);
    expect(() => outputSize(28, 2.5)).toThrow(RangeError);
  });
});

describe('convParameterCount(k, C_in, C_out, bias)', () => {
  it('counts k·k·C_in·C_out weights plus C_out biases', () => {
    expect(convParameterCount(3, 64, 64)).toBe(36928);
    expect(convParameterCount(7, 3, 64, false)).toBe(9408);
    expect(convParameterCount(5, 1, 1)).toBe(26);
  });
});

describe('conv2d(input, kernel, options) by hand', () => {
  // The chapter's figure: a 5×5 input, one ring of zero padding, a vertical-edge kernel.
  const input = [
    [1, 2, 0, 1, 3],
    [0, 1, 3, 2, 1],
    [2, 0, 1, 0, 2],
    [1, 3, 2, 1, 0],
    [0, 1, 0, 2, 1],
  ];
  const edge = [
    [1, 0, -1],
    [1, 0, -1],
    [1, 0, -1],
  ];
  it('the window over the top row of padding at column 1 gives −2 (the chapter’s worked example)', () => {
    const y = conv2d(input, edge, { padding: 1 });
    expect(y.length).toBe(5);
    expect(y[0]![1]).toBe(-2);
  });
  it('a 3×3 valid convolution of a 3×3 input is one dot product', () => {
    expect(conv2d(edge, edge)).toEqual([[6]]);
  });
  it('the identity kernel copies the input; a bias is added to every cell', () => {
    const id = [
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ];
    expect(conv2d(input, id, { padding: 1 })).toEqual(input);
    expect(conv2d(input, id, { padding: 1 }, 0.5)[2]![2]).toBe(1.5);
  });
  it('stride 2 keeps every second window', () => {
    const full = conv2d(input, edge, { padding: 1 });
    const strided = conv2d(input, edge, { padding: 1, stride: 2 });
    expect(strided).toEqual([0, 2, 4].map((i) => [0, 2, 4].map((j) => full[i]![j]!)));
  });
  it('dilation 2 reads every second cell: on a 5×5 input the one window sees the corners, edges’ middles and the centre', () => {
    const y = conv2d(input, edge, { dilation: 2 });
    // taps at rows 0,2,4 and columns 0,2,4: left column minus right column
    expect(y).toEqual([[1 + 2 + 0 - (3 + 2 + 1)]]);
    expect(windowCells(0, 0, 3, { dilation: 2 }).map(([r, c]) => `${r},${c}`)).toEqual(['0,0', '0,2', '0,4', '2,0', '2,2', '2,4', '4,0', '4,2', '4,4']);
  });
  it('relu zeroes the negatives only', () => {
    expect(relu([[-1, 0, 2.5]])).toEqual([[0, 0, 2.5]]);
  });
});

describe('pooling by hand', () => {
  const x = [
    [1, 3, 2, 0],
    [4, 2, 1, 1],
    [0, 0, 5, 6],
    [1, 1, 7, 8],
  ];
  it('2×2 max pooling with stride 2', () => {
    expect(maxPool2d(x, 2)).toEqual([
      [4, 2],
      [1, 8],
    ]);
  });
  it('2×2 average pooling with stride 2', () => {
    expect(avgPool2d(x, 2)).toEqual([
      [2.5, 1],
      [0.5, 6.5],
    ]);
  });
  it('3×3 pooling with stride 2 and padding 1 ignores the padding cells', () => {
    expect(pool2d(x, 'max', 3, { stride: 2, padding: 1 })).toEqual([
      [4, 3],
      [4, 8],
    ]);
    expect(pool2d(x, 'avg', 3, { stride: 2, padding: 1 })[0]![0]).toBe(10 / 4);
  });
});

describe('conv2d / conv2dChannels against tfjs conv2d on random inputs', () => {
  const combos = [
    { k: 3, stride: 1, padding: 0, dilation: 1 },
    { k: 3, stride: 1, padding: 1, dilation: 1 },
    { k: 3, stride: 2, padding: 1, dilation: 1 },
    { k: 5, stride: 3, padding: 2, dilation: 1 },
    { k: 3, stride: 1, padding: 2, dilation: 2 },
    { k: 5, stride: 1, padding: 0, dilation: 3 },
    { k: 3, stride: 2, padding: 3, dilation: 2 },
    { k: 5, stride: 4, padding: 1, dilation: 2 },
    { k: 2, stride: 2, padding: 0, dilation: 1 },
  ];
  for (const { k, stride, padding, dilation } of combos) {
    it(`single channel, 28×28, k=${k} s=${stride} p=${padding} d=${dilation}`, () => {
      const input = randomGrid(28, 28);
      const kernel = randomGrid(k, k);
      const ours = conv2d(input, kernel, { stride, padding, dilation });
      const theirs = tfConv([input], [[kernel]], stride, padding, dilation)[0]!;
      expect(ours.length).toBe(outputSize(28, k, { stride, padding, dilation }));
      expectClose(ours, theirs);
    });
  }
  it('three channels in, four out, non-square input (13×17), k=3 s=2 p=1', () => {
    const input = [randomGrid(13, 17), randomGrid(13, 17), randomGrid(13, 17)];
    const kernels = Array.from({ length: 4 }, () => [randomGrid(3, 3), randomGrid(3, 3), randomGrid(3, 3)]);
    const ours = conv2dChannels(input, kernels, { stride: 2, padding: 1 });
    const theirs = tfConv(input, kernels, 2, 1, 1);
    expect(ours.length).toBe(4);
    expect(ours[0]!.length).toBe(7);
    expect(ours[0]![0]!.length).toBe(9);
    ours.forEach((g, c) => expectClose(g, theirs[c]!));
  });
  it('two channels in, two out, dilation 2 with padding 2 keeps the size', () => {
    const input = [randomGrid(10, 10), randomGrid(10, 10)];
    const kernels = Array.from({ length: 2 }, () => [randomGrid(3, 3), randomGrid(3, 3)]);
    const ours = conv2dChannels(input, kernels, { padding: 2, dilation: 2 });
    const theirs = tfConv(input, kernels, 1, 2, 2);
    expect(ours[0]!.length).toBe(10);
    ours.forEach((g, c) => expectClose(g, theirs[c]!));
  });
  it('rejects mismatched kernels', () => {
    expect(() => conv2dChannels([randomGrid(5, 5)], [[randomGrid(3, 3), randomGrid(3, 3)]])).toThrow(RangeError);
    expect(() => conv2d(randomGrid(5, 5), [[1, 2, 3]])).toThrow(RangeError);
  });
});

describe('max/avg pooling against tfjs maxPool / avgPool on random inputs', () => {
  const combos = [
    { size: 2, stride: 2, padding: 0 },
    { size: 3, stride: 3, padding: 0 },
    { size: 3, stride: 2, padding: 1 },
    { size: 2, stride: 1, padding: 0 },
    { size: 3, stride: 2, padding: 0 },
  ];
  for (const { size, stride, padding } of combos) {
    for (const kind of ['max', 'avg'] as const) {
      it(`${kind} pool ${size}×${size}, stride ${stride}, padding ${padding}, on 26×26 and 11×11`, () => {
        for (const n of [26, 11]) {
          const input = randomGrid(n, n);
          const ours = pool2d(input, kind, size, { stride, padding });
          expectClose(ours, tfPool(input, kind, size, stride, padding));
          expect(ours.length).toBe(outputSize(n, size, { stride, padding }));
        }
      });
    }
  }
});

describe('conv → ReLU → pool on a digit-sized input matches the tfjs chain', () => {
  it('28×28, Sobel kernel, padding 1, 2×2 max pool: 14×14, equal to tf.maxPool(tf.relu(tf.conv2d(…)))', () => {
    const input = randomGrid(28, 28).map((r) => r.map((v) => (v + 1) / 2));
    const kernel = [
      [1, 0, -1],
      [2, 0, -2],
      [1, 0, -1],
    ];
    const ours = maxPool2d(relu(conv2d(input, kernel, { padding: 1 })), 2);
    const theirs = tf.tidy(() => {
      const x = tf.tensor4d(input.flat(), [1, 28, 28, 1]);
      const f = tf.tensor4d(kernel.flat(), [3, 3, 1, 1]);
      const y = tf.maxPool(tf.relu(tf.conv2d(x, f, 1, 1)), 2, 2, 0);
      return toGrid(y.dataSync(), 14, 14);
    });
    expectClose(ours, theirs);
  });
  it('leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    tfConv([randomGrid(8, 8)], [[randomGrid(3, 3)]], 1, 1, 1);
    tfPool(randomGrid(8, 8), 'max', 2, 2, 0);
    expect(tf.memory().numTensors).toBe(before);
  });
});
