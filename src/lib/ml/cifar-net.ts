import * as tf from '@tensorflow/tfjs-core';
import { batchNormEpsilon } from './batch-norm.ts';
import { channelNormBackward, channelNormTrain, createOnesCache, type ChannelNormCache } from './channel-batch-norm.ts';
import { createConvLayer, fastestConvMethod, stridedConvMethods, type ConvCache, type ConvLayer, type ConvMethod } from './conv-layer.ts';
import { createParamBank, type ParamBank, type ParamSpec } from './param-bank.ts';
import { createRng, deriveSeed } from './prng.ts';

/**
 * He et al.'s CIFAR-10 network family (2015, §4.2), for one-channel square images (digits):
 *
 *   conv 3×3 (w) → BN → ReLU                                       the stem, S×S
 *   stage 1: n basic blocks, w channels,  S×S
 *   stage 2: n basic blocks, 2w channels, ⌈S/2⌉×⌈S/2⌉ (its first conv has stride 2)
 *   stage 3: n basic blocks, 4w channels, ⌈S/4⌉×⌈S/4⌉ (idem)
 *   global average pooling → linear (4w → 10)
 *
 * A basic block is conv 3×3 → BN → ReLU → conv 3×3 → BN, then (+ shortcut) → ReLU. That is 6n + 2
 * weighted layers (n = 3, 5, 7, 9 → 20, 32, 44, 56). The plain net is the same net without the
 * shortcuts. Residual shortcuts are identities, except where a stage begins:
 * - option A (the paper's CIFAR choice): the input sampled at stride 2 with the new channels
 *   filled with zeros — written here as a fixed 1×1 stride-2 convolution with kernel [I | 0], so
 *   its backward pass is the layer's transposed convolution; no parameters;
 * - option B: a learned 1×1 stride-2 projection followed by BN (Eq. 2, W_s).
 * Convolutions have no bias (BN follows each one). BN uses the mini-batch's statistics while
 * training and running averages (momentum 0.1, unbiased variance, as PyTorch) for evaluation.
 *
 * Initialisation (seeded): convolutions He-normal with fan-out, std √(2 / (k²·C_out)) (He et al.
 * 2015b, as torchvision); BN γ = 1, β = 0; the linear layer uniform in ±1/√(4w), weights and bias.
 * The main path's parameters are drawn from one stream in layer order and come first in the bank,
 * so a plain net and a residual net of the same seed, depth and width start from identical
 * weights (option B's projections, drawn from their own stream, sit at the end of the bank).
 *
 * The backward pass is hand-written (the convolution gradients are forward convolutions, see
 * `conv-layer.ts`), so the WASM backend, which has no `Conv2DBackpropFilter`, can train it.
 *
 * Shapes: input x [B, S, S, 1] (standardised pixels); logits [B, 10].
 */
export type CifarArch = 'plain' | 'residual';
export type ShortcutOption = 'A' | 'B';

export interface CifarNetConfig {
  arch: CifarArch;
  /** Basic blocks per stage, n ≥ 1 (6n + 2 weighted layers). */
  blocks: number;
  /** Channels of stage 1, w ≥ 1 (stages 2 and 3 have 2w and 4w). */
  width: number;
  /** Input height = width S ≥ 4 (28 for MNIST, 14 downsampled). */
  inputSize: number;
  /** Residual shortcuts where a stage begins (default 'A'; ignored by the plain net). */
  shortcut?: ShortcutOption;
  /** Seeds the initial weights. */
  seed: number;
  /** Convolution-gradient method of the stride-1 layers (default: the fastest on the backend). */
  method?: ConvMethod;
  /** Weight of the current batch in the running BN statistics (default 0.1). */
  bnMomentum?: number;
}

export const CLASSES = 10;

/** Weighted layers (convolutions + the linear layer, projections not counted) of a net with n blocks per stage. */
export const layersOf = (blocks: number) => 6 * blocks + 2;

/** One convolution + BN of the net. */
interface ConvUnit {
  name: string;
  layer: ConvLayer;
  inChannels: number;
  outChannels: number;
  kernel: number;
  /** Input size (square). */
  size: number;
  /** A fixed, untrained kernel (option A's shortcut): no BN, no parameters. */
  fixed?: tf.Tensor4D;
}

interface Block {
  conv1: ConvUnit;
  conv2: ConvUnit;
  /** The shortcut where the shape changes (residual nets only; null = identity). */
  shortcut: ConvUnit | null;
  /** Whether the block adds a shortcut at all (false in the plain net). */
  residual: boolean;
}

