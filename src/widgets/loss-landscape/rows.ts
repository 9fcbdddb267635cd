/**
 * The cells of every `table[data-metrics]` of the loss-landscape widget, as plain strings: used by
 * `LossLandscape.astro` for the recorded rows at build time and by the client for live rows.
 * Columns (0-based, as classroom conditions read them):
 * - roughness: [0] architecture, [1] depth, [2] training loss at θ*, [3] largest Hessian eigenvalue
 *   λmax, [4] smallest λmin, [5] |λmin/λmax|, [6] up-and-down ratio of the slice's cuts (1 = every
 *   cut a single valley), [7] local minima in the slice; one pair of rows per live run (recorded: the depth shown)
 * - line: [0] t, [1] plain loss, [2] residual loss, [3] plain accuracy, [4] residual accuracy
 * - cut: [0] α, [1] plain loss, [2] residual loss (at the cut's β)
 * - slice-plain, slice-residual: [0] β, then the loss at each α of the grid
 */
import { linspace } from '../../lib/ml/landscape';
import type { LandscapeResult, LinePoint } from '../../workers/landscape-job';
import type { Arch } from './jobs';

const significant = (v: number | undefined, digits = 4) => (v === undefined || !Number.isFinite(v) ? '' : String(Number(v.toPrecision(digits))));
const coordinate = (v: number) => String(Number(v.toFixed(4)));

export function roughnessCells(r: Pick<LandscapeResult, 'arch' | 'depth' | 'trainLoss' | 'curvature' | 'roughness'>): string[] {
  const c = r.curvature;
  return [
    r.arch,
    String(r.depth),
    significant(r.trainLoss),
    significant(c?.max),
    significant(c?.min),
    significant(c?.ratio, 3),
    r.roughness?.upDown === undefined ? '' : r.roughness.upDown.toFixed(3),
    r.roughness?.localMinima === undefined ? '' : String(r.roughness.localMinima),
  ];
}

/** The line table: one row per t, both nets side by side. */
export function lineRows(lines: Partial<Record<Arch, readonly LinePoint[]>>): string[][] {
  const ts = [...new Set([...(lines.plain ?? []), ...(lines.residual ?? [])].map((p) => p.t))].sort((a, b) => a - b);
  const at = (a: Arch, t: number) => lines[a]?.find((p) => p.t === t);
  return ts.map((t) => [coordinate(t), significant(at('plain', t)?.loss), significant(at('residual', t)?.loss), significant(at('plain', t)?.accuracy), significant(at('residual', t)?.accuracy)]);
}

/** The grid's row index nearest to the cut (a fraction −1 … 1 of the span). */
export const cutRow = (cut: number, resolution: number) => Math.round(((cut + 1) / 2) * (resolution - 1));

/** The cut table: the loss along α on row `row` of both slices ('' where a slice has no such row yet). */
export function cutRows(grids: Partial<Record<Arch, ArrayLike<number>>>, resolution: number, span: number, row: number, filled: Partial<Record<Arch, number>> = {}): string[][] {
  const alphas = linspace(-span, span, resolution);
  const value = (a: Arch, j: number) => (grids[a] && row < (filled[a] ?? resolution) ? significant(grids[a]![row * resolution + j]) : '');
  return alphas.map((alpha, j) => [coordinate(alpha), value('plain', j), value('residual', j)]);
}

/** A slice as a table: header α values, one row per β (top row = largest β, as drawn). */
export function sliceHeader(resolution: number, span: number): string[] {
  return linspace(-span, span, resolution).map(coordinate);
}
export function sliceRows(grid: ArrayLike<number>, resolution: number, span: number, filled = resolution): string[][] {
  const betas = linspace(-span, span, resolution);
  const rows: string[][] = [];
  for (let i = filled - 1; i >= 0; i--) rows.push([coordinate(betas[i]!), ...Array.from({ length: resolution }, (_, j) => significant(grid[i * resolution + j]))]);
  return rows;
}
