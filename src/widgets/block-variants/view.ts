/**
 * What the block-variants widget draws: the smoothed training loss (log scale) and the test
 * accuracy (0–1) of each chosen variant against steps, each with the data set's chance line, and
 * the tables behind them — the `curve` table (rows by step) and the `runs` table, a log of finished
 * runs across presses of Train (recorded rows first, replaced when the choice changes).
 */
import type { LineSeries } from '../../charts/line-chart';
import { palette } from '../../charts/palette';
import type { Locale } from '../../lib/i18n/locales';
import { blockVariantsStrings, variantName } from '../../lib/i18n/widgets/block-variants';
import type { BlockVariantId } from '../../lib/ml/block-variants';
import { chanceLoss, datasetClasses } from '../../lib/ml/datasets';
import type { BlockVariantsState } from '../../lib/state/schemas/block-variants';
import type { VariantScores } from '../../workers/block-variants-job';
import { tableRow, writeRows } from '../shared/metrics-table';
import { createStepCharts } from '../shared/step-charts';
import { curveCells } from './rows';

/** Colours and dashes by position among the chosen variants (at most four). */
const colors = [palette.residual, palette.vermillion, palette.green, palette.purple];
const dashes = ['', '6 3', '2 3', '8 3 2 3'];

/** Per variant: smoothed loss as [step, loss] pairs, and its evaluations. */
export interface Curves {
  losses: Map<BlockVariantId, [number, number][]>;
  evals: Map<BlockVariantId, VariantScores[]>;
}

/** `empty`: what an empty chart says (`chartEmptyText`). */
export function createVariantsView(root: HTMLElement, { locale, empty }: { locale: Locale; empty: () => string }) {
  const s = blockVariantsStrings[locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  // Line charts lay themselves out for their box's width; while empty they say what to do.
  const { lossChart, accChart } = createStepCharts(root, { strings: s, heights: [260, 240], empty });
  const runsBody = q<HTMLTableSectionElement>('table[data-metrics="runs"] tbody');
  const curveBody = q<HTMLTableSectionElement>('table[data-metrics="curve"] tbody');

  /** The curves of the variants `ids` (in that order), with `state`'s chance lines once a curve has a point. */
  function drawCurves(ids: readonly BlockVariantId[], { losses, evals }: Curves, state: BlockVariantsState) {
    const series = (points: [number, number][], id: BlockVariantId, i: number, markers = false): LineSeries => ({
      id,
      label: variantName(locale, id),
      color: colors[i % colors.length]!,
      dash: dashes[i % dashes.length],
      points,
      markers,
    });
    const chance = { id: 'chance', label: s.chance, color: 'currentColor', dash: '1 3' };
    const anyLoss = ids.some((id) => losses.get(id)?.length);
    lossChart.update([
      ...ids.map((id, i) => series(losses.get(id) ?? [], id, i)),
      { ...chance, points: anyLoss ? [[0, chanceLoss(state.dataset)], [state.steps, chanceLoss(state.dataset)]] : [] },
    ]);
    const anyEval = ids.some((id) => evals.get(id)?.length);
    accChart.update([
      ...ids.map((id, i) => series((evals.get(id) ?? []).map((e) => [e.step, e.testAccuracy] as [number, number]), id, i, true)),
      { ...chance, points: anyEval ? [[0, 1 / datasetClasses(state.dataset)], [state.steps, 1 / datasetClasses(state.dataset)]] : [] },
    ]);
  }

  /** The `curve` table: every evaluation of the variants `ids`, by step. */
  function writeCurveTable(ids: readonly BlockVariantId[], evals: Curves['evals'], recorded: boolean) {
    const rows = ids.flatMap((id) => (evals.get(id) ?? []).map((e) => ({ step: e.step, cells: curveCells(id, e) })));
    rows.sort((a, b) => a.step - b.step);
    writeRows(curveBody, rows.map((r) => r.cells), { recorded });
  }

  return {
    drawCurves,
    writeCurveTable,
    /** Replaces the recorded rows of the `runs` table (kept above the reader's own runs). */
    showRecordedRuns: (rows: string[][]) => {
      runsBody.querySelectorAll('tr[data-recorded]').forEach((r) => r.remove());
      runsBody.prepend(...rows.map((cells) => tableRow(cells, { recorded: true })));
    },
    /** A finished live run, at the end of the `runs` table. */
    addRun: (cells: string[]) => runsBody.append(tableRow(cells)),
  };
}
