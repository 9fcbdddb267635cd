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
import { initialWeights } from './init-weights.ts';
import { validateNetConfig, type NetConfig } from './net-config.ts';

/**
 * All parameters of a net in three 2-D "banks", so the optimizer runs a dozen kernels per bank
 * instead of per layer, and each layer's parameters are single-row gathers (on wasm a slice
 * copies its whole input; a gather copies only the row).
 * - vectors [inputDim + k·(D+1), W]: rows 0…inputDim−1 are the stem kernel; then for unit
 *   u = 0 (stem), 1 … D (body) either γ_u, β_u (BN, k = 2) or the bias b_u (no BN, k = 1)
 * - body [D, W·W]: row l−1 is the kernel of body layer l, row-major [W_in, W_out]
 * - head [W + 1, C]: rows 0…W−1 the head kernel, row W its bias
 */
export interface ParamBanks {
  vectors: tf.Tensor;
  body: tf.Tensor;
  head: tf.Tensor;
}

/** Gradients of the loss with respect to each bank (same shapes as ParamBanks). */
export type BankGrads = ParamBanks;

/** Per unit (stem, then body layers 1…D): BN statistics, or null for nets without BN. */
export type NetStats = (UnitStats | null)[];

/** Intermediate tensors of a training-mode forward pass, consumed by `backward`. */
export interface ForwardTape {
  units: UnitCache[];
  /** Input of the head product, [B, W]. */
  headInput: tf.Tensor;
  /** Body output before the final ReLU (pre-activation nets only), [B, W]. */
  headPreRelu: tf.Tensor | null;
  headKernel: tf.Tensor;
}

/** A fully connected classifier (see NetConfig for the layouts) with a hand-written backward pass. */
export interface Mlp {
  readonly config: NetConfig;
  /** The parameter banks as trainable variables, in the order vectors, body, head. */
  readonly variables: readonly [tf.Variable<tf.Rank.R2>, tf.Variable<tf.Rank.R2>, tf.Variable<tf.Rank.R2>];
  /** Number of trainable scalars. */
  readonly parameterCount: number;
  /**
   * Training-mode forward pass (BN uses the statistics of this batch).
   * Shapes: x [B, inputDim] → logits [B, C]; tape for `backward`; stats per unit.
   * `banks` defaults to the variables (tests pass plain tensors to differentiate through it).
   */
  forwardTrain(x: tf.Tensor, banks?: ParamBanks): { logits: tf.Tensor; tape: ForwardTape; stats: NetStats };
  /** Inference-mode forward pass with fixed BN statistics. Shapes: x [B, inputDim] → logits [B, C]. */
  forwardFixed(x: tf.Tensor, stats: NetStats): tf.Tensor;
  /** Gradients of the loss given dLoss/dLogits [B, C], by reverse-mode through the tape. */
  backward(tape: ForwardTape, dLogits: tf.Tensor): BankGrads;
  /** Frees the variables and index tensors. */
  dispose(): void;
}

