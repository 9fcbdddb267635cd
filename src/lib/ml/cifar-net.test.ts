import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNormBackward, channelNormTrain, createOnesCache } from './channel-batch-norm.ts';
import { cifarParameterCount, createCifarNet, layersOf, type CifarNetConfig } from './cifar-net.ts';
import { refBatchNorm, refConv, refCrossEntropy, refForward, refShortcutA, type Maps } from './cifar-net-reference.ts';
import { createConvLayer } from './conv-layer.ts';
import { createRng } from './prng.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

const normals = (n: number, seed: number) => {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => rng.normal());
};
const maps = (batch: number, size: number, channels: number, seed: number): Maps => ({ data: normals(batch * size * size * channels, seed), batch, size, channels });
const labelsOf = (n: number, seed: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.int(10));
};
const oneHot = (labels: number[]) => tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 10), 'float32')) as tf.Tensor2D;
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** max |a − b| / max |b| over all entries. */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0, den = 1e-12;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  return num / den;
}

/** Central differences of f at every entry of `at` (float64, ε = 1e-5). */
function finiteDifferences(f: (v: Float64Array) => number, at: Float64Array, eps = 1e-5): Float64Array {
  const g = new Float64Array(at.length);
  const v = at.slice();
  for (let i = 0; i < at.length; i++) {
    v[i] = at[i]! + eps;
    const up = f(v);
    v[i] = at[i]! - eps;
    const down = f(v);
    v[i] = at[i]!;
    g[i] = (up - down) / (2 * eps);
  }
  return g;
}

const t4 = (m: Maps) => tf.tensor4d(Float32Array.from(m.data), [m.batch, m.size, m.size, m.channels]);

describe('every layer type of the CIFAR nets against central finite differences of the float64 reference', () => {
  // L = Σ y ⊙ R for a fixed random R: dL/dy = R.
  for (const [size, stride] of [[6, 1], [6, 2], [7, 2]] as const) {
    it(`3×3 convolution, stride ${stride}, ${size}×${size} → ${Math.ceil(size / stride)}×${Math.ceil(size / stride)}: input and kernel gradients`, () => {
      const x = maps(2, size, 3, 1);
      const kernel = normals(9 * 3 * 4, 2);
      const out = Math.ceil(size / stride);
      const r = normals(2 * out * out * 4, 3);
      const layer = createConvLayer({ height: size, width: size, inChannels: 3, outChannels: 4, kernel: 3, stride }, 'fwd-conv');
      const [dx, dk] = tf.tidy(() => {
        const { cache } = layer.forward(t4(x), tf.tensor4d(Float32Array.from(kernel), [3, 3, 3, 4]));
        const g = layer.backward(cache, tf.tensor4d(Float32Array.from(r), [2, out, out, 4]), true);
        return [g.dInput!.dataSync().slice(), g.dKernel.dataSync().slice()];
      });
      layer.dispose();
      expect(relErr(dx, finiteDifferences((v) => dot(refConv({ ...x, data: v }, kernel, 3, 4, stride).data, r), x.data))).toBeLessThan(1e-4);
      expect(relErr(dk, finiteDifferences((v) => dot(refConv(x, v, 3, 4, stride).data, r), kernel))).toBeLessThan(1e-4);
    });
  }

  it('training-mode batch normalisation per channel over batch and positions: output, input, γ and β gradients', () => {
    const x = maps(3, 4, 5, 4);
    const gamma = normals(5, 5);
    const beta = normals(5, 6);
    const r = normals(x.data.length, 7);
    const ones = createOnesCache();
    const [y, dz, dg, db] = tf.tidy(() => {
      const bn = channelNormTrain(tf.reshape(t4(x), [-1, 5]) as tf.Tensor2D, tf.tensor1d(Float32Array.from(gamma)), tf.tensor1d(Float32Array.from(beta)), ones);
      const b = channelNormBackward(tf.tensor2d(Float32Array.from(r), [48, 5]), bn.cache);
      return [bn.y, b.dz, b.dGamma, b.dBeta].map((t) => t.dataSync().slice());
    });
    ones.dispose();
    expect(relErr(y!, refBatchNorm(x, gamma, beta).data)).toBeLessThan(1e-5);
    expect(relErr(dz!, finiteDifferences((v) => dot(refBatchNorm({ ...x, data: v }, gamma, beta).data, r), x.data))).toBeLessThan(1e-3);
    expect(relErr(dg!, finiteDifferences((v) => dot(refBatchNorm(x, v, beta).data, r), gamma))).toBeLessThan(1e-4);
    expect(relErr(db!, finiteDifferences((v) => dot(refBatchNorm(x, gamma, v).data, r), beta))).toBeLessThan(1e-4);
  });

  for (const size of [6, 7]) {
    it(`option A shortcut (stride-2 sampling, zero-padded channels) as a fixed 1×1 convolution, ${size}×${size}: forward and input gradient`, () => {
      const x = maps(2, size, 2, 8);
      const out = Math.ceil(size / 2);
      const r = normals(2 * out * out * 4, 9);
      const layer = createConvLayer({ height: size, width: size, inChannels: 2, outChannels: 4, kernel: 1, stride: 2 }, 'fwd-conv');
      const eye = tf.tensor4d([1, 0, 0, 0, 0, 1, 0, 0], [1, 1, 2, 4]);
      const [y, dx] = tf.tidy(() => {
        const f = layer.forward(t4(x), eye);
        return [f.y.dataSync().slice(), layer.backward(f.cache, tf.tensor4d(Float32Array.from(r), [2, out, out, 4]), true).dInput!.dataSync().slice()];
      });
      eye.dispose();
      layer.dispose();
      expect(relErr(y!, refShortcutA(x, 4).data)).toBeLessThan(1e-6);
      expect(relErr(dx!, finiteDifferences((v) => dot(refShortcutA({ ...x, data: v }, 4).data, r), x.data))).toBeLessThan(1e-4);
    });
  }
});

