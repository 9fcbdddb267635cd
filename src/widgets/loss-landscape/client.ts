/**
 * `loss-landscape` in the browser: wiring of the shared runtime (state ↔ controls ↔ link) and a
 * training session of two workers (plain and residual at once) to two contour maps on one colour
 * scale, a movable 1-D cut through both, the line from the initial weights, and the tables. The
 * recorded depths are shown straight from the recording the page carries; a live run fills the
 * maps in row by row.
 */
import { createContourMap } from '../../charts/contour-map';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { dashes, palette } from '../../charts/palette';
import { fill } from '../../lib/i18n/translate';
import { lossLandscapeStrings } from '../../lib/i18n/widgets/loss-landscape';
import { chanceLoss, datasetClasses } from '../../lib/ml/datasets';
import { linspace } from '../../lib/ml/landscape';
import { lossLandscapeSchema, type LossLandscapeState } from '../../lib/state/schemas/loss-landscape';
import type { LandscapeJob, LandscapeProgress, LandscapeResult } from '../../workers/landscape-job';
import { writeRows } from '../shared/metrics-table';
import { chartEmptyText } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
import { mountWidget } from '../shared/widget-runtime';
import { archs, jobsFor, lanczosSteps, resultKeys, type Arch } from './jobs';
import { recordedEntry, replayNet, loadRecording } from './recording';
import { cutRow, cutRows, lineRows, roughnessCells, sliceHeader, sliceRows } from './rows';

/** The shared colour scale stops here (nats): beyond, a net is as wrong as it gets, and one blown-up map must not wash out the other. */
const lossCap = 30;

/** A net's landscape so far; `filled` counts the slice's rows computed. */
type NetView = Omit<LandscapeResult, 'arch' | 'steps' | 'msPerStep' | 'grid'> & { resolution: number; span: number; loss: Float32Array; filled: number };
const emptyView = (state: LossLandscapeState): NetView => ({ depth: state.depth, line: [], resolution: state.resolution, span: state.span, loss: new Float32Array(state.resolution ** 2), filled: 0 });
const viewOf = (r: LandscapeResult): NetView => ({ ...r, resolution: r.grid!.resolution, span: r.grid!.span, loss: r.grid!.loss, filled: r.grid!.resolution });

