import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// Registers tfjs-core's gradient functions: autodiff is only a test oracle, the net never uses it.
import '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockVariantIds, blockVariants, type BlockVariantId } from './block-variants.ts';
import { createMlp } from './mlp.ts';
import { createRng } from './prng.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';
import { createVariantNet, initialVariantParams, variantLayout, type VariantNet, type VariantParams } from './variant-net.ts';
import { referenceLoss } from './variant-net-reference.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const shape = { depth: 4, width: 5, inputDim: 2, classes: 3 };
const B = 7;

/** A small net whose parameters are moved off their initial values (non-trivial γ, β, biases), and a batch. */
function setup(id: BlockVariantId, seed = 3, gateBias = -1) {
  const net = createVariantNet({ variant: id, ...shape, seed, gateBias });
  const rng = createRng(100 + seed);
  // Perturb every parameter so that BN's γ ≠ 1, β ≠ 0 and no unit sits on a ReLU kink by construction.
  for (const v of net.variables) {
    const values = v.dataSync().slice();
    for (let i = 0; i < values.length; i++) values[i]! += rng.normal(0, 0.3);
    v.assign(tf.tensor(values, v.shape));
  }
  const x = Float32Array.from({ length: B * shape.inputDim }, () => rng.uniformRange(-1, 1));
  const labels = Int32Array.from({ length: B }, () => rng.int(shape.classes));
  const blocks = shape.depth / 2;
  const mask = Float32Array.from({ length: blocks * B * shape.width }, () => (rng.uniform() < 0.5 ? 1 : 0));
  return { net, x, labels, mask };
}

function analytic(net: VariantNet, x: Float32Array, labels: Int32Array, mask: Float32Array) {
  let out!: { loss: number; mine: Float64Array; auto: Float64Array };
  tf.tidy(() => {
    const xt = tf.tensor2d(x, [B, shape.inputDim]);
    const y = tf.oneHot(tf.tensor1d(labels, 'int32'), shape.classes);
    const maskT = tf.tensor3d(mask, [shape.depth / 2, B, shape.width]);
    const { logits, tape } = net.forward(xt, { kind: 'train', mask: maskT });
    const { loss, dLogits } = softmaxCrossEntropy(logits, y);
    const g = net.backward(tape!, dLogits);
    // The same loss differentiated by tfjs's autodiff, through the same forward pass.
    const auto = tf.grads((stem: tf.Tensor, kernels: tf.Tensor, vectors: tf.Tensor, head: tf.Tensor) =>
      tf.sum(softmaxCrossEntropy(net.forward(xt, { kind: 'train', mask: maskT }, { stem, kernels, vectors, head }).logits, y).loss),
    )(net.variables as unknown as tf.Tensor[]);
    const flat = (p: VariantParams | tf.Tensor[]) =>
      Float64Array.from((Array.isArray(p) ? p : [p.stem, p.kernels, p.vectors, p.head]).flatMap((t) => Array.from(t.dataSync())));
    out = { loss: loss.dataSync()[0]!, mine: flat(g), auto: flat(auto) };
  });
  return out;
}