/** What one conv + BN (+ ReLU) kept for the backward pass. */
interface UnitTape {
  conv: ConvCache;
  bn: ChannelNormCache | null;
  outShape: [number, number, number, number];
}

interface BlockTape {
  conv1: UnitTape;
  /** ReLU(BN(conv1)) — the mask of the inner ReLU. */
  inner: tf.Tensor;
  conv2: UnitTape;
  shortcut: UnitTape | null;
  /** The block's output (after the last ReLU). */
  out: tf.Tensor;
}

/** Everything `backward` needs from `forwardTrain`. */
export interface CifarTape {
  stem: UnitTape;
  stemOut: tf.Tensor;
  blocks: BlockTape[];
  /** Pooled features [B, 4w]. */
  features: tf.Tensor2D;
  dense: tf.Tensor2D;
  /** Size of the last stage's maps. */
  lastSize: number;
}

/** The activations of one image for display, in eval mode. */
export interface CifarFeatureMaps {
  /** Stem output (the start of stage 1) [S, S, w]; then the output of stages 1, 2 and 3 (the starts of stages 2 and 3, and what is pooled). */
  stages: tf.Tensor3D[];
  /** Class probabilities [10]. */
  probabilities: tf.Tensor1D;
}

export interface CifarNet {
  readonly config: Required<CifarNetConfig>;
  /** Weighted layers, 6n + 2. */
  readonly layers: number;
  readonly bank: ParamBank;
  readonly parameterCount: number;
  /** Running BN statistics, per BN unit in bank order: means then variances (not trained). */
  readonly stats: tf.Variable<tf.Rank.R1>;
  /** Map sizes of the three stages, e.g. [28, 14, 7]. */
  readonly stageSizes: readonly [number, number, number];
  /**
   * Training-mode forward pass: logits, the tape, and the batch statistics of every BN unit in
   * the layout of `stats` (means then biased variances). `values` replaces the bank's variable.
   */
  forwardTrain(x: tf.Tensor4D, values?: tf.Tensor): { logits: tf.Tensor2D; tape: CifarTape; batchStats: tf.Tensor1D };
  /** dLoss/dParams [P] in the bank's layout, from dLoss/dLogits [B, 10]. */
  backward(tape: CifarTape, dLogits: tf.Tensor2D): tf.Tensor1D;
  /** Folds a batch's statistics into the running averages (one assign). */
  updateStats(batchStats: tf.Tensor1D, batchSize: number): void;
  /** Eval-mode logits [B, 10] (running statistics). */
  predict(x: tf.Tensor4D): tf.Tensor2D;
  /** Eval-mode activations of the images of x [B, S, S, 1]. */
  featureMaps(x: tf.Tensor4D): CifarFeatureMaps[];
  dispose(): void;
}

const K = 3;

/** Parameter count of the net described by a config (the bank's size). */
export function cifarParameterCount(config: Pick<CifarNetConfig, 'arch' | 'blocks' | 'width' | 'shortcut'>): number {
  const { blocks: n, width: w } = config;
  let p = 9 * w + 2 * w; // stem
  for (let s = 0; s < 3; s++) {
    const c = w << s;
    for (let b = 0; b < n; b++) {
      const cin = b === 0 && s > 0 ? c / 2 : c;
      p += 9 * cin * c + 2 * c + 9 * c * c + 2 * c;
      if (config.arch === 'residual' && (config.shortcut ?? 'A') === 'B' && cin !== c) p += cin * c + 2 * c;
    }
  }
  return p + 4 * w * CLASSES + CLASSES;
}