export function start(root: HTMLElement) {
  const rt = mountWidget(root, lossLandscapeSchema, { format: (key, value) => (key === 'cut' ? Number(value).toFixed(2) : String(value)) });
  const s = lossLandscapeStrings[rt.locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  // On a phone a narrower viewBox keeps the axis labels readable (the SVG scales to its box).
  // Line charts lay themselves out for their box's width; while empty they say what to do.
  const empty = chartEmptyText(rt);
  // The recording comes with this script's chunk (loaded when the widget mounts), not in the page's HTML.
  const rec = loadRecording();

  const maps = Object.fromEntries(archs.map((a) => [a, createContourMap(q(`[data-chart="map-${a}"]`), { title: s[`net.${a}`], xLabel: 'α', yLabel: 'β' })])) as Record<Arch, ReturnType<typeof createContourMap>>;
  const chance = () => ({ y: chanceLoss(rt.state.dataset), label: fill(s.chance, { c: datasetClasses(rt.state.dataset) }) });
  const cutChart = createLineChart(q('[data-chart="cut"]'), { title: s.cutChart, xLabel: s.alphaAxis, yLabel: s.loss, yScale: 'log', reference: chance(), height: 260, empty });
  const lineChart = createLineChart(q('[data-chart="line"]'), { title: s.lineChart, xLabel: s.tAxis, yLabel: s.loss, yScale: 'log', reference: chance(), height: 260, empty });
  for (const [chart, name] of [[maps.plain, 'map-plain'], [maps.residual, 'map-residual'], [cutChart, 'cut'], [lineChart, 'line']] as const) chart.svg.dataset.chart = name;
  const recordedNote = q<HTMLElement>('[data-recorded-note]');

  let views: Record<Arch, NetView> = { plain: emptyView(rt.state), residual: emptyView(rt.state) };
  let recorded = false;
  /** The roughness rows of every live run so far (run by run, plain first), so depths can be compared. */
  const history: { run: number; arch: Arch; cells: string[] }[] = [];
  let runs = 0;

  function fillTable(name: string, rows: string[][], header?: string[]) {
    const table = q<HTMLTableElement>(`table[data-metrics="${name}"]`);
    if (header) table.tHead!.rows[0]!.replaceChildren(...header.map((h) => Object.assign(document.createElement('th'), { scope: 'col', textContent: h })));
    writeRows(table.tBodies[0]!, rows, { recorded });
  }

  function draw() {
    const { resolution: R, span, depth } = views.plain;
    const row = cutRow(rt.state.cut, R);
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

    const current = archs.filter((a) => views[a].roughness || views[a].curvature).map((a) => roughnessCells({ ...views[a], arch: a }));
    const past = [...history].sort((a, b) => a.run - b.run || archs.indexOf(a.arch) - archs.indexOf(b.arch)).map((h) => h.cells);
    fillTable('roughness', recorded ? current : past);
    fillTable('line', lineRows({ plain: views.plain.line, residual: views.residual.line }));
    fillTable('cut', cutRows({ plain: views.plain.loss, residual: views.residual.loss }, R, span, row, { plain: views.plain.filled, residual: views.residual.filled }).filter((r) => r[1] || r[2]));
    // The slice tables hold R² cells each: rebuilt when a net's slice is complete, not for every row.
    for (const a of archs) {
      const key = `${views[a].filled}|${R}|${span}|${recorded}`;
      if (!session.running || views[a].filled === R) {
        if (sliceDrawn[a] !== key || views[a].loss !== sliceSource[a]) fillTable(`slice-${a}`, sliceRows(views[a].loss, R, span, views[a].filled), [s['col.beta'], ...sliceHeader(R, span)]);
        sliceDrawn[a] = key;
        sliceSource[a] = views[a].loss;
      }
    }
  }
  const sliceDrawn: Record<Arch, string> = { plain: '', residual: '' };
  const sliceSource: Record<Arch, Float32Array | undefined> = { plain: undefined, residual: undefined };

  /** The recorded depth shown (when the settings are recorded ones) or empty maps, and the note saying which. */
  function show(entry: ReturnType<typeof recordedEntry> | undefined) {
    recorded = !!entry;
    recordedNote.textContent = recorded ? s.recorded : s.notRecorded;
    recordedNote.hidden = false;
    views = entry ? { plain: viewOf(replayNet(rec!, entry, 'plain')), residual: viewOf(replayNet(rec!, entry, 'residual')) } : { plain: emptyView(rt.state), residual: emptyView(rt.state) };
    draw();
    return recorded;
  }
  const session = createTrainingSession<LandscapeJob, LandscapeProgress, LandscapeResult>(rt, {
    worker: () => new Worker(new URL('../../workers/landscape.worker.ts', import.meta.url), { type: 'module' }),
    draw,
    recorded: () => show(recordedEntry(rec, rt.state as unknown as Record<string, unknown>, resultKeys)),
    clear: () => show(undefined),
  });

  session.onTrain(async () => {
    const state: LossLandscapeState = { ...rt.state };
    const run = ++runs;
    recorded = false;
    recordedNote.hidden = true;
    views = { plain: emptyView(state), residual: emptyView(state) };
    draw();
    const phaseText = (p: LandscapeProgress) => {
      const phase =
        p.phase === 'row' ? fill(s['phase.row'], { row: p.row + 1, rows: state.resolution }) : p.phase === 'hessian' ? fill(s['phase.hessian'], { i: p.products, n: lanczosSteps }) : p.phase === 'train' ? s['phase.train'] : s['phase.line'];
      return fill(s.phase, { net: s[`net.${p.arch}`], phase });
    };
    await session.jobs(jobsFor(state), {
      progress: { kind: 'phases', position: (p) => (p.phase === 'curvature' ? undefined : p), text: (latest) => latest.map(phaseText).join(' · ') },
      onProgress: (p) => {
        const v = views[p.arch];
        if (p.phase === 'line') v.line.push(...p.points);
        else if (p.phase === 'row') {
          v.loss.set(p.losses, p.row * v.resolution);
          v.filled = p.row + 1;
        } else if (p.phase === 'curvature') v.curvature = p.curvature;
      },
      diverged: (r) => (r.diverged ? fill(s.diverged, { net: s[`net.${r.arch}`], step: r.diverged.atStep }) : undefined),
      onResult: (r) => {
        if (r.diverged) return;
        views[r.arch] = viewOf(r);
        history.push({ run, arch: r.arch, cells: roughnessCells(r) });
      },
    });
  });

  rt.onChange((_state, changed) => {
    if (session.running || !changed.some((k) => (resultKeys as readonly string[]).includes(k))) session.schedule();
    else session.show();
  });

  session.show();
  rt.setStatus('idle');
}
