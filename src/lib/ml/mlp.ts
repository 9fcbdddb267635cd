import * as tf from '@tensorflow/tfjs-core';
import {
  denseUnitBackward,
  denseUnitFixed,
  denseUnitTrain,
  type DenseUnitOptions,
  type UnitCache,
  type UnitParams,
  type UnitStats,
} from './dense-unit.ts';
import { blockMask, initialBanks, oneHotRows, packedWidth, vectorRowCount, type HostMatrix } from './bank-layout.ts';
import { packNetConfig, validatePackedNetConfig, type NetConfig, type PackedNetConfig } from './net-config.ts';

/**
 * All parameters in three 2-D "banks", so the optimizer runs a dozen kernels per bank instead of
 * per layer (per-layer variables made Adam cost ~2 ms per step at D = 32 on wasm).
 * With L lanes of width W the packed width is L·W, and lane k owns columns k·W … (k+1)·W − 1.
 * - vectors [inputDim + k·(D+1), L·W]: rows 0…inputDim−1 the stem kernel, then for unit
 *   u = 0 (stem), 1 … D (body) either γ_u, β_u (BN, k = 2) or the bias b_u (no BN, k = 1)
 * - body [D, (L·W)²]: row l−1 is the kernel of body layer l, row-major [L·W in, L·W out],
 *   block-diagonal (lane k's W×W kernel on the k-th diagonal block, zeros elsewhere)
 * - head [L·W + 1, L·C]: the block-diagonal head kernel, then one row of biases
 */
export interface ParamBanks {
  vectors: tf.Tensor;
  body: tf.Tensor;
  head: tf.Tensor;
}

/** Gradients of the summed lane losses with respect to each bank (shapes of ParamBanks). */
export type BankGrads = ParamBanks;

/** Per unit (stem, then body layers 1…D): BN statistics, or null for nets without BN. */
export type NetStats = (UnitStats | null)[];

/** Intermediate tensors of a training-mode forward pass, consumed by `backward`. */
export interface ForwardTape {
  units: UnitCache[];
  /** Input of the head product, [B, L·W]. */
  headInput: tf.Tensor;
  /** Body output before the final ReLU (pre-activation lanes only), [B, L·W]. */
  headPreRelu: tf.Tensor | null;
  headKernel: tf.Tensor;
}

/** One or more fully connected classifiers in one graph (see NetConfig), with a hand-written backward pass. */
export interface Mlp {
  readonly config: PackedNetConfig;
  /** The parameter banks as trainable variables, in the order vectors, body, head. */
  readonly variables: readonly [tf.Variable, tf.Variable, tf.Variable];
  /** Trainable scalars per lane (the zero blocks of the packing are not counted). */
  readonly parameterCount: number;
  /**
   * Training-mode forward pass (BN uses the statistics of this batch).
   * Shapes: x [B, inputDim] → logits [B, L·C] (lane k in columns k·C …); tape; stats per unit.
   * `banks` defaults to the variables (tests pass plain tensors to differentiate through it).
   */
  forwardTrain(x: tf.Tensor, banks?: ParamBanks): { logits: tf.Tensor; tape: ForwardTape; stats: NetStats };
  /**
   * Inference-mode forward pass with fixed BN statistics. Shapes: x [B, inputDim] → logits [B, L·C].
   * `skip[l]` true passes body layer l + 1's input straight through (the layer is left out, as in a
   * lesion study); a residual block must be skipped whole (both its layers), which leaves its identity.
   */
  forwardFixed(x: tf.Tensor, stats: NetStats, skip?: readonly boolean[]): tf.Tensor;
  /** Gradients given dLoss/dLogits [B, L·C]; the zero blocks of the packing get zero gradient. */
  backward(tape: ForwardTape, dLogits: tf.Tensor): BankGrads;
  /** Per lane and body layer, the L2 norm of a body-bank gradient: [D, (L·W)²] → [L, D]. */
  laneKernelNorms(dBody: tf.Tensor): tf.Tensor;
  /** Frees the variables, masks and index tensors. */
  dispose(): void;
}

/**
 * Builds the net(s) with He-initialised weights; lane k starts from exactly the weights
 * `initialWeights(laneConfig(config, k))`. A NetConfig is one lane.
 */
