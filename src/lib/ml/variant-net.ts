import * as tf from '@tensorflow/tfjs-core';
import { batchNormBackward, batchNormFixed, batchNormTrain, type BatchNormCache } from './batch-norm.ts';
import { blockVariant, type BlockVariant, type BlockVariantId } from './block-variants.ts';
import { heNormal, initialWeights } from './init-weights.ts';
import { createRng, deriveSeed } from './prng.ts';

/**
 * A residual net of one block variant (`block-variants.ts`), with a hand-written backward pass.
 *
 * Layout, for depth D (even) and width W, n = D/2 blocks:
 * - stem: Dense(inputDim → W) → BN → ReLU (as every net of the notebook)
 * - n blocks of the variant (two Dense W → W, two BNs, plus W_s and BN for `projection`, or W_g
 *   and b_g for the gates)
 * - after the last block, the pre-activation variants get the activation their last block lacks
 *   (He et al. 2016b §4.1): BN → ReLU for `full-preact`, ReLU for `relu-preact`
 * - head: Dense(W → classes) giving logits
 * Dense layers followed by BN have no bias (BN's β is one); neither do W₂ of `full-preact` and
 * `bn-after-add` (He et al.'s convolutions have none either).
 *
 * Initialisation: stem, the 2n block kernels and the head are exactly `initialWeights` of the
 * notebook's residual net with BN and the same seed (so every variant starts from the same matrices,
 * and `original` is the degradation lab's residual net); W_s and W_g are He-normal draws from their
 * own stream (`deriveSeed(seed, 'shortcut-weights')`); γ = 1, β = 0, b_g = `gateBias`.
 */
export interface VariantNetConfig {
  variant: BlockVariantId;
  /** D, body Dense layers (two per block), even. */
  depth: number;
  /** W, units per hidden layer. */
  width: number;
  inputDim: number;
  classes: number;
  /** Seed of the initial weights. */
  seed: number;
  /** Initial gate bias b_g (gated variants; ignored by the others). Default −6. */
  gateBias?: number;
}

/**
 * The parameters in four variables:
 * - stem [inputDim, W]
 * - kernels [K, W·W]: rows 2b, 2b+1 are W₁, W₂ of block b; then one row per block for W_s or W_g
 * - vectors [R, W]: stem γ, β; per block γ_A, β_A, γ_B, β_B (its first and second BN); then per
 *   block γ_s, β_s (projection) or b_g (gates); then γ, β of the final BN (`full-preact`)
 * - head [W + 1, classes]: the kernel, then one row of biases
 */
export interface VariantParams {
  stem: tf.Tensor;
  kernels: tf.Tensor;
  vectors: tf.Tensor;
  head: tf.Tensor;
}

/** Per BN of the net, in forward order: the statistics its batch had (the evaluation reuses them on the test set). */
export type VariantStats = { mean: tf.Tensor; variance: tf.Tensor }[];

/**
 * How a forward pass treats BN and dropout.
 * - `train`: BN normalises with the batch's own statistics; dropout multiplies by `mask`.
 * - `collect`: BN uses the batch's statistics (returned), dropout its expectation 0.5 (the full-set evaluation).
 * - `fixed`: BN uses given statistics, dropout its expectation (the test set).
 */
export type ForwardMode =
  | { kind: 'train'; /** [n, B, W] of 0/1, one slice per block; only for `dropout-shortcut`. */ mask?: tf.Tensor }
  | { kind: 'collect' }
  | { kind: 'fixed'; stats: VariantStats };

interface BlockCache {
  x: tf.Tensor;
  /** Branch input: x, ReLU(x) or ReLU(BN_A(x)). */
  aIn: tf.Tensor;
  bn0: BatchNormCache | null;
  bn1: BatchNormCache;
  h1: tf.Tensor;
  /** Second BN of the branch (on W₂'s output) or after the addition (`bn-after-add`). */
  bn2: BatchNormCache | null;
  /** F(x) before any scaling (after its ReLU for `relu-before-add`). */
  f: tf.Tensor;
  gate: tf.Tensor | null;
  shortcutBn: BatchNormCache | null;
  mask: tf.Tensor | null;
  out: tf.Tensor;
  kernel1: tf.Tensor;
  kernel2: tf.Tensor;
  extraKernel: tf.Tensor | null;
}