/** The net's bank values as float64, and a `param(name)` over them for the reference. */
function paramsOf(net: ReturnType<typeof createCifarNet>, values: Float64Array) {
  const offsets = new Map<string, [number, number]>();
  let at = 0;
  for (const s of net.bank.specs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    offsets.set(s.name, [at, n]);
    at += n;
  }
  return (name: string) => {
    const o = offsets.get(name);
    if (!o) throw new Error(`no parameter ${name}`);
    return values.subarray(o[0], o[0] + o[1]);
  };
}

describe('createCifarNet: whole small nets against the float64 reference', () => {
  const small: [string, Omit<CifarNetConfig, 'seed' | 'inputSize'>, number][] = [
    ['plain', { arch: 'plain', blocks: 1, width: 2 }, 6],
    ['residual, option A', { arch: 'residual', blocks: 1, width: 2, shortcut: 'A' }, 6],
    ['residual, option B', { arch: 'residual', blocks: 1, width: 2, shortcut: 'B' }, 7],
    ['residual, option A, two blocks per stage, odd sizes (7 → 4 → 2)', { arch: 'residual', blocks: 2, width: 2, shortcut: 'A' }, 7],
  ];
  for (const [label, shape, size] of small) {
    it(`${label}: forward pass equals the reference, and backward() equals central differences for every parameter`, () => {
      const net = createCifarNet({ ...shape, inputSize: size, seed: 3 });
      // Non-trivial γ and β, so that those gradients are exercised away from their initial values.
      const rng = createRng(4);
      const start = Float64Array.from(net.bank.read());
      const values = start.map((v) => v + 0.1 * rng.normal());
      const x = maps(4, size, 1, 5);
      const labels = labelsOf(4, 6);
      const refShape = { arch: shape.arch, shortcut: shape.shortcut ?? 'A', blocks: shape.blocks, width: shape.width } as const;
      const refLoss = (v: Float64Array) => refCrossEntropy(refForward(refShape, paramsOf(net, v), x), labels);

      const [logits, grad] = tf.tidy(() => {
        const { logits, tape } = net.forwardTrain(t4(x), tf.tensor1d(Float32Array.from(values)));
        const { dLogits } = softmaxCrossEntropy(logits, oneHot(labels));
        return [logits.dataSync().slice(), net.backward(tape, dLogits as tf.Tensor2D).dataSync().slice()];
      });
      expect(relErr(logits!, refForward(refShape, paramsOf(net, values), x))).toBeLessThan(1e-4);
      expect(grad!.length).toBe(net.parameterCount);
      const fd = finiteDifferences(refLoss, values);
      expect(relErr(grad!, fd)).toBeLessThan(2e-3);
      // Every parameter group gets a gradient (none silently left at zero).
      const param = paramsOf(net, Float64Array.from(grad!));
      for (const s of net.bank.specs) expect(Math.max(...Array.from(param(s.name), Math.abs)), s.name).toBeGreaterThan(0);
      net.dispose();
    });
  }
});

