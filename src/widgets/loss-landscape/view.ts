/**
 * What the loss landscape draws from the two nets' landscapes: two contour maps of the training
 * loss (nats) over the (α, β) plane on one shared colour scale, the 1-D cut at the chosen β through
 * both, the loss along the line from the initial to the trained weights (t = 0…1), and the tables
 * behind them (the slice tables of R² cells only when a slice is complete or no run is under way).
 */
import { createContourMap } from '../../charts/contour-map';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { dashes, palette } from '../../charts/palette';
import type { Locale } from '../../lib/i18n/locales';
import { fill } from '../../lib/i18n/translate';
import { lossLandscapeStrings } from '../../lib/i18n/widgets/loss-landscape';
import { chanceLoss, datasetClasses } from '../../lib/ml/datasets';
import { linspace } from '../../lib/ml/landscape';
import type { LossLandscapeState } from '../../lib/state/schemas/loss-landscape';
import type { LandscapeResult } from '../../workers/landscape-job';
import { writeRows } from '../shared/metrics-table';
import { archs, type Arch } from './jobs';
import { cutRow, cutRows, lineRows, sliceHeader, sliceRows } from './rows';

/** The shared colour scale stops here (nats): beyond, a net is as wrong as it gets, and one blown-up map must not wash out the other. */
const lossCap = 30;

/** A net's landscape so far: `loss` is R × R (row-major, β rows), of which `filled` rows are computed. */
export type NetView = Omit<LandscapeResult, 'arch' | 'steps' | 'msPerStep' | 'grid'> & { resolution: number; span: number; loss: Float32Array; filled: number };
export const emptyView = (state: LossLandscapeState): NetView => ({ depth: state.depth, line: [], resolution: state.resolution, span: state.span, loss: new Float32Array(state.resolution ** 2), filled: 0 });
export const viewOf = (r: LandscapeResult): NetView => ({ ...r, resolution: r.grid!.resolution, span: r.grid!.span, loss: r.grid!.loss, filled: r.grid!.resolution });

/** What the tables show besides the nets: whether the numbers are recorded, a run is under way, and the roughness rows to list. */
export interface TableContext {
  recorded: boolean;
  running: boolean;
  roughness: string[][];
}

/** `empty`: what an empty line chart says (`chartEmptyText`). */
export function createLandscapeView(root: HTMLElement, { locale, empty, dataset }: { locale: Locale; empty: () => string; dataset: () => LossLandscapeState['dataset'] }) {
  const s = lossLandscapeStrings[locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const chance = () => ({ y: chanceLoss(dataset()), label: fill(s.chance, { c: datasetClasses(dataset()) }) });
  const maps = Object.fromEntries(archs.map((a) => [a, createContourMap(q(`[data-chart="map-${a}"]`), { title: s[`net.${a}`], xLabel: 'α', yLabel: 'β' })])) as Record<Arch, ReturnType<typeof createContourMap>>;
  const cutChart = createLineChart(q('[data-chart="cut"]'), { title: s.cutChart, xLabel: s.alphaAxis, yLabel: s.loss, yScale: 'log', reference: chance(), height: 260, empty });
  const lineChart = createLineChart(q('[data-chart="line"]'), { title: s.lineChart, xLabel: s.tAxis, yLabel: s.loss, yScale: 'log', reference: chance(), height: 260, empty });
  for (const [chart, name] of [[maps.plain, 'map-plain'], [maps.residual, 'map-residual'], [cutChart, 'cut'], [lineChart, 'line']] as const) chart.svg.dataset.chart = name;
  const sliceDrawn: Record<Arch, string> = { plain: '', residual: '' };
  const sliceSource: Record<Arch, Float32Array | undefined> = { plain: undefined, residual: undefined };

  function fillTable(name: string, rows: string[][], recorded: boolean, header?: string[]) {
    const table = q<HTMLTableElement>(`table[data-metrics="${name}"]`);
    if (header) table.tHead!.rows[0]!.replaceChildren(...header.map((h) => Object.assign(document.createElement('th'), { scope: 'col', textContent: h })));
    writeRows(table.tBodies[0]!, rows, { recorded });
  }

  /** Draws `views` with the cut at `cut` (0–1 of the β range). */
  function draw(views: Record<Arch, NetView>, cut: number, tables: TableContext) {
    const { resolution: R, span, depth } = views.plain;
    const row = cutRow(cut, R);
    const beta = linspace(-span, span, R)[row]!;
    // One colour scale for both maps: from the lowest loss either reached to the highest, capped.
    const seen = archs.flatMap((a) => Array.from(views[a].loss.subarray(0, views[a].filled * R)).filter(Number.isFinite));
    const domain: [number, number] = seen.length ? [Math.min(...seen), Math.min(lossCap, Math.max(...seen))] : [0.01, 10];
    for (const a of archs) {
      const v = views[a];
      q(`[data-map-title="${a}"]`).textContent = fill(s.mapTitle, { net: s[`net.${a}`], depth });
      maps[a].update({ values: v.loss, resolution: R, span, domain, cut: beta, filledRows: v.filled });
    }
    q('[data-cut-title]').textContent = fill(s.cutChart, { beta: Number(beta.toFixed(3)) });
    const alphas = linspace(-span, span, R);
    const series = (a: Arch, points: [number, number][]): LineSeries => ({ id: a, label: s[`net.${a}`], color: palette[a], dash: dashes[a], points });
    cutChart.setReference(chance());
    lineChart.setReference(chance());
    cutChart.update(archs.map((a) => series(a, row < views[a].filled ? alphas.map((x, j) => [x, views[a].loss[row * R + j]!] as [number, number]) : [])));
    lineChart.update(archs.map((a) => series(a, views[a].line.map((p) => [p.t, p.loss] as [number, number]))));

    const { recorded, running } = tables;
    fillTable('roughness', tables.roughness, recorded);
    fillTable('line', lineRows({ plain: views.plain.line, residual: views.residual.line }), recorded);
    fillTable('cut', cutRows({ plain: views.plain.loss, residual: views.residual.loss }, R, span, row, { plain: views.plain.filled, residual: views.residual.filled }).filter((r) => r[1] || r[2]), recorded);
    // The slice tables hold R² cells each: rebuilt when a net's slice is complete, not for every row.
    for (const a of archs) {
      const key = `${views[a].filled}|${R}|${span}|${recorded}`;
      if (!running || views[a].filled === R) {
        if (sliceDrawn[a] !== key || views[a].loss !== sliceSource[a]) fillTable(`slice-${a}`, sliceRows(views[a].loss, R, span, views[a].filled), recorded, [s['col.beta'], ...sliceHeader(R, span)]);
        sliceDrawn[a] = key;
        sliceSource[a] = views[a].loss;
      }
    }
  }

  return { draw };
}
