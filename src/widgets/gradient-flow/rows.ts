/**
 * The cells of the gradient-flow widget's `table[data-metrics]`, as plain strings: used by
 * `GradientFlow.astro` for the recorded rows at build time and by the client for live rows.
 * Columns (0-based, as classroom conditions read them):
 * - gradients: [0] layer 1…L, [1] plain at init, [2] residual at init, [3] plain now, [4] residual now
 * - gradient-growth: [0] architecture, [1] step, [2] first-to-last ratio, [3] per-layer factor
 * Norms with 4 significant digits (they span many decades); '' where a net has no such layer.
 */
import { cell } from '../../lib/i18n/number-format';
import { firstToLastRatio, perLayerFactor } from '../../lib/ml/gradient-stats';
import type { Arch } from '../degradation-lab/jobs';

type Norms = readonly number[] | undefined;

/** `layers` rows: each net's per-layer norms at initialisation and at the step shown. */
export function gradientRows(layers: number, at: { plainInit: Norms; residualInit: Norms; plainNow: Norms; residualNow: Norms }): string[][] {
  return Array.from({ length: layers }, (_, i) => [String(i + 1), cell.precision(at.plainInit?.[i]), cell.precision(at.residualInit?.[i]), cell.precision(at.plainNow?.[i]), cell.precision(at.residualNow?.[i])]);
}

export function growthCells(arch: Arch, step: number, norms: readonly number[]): string[] {
  return [arch, String(step), cell.precision(firstToLastRatio(norms)), cell.precision(perLayerFactor(norms))];
}