export function createMlp(netConfig: PackedNetConfig | NetConfig): Mlp {
  const config = validatePackedNetConfig('lanes' in netConfig ? netConfig : packNetConfig(netConfig));
  const { lanes, depth, width, inputDim, classes, batchNorm } = config;
  const L = lanes.length;
  const packed = packedWidth(config);
  const isResidual = lanes.map((l) => l.architecture === 'residual');
  const anyResidual = isResidual.some(Boolean);
  const allResidual = isResidual.every(Boolean);
  const matrix = (m: HostMatrix) => tf.tensor2d(m.values, m.shape);

  // Inside tidy: tf.variable shares its initial tensor's data, and that tensor must not outlive it.
  const init = initialBanks(config);
  const bank = (m: HostMatrix) => tf.tidy(() => tf.variable(matrix(m), true, undefined, 'float32'));
  const variables = [bank(init.vectors), bank(init.body), bank(init.head)] as const;

  // Rows are read by multiplying with one-hot selectors, e_lᵀ·bank: exact (1·x + 0·y = x), and on
  // wasm several times faster than tf.gather, whose cost grows with the row length.
  const bodySelectors = Array.from({ length: depth }, (_, l) => matrix(oneHotRows([l], depth))); // [1, D]
  const stemRows = Array.from({ length: inputDim }, (_, i) => i);
  const stemSelector = matrix(oneHotRows(stemRows, vectorRowCount(config))); // [inputDim, vector rows]

  // Column and block masks, only where lanes differ. residualColumns is 1 on residual lanes' columns.
  const residualColumns =
    anyResidual && !allResidual
      ? tf.tensor1d(Float32Array.from({ length: packed }, (_, j) => (isResidual[Math.floor(j / width)] ? 1 : 0)))
      : null;
  const bodyGradMask =
    L > 1 ? tf.tidy(() => tf.reshape(matrix(blockMask(packed, packed, width, width, false)), [1, packed * packed])) : null;
  const headGradMask = L > 1 ? matrix(blockMask(packed + 1, L * classes, width, classes, true)) : null;

  // Without BN, residual lanes are pre-activation: ReLU before each Dense, none after, and a final
  // ReLU before the head. Plain lanes' inputs are ReLU outputs already, so the extra ReLUs are no-ops
  // for them; their post-activation ReLU becomes PReLU with α = 0 next to the residual lanes' α = 1.
  const preActivation = !batchNorm && anyResidual;
  const stemOptions: DenseUnitOptions = { preRelu: false, post: 'relu' };
  const bodyOptions: DenseUnitOptions = !preActivation
    ? stemOptions
    : { preRelu: true, post: allResidual ? 'identity' : residualColumns! };
  /** Body unit u (1-based) opens a block (its input feeds the shortcut) if odd, closes one if even. */
  const opensBlock = (u: number) => anyResidual && u % 2 === 1;
  const closesBlock = (u: number) => anyResidual && u >= 2 && u % 2 === 0;
  const shortcutOf = (blockInput: tf.Tensor) => (residualColumns ? tf.mul(blockInput, residualColumns) : blockInput);

  const banksOf = (): ParamBanks => ({ vectors: variables[0], body: variables[1], head: variables[2] });

  /**
   * Views of every parameter for one pass. The vector rows come from one Unpack kernel; each body
   * kernel is a selector product with the body bank.
   */
  function paramViews(banks: ParamBanks) {
    const rows = tf.unstack(banks.vectors); // each [L·W]
    const unit = (u: number): UnitParams => {
      const kernel =
        u === 0
          ? tf.matMul(stemSelector, banks.vectors)
          : tf.reshape(tf.matMul(bodySelectors[u - 1]!, banks.body), [packed, packed]);
      if (batchNorm) return { kernel, gamma: rows[inputDim + 2 * u]!, beta: rows[inputDim + 2 * u + 1]! };
      return { kernel, bias: rows[inputDim + u]! };
    };
    const head = {
      kernel: tf.slice(banks.head, [0, 0], [packed, L * classes]),
      bias: tf.slice(banks.head, [packed, 0], [1, L * classes]),
    };
    return { unit, head };
  }

  function forwardTrain(x: tf.Tensor, banks = banksOf()) {
    const params = paramViews(banks);
    const units: UnitCache[] = [];
    const stats: NetStats = [];
    let a = x;
    let blockInput: tf.Tensor | null = null;
    for (let u = 0; u <= depth; u++) {
      if (opensBlock(u)) blockInput = a;
      const shortcut = closesBlock(u) ? shortcutOf(blockInput!) : null;
      const r = denseUnitTrain(a, params.unit(u), u === 0 ? stemOptions : bodyOptions, shortcut);
      units.push(r.cache);
      stats.push(r.stats);
      a = r.out;
    }
    const headInput = preActivation ? tf.relu(a) : a;
    const logits = tf.add(tf.matMul(headInput, params.head.kernel), params.head.bias);
    const tape: ForwardTape = { units, headInput, headPreRelu: preActivation ? a : null, headKernel: params.head.kernel };
    return { logits, tape, stats };
  }

  function forwardFixed(x: tf.Tensor, stats: NetStats, skip?: readonly boolean[]): tf.Tensor {
    if (skip) checkSkip(skip);
    const params = paramViews(banksOf());
    let a = x;
    let blockInput: tf.Tensor | null = null;
    for (let u = 0; u <= depth; u++) {
      if (u > 0 && skip?.[u - 1]) continue;
      if (opensBlock(u)) blockInput = a;
      const shortcut = closesBlock(u) ? shortcutOf(blockInput!) : null;
      a = denseUnitFixed(a, params.unit(u), u === 0 ? stemOptions : bodyOptions, shortcut, stats[u] ?? null);
    }
    return tf.add(tf.matMul(preActivation ? tf.relu(a) : a, params.head.kernel), params.head.bias);
  }

  function checkSkip(skip: readonly boolean[]) {
    if (skip.length !== depth) throw new RangeError(`skip: ${skip.length} flags for ${depth} body layers`);
    for (let u = 1; anyResidual && u < depth; u += 2) {
      if (skip[u - 1] !== skip[u]) throw new RangeError(`skip: body layers ${u} and ${u + 1} form one residual block; skip both or neither`);
    }
  }

  function backward(tape: ForwardTape, dLogits: tf.Tensor): BankGrads {
    let dHead = tf.concat([tf.matMul(tf.transpose(tape.headInput), dLogits), tf.sum(dLogits, 0, true)], 0);
    let d = tf.matMul(dLogits, tf.transpose(tape.headKernel));
    if (tape.headPreRelu) d = tf.mul(d, tf.step(tape.headPreRelu));
    const bodyGrads: tf.Tensor[] = new Array(depth);
    const vectorGrads: tf.Tensor[][] = new Array(depth + 1);
    let stemGrad: tf.Tensor | null = null;
    // Gradient reaching a block's input through its shortcut, added once the block is done.
    let pending: tf.Tensor | null = null;
    for (let u = depth; u >= 0; u--) {
      const g = denseUnitBackward(tape.units[u]!, d, u > 0);
      vectorGrads[u] = g.vectorGrads;
      if (u === 0) {
        stemGrad = g.dKernel;
        break;
      }
      bodyGrads[u - 1] = tf.reshape(g.dKernel, [1, packed * packed]);
      d = g.dInput!;
      if (g.dShortcut) {
        pending = shortcutOf(g.dShortcut);
      } else if (pending) {
        d = tf.add(d, pending);
        pending = null;
      }
    }
    let dBody = tf.concat(bodyGrads, 0);
    // The zero blocks of the packing must stay zero: Adam and SGD then never move them.
    if (bodyGradMask) dBody = tf.mul(dBody, bodyGradMask);
    if (headGradMask) dHead = tf.mul(dHead, headGradMask);
    return { vectors: tf.concat([stemGrad!, ...vectorGrads.flat()], 0), body: dBody, head: dHead };
  }

  function laneKernelNorms(dBody: tf.Tensor): tf.Tensor {
    // [D, L, W, L, W]: off-diagonal blocks are zero, so summing over the last three axes gives each lane's block.
    const squares = tf.reshape(tf.square(dBody), [depth, L, width, L, width]);
    return tf.transpose(tf.sqrt(tf.sum(squares, [2, 3, 4])));
  }

  const parameterCount = vectorRowCount(config) * width + depth * width * width + (width + 1) * classes;

  return {
    config,
    variables,
    parameterCount,
    forwardTrain,
    forwardFixed,
    backward,
    laneKernelNorms,
    dispose() {
      tf.dispose([...variables, ...bodySelectors, stemSelector]);
      for (const t of [residualColumns, bodyGradMask, headGradMask]) t?.dispose();
    },
  };
}