describe('createCifarNet: shapes, parameters, initialisation', () => {
  for (const blocks of [1, 2, 3, 5, 7, 9]) {
    it(`n = ${blocks}: ${layersOf(blocks)} weighted layers, logits [B, 10], stages 28 → 14 → 7 and 14 → 7 → 4`, () => {
      for (const inputSize of [28, 14]) {
        for (const [arch, shortcut] of [['plain', 'A'], ['residual', 'A'], ['residual', 'B']] as const) {
          const net = createCifarNet({ arch, shortcut, blocks, width: 4, inputSize, seed: 1 });
          expect(net.layers).toBe(6 * blocks + 2);
          expect(net.parameterCount).toBe(cifarParameterCount({ arch, shortcut, blocks, width: 4 }));
          expect(net.stageSizes).toEqual(inputSize === 28 ? [28, 14, 7] : [14, 7, 4]);
          tf.tidy(() => {
            const x = tf.randomNormal([2, inputSize, inputSize, 1], 0, 1, 'float32', 1) as tf.Tensor4D;
            expect(net.forwardTrain(x).logits.shape).toEqual([2, 10]);
            expect(net.predict(x).shape).toEqual([2, 10]);
            const [maps] = net.featureMaps(tf.slice(x, [0, 0, 0, 0], [1, -1, -1, -1]));
            expect(maps!.stages.map((t) => t.shape)).toEqual([
              [net.stageSizes[0], net.stageSizes[0], 4],
              [net.stageSizes[0], net.stageSizes[0], 4],
              [net.stageSizes[1], net.stageSizes[1], 8],
              [net.stageSizes[2], net.stageSizes[2], 16],
            ]);
          });
          net.dispose();
        }
      }
    });
  }

  it('has the paper’s parameter counts at width 16 (ResNet-20 0.27 M, ResNet-56 0.85 M, Table 6)', () => {
    expect(cifarParameterCount({ arch: 'residual', blocks: 3, width: 16 }) / 1e6).toBeCloseTo(0.27, 2);
    expect(cifarParameterCount({ arch: 'residual', blocks: 9, width: 16 }) / 1e6).toBeCloseTo(0.85, 2);
  });

  it('plain and residual (option A) of the same seed start from identical weights; option B adds its projections at the end', () => {
    const plain = createCifarNet({ arch: 'plain', blocks: 2, width: 4, inputSize: 14, seed: 9 });
    const a = createCifarNet({ arch: 'residual', blocks: 2, width: 4, inputSize: 14, seed: 9 });
    const b = createCifarNet({ arch: 'residual', shortcut: 'B', blocks: 2, width: 4, inputSize: 14, seed: 9 });
    const other = createCifarNet({ arch: 'plain', blocks: 2, width: 4, inputSize: 14, seed: 10 });
    expect(a.bank.read()).toEqual(plain.bank.read());
    expect(b.bank.read().subarray(0, plain.parameterCount)).toEqual(plain.bank.read());
    expect(b.parameterCount - plain.parameterCount).toBe(4 * 8 + 2 * 8 + 8 * 16 + 2 * 16);
    expect(other.bank.read()).not.toEqual(plain.bank.read());
    for (const n of [plain, a, b, other]) n.dispose();
  });

  it('initialises kernels He-normal with fan-out (std √(2/(9·C_out))), γ = 1, β = 0', () => {
    const net = createCifarNet({ arch: 'plain', blocks: 3, width: 16, inputSize: 14, seed: 2 });
    const views = tf.tidy(() => Object.fromEntries(Object.entries(net.bank.views()).map(([k, v]) => [k, v.dataSync().slice()])));
    const std = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0) / v.length);
    expect(std(views['s3b2.conv1.kernel']!)).toBeCloseTo(Math.sqrt(2 / (9 * 64)), 2);
    expect(std(views['s1b1.conv2.kernel']!) / Math.sqrt(2 / (9 * 16))).toBeGreaterThan(0.95);
    expect(std(views['s1b1.conv2.kernel']!) / Math.sqrt(2 / (9 * 16))).toBeLessThan(1.05);
    expect(Array.from(views['s2b1.conv1.gamma']!)).toEqual(new Array(32).fill(1));
    expect(Array.from(views['s2b1.conv1.beta']!)).toEqual(new Array(32).fill(0));
    net.dispose();
  });

  it('rejects a non-integer or too small depth, width or input size', () => {
    expect(() => createCifarNet({ arch: 'plain', blocks: 0, width: 4, inputSize: 14, seed: 1 })).toThrow(RangeError);
    expect(() => createCifarNet({ arch: 'plain', blocks: 1, width: 2.5, inputSize: 14, seed: 1 })).toThrow(RangeError);
    expect(() => createCifarNet({ arch: 'plain', blocks: 1, width: 4, inputSize: 3, seed: 1 })).toThrow(RangeError);
  });
});

