/**
 * How rough a 2-D loss slice is, read off the grid of values itself (no extra evaluations).
 *
 * - Up-and-down ratio: along every row and every column of the grid, the total variation
 *   Σ|f(j+1) − f(j)| divided by the least a line with one valley could have, (f(first) − min) +
 *   (f(last) − min); averaged over all lines. A slice whose every straight cut has a single valley
 *   (any convex slice, any smooth bowl) scores exactly 1; each extra dip on a cut adds twice its
 *   depth. A chaotic surface, full of bumps, scores well above 1.
 * - Local minima: interior grid points lower than all eight neighbours. A smooth basin has one.
 *
 * Both depend on the grid spacing: they describe the surface as sampled, at the scale drawn.
 */
export interface SliceRoughness {
  /** Mean over rows and columns of total variation / single-valley variation (≥ 1). */
  upDown: number;
  /** Strict local minima of the grid (lower than all 8 neighbours), interior points only. */
  localMinima: number;
}

/** Total variation of a line relative to the least any line with one valley between the same ends and minimum has. */
function lineRatio(line: readonly number[]): number {
  let tv = 0;
  for (let j = 1; j < line.length; j++) tv += Math.abs(line[j]! - line[j - 1]!);
  const low = Math.min(...line);
  const single = line[0]! - low + (line.at(-1)! - low);
  return single > 0 ? tv / single : 1;
}

/** Roughness of the R × R slice `loss` (row-major, row i = β index, column j = α index). */
export function sliceRoughness(loss: ArrayLike<number>, resolution: number): SliceRoughness {
  const R = resolution;
  if (!Number.isInteger(R) || R < 3 || loss.length !== R * R) throw new RangeError(`sliceRoughness: need an R×R grid with R ≥ 3, got ${loss.length} values for R = ${R}`);
  const f = (i: number, j: number) => loss[i * R + j]!;
  const lines: number[][] = [];
  for (let i = 0; i < R; i++) lines.push(Array.from({ length: R }, (_, j) => f(i, j)));
  for (let j = 0; j < R; j++) lines.push(Array.from({ length: R }, (_, i) => f(i, j)));
  const upDown = lines.reduce((a, l) => a + lineRatio(l), 0) / lines.length;
  let minima = 0;
  for (let i = 1; i < R - 1; i++) {
    for (let j = 1; j < R - 1; j++) {
      const c = f(i, j);
      let lowest = true;
      for (let di = -1; di <= 1 && lowest; di++) for (let dj = -1; dj <= 1; dj++) if ((di || dj) && f(i + di, j + dj) <= c) lowest = false;
      if (lowest) minima++;
    }
  }
  return { upDown, localMinima: minima };
}
