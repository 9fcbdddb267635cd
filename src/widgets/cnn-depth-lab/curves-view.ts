/**
 * The deep CNN lab's curves: the two Fig. 6-style panels (plain, residual: error in % against
 * iterations, thin = training, thick = test, one colour per depth), the depth chart (final errors
 * in % against layers), the `runs` and `curve` tables and the headline, all drawn from the runs on
 * screen (`runs.ts`). While runs stream in only the panels with a new point are redrawn.
 */
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { palette } from '../../charts/palette';
import { cnnDepthHeadline, cnnDepthLabStrings } from '../../lib/i18n/widgets/cnn-depth-lab';
import type { Locale } from '../../lib/i18n/locales';
import { fill } from '../../lib/i18n/translate';
import type { CifarArch } from '../../lib/ml/cifar-net';
import { tableRow } from '../shared/metrics-table';
import { archs } from './jobs';
import { curveCells, runCells } from './rows';
import { sortedRuns, type RunView, type Runs } from './runs';

/** Colours by depth (Okabe & Ito), the same in both panels. */
const depthColor: Record<number, string> = { 8: palette.sky, 14: palette.green, 20: palette.plain, 32: palette.purple, 44: palette.vermillion, 56: palette.residual };

/** A fraction as a point in % (the charts' y axis). */
const pct = (x: number, fraction: number) => [x, 100 * fraction] as [number, number];

/** `empty`: what an empty chart says (`chartEmptyText`). */
export function createCurvesView(root: HTMLElement, runs: Runs, options: { locale: Locale; empty: () => string }) {
  const { locale, empty } = options;
  const s = cnnDepthLabStrings[locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const panel = (arch: CifarArch) =>
    createLineChart(q(`[data-chart="${arch}"]`), { title: arch === 'plain' ? s.panelPlain : s.panelResidual, xLabel: s.iterations, yLabel: s.errorAxis, yDomain: [0, 100], height: 300, empty });
  const panels = { plain: panel('plain'), residual: panel('residual') };
  const depthChart = createLineChart(q('[data-chart="depth"]'), { title: s.depthChart, xLabel: s.layersAxis, yLabel: s.errorAxis, yDomain: [0, 100], height: 280, empty });
  for (const [el, name] of [[panels.plain.svg, 'plain'], [panels.residual.svg, 'residual'], [depthChart.svg, 'depth']] as const) el.dataset.chart = name;
  const runsBody = q<HTMLTableSectionElement>('table[data-metrics="runs"] tbody');
  const curveBody = q<HTMLTableSectionElement>('table[data-metrics="curve"] tbody');
  const headline = q<HTMLElement>('[data-headline]');

  /** The panel of one net (a new evaluation changes only its own panel). */
  function drawPanel(arch: CifarArch, list = sortedRuns(runs)) {
    const series: LineSeries[] = list
      .filter((r) => r.arch === arch && r.curve.length)
      .flatMap((r) => [
        { id: `${r.layers}-train`, label: fill(s['series.train'], { layers: r.layers }), color: depthColor[r.layers] ?? palette.plain, strokeWidth: 1, points: r.curve.map(([x, tr]) => pct(x, tr)) },
        { id: `${r.layers}-test`, label: fill(s['series.test'], { layers: r.layers }), color: depthColor[r.layers] ?? palette.plain, strokeWidth: 3, points: r.curve.map(([x, , te]) => pct(x, te)) },
      ]);
    panels[arch].update(series);
  }

  function drawDepthChart(finished: RunView[]) {
    depthChart.update(
      archs.flatMap((arch): LineSeries[] => {
        const mine = finished.filter((r) => r.arch === arch);
        if (!mine.length) return [];
        const dash = arch === 'plain' ? '6 3' : '';
        return [
          { id: `${arch}-train`, label: fill(s['series.depthTrain'], { arch: s[arch] }), color: palette[arch], dash, strokeWidth: 1, markers: true, points: mine.map((r) => pct(r.layers, r.trainError!)) },
          { id: `${arch}-test`, label: fill(s['series.depthTest'], { arch: s[arch] }), color: palette[arch], dash, strokeWidth: 3, markers: true, points: mine.map((r) => pct(r.layers, r.testError!)) },
        ];
      }),
    );
  }

  /** Everything: both panels, the depth chart, the tables and the headline. */
  function draw() {
    const list = sortedRuns(runs);
    for (const arch of archs) drawPanel(arch, list);
    const finished = list.filter((r) => r.trainError !== undefined);
    drawDepthChart(finished);
    runsBody.replaceChildren(...finished.map((r) => tableRow(runCells({ ...r, trainError: r.trainError!, testError: r.testError! }), { recorded: r.recorded })));
    curveBody.replaceChildren(...list.flatMap((r) => r.curve.map((p) => tableRow(curveCells(r.arch, r.layers, p), { recorded: r.recorded }))));
    headline.textContent = cnnDepthHeadline(locale, finished);
  }

  /** Panels with a new point since the last frame; `all` once a run finished (tables, depth chart, headline change too). */
  const dirty = new Set<CifarArch>();
  let all = false;
  return {
    draw,
    /** A run of `arch` has a new point. */
    pointAdded: (arch: CifarArch) => dirty.add(arch),
    /** A run finished (or ended): the next `drawChanged` draws everything. */
    runEnded: () => (all = true),
    /** The live redraw, once per frame: only the panels that changed until a run ends. */
    drawChanged() {
      if (all) draw();
      else for (const a of dirty) drawPanel(a);
      dirty.clear();
      all = false;
    },
  };
}