const maxRelErr = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let err = 0, scale = 1;
  for (let i = 0; i < a.length; i++) {
    err = Math.max(err, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return err / scale;
};

describe('createVariantNet(config)', () => {
  it('starts every variant from the same stem, block and head matrices (those of the degradation lab’s residual net)', () => {
    const base = initialVariantParams({ variant: 'original', ...shape, seed: 9 });
    for (const id of blockVariantIds) {
      const p = initialVariantParams({ variant: id, ...shape, seed: 9 });
      expect(p.stem.values).toEqual(base.stem.values);
      expect(p.head.values).toEqual(base.head.values);
      expect(p.kernels.values.subarray(0, shape.depth * 25)).toEqual(base.kernels.values.subarray(0, shape.depth * 25));
    }
  });

  it('initialises γ = 1, β = 0 and the gate bias to b_g', () => {
    const p = initialVariantParams({ variant: 'exclusive-gate', ...shape, seed: 1, gateBias: -6 });
    const layout = variantLayout(blockVariants.find((v) => v.id === 'exclusive-gate')!, 2);
    const row = (r: number) => Array.from(p.vectors.values.subarray(r * 5, r * 5 + 5));
    expect(row(0)).toEqual([1, 1, 1, 1, 1]);
    expect(row(1)).toEqual([0, 0, 0, 0, 0]);
    expect(row(layout.extraVectorRow(1))).toEqual([-6, -6, -6, -6, -6]);
  });

  it('`original` computes exactly what the degradation lab’s residual net with BN computes', () => {
    const net = createVariantNet({ variant: 'original', depth: 6, width: 8, inputDim: 2, classes: 3, seed: 4 });
    const mlp = createMlp({ architecture: 'residual', depth: 6, width: 8, batchNorm: true, inputDim: 2, classes: 3, seed: 4 });
    const x = tf.randomUniform([9, 2], -1, 1, 'float32', 5);
    const [a, b] = tf.tidy(() => [net.forward(x, { kind: 'collect' }).logits.dataSync().slice(), mlp.forwardTrain(x).logits.dataSync().slice()]);
    expect(maxRelErr(a!, b!)).toBeLessThan(1e-5);
    tf.dispose([x]);
    net.dispose();
    mlp.dispose();
  });

  it('`zero-shortcut` is the plain net: same logits as the degradation lab’s plain net with BN', () => {
    const net = createVariantNet({ variant: 'zero-shortcut', depth: 6, width: 8, inputDim: 2, classes: 3, seed: 4 });
    const mlp = createMlp({ architecture: 'plain', depth: 6, width: 8, batchNorm: true, inputDim: 2, classes: 3, seed: 4 });
    const x = tf.randomUniform([9, 2], -1, 1, 'float32', 6);
    const [a, b] = tf.tidy(() => [net.forward(x, { kind: 'collect' }).logits.dataSync().slice(), mlp.forwardTrain(x).logits.dataSync().slice()]);
    expect(maxRelErr(a!, b!)).toBeLessThan(1e-5);
    tf.dispose([x]);
    net.dispose();
    mlp.dispose();
  });

  it('counts parameters per variant: 2 kernels and 2 BNs per block, plus W_s and a BN, or W_g and b_g', () => {
    const count = (id: BlockVariantId) => {
      const net = createVariantNet({ variant: id, ...shape, seed: 1 });
      const n = net.parameterCount;
      net.dispose();
      return n;
    };
    const base = 2 * 5 + 2 * 5 + 2 * (2 * 25 + 4 * 5) + 6 * 3;
    expect(count('original')).toBe(base);
    expect(count('projection')).toBe(base + 2 * (25 + 10));
    expect(count('shortcut-gate')).toBe(base + 2 * (25 + 5));
    expect(count('full-preact')).toBe(base + 10);
  });

  it('rejects an odd depth, a zero width and an unknown variant', () => {
    expect(() => createVariantNet({ variant: 'original', ...shape, depth: 3, seed: 0 })).toThrow(RangeError);
    expect(() => createVariantNet({ variant: 'original', ...shape, width: 0, seed: 0 })).toThrow(RangeError);
    expect(() => createVariantNet({ variant: 'nope' as BlockVariantId, ...shape, seed: 0 })).toThrow(RangeError);
  });

  it('a fixed-mode pass with the statistics of a collect pass on the same batch gives the same logits', () => {
    const { net, x } = setup('bn-after-add');
    const xt = tf.tensor2d(x, [B, 2]);
    const [a, b] = tf.tidy(() => {
      const c = net.forward(xt, { kind: 'collect' });
      return [c.logits.dataSync().slice(), net.forward(xt, { kind: 'fixed', stats: c.stats }).logits.dataSync().slice()];
    });
    expect(maxRelErr(a!, b!)).toBeLessThan(1e-4);
    xt.dispose();
    net.dispose();
  });
});

describe.each(blockVariantIds)('backward() of %s', (id) => {
  it('equals autodiff through the same forward pass', () => {
    const { net, x, labels, mask } = setup(id);
    const { mine, auto } = analytic(net, x, labels, mask);
    expect(maxRelErr(mine, auto)).toBeLessThan(1e-4);
    net.dispose();
  });

  it('matches central finite differences of the float64 reference loss, and the forward loss agrees with it', () => {
    const { net, x, labels, mask } = setup(id, 5);
    const { loss, mine } = analytic(net, x, labels, mask);
    const values = net.variables.map((v) => Float64Array.from(v.dataSync()));
    const sizes = values.map((v) => v.length);
    const flat = Float64Array.from(values.flatMap((v) => Array.from(v)));
    const lossAt = (w: Float64Array) => {
      const parts: Float64Array[] = [];
      let o = 0;
      for (const n of sizes) parts.push(w.subarray(o, (o += n)));
      return referenceLoss(id, { stem: parts[0]!, kernels: parts[1]!, vectors: parts[2]!, head: parts[3]! }, shape, x, labels, mask);
    };
    expect(lossAt(flat)).toBeCloseTo(loss, 4);
    const eps = 1e-6;
    const bad: string[] = [];
    // Every parameter (a few hundred): the net is tiny and the reference is cheap.
    for (let i = 0; i < flat.length; i++) {
      const up = Float64Array.from(flat), down = Float64Array.from(flat);
      up[i]! += eps;
      down[i]! -= eps;
      const fd = (lossAt(up) - lossAt(down)) / (2 * eps);
      if (Math.abs(mine[i]! - fd) > 2e-4 + 2e-3 * Math.abs(fd)) bad.push(`${i}: ${mine[i]} vs ${fd}`);
    }
    expect(bad).toEqual([]);
    net.dispose();
  });
});
