import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
// tfjs's own gradients: the `autodiff` method, the test oracle here (the widget never loads them).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convMethods, createConvLayer, stridedConvMethods, type ConvGeometry, type ConvMethod } from './conv-layer.ts';
import { im2colIndices } from './im2col.ts';
import { createRng } from './prng.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

const random = (shape: number[], seed: number) => {
  const rng = createRng(seed);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()), shape);
};

/** max |a − b| / max(1, max |b|) over plain arrays. */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0, den = 1;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  return num / den;
}

interface Case {
  geometry: ConvGeometry;
  batch: number;
}
const cases: Case[] = [
  { geometry: { height: 5, width: 5, inChannels: 1, outChannels: 3, kernel: 3 }, batch: 2 },
  { geometry: { height: 6, width: 4, inChannels: 3, outChannels: 2, kernel: 3 }, batch: 3 },
  { geometry: { height: 7, width: 7, inChannels: 2, outChannels: 4, kernel: 5 }, batch: 2 },
];

/** y, and the gradients of L = Σ y ⊙ R, as plain arrays. */
function run(method: ConvMethod, c: Case, seed = 1) {
  const { height: h, width: w, inChannels: cin, outChannels: cout, kernel: k, stride = 1 } = c.geometry;
  const layer = createConvLayer(c.geometry, method);
  const out = tf.tidy(() => {
    const x = random([c.batch, h, w, cin], seed) as tf.Tensor4D;
    const kernel = random([k, k, cin, cout], seed + 1) as tf.Tensor4D;
    const bias = random([cout], seed + 2) as tf.Tensor1D;
    const r = random([c.batch, Math.ceil(h / stride), Math.ceil(w / stride), cout], seed + 3) as tf.Tensor4D;
    const { y, cache } = layer.forward(x, kernel, bias);
    const g = layer.backward(cache, r, true);
    return [y, g.dKernel, g.dBias!, g.dInput!].map((t) => t.dataSync().slice());
  });
  layer.dispose();
  const [y, dKernel, dBias, dInput] = out as [Float32Array, Float32Array, Float32Array, Float32Array];
  return { y, dKernel, dBias, dInput };
}

describe('im2colIndices(h, w, k)', () => {
  it('lists, per output pixel, the k×k window of the padded image in (u, v) order', () => {
    const idx = im2colIndices(2, 3, 3); // padded width 5
    expect(Array.from(idx.subarray(0, 9))).toEqual([0, 1, 2, 5, 6, 7, 10, 11, 12]);
    expect(Array.from(idx.subarray(9 * 4, 9 * 5))).toEqual([6, 7, 8, 11, 12, 13, 16, 17, 18]); // output (1, 1)
    expect(idx.length).toBe(2 * 3 * 9);
  });
});