/** Everything `backward` needs from a `train`-mode forward pass. */
export interface VariantTape {
  input: tf.Tensor;
  stemBn: BatchNormCache;
  stemOut: tf.Tensor;
  blocks: BlockCache[];
  finalBn: BatchNormCache | null;
  /** Input of the head product [B, W]. */
  headInput: tf.Tensor;
  /** Body output before the final ReLU (pre-activation variants). */
  preFinal: tf.Tensor | null;
  stemKernel: tf.Tensor;
  headKernel: tf.Tensor;
}

export interface VariantNet {
  readonly config: Readonly<Required<VariantNetConfig>>;
  readonly variant: BlockVariant;
  /** The four parameter variables, in the order stem, kernels, vectors, head. */
  readonly variables: readonly [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  readonly parameterCount: number;
  /** Number of blocks n = D/2. */
  readonly blocks: number;
  /**
   * Forward pass: x [B, inputDim] → logits [B, classes]; in `train` mode also the tape, and in
   * `train`/`collect` mode the statistics of every BN. `params` defaults to the variables (tests
   * pass plain tensors to differentiate through it).
   */
  forward(x: tf.Tensor, mode: ForwardMode, params?: VariantParams): { logits: tf.Tensor; tape: VariantTape | null; stats: VariantStats };
  /** Gradients of the loss given dLoss/dLogits [B, classes], shaped as the variables. */
  backward(tape: VariantTape, dLogits: tf.Tensor): VariantParams;
  dispose(): void;
}

/** Throws a RangeError naming the first bad field; fills in the default gate bias. */
export function validateVariantNetConfig(config: VariantNetConfig): Required<VariantNetConfig> {
  const { depth, width, inputDim, classes, seed, gateBias = -6 } = config;
  blockVariant(config.variant);
  for (const [name, v] of [['depth', depth], ['width', width], ['inputDim', inputDim], ['classes', classes]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  }
  if (depth % 2 !== 0) throw new RangeError(`a residual net is built from 2-layer blocks, so depth must be even, got ${depth}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
  if (!Number.isFinite(gateBias)) throw new RangeError(`gateBias must be finite, got ${gateBias}`);
  return { ...config, gateBias };
}

/** Rows of the kernels and vectors variables for a variant with n blocks. */
export function variantLayout(variant: BlockVariant, blocks: number) {
  const extraKernel = variant.shortcut === 'projection' || variant.shortcut === 'gate';
  const extraVectors = variant.shortcut === 'projection' ? 2 : variant.shortcut === 'gate' ? 1 : 0;
  const finalBn = variant.placement === 'full-preact';
  return {
    kernelRows: 2 * blocks + (extraKernel ? blocks : 0),
    /** Row of block b's extra kernel (W_s or W_g). */
    extraKernelRow: (b: number) => 2 * blocks + b,
    vectorRows: 2 + 4 * blocks + extraVectors * blocks + (finalBn ? 2 : 0),
    /** First row of block b's extra vectors (γ_s, β_s or b_g). */
    extraVectorRow: (b: number) => 2 + 4 * blocks + extraVectors * b,
    finalBnRow: 2 + 4 * blocks + extraVectors * blocks,
    extraKernel,
    extraVectors,
    finalBn,
  };
}

/** Initial values of the four variables as plain arrays (see `VariantParams` for the layout). */
export function initialVariantParams(config: VariantNetConfig) {
  const c = validateVariantNetConfig(config);
  const variant = blockVariant(c.variant);
  const { depth, width: W, inputDim, classes } = c;
  const blocks = depth / 2;
  const layout = variantLayout(variant, blocks);
  const base = initialWeights({ architecture: 'residual', batchNorm: true, depth, width: W, inputDim, classes, seed: c.seed });
  const kernels = new Float32Array(layout.kernelRows * W * W);
  base.body.forEach((k, l) => kernels.set(k, l * W * W));
  if (layout.extraKernel) {
    const rng = createRng(deriveSeed(c.seed, 'shortcut-weights'));
    for (let b = 0; b < blocks; b++) kernels.set(heNormal(rng, W, W), layout.extraKernelRow(b) * W * W);
  }
  const vectors = new Float32Array(layout.vectorRows * W);
  const ones = (row: number) => vectors.fill(1, row * W, (row + 1) * W);
  ones(0);
  for (let b = 0; b < blocks; b++) {
    ones(2 + 4 * b);
    ones(2 + 4 * b + 2);
    if (variant.shortcut === 'projection') ones(layout.extraVectorRow(b));
    if (variant.shortcut === 'gate') vectors.fill(c.gateBias, layout.extraVectorRow(b) * W, (layout.extraVectorRow(b) + 1) * W);
  }
  if (layout.finalBn) ones(layout.finalBnRow);
  const head = new Float32Array((W + 1) * classes);
  head.set(base.head);
  return {
    stem: { values: base.stem, shape: [inputDim, W] as [number, number] },
    kernels: { values: kernels, shape: [layout.kernelRows, W * W] as [number, number] },
    vectors: { values: vectors, shape: [layout.vectorRows, W] as [number, number] },
    head: { values: head, shape: [W + 1, classes] as [number, number] },
  };
}

export function createVariantNet(netConfig: VariantNetConfig): VariantNet {
  const config = validateVariantNetConfig(netConfig);
  const variant = blockVariant(config.variant);
  const { depth, width: W, classes } = config;
  const blocks = depth / 2;
  const layout = variantLayout(variant, blocks);
  const { shortcut, branch, placement } = variant;
  const init = initialVariantParams(config);
  // Inside tidy: tf.variable shares its initial tensor's data, and that tensor must not outlive it.
  const variable = (m: { values: Float32Array; shape: [number, number] }) =>
    tf.tidy(() => tf.variable(tf.tensor2d(m.values, m.shape), true, undefined, 'float32'));
  const variables = [variable(init.stem), variable(init.kernels), variable(init.vectors), variable(init.head)] as const;
  const paramsOf = (): VariantParams => ({ stem: variables[0], kernels: variables[1], vectors: variables[2], head: variables[3] });

  /** BN in the pass's mode; `stats` collects (or, in fixed mode, supplies) statistics in forward order. */
  function makeNormaliser(mode: ForwardMode, stats: VariantStats) {
    let next = 0;
    return (z: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): { y: tf.Tensor; cache: BatchNormCache | null } => {
      if (mode.kind === 'fixed') {
        const s = mode.stats[next++];
        if (!s) throw new Error('forward: too few BN statistics for a fixed-mode pass');
        return { y: batchNormFixed(z, s.mean, s.variance, gamma, beta), cache: null };
      }
      const r = batchNormTrain(z, gamma, beta);
      stats.push({ mean: r.mean, variance: r.variance });
      return { y: r.y, cache: r.cache };
    };
  }

  function forward(x: tf.Tensor, mode: ForwardMode, params = paramsOf()) {
    const stats: VariantStats = [];
    const bn = makeNormaliser(mode, stats);
    const rows = tf.unstack(params.vectors); // each [W]
    const kernelRows = tf.unstack(params.kernels); // each [W·W]
    const kernel = (r: number) => tf.reshape(kernelRows[r]!, [W, W]);
    const masks = mode.kind === 'train' && shortcut === 'dropout' ? tf.unstack(mode.mask ?? missingMask()) : null;
    const headKernel = tf.slice(params.head, [0, 0], [W, classes]);
    const headBias = tf.slice(params.head, [W, 0], [1, classes]);

    const stem = bn(tf.matMul(x, params.stem), rows[0]!, rows[1]!);
    const stemOut = tf.relu(stem.y);
    let a = stemOut;
    const caches: BlockCache[] = [];
    for (let b = 0; b < blocks; b++) {
      const v = 2 + 4 * b;
      const x0 = a;
      const kernel1 = kernel(2 * b), kernel2 = kernel(2 * b + 1);
      let bn0: BatchNormCache | null = null;
      let aIn = x0;
      if (placement === 'full-preact') {
        const n0 = bn(x0, rows[v]!, rows[v + 1]!);
        bn0 = n0.cache;
        aIn = tf.relu(n0.y);
      } else if (placement === 'relu-preact') aIn = tf.relu(x0);
      const [g1, b1] = placement === 'full-preact' ? [rows[v + 2]!, rows[v + 3]!] : [rows[v]!, rows[v + 1]!];
      const n1 = bn(tf.matMul(aIn, kernel1), g1, b1);
      const h1 = tf.relu(n1.y);
      const z2 = tf.matMul(h1, kernel2);
      let bn2: BatchNormCache | null = null;
      let f: tf.Tensor;
      if (placement === 'full-preact' || placement === 'bn-after-add') f = z2;
      else {
        const n2 = bn(z2, rows[v + 2]!, rows[v + 3]!);
        bn2 = n2.cache;
        f = placement === 'relu-before-add' ? tf.relu(n2.y) : n2.y;
      }
      // Shortcut and branch scaling.
      let s: tf.Tensor | null;
      let gate: tf.Tensor | null = null;
      let shortcutBn: BatchNormCache | null = null;
      let mask: tf.Tensor | null = null;
      let extraKernel: tf.Tensor | null = null;
      if (shortcut === 'identity') s = x0;
      else if (shortcut === 'zero') s = null;
      else if (shortcut === 'scale') s = tf.mul(x0, 0.5);
      else if (shortcut === 'dropout') {
        mask = masks ? masks[b]! : null;
        s = mask ? tf.mul(x0, mask) : tf.mul(x0, 0.5);
      } else if (shortcut === 'projection') {
        extraKernel = kernel(layout.extraKernelRow(b));
        const r = layout.extraVectorRow(b);
        const ns = bn(tf.matMul(x0, extraKernel), rows[r]!, rows[r + 1]!);
        shortcutBn = ns.cache;
        s = ns.y;
      } else {
        extraKernel = kernel(layout.extraKernelRow(b));
        gate = tf.sigmoid(tf.add(tf.matMul(x0, extraKernel), rows[layout.extraVectorRow(b)]!));
        s = tf.mul(tf.sub(1, gate), x0);
      }
      const scaled = branch === 'half' ? tf.mul(f, 0.5) : branch === 'gate' ? tf.mul(gate!, f) : f;
      const sum = s ? tf.add(s, scaled) : scaled;
      let out: tf.Tensor;
      if (placement === 'post') out = tf.relu(sum);
      else if (placement === 'bn-after-add') {
        const n2 = bn(sum, rows[v + 2]!, rows[v + 3]!);
        bn2 = n2.cache;
        out = tf.relu(n2.y);
      } else out = sum;
      caches.push({ x: x0, aIn, bn0, bn1: n1.cache!, h1, bn2, f, gate, shortcutBn, mask, out, kernel1, kernel2, extraKernel });
      a = out;
    }
    let finalBn: BatchNormCache | null = null;
    let preFinal: tf.Tensor | null = null;
    if (placement === 'full-preact') {
      preFinal = a;
      const nf = bn(a, rows[layout.finalBnRow]!, rows[layout.finalBnRow + 1]!);
      finalBn = nf.cache;
      a = tf.relu(nf.y);
    } else if (placement === 'relu-preact') {
      preFinal = a;
      a = tf.relu(a);
    }
    const logits = tf.add(tf.matMul(a, headKernel), headBias);
    const tape: VariantTape | null =
      mode.kind === 'train'
        ? { input: x, stemBn: stem.cache!, stemOut, blocks: caches, finalBn, headInput: a, preFinal, stemKernel: params.stem, headKernel }
        : null;
    return { logits, tape, stats };
  }

  function missingMask(): never {
    throw new Error('forward: a train-mode pass of dropout-shortcut needs a mask');
  }

  function backward(tape: VariantTape, dLogits: tf.Tensor): VariantParams {
    const zeroRow = () => tf.zeros([1, W]);
    const vectorGrads: tf.Tensor[] = Array.from({ length: layout.vectorRows }, zeroRow);
    const kernelGrads: tf.Tensor[] = new Array(layout.kernelRows);
    const setBn = (row: number, g: { dGamma: tf.Tensor; dBeta: tf.Tensor }) => {
      vectorGrads[row] = g.dGamma;
      vectorGrads[row + 1] = g.dBeta;
    };
    const dHead = tf.concat([tf.matMul(tf.transpose(tape.headInput), dLogits), tf.sum(dLogits, 0, true)], 0);
    let d = tf.matMul(dLogits, tf.transpose(tape.headKernel));
    if (placement === 'full-preact') {
      const g = batchNormBackward(tf.mul(d, tf.step(tape.headInput)), tape.finalBn!);
      setBn(layout.finalBnRow, g);
      d = g.dz;
    } else if (placement === 'relu-preact') d = tf.mul(d, tf.step(tape.preFinal!));

    for (let b = blocks - 1; b >= 0; b--) {
      const c = tape.blocks[b]!;
      const v = 2 + 4 * b;
      // Through the activation after the addition.
      let dSum: tf.Tensor;
      if (placement === 'post') dSum = tf.mul(d, tf.step(c.out));
      else if (placement === 'bn-after-add') {
        const g = batchNormBackward(tf.mul(d, tf.step(c.out)), c.bn2!);
        setBn(v + 2, g);
        dSum = g.dz;
      } else dSum = d;

      // The shortcut's share of dL/dx.
      let dx: tf.Tensor | null = null;
      if (shortcut === 'identity') dx = dSum;
      else if (shortcut === 'scale') dx = tf.mul(dSum, 0.5);
      else if (shortcut === 'dropout') dx = tf.mul(dSum, c.mask!);
      else if (shortcut === 'projection') {
        const r = layout.extraVectorRow(b);
        const g = batchNormBackward(dSum, c.shortcutBn!);
        setBn(r, g);
        kernelGrads[layout.extraKernelRow(b)] = tf.matMul(tf.transpose(c.x), g.dz);
        dx = tf.matMul(g.dz, tf.transpose(c.extraKernel!));
      } else if (shortcut === 'gate') {
        const g = c.gate!;
        // sum = (1 − g)⊙x + [g]⊙F: ∂sum/∂g = F − x (exclusive) or −x (shortcut-only).
        const dGate = branch === 'gate' ? tf.mul(dSum, tf.sub(c.f, c.x)) : tf.neg(tf.mul(dSum, c.x));
        const dPre = tf.mul(dGate, tf.mul(g, tf.sub(1, g)));
        kernelGrads[layout.extraKernelRow(b)] = tf.matMul(tf.transpose(c.x), dPre);
        vectorGrads[layout.extraVectorRow(b)] = tf.sum(dPre, 0, true);
        dx = tf.add(tf.mul(dSum, tf.sub(1, g)), tf.matMul(dPre, tf.transpose(c.extraKernel!)));
      }

      // The residual branch.
      let df = branch === 'half' ? tf.mul(dSum, 0.5) : branch === 'gate' ? tf.mul(dSum, c.gate!) : dSum;
      if (placement === 'relu-before-add') df = tf.mul(df, tf.step(c.f));
      let dz2: tf.Tensor;
      if (placement === 'full-preact' || placement === 'bn-after-add') dz2 = df;
      else {
        const g = batchNormBackward(df, c.bn2!);
        setBn(v + 2, g);
        dz2 = g.dz;
      }
      kernelGrads[2 * b + 1] = tf.matMul(tf.transpose(c.h1), dz2);
      const dh1 = tf.mul(tf.matMul(dz2, tf.transpose(c.kernel2)), tf.step(c.h1));
      const g1 = batchNormBackward(dh1, c.bn1);
      setBn(placement === 'full-preact' ? v + 2 : v, g1);
      kernelGrads[2 * b] = tf.matMul(tf.transpose(c.aIn), g1.dz);
      let dIn = tf.matMul(g1.dz, tf.transpose(c.kernel1));
      if (placement === 'full-preact') {
        const g0 = batchNormBackward(tf.mul(dIn, tf.step(c.aIn)), c.bn0!);
        setBn(v, g0);
        dIn = g0.dz;
      } else if (placement === 'relu-preact') dIn = tf.mul(dIn, tf.step(c.aIn));
      d = dx ? tf.add(dx, dIn) : dIn;
    }
    const gs = batchNormBackward(tf.mul(d, tf.step(tape.stemOut)), tape.stemBn);
    setBn(0, gs);
    const dStem = tf.matMul(tf.transpose(tape.input), gs.dz);
    return {
      stem: dStem,
      kernels: tf.stack(kernelGrads.map((k) => tf.reshape(k, [W * W]))),
      vectors: tf.concat(vectorGrads, 0),
      head: dHead,
    };
  }

  const parameterCount = init.stem.values.length + init.kernels.values.length + init.vectors.values.length + init.head.values.length;

  return {
    config,
    variant,
    variables,
    parameterCount,
    blocks,
    forward,
    backward,
    dispose() {
      tf.dispose([...variables]);
    },
  };
}
