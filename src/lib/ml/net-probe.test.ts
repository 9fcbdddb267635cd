import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetExtent, makeDataset } from './datasets.ts';
import { createLockstepTrainer } from './lockstep-trainer.ts';
import { blockSkip } from './lesion.ts';
import { createMlp, type NetStats } from './mlp.ts';
import type { NetConfig } from './net-config.ts';
import { createNetProbe } from './net-probe.ts';
import { paramLayout, readVector, writeVector } from './param-vector.ts';
import { pathInputGradients } from './path-gradients.ts';
import { createRng } from './prng.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';
import { createTrainer } from './trainer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const data = makeDataset('spiral', { n: 120, seed: 3 });
const config = (over: Partial<NetConfig> = {}): NetConfig => ({ architecture: 'residual', depth: 6, width: 8, batchNorm: true, inputDim: 2, classes: 3, seed: 4, ...over });
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!)));

/** A config's net with its vector perturbed away from γ = 1, β = 0, b = 0 (every parameter generic). */
function genericVector(c: NetConfig, seed = 1): Float32Array {
  const net = createMlp(c);
  const rng = createRng(seed);
  const v = readVector(net).map((x) => x + rng.normal(0, 0.2));
  net.dispose();
  return v;
}

describe('flat parameter vectors', () => {
  it('the layout covers every parameter: its size is the parameter count', () => {
    const net = createMlp(config({ depth: 4 }));
    expect(paramLayout(config({ depth: 4 })).size).toBe(net.parameterCount);
    expect(readVector(net)).toHaveLength(net.parameterCount);
    net.dispose();
  });

  it('a lane of a lockstep trainer has the same vector as the one-net trainer with its seed', () => {
    const common = { data, depth: 4, width: 8, batchNorm: true, batchSize: 20, optimizer: { kind: 'adam' as const, learningRate: 0.01 }, seed: 2 };
    const packed = createLockstepTrainer({ ...common, nets: [{ architecture: 'plain', seed: 1 }, { architecture: 'residual', seed: 2 }] });
    const one = createTrainer({ ...common, architecture: 'residual', seed: 2 });
    expect(packed.weights()[1]).toEqual(one.weights());
    packed.step(3);
    one.step(3);
    expect(maxAbsDiff(packed.weights()[1]!, one.weights())).toBeLessThan(1e-5);
    packed.dispose();
    one.dispose();
  });

  it('writeVector then readVector gives the vector back, and refuses a wrong length', () => {
    const c = config();
    const v = genericVector(c);
    const net = createMlp(c);
    writeVector(net, v);
    expect(readVector(net)).toEqual(v);
    expect(() => writeVector(net, v.subarray(1))).toThrow(RangeError);
    net.dispose();
  });
});

describe('forwardFixed(x, stats, skip): leaving blocks out', () => {
  it('skipping a residual block equals zeroing its branch (γ = β = 0 in its second BN): the identity is left', () => {
    const c = config();
    const v = genericVector(c);
    const layout = paramLayout(c);
    const zeroed = v.slice();
    // Vector rows: stem kernel (2 rows), then γ_u, β_u per unit u = 0 … D; block 1's second unit is u = 4.
    const W = c.width;
    zeroed.fill(0, layout.banks.vectors.offset + (2 + 2 * 4) * W, layout.banks.vectors.offset + (2 + 2 * 4 + 2) * W);
    const a = createMlp(c);
    const b = createMlp(c);
    writeVector(a, v);
    writeVector(b, zeroed);
    const x = tf.tensor2d(data.x, [data.n, 2]);
    const [skipped, branchless] = tf.tidy(() => {
      const stats = a.forwardTrain(x).stats;
      return [a.forwardFixed(x, stats, blockSkip(6, [1])).dataSync(), b.forwardFixed(x, stats).dataSync()];
    });
    expect(maxAbsDiff(skipped!, branchless!)).toBeLessThan(1e-5);
    tf.dispose(x);
    a.dispose();
    b.dispose();
  });

  it('skipping a plain block equals the shallower plain net without those two layers', () => {
    const deep = config({ architecture: 'plain', depth: 4 });
    const shallow = config({ architecture: 'plain', depth: 2 });
    const v = genericVector(deep);
    const L4 = paramLayout(deep);
    const L2 = paramLayout(shallow);
    const W = deep.width;
    // Keep stem, units 0, 3, 4 and body layers 3, 4 and the head.
    const s = new Float32Array(L2.size);
    const rows = (from: number, count: number) => v.subarray(from * W, (from + count) * W);
    s.set(rows(0, 2), 0); // stem kernel
    s.set(rows(2, 2), 2 * W); // γ0, β0
    s.set(rows(2 + 2 * 3, 4), 4 * W); // γ3, β3, γ4, β4
    s.set(v.subarray(L4.kernels[3]!.offset, L4.kernels[5]!.offset + L4.kernels[5]!.rows * L4.kernels[5]!.cols), L2.kernels[1]!.offset);
    s.set(v.subarray(L4.size - 3), L2.size - 3); // head bias
    const a = createMlp(deep);
    const b = createMlp(shallow);
    writeVector(a, v);
    writeVector(b, s);
    const x = tf.tensor2d(data.x, [data.n, 2]);
    const [skipped, direct] = tf.tidy(() => {
      const stats = a.forwardTrain(x).stats;
      return [a.forwardFixed(x, stats, blockSkip(4, [0])).dataSync(), b.forwardFixed(x, [stats[0]!, stats[3]!, stats[4]!]).dataSync()];
    });
    expect(maxAbsDiff(skipped!, direct!)).toBeLessThan(1e-5);
    tf.dispose(x);
    a.dispose();
    b.dispose();
  });

  it('refuses half a residual block and a wrong number of flags', () => {
    const net = createMlp(config());
    const x = tf.zeros([4, 2]);
    const stats: NetStats = [];
    tf.tidy(() => {
      for (const s of net.forwardTrain(x).stats) stats.push(s && { mean: tf.keep(s.mean), variance: tf.keep(s.variance) });
    });
    expect(() => net.forwardFixed(x, stats, [true, false, false, false, false, false])).toThrow(RangeError);
    expect(() => net.forwardFixed(x, stats, [true, true])).toThrow(RangeError);
    tf.dispose([x, ...stats.flatMap((s) => (s ? [s.mean, s.variance] : []))]);
    net.dispose();
  });
});