describe('createConvLayer(geometry, method) on the CPU backend', () => {
  for (const c of cases) {
    const label = `${c.geometry.height}×${c.geometry.width}×${c.geometry.inChannels} → ${c.geometry.outChannels}, k=${c.geometry.kernel}`;
    const reference = () => run('autodiff', c);

    it(`every method's forward pass equals tf.conv2d + bias (${label})`, () => {
      const ref = reference();
      for (const m of convMethods) expect(relErr(run(m, c).y, ref.y), m).toBeLessThan(1e-5);
    });

    it(`every method's gradients equal tfjs's own conv2d gradients (${label})`, () => {
      const ref = reference();
      for (const m of convMethods) {
        const got = run(m, c);
        expect(relErr(got.dKernel, ref.dKernel), `${m} dKernel`).toBeLessThan(1e-5);
        expect(relErr(got.dBias, ref.dBias), `${m} dBias`).toBeLessThan(1e-5);
        expect(relErr(got.dInput, ref.dInput), `${m} dInput`).toBeLessThan(1e-5);
      }
    });
  }

  it('the fwd-conv gradients match central finite differences of L = Σ y ⊙ R', () => {
    const c = cases[1]!;
    const { height: h, width: w, inChannels: cin, outChannels: cout, kernel: k } = c.geometry;
    const layer = createConvLayer(c.geometry, 'fwd-conv');
    const x = random([c.batch, h, w, cin], 5) as tf.Tensor4D;
    const kernel = random([k, k, cin, cout], 6) as tf.Tensor4D;
    const bias = random([cout], 7) as tf.Tensor1D;
    const r = random([c.batch, h, w, cout], 8) as tf.Tensor4D;
    const loss = (xv: tf.Tensor, kv: tf.Tensor, bv: tf.Tensor) =>
      tf.tidy(() => tf.sum(tf.mul(layer.apply(xv as tf.Tensor4D, kv as tf.Tensor4D, bv as tf.Tensor1D), r)).dataSync()[0]!);
    const g = tf.tidy(() => {
      const { cache } = layer.forward(x, kernel, bias);
      const gr = layer.backward(cache, r, true);
      return [gr.dKernel, gr.dBias!, gr.dInput!].map((t) => t.dataSync().slice());
    });
    const eps = 1e-2;
    const nudge = (t: tf.Tensor, i: number, d: number) => {
      const v = t.dataSync().slice();
      v[i]! += d;
      return tf.tensor(v, t.shape);
    };
    const check = (which: 0 | 1 | 2, t: tf.Tensor, indices: number[]) => {
      for (const i of indices) {
        const args = (d: number) => {
          const a: [tf.Tensor, tf.Tensor, tf.Tensor] = [x, kernel, bias];
          a[which === 0 ? 1 : which === 1 ? 2 : 0] = nudge(t, i, d);
          return a;
        };
        const up = args(eps), down = args(-eps);
        const fd = (loss(...up) - loss(...down)) / (2 * eps);
        tf.dispose([up, down].map((a) => a[which === 0 ? 1 : which === 1 ? 2 : 0]));
        expect(g[which]![i]!).toBeCloseTo(fd, 2);
      }
    };
    check(0, kernel, [0, 7, 13, kernel.size - 1]);
    check(1, bias, [0, 1]);
    check(2, x, [0, 11, 29, x.size - 1]);
    tf.dispose([x, kernel, bias, r]);
    layer.dispose();
  });

  it('creates no lasting tensors besides its index tensors, and frees those on dispose()', () => {
    const before = tf.memory().numTensors;
    const c = cases[0]!;
    for (const m of convMethods) run(m, c);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects an even kernel, a non-positive size, a stride other than 1 or 2, and stride 2 in a method without it', () => {
    expect(() => createConvLayer({ height: 4, width: 4, inChannels: 1, outChannels: 1, kernel: 2 })).toThrow(RangeError);
    expect(() => createConvLayer({ height: 0, width: 4, inChannels: 1, outChannels: 1, kernel: 3 })).toThrow(RangeError);
    expect(() => createConvLayer({ height: 4, width: 4, inChannels: 1, outChannels: 1, kernel: 3, stride: 3 })).toThrow(RangeError);
    for (const m of convMethods.filter((m) => !stridedConvMethods.includes(m))) {
      expect(() => createConvLayer({ height: 4, width: 4, inChannels: 1, outChannels: 1, kernel: 3, stride: 2 }, m)).toThrow(RangeError);
    }
  });

  it('without a bias: y = x ⋆ kernel and no dBias', () => {
    const c = cases[0]!;
    const { height: h, width: w, inChannels: cin, outChannels: cout, kernel: k } = c.geometry;
    const layer = createConvLayer(c.geometry, 'fwd-conv');
    tf.tidy(() => {
      const x = random([c.batch, h, w, cin], 3) as tf.Tensor4D;
      const kernel = random([k, k, cin, cout], 4) as tf.Tensor4D;
      const { y, cache } = layer.forward(x, kernel);
      expect(relErr(y.dataSync(), tf.conv2d(x, kernel, 1, 'same').dataSync())).toBe(0);
      expect(layer.backward(cache, tf.onesLike(y), false).dBias).toBeNull();
    });
    layer.dispose();
  });
});

