import type { Extent } from './datasets.ts';

/**
 * Centres of an R×R grid of cells covering `extent`, in image order: row 0 is the top
 * (y near yMax), column 0 the left (x near xMin). Returns [R·R, 2] row-major: cell (i, j) is
 * point i·R + j at (xMin + (j + ½)·Δx, yMax − (i + ½)·Δy) with Δ = side / R.
 * @example gridPoints({ xMin: 0, xMax: 2, yMin: 0, yMax: 2 }, 2) // (0.5,1.5) (1.5,1.5) (0.5,0.5) (1.5,0.5)
 */
export function gridPoints(extent: Extent, resolution: number): Float32Array {
  if (!Number.isInteger(resolution) || resolution < 1) {
    throw new RangeError(`resolution must be a positive integer, got ${resolution}`);
  }
  const { xMin, xMax, yMin, yMax } = extent;
  if (!(xMax > xMin && yMax > yMin)) throw new RangeError('extent must have xMax > xMin and yMax > yMin');
  const dx = (xMax - xMin) / resolution;
  const dy = (yMax - yMin) / resolution;
  const points = new Float32Array(resolution * resolution * 2);
  for (let i = 0; i < resolution; i++) {
    for (let j = 0; j < resolution; j++) {
      const k = 2 * (i * resolution + j);
      points[k] = xMin + (j + 0.5) * dx;
      points[k + 1] = yMax - (i + 0.5) * dy;
    }
  }
  return points;
}
