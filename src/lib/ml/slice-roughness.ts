/**
 * How rough a 2-D loss slice is, read off the grid of values itself (no extra evaluations).
 *
 * At each interior grid point the slice's curvature is the 2×2 matrix of second differences
 *   [f_αα f_αβ; f_αβ f_ββ],  f_αα = f(i, j+1) − 2f(i, j) + f(i, j−1),  f_αβ from the four diagonal
 * neighbours. Where its smaller eigenvalue is negative the surface bends down in some direction:
 * the point is not locally convex. A smooth bowl has none of those; a chaotic surface has them
 * everywhere. This is the 2-D version of Li et al.'s map of |λmin/λmax|: a slice's curvatures are
 * weighted averages of the full Hessian's, so non-convexity seen in the slice is real non-convexity
 * of the loss (their §6), though a convex-looking slice does not prove the full loss convex.
 */
export interface SliceRoughness {
  /** Share of interior points (0–1) where the slice bends down in some direction. */
  nonConvexShare: number;
  /** Strict local minima of the grid (lower than all 8 neighbours), interior points only. */
  localMinima: number;
  /** Interior points counted (R − 2)². */
  points: number;
}

/**
 * Roughness of the R × R slice `loss` (row-major, row i = β index, column j = α index). A downward
 * bend counts only if it exceeds 10⁻⁴ of the slice's range, so float rounding on a flat stretch is
 * not counted as curvature.
 */
export function sliceRoughness(loss: ArrayLike<number>, resolution: number): SliceRoughness {
  const R = resolution;
  if (!Number.isInteger(R) || R < 3 || loss.length !== R * R) throw new RangeError(`sliceRoughness: need an R×R grid with R ≥ 3, got ${loss.length} values for R = ${R}`);
  const f = (i: number, j: number) => loss[i * R + j]!;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < loss.length; i++) {
    lo = Math.min(lo, loss[i]!);
    hi = Math.max(hi, loss[i]!);
  }
  const tolerance = 1e-4 * (hi - lo);
  let nonConvex = 0;
  let minima = 0;
  for (let i = 1; i < R - 1; i++) {
    for (let j = 1; j < R - 1; j++) {
      const c = f(i, j);
      const faa = f(i, j + 1) - 2 * c + f(i, j - 1);
      const fbb = f(i + 1, j) - 2 * c + f(i - 1, j);
      const fab = (f(i + 1, j + 1) - f(i + 1, j - 1) - f(i - 1, j + 1) + f(i - 1, j - 1)) / 4;
      const lambdaMin = (faa + fbb) / 2 - Math.hypot((faa - fbb) / 2, fab);
      if (lambdaMin < -tolerance) nonConvex++;
      let lowest = true;
      for (let di = -1; di <= 1 && lowest; di++) for (let dj = -1; dj <= 1; dj++) if ((di || dj) && f(i + di, j + dj) <= c) lowest = false;
      if (lowest) minima++;
    }
  }
  const points = (R - 2) ** 2;
  return { nonConvexShare: nonConvex / points, localMinima: minima, points };
}