/** Builds a net with He-initialised weights from `config.seed` (see `initialWeights`). */
export function createMlp(config: NetConfig): Mlp {
  const { architecture, depth, width, inputDim, classes, batchNorm } = validateNetConfig(config);
  const init = initialWeights(config);
  const perUnit = batchNorm ? 2 : 1;
  const vectorRows = inputDim + perUnit * (depth + 1);

  const vectorData = new Float32Array(vectorRows * width);
  vectorData.set(init.stem, 0);
  if (batchNorm) for (let u = 0; u <= depth; u++) vectorData.fill(1, (inputDim + 2 * u) * width, (inputDim + 2 * u + 1) * width);
  const bodyData = new Float32Array(depth * width * width);
  init.body.forEach((kernel, l) => bodyData.set(kernel, l * width * width));
  const headData = new Float32Array((width + 1) * classes);
  headData.set(init.head, 0);

  // Inside tidy: tf.variable shares the initial tensor's data, and that tensor must not outlive it.
  const bank = (values: Float32Array, rows: number, cols: number) =>
    tf.tidy(() => tf.variable(tf.tensor2d(values, [rows, cols]), true, undefined, 'float32'));
  const variables = [
    bank(vectorData, vectorRows, width),
    bank(bodyData, depth, width * width),
    bank(headData, width + 1, classes),
  ] as const;
  const rowIndex = Array.from({ length: depth }, (_, i) => tf.tensor1d([i], 'int32'));
  const stemRows = tf.tensor1d(Array.from({ length: inputDim }, (_, i) => i), 'int32');

  const residual = architecture === 'residual';
  const preActivation = residual && !batchNorm;
  const stemOptions: DenseUnitOptions = { preRelu: false, postRelu: true };
  const bodyOptions: DenseUnitOptions = preActivation ? { preRelu: true, postRelu: false } : stemOptions;
  /** Body unit u (1-based) opens a block (its input is the shortcut) if odd, closes one if even. */
  const opensBlock = (u: number) => residual && u % 2 === 1;
  const closesBlock = (u: number) => residual && u >= 2 && u % 2 === 0;

  const banksOf = (): ParamBanks => ({ vectors: variables[0], body: variables[1], head: variables[2] });

  /**
   * Views of every parameter for one pass. The vector rows come from one Unpack kernel (cheaper on
   * wasm than a gather per row); each body kernel is a one-row gather of the body bank.
   */
  function paramViews(banks: ParamBanks) {
    const rows = tf.unstack(banks.vectors); // each [W]
    const unit = (u: number): UnitParams => {
      const kernel =
        u === 0
          ? (tf.gather(banks.vectors, stemRows) as tf.Tensor)
          : tf.reshape(tf.gather(banks.body, rowIndex[u - 1]!), [width, width]);
      if (batchNorm) return { kernel, gamma: rows[inputDim + 2 * u]!, beta: rows[inputDim + 2 * u + 1]! };
      return { kernel, bias: rows[inputDim + u]! };
    };
    return { unit, head: headParams(banks) };
  }

  function headParams(banks: ParamBanks) {
    const kernel = tf.slice(banks.head, [0, 0], [width, classes]);
    const bias = tf.slice(banks.head, [width, 0], [1, classes]);
    return { kernel, bias };
  }

  function forwardTrain(x: tf.Tensor, banks = banksOf()) {
    const params = paramViews(banks);
    const units: UnitCache[] = [];
    const stats: NetStats = [];
    let a = x;
    let blockInput: tf.Tensor | null = null;
    for (let u = 0; u <= depth; u++) {
      if (opensBlock(u)) blockInput = a;
      const shortcut = closesBlock(u) ? blockInput : null;
      const r = denseUnitTrain(a, params.unit(u), u === 0 ? stemOptions : bodyOptions, shortcut);
      units.push(r.cache);
      stats.push(r.stats);
      a = r.out;
    }
    const head = params.head;
    const headInput = preActivation ? tf.relu(a) : a;
    const logits = tf.add(tf.matMul(headInput, head.kernel), head.bias);
    const tape: ForwardTape = { units, headInput, headPreRelu: preActivation ? a : null, headKernel: head.kernel };
    return { logits, tape, stats };
  }

  function forwardFixed(x: tf.Tensor, stats: NetStats): tf.Tensor {
    const params = paramViews(banksOf());
    let a = x;
    let blockInput: tf.Tensor | null = null;
    for (let u = 0; u <= depth; u++) {
      if (opensBlock(u)) blockInput = a;
      const shortcut = closesBlock(u) ? blockInput : null;
      a = denseUnitFixed(a, params.unit(u), u === 0 ? stemOptions : bodyOptions, shortcut, stats[u] ?? null);
    }
    const head = params.head;
    return tf.add(tf.matMul(preActivation ? tf.relu(a) : a, head.kernel), head.bias);
  }

  function backward(tape: ForwardTape, dLogits: tf.Tensor): BankGrads {
    const dHead = tf.concat([tf.matMul(tf.transpose(tape.headInput), dLogits), tf.sum(dLogits, 0, true)], 0);
    let d: tf.Tensor = tf.matMul(dLogits, tf.transpose(tape.headKernel));
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
      bodyGrads[u - 1] = tf.reshape(g.dKernel, [1, width * width]);
      d = g.dInput!;
      if (g.dShortcut) {
        pending = g.dShortcut;
      } else if (pending) {
        d = tf.add(d, pending);
        pending = null;
      }
    }
    const dVectors = tf.concat([stemGrad!, ...vectorGrads.flat()], 0);
    const dBody = tf.concat(bodyGrads, 0);
    return { vectors: dVectors, body: dBody, head: dHead };
  }

  let parameterCount = 0;
  for (const v of variables) parameterCount += v.size;

  return {
    config,
    variables,
    parameterCount,
    forwardTrain,
    forwardFixed,
    backward,
    dispose() {
      for (const v of variables) v.dispose();
      for (const t of rowIndex) t.dispose();
      stemRows.dispose();
    },
  };
}
