/**
 * What the lesion study draws from the two nets' results: the strips (one button per block, tinted
 * by the accuracy kept without it), the two decision maps (intact or with the chosen block deleted),
 * the single-deletion chart, the k-deletions range chart (accuracy 0–1, mean with min–max), the
 * residual net's path-length charts (share of paths vs share of gradient; log₁₀ gradient norm), and
 * the tables behind them.
 */
import { createBoundaryMap } from '../../charts/boundary-map';
import { createColumnChart } from '../../charts/column-chart';
import { createLineChart } from '../../charts/line-chart';
import { dashes, palette } from '../../charts/palette';
import { createRangeChart } from '../../charts/range-chart';
import type { Locale } from '../../lib/i18n/locales';
import { lesionStudyStrings } from '../../lib/i18n/widgets/lesion-study';
import { fill } from '../../lib/i18n/translate';
import { datasetClasses, makeDataset } from '../../lib/ml/datasets';
import { pathCounts } from '../../lib/ml/lesion';
import type { LesionStudyState } from '../../lib/state/schemas/lesion-study';
import type { LesionResult } from '../../workers/lesion-job';
import { writeRows } from '../shared/metrics-table';
import { archs, type Arch } from './jobs';
import { lesionCells, netCells, pathCells, singleCells } from './rows';
import { createStrips } from './strip';

/** A net's results so far (a live run fills them in phase by phase). */
export type NetView = Omit<LesionResult, 'arch' | 'blocks' | 'steps' | 'msPerStep'>;
export const emptyView = (depth: number): NetView => ({ depth, single: [], curve: [] });

export interface LesionViewOptions {
  locale: Locale;
  /** What an empty line chart says (`chartEmptyText`). */
  empty: () => string;
  /** A strip's block b (1-based) was pressed. */
  onPick(block: number): void;
}

