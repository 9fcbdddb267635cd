/**
 * The cells of the degradation lab's `table[data-metrics]`, as plain strings: used by
 * `DegradationLab.astro` for the recorded rows at build time and by the client for live rows.
 * Columns (0-based, as classroom conditions read them):
 * - runs: [0] architecture, [1] depth, [2] steps, [3] final loss, [4] final accuracy
 * - curve: [0] step, [1] plain loss, [2] residual loss, [3] plain accuracy, [4] residual accuracy
 * - sweep: [0] depth, [1] plain final loss, [2] residual final loss
 * Losses and accuracies with 4 decimals; '' where a net has no value at that step or depth.
 */
import { cell } from '../../lib/i18n/number-format';
import type { Arch } from './jobs';

type Value = number | null | undefined;

export function runCells(r: { arch: Arch; depth: number; steps: number; finalLoss: number; finalAccuracy: number }): string[] {
  return [r.arch, String(r.depth), String(r.steps), cell.decimals(r.finalLoss), cell.decimals(r.finalAccuracy)];
}

/** One evaluation step of both nets (the recording's curve row has this shape). */
export interface CurveRow {
  step: number;
  plainLoss: Value;
  residualLoss: Value;
  plainAcc: Value;
  residualAcc: Value;
}

export function curveCells(c: CurveRow): string[] {
  return [String(c.step), cell.decimals(c.plainLoss), cell.decimals(c.residualLoss), cell.decimals(c.plainAcc), cell.decimals(c.residualAcc)];
}

/** The curve table from each net's evaluations: one row per step any net of `shown` evaluated. */
export function curveRows(evals: Record<Arch, readonly { step: number; loss: number; accuracy: number }[]>, shown: readonly Arch[]): string[][] {
  const steps = [...new Set(shown.flatMap((a) => evals[a].map((e) => e.step)))].sort((x, y) => x - y);
  return steps.map((step) => {
    const p = evals.plain.find((e) => e.step === step);
    const r = evals.residual.find((e) => e.step === step);
    return curveCells({ step, plainLoss: p?.loss, residualLoss: r?.loss, plainAcc: p?.accuracy, residualAcc: r?.accuracy });
  });
}

/** The sweep table: one row per depth run, each net's final loss. */
export function sweepRows(results: readonly { arch: Arch; depth: number; finalLoss?: number }[]): string[][] {
  const depths = [...new Set(results.map((r) => r.depth))].sort((x, y) => x - y);
  const at = (d: number, a: Arch) => results.find((r) => r.depth === d && r.arch === a)?.finalLoss;
  return depths.map((d) => [String(d), cell.decimals(at(d, 'plain')), cell.decimals(at(d, 'residual'))]);
}
