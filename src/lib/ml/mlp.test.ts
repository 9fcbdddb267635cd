import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// Registers tfjs-core's gradient functions: autodiff is only the test oracle, the net never uses it.
import '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { initialWeights } from './init-weights.ts';
import { createMlp, type ParamBanks } from './mlp.ts';
import type { NetConfig } from './net-config.ts';
import { createRng } from './prng.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config = (over: Partial<NetConfig>): NetConfig => ({
  architecture: 'plain',
  depth: 4,
  width: 8,
  batchNorm: true,
  inputDim: 2,
  classes: 3,
  seed: 11,
  ...over,
});

/** max |a − b| / max(1, max |b|) */
function relativeError(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.div(tf.max(tf.abs(tf.sub(a, b))), tf.maximum(1, tf.max(tf.abs(b)))).dataSync()[0]!);
}

describe('initialWeights(config)', () => {
  it('gives plain and residual nets with one seed identical stem, body and head kernels', () => {
    const plain = initialWeights(config({ architecture: 'plain', depth: 8 }));
    const residual = initialWeights(config({ architecture: 'residual', depth: 8 }));
    expect(residual.stem).toEqual(plain.stem);
    expect(residual.body).toEqual(plain.body);
    expect(residual.head).toEqual(plain.head);
  });

  it('scales the second kernel of each block by 1/√(D/2) in the residual net without BN', () => {
    const plain = initialWeights(config({ batchNorm: false, depth: 8 }));
    const residual = initialWeights(config({ architecture: 'residual', batchNorm: false, depth: 8 }));
    expect(residual.body[0]).toEqual(plain.body[0]);
    expect(residual.body[2]).toEqual(plain.body[2]);
    const scaled = plain.body[1]!.map((v) => v / 2); // D/2 = 4 blocks, 1/√4
    residual.body[1]!.forEach((v, i) => expect(v).toBeCloseTo(scaled[i]!, 6));
  });

  it('draws He-normal kernels: body entries have standard deviation ≈ √(2/W)', () => {
    const { body } = initialWeights(config({ width: 64, depth: 4 }));
    const all = body.flatMap((k) => [...k]);
    const sd = Math.sqrt(all.reduce((a, v) => a + v * v, 0) / all.length);
    expect(sd).toBeCloseTo(Math.sqrt(2 / 64), 2);
  });

  it('changes with the seed', () => {
    expect(initialWeights(config({ seed: 1 })).stem).not.toEqual(initialWeights(config({ seed: 2 })).stem);
  });
});