describe('pathInputGradients: the gradient, path by path (Veit et al. 2016)', () => {
  it.each([true, false])('summed over all 2ⁿ paths gives the full gradient (BN %s): checked through the stem kernel gradient', (batchNorm) => {
    const c = config({ batchNorm, depth: 6 });
    const net = createMlp(c);
    writeVector(net, genericVector(c));
    const x = tf.tensor2d(data.x.subarray(0, 64), [32, 2]);
    const oneHot = tf.oneHot(tf.tensor1d(data.y.subarray(0, 32), 'int32'), 3);
    const paths = Array.from({ length: 8 }, (_, p) => [0, 1, 2].map((b) => ((p >> b) & 1) === 1));
    const [viaPaths, full] = tf.tidy(() => {
      const { logits, tape } = net.forwardTrain(x);
      const { dLogits } = softmaxCrossEntropy(logits, oneHot);
      const dStemOut = tf.sum(pathInputGradients(tape, dLogits, paths), 0); // [B, W]
      // Through the stem unit: ReLU, then BN (batch statistics) or bias, then the kernel xᵀ·dz.
      const stem = tape.units[0]!;
      let dz = tf.mul(dStemOut, tf.step(stem.out));
      if (stem.bn) {
        const { zHat, rstd, gamma } = stem.bn;
        const dBeta = tf.sum(dz, 0, true);
        const dGamma = tf.sum(tf.mul(dz, zHat), 0, true);
        dz = tf.mul(tf.sub(dz, tf.mul(tf.add(tf.mul(zHat, dGamma), dBeta), 1 / 32)), tf.mul(rstd, gamma));
      }
      const mine = tf.matMul(tf.transpose(x), dz);
      const g = net.backward(tape, dLogits);
      return [mine.dataSync(), tf.slice(g.vectors, [0, 0], [2, c.width]).dataSync()];
    });
    const scale = Math.max(...Array.from(full!, Math.abs));
    expect(maxAbsDiff(viaPaths!, full!) / scale).toBeLessThan(1e-4);
    tf.dispose([x, oneHot]);
    net.dispose();
  });

  it('refuses a plain net and paths of the wrong length', () => {
    const net = createMlp(config({ architecture: 'plain' }));
    const x = tf.zeros([4, 2]);
    tf.tidy(() => {
      const { logits, tape } = net.forwardTrain(x);
      expect(() => pathInputGradients(tape, logits, [[true, false, true]])).toThrow(RangeError);
    });
    net.dispose();
    const res = createMlp(config());
    tf.tidy(() => {
      const { logits, tape } = res.forwardTrain(x);
      expect(() => pathInputGradients(tape, logits, [[true]])).toThrow(RangeError);
    });
    res.dispose();
    x.dispose();
  });
});

describe('createNetProbe(config, weights, data)', () => {
  it('the intact net scores what the trainer measured; deleting blocks changes the score; tensors are freed', () => {
    const trainer = createTrainer({ data, architecture: 'residual', depth: 6, width: 8, batchNorm: true, batchSize: 20, optimizer: { kind: 'adam', learningRate: 0.01 }, seed: 4 });
    trainer.step(40);
    const e = trainer.evaluate();
    const w = trainer.weights();
    trainer.dispose();
    const before = tf.memory().numTensors;
    const probe = createNetProbe(config(), w, data);
    expect(probe.blocks).toBe(3);
    expect(e.kind).toBe('ok');
    if (e.kind === 'ok') expect(probe.accuracy(data)).toBeCloseTo(e.accuracy, 5);
    expect(probe.accuracy(data, [])).toBe(probe.accuracy(data));
    const lesioned = [0, 1, 2].map((b) => probe.accuracy(data, [b]));
    expect(lesioned.every((a) => a >= 0 && a <= 1)).toBe(true);
    expect(probe.accuracy(data, [0, 1, 2])).not.toBe(probe.accuracy(data));
    const grid = probe.predictGrid(5, datasetExtent(data), [1]);
    expect(grid).toHaveLength(5 * 5 * 3);
    for (let i = 0; i < 25; i++) expect(grid[3 * i]! + grid[3 * i + 1]! + grid[3 * i + 2]!).toBeCloseTo(1, 5);
    const norms = probe.pathGradientNorms(Int32Array.from([0, 5, 9, 40, 80, 100]), [[false, false, false], [true, true, true]]);
    expect(norms).toHaveLength(2);
    expect(norms.every((n) => n > 0)).toBe(true);
    probe.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a config that does not fit the data, and path gradients of a plain net', () => {
    expect(() => createNetProbe(config({ classes: 2 }), new Float32Array(1), data)).toThrow(RangeError);
    const c = config({ architecture: 'plain' });
    const probe = createNetProbe(c, genericVector(c), data);
    expect(() => probe.pathGradientNorms(Int32Array.from([0]), [[true, true, true]])).toThrow(RangeError);
    probe.dispose();
  });
});
