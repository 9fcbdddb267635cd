/**
 * What the degradation lab draws: the smoothed training loss (log scale, with the data set's chance
 * level ln C) and the held-out accuracy (0–1) of the plain and residual net against steps, the
 * depth sweep (final loss against depth, log₂ axis), the two decision maps, the headline, and the
 * tables behind them (`curve`, `sweep`, `runs`).
 */
import { createBoundaryMap } from '../../charts/boundary-map';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { dashes, palette } from '../../charts/palette';
import type { Locale } from '../../lib/i18n/locales';
import { fill } from '../../lib/i18n/translate';
import { degradationHeadline, degradationLabStrings, type HeadlineRun } from '../../lib/i18n/widgets/degradation-lab';
import { chanceLoss, datasetClasses, makeDataset } from '../../lib/ml/datasets';
import type { DegradationLabState } from '../../lib/state/schemas/degradation-lab';
import type { DegradationResult } from '../../workers/degradation-job';
import { tableRow, writeRows } from '../shared/metrics-table';
import { createStepCharts } from '../shared/step-charts';
import { archs, type Arch } from './jobs';
import { curveRows, runCells, sweepRows } from './rows';

/** Per net: smoothed losses as [step, loss] pairs, and the evaluations (loss in nats, accuracy 0–1). */
export interface Curves {
  losses: Record<Arch, [number, number][]>;
  evals: Record<Arch, { step: number; loss: number; accuracy: number }[]>;
}

/** A decision map: class probabilities on a resolution² grid over `extent`. */
export type MapGrid = Omit<NonNullable<DegradationResult['grid']>, 'probabilities'> & { probabilities: Float32Array | number[] };

/** `state()` is read at every draw (nets shown, data set, mode); `empty` is what an empty chart says. */
export function createDegradationView(root: HTMLElement, { locale, empty, state }: { locale: Locale; empty: () => string; state: () => DegradationLabState }) {
  const s = degradationLabStrings[locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const chance = () => ({ y: chanceLoss(state().dataset), label: fill(s.chance, { c: datasetClasses(state().dataset) }) });
  const { lossChart, accChart } = createStepCharts(root, { strings: s, heights: [240, 220], empty, reference: chance() });
  const sweepChart = createLineChart(q('[data-chart="sweep"]'), { title: s.sweepChart, xLabel: s.depthAxis, yLabel: s.loss, xScale: 'log2', yScale: 'log', reference: chance(), empty });
  const boundary = { plain: createBoundaryMap(q('[data-chart="boundary-plain"]'), { title: s.boundaryPlain, empty }), residual: createBoundaryMap(q('[data-chart="boundary-residual"]'), { title: s.boundaryResidual, empty }) };
  for (const [el, name] of [[sweepChart.svg, 'sweep'], [boundary.plain.svg, 'boundary-plain'], [boundary.residual.svg, 'boundary-residual']] as const) el.dataset.chart = name;
  const body = (name: string) => q<HTMLTableSectionElement>(`table[data-metrics="${name}"] tbody`);

  const shown = () => archs.filter((a) => state().arch.includes(a));
  const series = (a: Arch, points: [number, number][], markers = false): LineSeries => ({ id: a, label: s[a], color: palette[a], dash: dashes[a], points, markers });
  const points = () => {
    const d = makeDataset(state().dataset, { n: 1000, seed: state().seed });
    return { x: d.x, y: d.y };
  };

  return {
    /** The headline from the sweep's runs or the one-depth runs, whichever the mode shows. */
    headline(sweep: HeadlineRun[], single: HeadlineRun[]) {
      const st = state();
      q('[data-headline]').textContent = degradationHeadline(locale, st.mode, (st.mode === 'sweep' ? sweep : single).filter((r) => st.arch.includes(r.arch)));
    },
    /** Both curve charts and the `curve` table, for the nets shown. */
    curves({ losses, evals }: Curves) {
      lossChart.update(shown().map((a) => series(a, losses[a])));
      accChart.update(shown().map((a) => series(a, evals[a].map((e) => [e.step, e.accuracy] as [number, number]), true)));
      writeRows(body('curve'), curveRows(evals, shown()));
    },
    /** The sweep chart (final loss by depth, finished runs only) and the `sweep` table. */
    sweep(results: HeadlineRun[]) {
      sweepChart.update(shown().map((a) => series(a, results.filter((r) => r.arch === a && r.finalLoss !== undefined).map((r) => [r.depth, r.finalLoss!] as [number, number]).sort((x, y) => x[0] - y[0]), true)));
      writeRows(body('sweep'), sweepRows(results));
    },
    /** One net's decision map (none: an empty map). */
    map: (a: Arch, g: MapGrid | undefined) => boundary[a].update(g && { probs: g.probabilities, resolution: g.resolution, classes: g.classes, extent: g.extent, points: points() }),
    /** The chance lines follow the data set. */
    setChance() {
      for (const chart of [lossChart, sweepChart]) chart.setReference(chance());
    },
    /** A finished run at the end of the `runs` table. */
    addRun: (r: Parameters<typeof runCells>[0]) => body('runs').append(tableRow(runCells(r))),
    /** Drops the recorded rows of the `runs` and `curve` tables (a live run starts). */
    dropRecordedRows() {
      for (const name of ['runs', 'curve']) body(name).querySelectorAll('tr[data-recorded]').forEach((r) => r.remove());
    },
    /** Shows the controls and charts of one mode (one depth, or the sweep). */
    setMode(mode: DegradationLabState['mode']) {
      q<HTMLElement>('[data-single]').hidden = mode === 'sweep';
      q<HTMLElement>('[data-single-maps]').hidden = mode === 'sweep';
      q<HTMLElement>('[data-sweep]').hidden = mode !== 'sweep';
    },
  };
}