describe('createCifarNet: batch statistics, eval mode, memory, backends', () => {
  it('updateStats folds a batch into the running averages (momentum 0.1, unbiased variance); predict() uses them', () => {
    const net = createCifarNet({ arch: 'residual', blocks: 1, width: 2, inputSize: 6, seed: 1 });
    const x = t4(maps(4, 6, 1, 2));
    tf.tidy(() => {
      const { batchStats } = net.forwardTrain(x);
      const stats = batchStats.dataSync();
      const half = stats.length / 2;
      net.updateStats(batchStats, 4);
      const running = net.stats.dataSync();
      // Stem: 4·6·6 = 144 values per channel.
      expect(running[0]).toBeCloseTo(0.1 * stats[0]!, 6);
      expect(running[half]).toBeCloseTo(0.9 + 0.1 * stats[half]! * (144 / 143), 6);
    });
    // With the running statistics set to one batch's exact statistics, eval mode equals train mode on that batch.
    tf.tidy(() => {
      const { logits, batchStats } = net.forwardTrain(x);
      const s = batchStats.dataSync();
      net.stats.assign(tf.tensor1d(s));
      expect(relErr(net.predict(x).dataSync(), logits.dataSync())).toBeLessThan(1e-4);
    });
    x.dispose();
    net.dispose();
  });

  it('creates no lasting tensors in a training step or an evaluation, and frees everything on dispose()', () => {
    const before = tf.memory().numTensors;
    for (const shortcut of ['A', 'B'] as const) {
      const net = createCifarNet({ arch: 'residual', shortcut, blocks: 2, width: 2, inputSize: 7, seed: 1 });
      const x = t4(maps(3, 7, 1, 1));
      const y = oneHot([1, 2, 3]);
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        tf.tidy(() => {
          const { logits, tape, batchStats } = net.forwardTrain(x);
          net.backward(tape, softmaxCrossEntropy(logits, y).dLogits as tf.Tensor2D);
          net.updateStats(batchStats, 3);
        });
        tf.dispose(net.predict(x));
        tf.dispose(net.featureMaps(x).flatMap((m) => [...m.stages, m.probabilities]));
        counts.push(tf.memory().numTensors);
      }
      // The first step caches a few constants (rows of ones, the variance correction); then nothing grows.
      expect(counts[2]).toBe(counts[1]);
      expect(counts[1]).toBe(counts[0]);
      tf.dispose([x, y]);
      net.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('computes the same gradient on WASM as on CPU (float32 rounding only)', async () => {
    const config: CifarNetConfig = { arch: 'residual', blocks: 2, width: 4, inputSize: 14, seed: 5, method: 'fwd-conv' };
    const x = maps(4, 14, 1, 3);
    const labels = labelsOf(4, 4);
    const run = () => {
      const net = createCifarNet(config);
      const g = tf.tidy(() => {
        const { logits, tape } = net.forwardTrain(t4(x));
        return net.backward(tape, softmaxCrossEntropy(logits, oneHot(labels)).dLogits as tf.Tensor2D).dataSync().slice();
      });
      net.dispose();
      return g;
    };
    const cpu = run();
    await tf.setBackend('wasm');
    const wasm = run();
    await tf.setBackend('cpu');
    expect(relErr(wasm, cpu)).toBeLessThan(1e-3);
  });
});
