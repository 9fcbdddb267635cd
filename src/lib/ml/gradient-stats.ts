/**
 * Summaries of per-layer gradient norms, as the gradient-flow chart and its prose use them.
 * `norms[0]` is the body layer nearest the input, `norms[D − 1]` the one nearest the output.
 */

/** ‖∇W_first‖ / ‖∇W_last‖: above 1, gradients grow toward the input; below 1, they shrink. */
export function firstToLastRatio(norms: readonly number[]): number {
  if (norms.length < 2) return 1;
  return norms[0]! / norms[norms.length - 1]!;
}

/** The geometric mean factor per layer, going from the output toward the input: ratio^(1/(D−1)). */
export function perLayerFactor(norms: readonly number[]): number {
  if (norms.length < 2) return 1;
  return firstToLastRatio(norms) ** (1 / (norms.length - 1));
}

/** max/min over the layers: how far apart the best- and worst-fed layers are. */
export function spread(norms: readonly number[]): number {
  const finite = norms.filter((v) => Number.isFinite(v) && v > 0);
  if (finite.length === 0) return NaN;
  return Math.max(...finite) / Math.min(...finite);
}