export function createCifarNet(config: CifarNetConfig): CifarNet {
  const cfg: Required<CifarNetConfig> = {
    shortcut: 'A',
    method: config.method ?? fastestConvMethod(tf.getBackend()),
    bnMomentum: 0.1,
    ...config,
  } as Required<CifarNetConfig>;
  const { blocks: n, width: w, inputSize: size, arch } = cfg;
  for (const [name, v, min] of [['blocks', n, 1], ['width', w, 1], ['inputSize', size, 4]] as const) {
    if (!Number.isInteger(v) || v < min) throw new RangeError(`createCifarNet: ${name} must be an integer ≥ ${min}, got ${v}`);
  }
  const optionB = arch === 'residual' && cfg.shortcut === 'B';
  const stageSizes = [size, Math.ceil(size / 2), Math.ceil(Math.ceil(size / 2) / 2)] as const;

  const methodFor = (stride: number) => (stride === 1 || stridedConvMethods.includes(cfg.method) ? cfg.method : 'fwd-conv');
  const unit = (name: string, cin: number, cout: number, inSize: number, stride: number, kernel = K): ConvUnit => ({
    name,
    inChannels: cin,
    outChannels: cout,
    kernel,
    size: inSize,
    layer: createConvLayer({ height: inSize, width: inSize, inChannels: cin, outChannels: cout, kernel, stride }, methodFor(stride)),
  });

  const stem = unit('stem', 1, w, size, 1);
  const blocks: Block[] = [];
  for (let s = 0; s < 3; s++) {
    const c = w << s;
    for (let b = 0; b < n; b++) {
      const down = s > 0 && b === 0;
      const cin = down ? c / 2 : c;
      const inSize = down ? stageSizes[s - 1]! : stageSizes[s]!;
      const stride = down ? 2 : 1;
      let shortcut: ConvUnit | null = null;
      if (arch === 'residual' && down) {
        shortcut = unit(`s${s + 1}b${b + 1}.shortcut`, cin, c, inSize, 2, 1);
        if (!optionB) {
          // [I | 0]: channel i → i, the new channels zero.
          const eye = new Float32Array(cin * c);
          for (let i = 0; i < cin; i++) eye[i * c + i] = 1;
          shortcut.fixed = tf.tensor4d(eye, [1, 1, cin, c]);
        }
      }
      blocks.push({
        conv1: unit(`s${s + 1}b${b + 1}.conv1`, cin, c, inSize, stride),
        conv2: unit(`s${s + 1}b${b + 1}.conv2`, c, c, stageSizes[s]!, 1),
        shortcut,
        residual: arch === 'residual',
      });
    }
  }
  const mainUnits = [stem, ...blocks.flatMap((b) => [b.conv1, b.conv2])];
  const projections = blocks.flatMap((b) => (b.shortcut && !b.shortcut.fixed ? [b.shortcut] : []));
  const bnUnits = [...mainUnits, ...projections];

  // Bank: the main path (kernel, γ, β per unit), the head, then option B's projections.
  const specs: ParamSpec[] = [];
  const convSpecs = (u: ConvUnit) => {
    specs.push({ name: `${u.name}.kernel`, shape: [u.kernel, u.kernel, u.inChannels, u.outChannels] });
    specs.push({ name: `${u.name}.gamma`, shape: [u.outChannels] });
    specs.push({ name: `${u.name}.beta`, shape: [u.outChannels] });
  };
  mainUnits.forEach(convSpecs);
  specs.push({ name: 'dense', shape: [4 * w, CLASSES] }, { name: 'denseBias', shape: [CLASSES] });
  projections.forEach(convSpecs);

  const initial: Record<string, Float32Array> = {};
  const heNormal = (u: ConvUnit, rng: ReturnType<typeof createRng>) => {
    const std = Math.sqrt(2 / (u.kernel * u.kernel * u.outChannels));
    initial[`${u.name}.kernel`] = Float32Array.from({ length: u.kernel * u.kernel * u.inChannels * u.outChannels }, () => rng.normal(0, std));
    initial[`${u.name}.gamma`] = new Float32Array(u.outChannels).fill(1);
  };
  const mainRng = createRng(deriveSeed(cfg.seed, 'cifar-net'));
  for (const u of mainUnits) heNormal(u, mainRng);
  const headRng = createRng(deriveSeed(cfg.seed, 'cifar-head'));
  const bound = 1 / Math.sqrt(4 * w);
  initial.dense = Float32Array.from({ length: 4 * w * CLASSES }, () => headRng.uniformRange(-bound, bound));
  initial.denseBias = Float32Array.from({ length: CLASSES }, () => headRng.uniformRange(-bound, bound));
  const projRng = createRng(deriveSeed(cfg.seed, 'cifar-projections'));
  for (const u of projections) heNormal(u, projRng);
  const bank = createParamBank(specs, initial);

  // Running statistics: every BN unit's means, then every BN unit's variances.
  const statOffsets: number[] = [];
  let statSize = 0;
  for (const u of bnUnits) {
    statOffsets.push(statSize);
    statSize += u.outChannels;
  }
  const stats = tf.tidy(() => tf.variable(tf.concat([tf.zeros([statSize]), tf.ones([statSize])]), false, undefined, 'float32')) as tf.Variable<tf.Rank.R1>;

  const ones = createOnesCache();
  type Views = Record<string, tf.Tensor>;
  const reluMask = (out: tf.Tensor) => tf.step(out);

  /** conv (+ BN in train mode); returns the pre-activation, tape, and batch statistics. */
  function unitTrain(u: ConvUnit, x: tf.Tensor4D, v: Views) {
    const kernel = (u.fixed ?? v[`${u.name}.kernel`]) as tf.Tensor4D;
    const { y, cache } = u.layer.forward(x, kernel);
    const outShape = y.shape as [number, number, number, number];
    if (u.fixed) return { h: y, tape: { conv: cache, bn: null, outShape }, mean: null, variance: null };
    const flat = tf.reshape(y, [-1, u.outChannels]) as tf.Tensor2D;
    const bn = channelNormTrain(flat, v[`${u.name}.gamma`]!, v[`${u.name}.beta`]!, ones);
    return { h: tf.reshape(bn.y, outShape), tape: { conv: cache, bn: bn.cache, outShape }, mean: bn.mean, variance: bn.variance };
  }

  /** Backward through BN and conv: dLoss/dInput (if asked), and the kernel, γ, β gradients. */
  function unitBackward(u: ConvUnit, t: UnitTape, dh: tf.Tensor, needInput: boolean, grads: Map<string, tf.Tensor>) {
    let dz = dh as tf.Tensor4D;
    if (t.bn) {
      const b = channelNormBackward(tf.reshape(dh, [-1, u.outChannels]) as tf.Tensor2D, t.bn);
      grads.set(`${u.name}.gamma`, b.dGamma);
      grads.set(`${u.name}.beta`, b.dBeta);
      dz = tf.reshape(b.dz, t.outShape) as tf.Tensor4D;
    }
    const g = u.layer.backward(t.conv, dz, needInput);
    if (!u.fixed) grads.set(`${u.name}.kernel`, g.dKernel);
    return g.dInput;
  }

  function forwardTrain(x: tf.Tensor4D, values?: tf.Tensor) {
    const v = bank.views(values);
    const means = new Map<ConvUnit, tf.Tensor>();
    const variances = new Map<ConvUnit, tf.Tensor>();
    const run = (u: ConvUnit, input: tf.Tensor4D) => {
      const r = unitTrain(u, input, v);
      if (r.mean) {
        means.set(u, r.mean);
        variances.set(u, r.variance!);
      }
      return r;
    };
    const s0 = run(stem, x);
    const stemOut = tf.relu(s0.h);
    let a = stemOut as tf.Tensor4D;
    const blockTapes: BlockTape[] = [];
    for (const b of blocks) {
      const c1 = run(b.conv1, a);
      const inner = tf.relu(c1.h) as tf.Tensor4D;
      const c2 = run(b.conv2, inner);
      let pre = c2.h;
      let shortcut: UnitTape | null = null;
      if (b.residual) {
        if (b.shortcut) {
          const sc = run(b.shortcut, a);
          shortcut = sc.tape;
          pre = tf.add(pre, sc.h);
        } else pre = tf.add(pre, a);
      }
      const out = tf.relu(pre) as tf.Tensor4D;
      blockTapes.push({ conv1: c1.tape, inner, conv2: c2.tape, shortcut, out });
      a = out;
    }
    const features = tf.mean(a, [1, 2]) as tf.Tensor2D;
    const dense = v.dense as tf.Tensor2D;
    const logits = tf.add(tf.matMul(features, dense), v.denseBias!) as tf.Tensor2D;
    const batchStats = tf.concat([...bnUnits.map((u) => means.get(u)!), ...bnUnits.map((u) => variances.get(u)!)]) as tf.Tensor1D;
    return { logits, tape: { stem: s0.tape, stemOut, blocks: blockTapes, features, dense, lastSize: stageSizes[2] }, batchStats };
  }

  function backward(tape: CifarTape, dLogits: tf.Tensor2D): tf.Tensor1D {
    const grads = new Map<string, tf.Tensor>();
    grads.set('dense', tf.matMul(tape.features, dLogits, true, false));
    grads.set('denseBias', tf.sum(dLogits, 0));
    const batch = dLogits.shape[0];
    const s = tape.lastSize;
    const dFeatures = tf.mul(tf.matMul(dLogits, tape.dense, false, true), 1 / (s * s));
    let dA: tf.Tensor = tf.tile(tf.reshape(dFeatures, [batch, 1, 1, 4 * w]), [1, s, s, 1]);
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i]!;
      const t = tape.blocks[i]!;
      const dPre = tf.mul(dA, reluMask(t.out));
      const dInner = unitBackward(b.conv2, t.conv2, dPre, true, grads)!;
      let dIn = unitBackward(b.conv1, t.conv1, tf.mul(dInner, reluMask(t.inner)), true, grads)!;
      if (b.residual) dIn = tf.add(dIn, b.shortcut ? unitBackward(b.shortcut, t.shortcut!, dPre, true, grads)! : dPre);
      dA = dIn;
    }
    unitBackward(stem, tape.stem, tf.mul(dA, reluMask(tape.stemOut)), false, grads);
    return bank.flatten(specs.map((sp) => grads.get(sp.name)!));
  }

  // Unbiased variance for the running average, as PyTorch: σ² · M/(M − 1), M = B·Ho·Wo values per channel.
  const corrections = new Map<number, tf.Tensor1D>();
  const correction = (batchSize: number) => {
    let t = corrections.get(batchSize);
    if (!t) {
      const values = new Float32Array(2 * statSize).fill(1);
      bnUnits.forEach((u, k) => {
        const count = batchSize * u.layer.outHeight * u.layer.outWidth;
        if (count > 1) values.fill(count / (count - 1), statSize + statOffsets[k]!, statSize + statOffsets[k]! + u.outChannels);
      });
      t = tf.keep(tf.tensor1d(values));
      corrections.set(batchSize, t);
    }
    return t;
  };

  function updateStats(batchStats: tf.Tensor1D, batchSize: number) {
    const m = cfg.bnMomentum;
    const c = correction(batchSize);
    tf.tidy(() => stats.assign(tf.add(tf.mul(stats, 1 - m), tf.mul(tf.mul(batchStats, c), m))));
  }

  /** Eval-mode conv + BN. */
  function unitEval(u: ConvUnit, x: tf.Tensor4D, v: Views, k: number): tf.Tensor4D {
    const kernel = (u.fixed ?? v[`${u.name}.kernel`]) as tf.Tensor4D;
    const y = u.layer.apply(x, kernel);
    if (u.fixed) return y;
    const o = statOffsets[k]!;
    const mean = tf.slice(stats, [o], [u.outChannels]);
    const variance = tf.slice(stats, [statSize + o], [u.outChannels]);
    return tf.batchNorm(y, mean, variance, v[`${u.name}.beta`]!, v[`${u.name}.gamma`]!, batchNormEpsilon) as tf.Tensor4D;
  }

  /**
   * Eval-mode forward pass, one block at a time: each block's intermediate tensors are freed when
   * it is done, so a chunk of hundreds of images fits in memory even at depth 56. With
   * `keepStages`, the stem's and every stage's output are kept and returned.
   */
  function forwardEval(x: tf.Tensor4D, keepStages: boolean) {
    const v = bank.views();
    const index = new Map(bnUnits.map((u, k) => [u, k]));
    const ev = (u: ConvUnit, input: tf.Tensor4D) => unitEval(u, input, v, index.get(u) ?? -1);
    let a = tf.tidy(() => tf.relu(ev(stem, x)) as tf.Tensor4D);
    const stages: tf.Tensor4D[] = keepStages ? [a] : [];
    blocks.forEach((b, i) => {
      const prev = a;
      a = tf.tidy(() => {
        const inner = tf.relu(ev(b.conv1, prev)) as tf.Tensor4D;
        let pre = ev(b.conv2, inner);
        if (b.residual) pre = tf.add(pre, b.shortcut ? ev(b.shortcut, prev) : prev);
        return tf.relu(pre) as tf.Tensor4D;
      });
      if (!stages.includes(prev)) prev.dispose();
      if (keepStages && (i + 1) % n === 0) stages.push(a);
    });
    const logits = tf.add(tf.matMul(tf.mean(a, [1, 2]) as tf.Tensor2D, v.dense as tf.Tensor2D), v.denseBias!) as tf.Tensor2D;
    if (!stages.includes(a)) a.dispose();
    return { logits, stages };
  }

  return {
    config: cfg,
    layers: layersOf(n),
    bank,
    parameterCount: bank.size,
    stats,
    stageSizes,
    forwardTrain,
    backward,
    updateStats,
    predict: (x) => tf.tidy(() => forwardEval(x, false).logits),
    featureMaps(x) {
      return tf.tidy(() => {
        const { logits, stages } = forwardEval(x, true);
        const probs = tf.softmax(logits);
        return Array.from({ length: x.shape[0] }, (_, i) => ({
          stages: stages.map((t) => tf.squeeze(tf.slice(t, [i, 0, 0, 0], [1, -1, -1, -1]), [0]) as tf.Tensor3D),
          probabilities: tf.squeeze(tf.slice(probs, [i, 0], [1, CLASSES]), [0]) as tf.Tensor1D,
        }));
      });
    },
    dispose() {
      bank.dispose();
      stats.dispose();
      for (const t of corrections.values()) t.dispose();
      ones.dispose();
      for (const u of [...mainUnits, ...blocks.flatMap((b) => (b.shortcut ? [b.shortcut] : []))]) {
        u.layer.dispose();
        u.fixed?.dispose();
      }
    },
  };
}