export function createLesionView(root: HTMLElement, { locale, empty, onPick }: LesionViewOptions) {
  const s = lesionStudyStrings[locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  // On a phone a narrower viewBox keeps the axis labels readable (the SVG scales to its box).
  const width = root.clientWidth < 520 ? 380 : 560;
  const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

  const maps = Object.fromEntries(archs.map((a) => [a, createBoundaryMap(q(`[data-chart="map-${a}"]`), { title: s[`net.${a}`] })])) as Record<Arch, ReturnType<typeof createBoundaryMap>>;
  const singleChart = createLineChart(q('[data-chart="single"]'), { title: s.singleChart, xLabel: s.blockAxis, yLabel: s.accuracy, yDomain: [0, 1], height: 260, empty });
  const curveChart = createRangeChart(q('[data-chart="curve"]'), { title: s.curveChart, xLabel: s.kAxis, yLabel: s.accuracy, yDomain: [0, 1], height: 260, width });
  const pathsChart = createColumnChart(q('[data-chart="paths"]'), { title: s.pathsChart, xLabel: s.lengthAxis, yLabel: s.shareAxis, yFormat: '.0%', width });
  // log₁₀ on a linear axis: the norms span many decades, and "−6" reads better than "0.000001".
  const magnitudeChart = createLineChart(q('[data-chart="magnitude"]'), { title: s.magnitudeChart, xLabel: s.lengthAxis, yLabel: s.magnitudeAxis, height: 280, empty });
  for (const [chart, name] of [[maps.plain, 'map-plain'], [maps.residual, 'map-residual'], [singleChart, 'single'], [curveChart, 'curve'], [pathsChart, 'paths'], [magnitudeChart, 'magnitude']] as const) chart.svg.dataset.chart = name;
  const strips = createStrips(q('[data-strips]'), archs, {
    rowLabel: (a) => s[`net.${a}`],
    stem: s.stem,
    head: s.head,
    blockLabel: (b, a, acc) => `${s[`net.${a}`]} · ${fill(s.blockButton, { b })}${acc === undefined ? '' : ` · ${fill(s.blockAccuracy, { acc: pct(acc) })}`}`,
    onPick,
  });

  const drawnGrid: Record<Arch, unknown> = { plain: null, residual: null };
  let pointsOf: { key: string; x: Float32Array; y: Int32Array } | undefined;
  const points = (state: LesionStudyState) => {
    const key = `${state.dataset}|${state.seed}`;
    if (pointsOf?.key !== key) {
      const d = makeDataset(state.dataset, { n: 1000, seed: state.seed });
      pointsOf = { key, x: d.x, y: d.y };
    }
    return pointsOf;
  };

  function drawPaths(res: NetView, blocks: number) {
    const paths = res.paths ?? [];
    const counts = pathCounts(blocks);
    const totalPaths = 2 ** blocks;
    const gradientSum = paths.reduce((acc, p) => acc + p.total, 0);
    pathsChart.update({
      categories: counts.map((_, k) => String(k)),
      series: [
        { id: 'paths', label: s['series.paths'], color: palette.sky, hatched: true, values: counts.map((c) => c / totalPaths) },
        { id: 'gradient', label: s['series.gradient'], color: palette.residual, values: counts.map((_, k) => (gradientSum > 0 ? (paths[k]?.total ?? 0) / gradientSum : NaN)) },
      ],
      highlight: res.effective && { ...res.effective, label: fill(s.effective, res.effective) },
    });
    magnitudeChart.update([{ id: 'residual', label: s['net.residual'], color: palette.residual, markers: true, points: paths.map((p) => [p.k, Math.log10(p.magnitude)] as [number, number]) }]);
    q('[data-plain-paths]').textContent = fill(s.plainOnePath, { n: blocks });
  }

  /** Draws `views` for `state`'s chosen block and data set; `recorded` marks the table rows as the recording's. */
  function draw(views: Record<Arch, NetView>, state: LesionStudyState, recorded: boolean) {
    const fillTable = (name: string, rows: string[][]) => writeRows(q<HTMLTableSectionElement>(`table[data-metrics="${name}"] tbody`), rows, { recorded });
    const chance = 1 / datasetClasses(state.dataset);
    // The nets shown may be of another depth than the slider while a run is under way.
    const blocks = views.plain.depth / 2;
    const block = Math.min(state.block, blocks);
    const kept = Object.fromEntries(archs.map((a) => [a, Array.from({ length: blocks }, (_, b) => views[a].single.find((x) => x.block === b)?.accuracy)])) as Record<Arch, (number | undefined)[]>;
    strips.update(blocks, block, kept, chance);
    for (const a of archs) {
      const v = views[a];
      const grid = block ? v.single.find((x) => x.block === block - 1)?.grid : v.intactGrid;
      // A map is redrawn only when what it shows changes (progress arrives many times a second).
      if (grid !== drawnGrid[a]) {
        maps[a].update(grid && { probs: grid.probabilities, resolution: grid.resolution, classes: grid.classes, extent: grid.extent, points: points(state) });
        drawnGrid[a] = grid;
      }
      const what = block ? fill(s.deletedBlock, { b: block }) : s.intact;
      q(`[data-map-title="${a}"]`).textContent = fill(s.mapTitle, { net: s[`net.${a}`], what });
      const acc = block ? kept[a][block - 1] : v.testAccuracy;
      q(`[data-map-stats="${a}"]`).textContent = acc === undefined || v.testAccuracy === undefined ? '' : fill(s.mapStats, { acc: pct(acc), intact: pct(v.testAccuracy) });
    }
    singleChart.setReference({ y: chance, label: fill(s.chance, { c: datasetClasses(state.dataset) }) });
    singleChart.update(archs.map((a) => ({ id: a, label: s[`net.${a}`], color: palette[a], dash: dashes[a], markers: true, points: views[a].single.map((x) => [x.block + 1, x.accuracy] as [number, number]) })));
    curveChart.update(archs.map((a) => ({ id: a, label: s[`net.${a}`], color: palette[a], dash: dashes[a], points: views[a].curve.map((p) => ({ x: p.k, mean: p.mean, min: p.min, max: p.max })) })));
    drawPaths(views.residual, blocks);

    const paths = views.residual.paths ?? [];
    fillTable('nets', archs.filter((a) => views[a].testAccuracy !== undefined).map((a) => netCells({ arch: a, depth: views[a].depth, trainAccuracy: views[a].trainAccuracy, testAccuracy: views[a].testAccuracy })));
    fillTable('single', Array.from({ length: blocks }, (_, b) => ({ b, plain: kept.plain[b], residual: kept.residual[b] })).filter((r) => r.plain !== undefined || r.residual !== undefined).map((r) => singleCells(r.b, { plain: r.plain, residual: r.residual })));
    fillTable('lesion', archs.flatMap((a) => views[a].curve.map((p) => lesionCells(a, p))));
    fillTable('paths', paths.map((p) => pathCells(p, paths, views.residual.effective)));
  }

  return { draw };
}
