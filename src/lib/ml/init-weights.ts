import { blockCount, validateNetConfig, type NetConfig } from './net-config.ts';
import { createRng, deriveSeed, type Rng } from './prng.ts';

/** Initial weight matrices of a net, as plain arrays (row-major [fanIn, fanOut]). */
export interface InitialWeights {
  /** Stem kernel [inputDim, W]. */
  stem: Float32Array;
  /** Body kernels, D of them, each [W, W]. */
  body: Float32Array[];
  /** Head kernel [W, classes]. */
  head: Float32Array;
}

/** He (Kaiming) normal: N(0, 2/fanIn), the variance that keeps ReLU activations at scale. */
export function heNormal(rng: Rng, fanIn: number, fanOut: number): Float32Array {
  const std = Math.sqrt(2 / fanIn);
  const w = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < w.length; i++) w[i] = rng.normal(0, std);
  return w;
}

/**
 * He-initialised kernels from `config.seed`, drawn in a fixed order (stem, body 1…D, head), so
 * plain and residual nets with the same seed, depth and width start from identical matrices.
 * The one exception is the residual net without BN: the second kernel of each block is then
 * multiplied by 1/√(D/2) (same draws, scaled), which keeps the sum of D/2 branches at scale.
 * Biases, BN scales γ (= 1) and shifts β (= 0) are not random and are not returned.
 */
export function initialWeights(config: NetConfig): InitialWeights {
  const { depth, width, inputDim, classes } = validateNetConfig(config);
  const rng = createRng(deriveSeed(config.seed, 'init'));
  const stem = heNormal(rng, inputDim, width);
  const body = Array.from({ length: depth }, () => heNormal(rng, width, width));
  const head = heNormal(rng, width, classes);
  const blocks = blockCount(config);
  if (blocks > 0 && !config.batchNorm) {
    const scale = 1 / Math.sqrt(blocks);
    for (let l = 1; l < depth; l += 2) body[l] = body[l]!.map((v) => v * scale);
  }
  return { stem, body, head };
}