/** Stride 2 with a symmetric pad of (k − 1)/2, even and odd sizes (28 → 14 and 7 → 4 in the CIFAR nets). */
const strided: Case[] = [
  { geometry: { height: 6, width: 6, inChannels: 2, outChannels: 3, kernel: 3, stride: 2 }, batch: 2 },
  { geometry: { height: 7, width: 5, inChannels: 3, outChannels: 2, kernel: 3, stride: 2 }, batch: 3 },
  { geometry: { height: 4, width: 4, inChannels: 2, outChannels: 2, kernel: 1, stride: 2 }, batch: 2 },
];

describe('createConvLayer with stride 2', () => {
  for (const c of strided) {
    const { height: h, width: w, inChannels: cin, outChannels: cout, kernel: k } = c.geometry;
    const label = `${h}×${w}×${cin} → ${cout}, k=${k}`;

    it(`outputs ⌈H/2⌉ × ⌈W/2⌉ sampled at rows and columns 0, 2, 4, … like PyTorch's padding=(k−1)/2 (${label})`, () => {
      const layer = createConvLayer(c.geometry, 'fwd-conv');
      expect([layer.outHeight, layer.outWidth]).toEqual([Math.ceil(h / 2), Math.ceil(w / 2)]);
      tf.tidy(() => {
        const x = random([c.batch, h, w, cin], 11) as tf.Tensor4D;
        const kernel = random([k, k, cin, cout], 12) as tf.Tensor4D;
        // Stride 1 then keep every other pixel, starting at 0: the same numbers.
        const every = tf.conv2d(x, kernel, 1, 'same');
        const sampled = tf.stridedSlice(every, [0, 0, 0, 0], [c.batch, h, w, cout], [1, 2, 2, 1]);
        expect(relErr(layer.forward(x, kernel).y.dataSync(), sampled.dataSync())).toBeLessThan(1e-6);
      });
      layer.dispose();
    });

    it(`fwd-conv gradients equal tfjs's own (${label}), on CPU and on WASM`, async () => {
      const ref = run('autodiff', c);
      const got = run('fwd-conv', c);
      for (const key of ['y', 'dKernel', 'dBias', 'dInput'] as const) expect(relErr(got[key], ref[key]), key).toBeLessThan(1e-5);
      await tf.setBackend('wasm');
      const wasm = run('fwd-conv', c);
      await tf.setBackend('cpu');
      for (const key of ['y', 'dKernel', 'dBias', 'dInput'] as const) expect(relErr(wasm[key], ref[key]), `wasm ${key}`).toBeLessThan(1e-4);
    });
  }

  it('creates no lasting tensors', () => {
    const before = tf.memory().numTensors;
    for (const c of strided) run('fwd-conv', c);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('createConvLayer on the WASM backend (no Conv2DBackpropFilter kernel there)', () => {
  it('tfjs’s own conv2d gradient is unavailable on WASM, which is why this layer exists', async () => {
    await tf.setBackend('wasm');
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    expect(() => run('autodiff', cases[0]!)).toThrow();
    await tf.setBackend('cpu');
  });

  for (const m of convMethods.filter((m) => m !== 'autodiff')) {
    it(`${m}: the same numbers as tfjs's CPU gradients`, async () => {
      await tf.setBackend('cpu');
      const refs = cases.map((c) => run('autodiff', c));
      await tf.setBackend('wasm');
      cases.forEach((c, i) => {
        const got = run(m, c);
        const ref = refs[i]!;
        for (const key of ['y', 'dKernel', 'dBias', 'dInput'] as const) expect(relErr(got[key], ref[key]), key).toBeLessThan(1e-4);
      });
      await tf.setBackend('cpu');
    });
  }
});
