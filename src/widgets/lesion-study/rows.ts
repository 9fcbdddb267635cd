/**
 * The cells of every `table[data-metrics]` of the lesion study, as plain strings: used by
 * `LesionStudy.astro` for the recorded rows at build time and by the client for live rows, so both
 * are written by the same code. Columns (0-based, as classroom conditions read them):
 * - nets: [0] architecture, [1] depth, [2] training accuracy, [3] held-out accuracy
 * - single: [0] deleted block (1 … n), [1] plain held-out accuracy, [2] residual held-out accuracy
 * - lesion: [0] architecture, [1] blocks deleted k, [2] mean accuracy over the subsets, [3] lowest, [4] highest
 * - paths (residual net): [0] path length k, [1] paths C(n, k), [2] share of the 2ⁿ paths,
 *   [3] gradient norm through one path (mean), [4] all paths of length k together,
 *   [5] share of the gradient, [6] effective (1) or not (0)
 * Accuracies and shares are fractions 0–1.
 */
import type { LesionPoint, LesionResult, PathLength } from '../../workers/lesion-job';
import type { Arch } from './jobs';

const fraction = (v: number) => v.toFixed(4);
const significant = (v: number) => String(Number(v.toPrecision(4)));

export function netCells(r: Pick<LesionResult, 'arch' | 'depth' | 'trainAccuracy' | 'testAccuracy'>): string[] {
  return [r.arch, String(r.depth), r.trainAccuracy === undefined ? '' : fraction(r.trainAccuracy), r.testAccuracy === undefined ? '' : fraction(r.testAccuracy)];
}

/** Block b (0-based) deleted: its 1-based number and each net's accuracy without it ('' where not measured yet). */
export function singleCells(block: number, accuracy: Partial<Record<Arch, number>>): string[] {
  return [String(block + 1), accuracy.plain === undefined ? '' : fraction(accuracy.plain), accuracy.residual === undefined ? '' : fraction(accuracy.residual)];
}

export function lesionCells(arch: Arch, p: LesionPoint): string[] {
  return [arch, String(p.k), fraction(p.mean), fraction(p.min), fraction(p.max)];
}

export function pathCells(p: PathLength, all: readonly PathLength[], effective: { from: number; to: number } | undefined): string[] {
  const paths = all.reduce((a, q) => a + q.paths, 0);
  const total = all.reduce((a, q) => a + q.total, 0);
  const inRange = effective !== undefined && p.k >= effective.from && p.k <= effective.to;
  return [String(p.k), String(p.paths), fraction(p.paths / paths), significant(p.magnitude), significant(p.total), fraction(total > 0 ? p.total / total : 0), inRange ? '1' : '0'];
}
