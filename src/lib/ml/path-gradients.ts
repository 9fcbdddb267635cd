import * as tf from '@tensorflow/tfjs-core';
import type { UnitCache } from './dense-unit.ts';
import type { ForwardTape } from './mlp.ts';

/**
 * The unraveled view of a residual net (Veit, Wilber & Belongie 2016): with n blocks
 * x_{b+1} = x_b + F_b(x_b), the output expands into 2ⁿ paths, each choosing at every block either
 * the residual branch F_b or the identity. Because the backward pass is linear in the gradient,
 * the gradient reaching the input of block 1 is the sum, over all 2ⁿ paths, of the gradient that
 * flows back through that path alone (their §4.2 and Fig. 6): at each block it goes either through
 * the branch's Jacobian or straight through the identity.
 *
 * Post-activation blocks (with BN) end in a ReLU after the addition, y = ReLU(x + F(x)); the ReLU's
 * mask is shared by both ways, so a path applies it at every block it passes, then either the branch
 * or the identity. Pre-activation blocks (without BN) add with no ReLU after.
 */

/** Backward through one unit's BN (batch statistics) or bias, for M stacked gradients [M, B, W]. */
function normBackward(cache: UnitCache, dy: tf.Tensor): tf.Tensor {
  if (!cache.bn) return dy;
  const { zHat, rstd, gamma } = cache.bn;
  const batch = zHat.shape[0]!;
  const dBeta = tf.sum(dy, 1, true); // [M, 1, W]
  const dGamma = tf.sum(tf.mul(dy, zHat), 1, true);
  const meanPart = tf.mul(tf.add(tf.mul(zHat, dGamma), dBeta), 1 / batch);
  return tf.mul(tf.sub(dy, meanPart), tf.mul(rstd, gamma));
}

/** d(unit output) → d(sum before its activation): the activation's derivative. */
function activationBackward(cache: UnitCache, dOut: tf.Tensor): tf.Tensor {
  const post = cache.options.post;
  if (post === 'identity') return dOut;
  if (post === 'relu') return tf.mul(dOut, tf.step(cache.out));
  throw new RangeError('path gradients: one-lane nets only (no mixed activations)');
}

/** d(sum before activation) → d(unit input), through the normalisation, the kernel and the optional pre-ReLU. */
function branchBackward(cache: UnitCache, dSum: tf.Tensor): tf.Tensor {
  const [m, b, w] = dSum.shape as [number, number, number];
  const dz = normBackward(cache, dSum);
  const fanIn = cache.kernel.shape[0]!;
  const dIn = tf.reshape(tf.matMul(tf.reshape(dz, [m * b, w]), tf.transpose(cache.kernel)), [m, b, fanIn]);
  return cache.options.preRelu ? tf.mul(dIn, tf.step(cache.input)) : dIn;
}

/**
 * Gradients of the loss with respect to the input of the first residual block, each through one
 * path only. `branches[m][b]` says whether path m goes through block b's residual branch (true)
 * or its identity (false); the path's length is its number of branches.
 * Shapes: the tape of a training-mode forward pass over a batch of B examples, dLogits [B, C]
 * → [M, B, W]. Summed over all 2ⁿ paths it is the full gradient (tested).
 */
export function pathInputGradients(tape: ForwardTape, dLogits: tf.Tensor, branches: readonly (readonly boolean[])[]): tf.Tensor {
  const units = tape.units;
  const depth = units.length - 1;
  const blocks = depth / 2;
  if (!units[depth]?.hasShortcut) throw new RangeError('path gradients need a residual net');
  const m = branches.length;
  if (m < 1 || branches.some((p) => p.length !== blocks)) throw new RangeError(`path gradients: each path needs ${blocks} choices`);
  // Gradient at the body's output (the head input), the same for every path: [1, B, W].
  let d: tf.Tensor = tf.matMul(dLogits, tf.transpose(tape.headKernel));
  if (tape.headPreRelu) d = tf.mul(d, tf.step(tape.headPreRelu));
  d = tf.tile(tf.expandDims(d, 0), [m, 1, 1]);
  for (let b = blocks - 1; b >= 0; b--) {
    const second = units[2 * b + 2]!;
    const first = units[2 * b + 1]!;
    const dSum = activationBackward(second, d);
    const branch = branchBackward(first, activationBackward(first, branchBackward(second, dSum)));
    const choose = tf.tensor3d(branches.map((p) => (p[b] ? 1 : 0)), [m, 1, 1]);
    d = tf.add(tf.mul(choose, branch), tf.mul(tf.sub(1, choose), dSum));
  }
  return d;
}