describe('createMlp(config)', () => {
  it('rejects a residual net with an odd depth and a zero width', () => {
    expect(() => createMlp(config({ architecture: 'residual', depth: 3 }))).toThrow(RangeError);
    expect(() => createMlp(config({ width: 0 }))).toThrow(RangeError);
  });

  it('counts parameters: stem, D kernels, γ and β per hidden layer, head', () => {
    const net = createMlp(config({ depth: 4, width: 8 }));
    expect(net.parameterCount).toBe(2 * 8 + 4 * 64 + 2 * 5 * 8 + 8 * 3 + 3);
    net.dispose();
  });

  it.each([true, false])('packs lanes block-diagonally: plain and residual (BN %s) backward equals autodiff, zero blocks get zero gradient', (batchNorm) => {
    const net = createMlp({
      lanes: [
        { architecture: 'plain', seed: 1 },
        { architecture: 'residual', seed: 2 },
      ],
      depth: 4,
      width: 6,
      batchNorm,
      inputDim: 2,
      classes: 3,
    });
    const x = tf.randomNormal([16, 2], 0, 1, 'float32', 7);
    const labels = tf.tensor1d(Array.from({ length: 16 }, (_, i) => i % 3), 'int32');
    const oneHot = tf.tile(tf.oneHot(labels, 3), [1, 2]);
    const [mine, auto, offDiagonal] = tf.tidy(() => {
      const { logits, tape } = net.forwardTrain(x);
      const manual = net.backward(tape, softmaxCrossEntropy(logits, oneHot, 2).dLogits);
      const lossOf = (v: tf.Tensor, b: tf.Tensor, h: tf.Tensor) =>
        tf.sum(softmaxCrossEntropy(net.forwardTrain(x, { vectors: v, body: b, head: h }).logits, oneHot, 2).loss);
      const [dv, db] = tf.grads(lossOf)([...net.variables]);
      // Autodiff also differentiates the zero blocks; compare only the diagonal blocks.
      const mask = tf.reshape(tf.cast(tf.notEqual(net.variables[1], 0), 'float32'), net.variables[1].shape);
      const offDiagonal = tf.max(tf.abs(tf.mul(manual.body, tf.sub(1, mask))));
      return [
        [manual.vectors, manual.body],
        [dv!, tf.mul(db!, mask)],
        offDiagonal,
      ];
    });
    expect(relativeError(mine[0]!, auto[0]!)).toBeLessThan(1e-4);
    expect(relativeError(mine[1]!, auto[1]!)).toBeLessThan(1e-4);
    expect(offDiagonal.dataSync()[0]).toBe(0);
    tf.dispose([...mine, ...auto, offDiagonal, x, labels, oneHot]);
    net.dispose();
  });

  const variants = [
    { architecture: 'plain', batchNorm: true },
    { architecture: 'residual', batchNorm: true },
    { architecture: 'plain', batchNorm: false },
    { architecture: 'residual', batchNorm: false },
  ] as const;

  it.each(variants)('$architecture (BN $batchNorm): backward() equals tfjs autodiff of the same forward pass', (v) => {
    const net = createMlp(config({ ...v, depth: 4 }));
    const rng = createRng(5);
    const random = (shape: number[], std: number) =>
      tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b) }, () => rng.normal(0, std)), shape);
    // Move away from γ = 1, β = 0, b = 0 so every parameter's gradient is generic.
    const [vectors] = net.variables;
    vectors.assign(tf.tidy(() => tf.add(vectors, random(vectors.shape, 0.3))));
    const x = random([16, 2], 1);
    const oneHot = tf.oneHot(tf.tensor1d(Array.from({ length: 16 }, (_, i) => i % 3), 'int32'), 3);
    const before = tf.memory().numTensors;

    const [mine, auto] = tf.tidy(() => {
      const { logits, tape } = net.forwardTrain(x);
      const manual = net.backward(tape, softmaxCrossEntropy(logits, oneHot).dLogits);
      const lossOf = (v: tf.Tensor, b: tf.Tensor, h: tf.Tensor) =>
        tf.sum(softmaxCrossEntropy(net.forwardTrain(x, { vectors: v, body: b, head: h } as ParamBanks).logits, oneHot).loss);
      const [dv, db, dh] = tf.grads(lossOf)([...net.variables]);
      return [
        [manual.vectors, manual.body, manual.head],
        [dv!, db!, dh!],
      ];
    });
    for (let i = 0; i < 3; i++) {
      expect(mine[i]!.shape).toEqual(net.variables[i]!.shape);
      expect(relativeError(mine[i]!, auto[i]!)).toBeLessThan(1e-4);
    }
    tf.dispose([...mine, ...auto]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, oneHot]);
    net.dispose();
  });

  it.each(variants)('$architecture (BN $batchNorm): forwardFixed with a batch\'s own statistics equals forwardTrain on it', (v) => {
    const net = createMlp(config({ ...v, depth: 4 }));
    const x = tf.randomNormal([32, 2], 0, 1, 'float32', 3);
    const err = tf.tidy(() => {
      const { logits, stats } = net.forwardTrain(x);
      return relativeError(net.forwardFixed(x, stats), logits);
    });
    expect(err).toBeLessThan(1e-4);
    x.dispose();
    net.dispose();
  });

  it('dispose() frees every tensor it made', () => {
    const before = tf.memory().numTensors;
    createMlp(config({ depth: 6 })).dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
