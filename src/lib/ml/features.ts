/**
 * Hand-engineered features of a point (x, y) in the plane — the "feature engineering" of a
 * classical pipeline, for the boundary lab's logistic regression. The data sit roughly in
 * [−1, 1]², so the periodic features use sin(πx) etc. (one period across the plane).
 */

/** Names of the features a reader can tick, in display order. */
export const featureNames = ['x', 'y', 'x2', 'y2', 'xy', 'sinx', 'siny', 'cosx', 'cosy'] as const;
export type FeatureName = (typeof featureNames)[number];

/** The raw coordinates: logistic regression on these alone is a linear classifier of the plane. */
export const rawFeatures: readonly FeatureName[] = ['x', 'y'];

const fns: Record<FeatureName, (x: number, y: number) => number> = {
  x: (x) => x,
  y: (_, y) => y,
  x2: (x) => x * x,
  y2: (_, y) => y * y,
  xy: (x, y) => x * y,
  sinx: (x) => Math.sin(Math.PI * x),
  siny: (_, y) => Math.sin(Math.PI * y),
  cosx: (x) => Math.cos(Math.PI * x),
  cosy: (_, y) => Math.cos(Math.PI * y),
};

/** Plain-text formula of a feature, for labels and tables: `x²`, `sin πx`. */
export const featureFormula: Record<FeatureName, string> = {
  x: 'x',
  y: 'y',
  x2: 'x²',
  y2: 'y²',
  xy: 'xy',
  sinx: 'sin πx',
  siny: 'sin πy',
  cosx: 'cos πx',
  cosy: 'cos πy',
};

/** The value of one feature at (x, y). */
export function featureValue(name: FeatureName, x: number, y: number): number {
  return fns[name](x, y);
}

/**
 * Feature matrix of N points: points [N, 2] row-major → [N, F] row-major, columns in the order of
 * `names` (duplicates removed, schema order kept).
 * @example featurize(Float32Array.of(0.5, 2), ['x2', 'xy']) // [0.25, 1]
 */
export function featurize(points: ArrayLike<number>, names: readonly FeatureName[]): Float32Array {
  const cols = orderFeatures(names);
  if (cols.length === 0) throw new RangeError('featurize needs at least one feature');
  const n = Math.floor(points.length / 2);
  const out = new Float32Array(n * cols.length);
  for (let i = 0; i < n; i++) {
    const x = points[2 * i]!, y = points[2 * i + 1]!;
    cols.forEach((name, j) => (out[i * cols.length + j] = fns[name](x, y)));
  }
  return out;
}

/** `names` without duplicates or unknown names, in the canonical order of `featureNames`. */
export function orderFeatures(names: readonly string[]): FeatureName[] {
  return featureNames.filter((f) => names.includes(f));
}
