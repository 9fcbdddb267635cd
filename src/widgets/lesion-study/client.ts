/**
 * `lesion-study` in the browser: wiring of the shared runtime (state ↔ controls ↔ link) and a
 * training session of two workers (plain and residual at once) to the strips, maps, charts and
 * tables. Before any click — and whenever the settings are the recorded ones — it shows the
 * recording the page carries; a live run shows each phase as it arrives.
 */
import { createBoundaryMap } from '../../charts/boundary-map';
import { createColumnChart } from '../../charts/column-chart';
import { createLineChart } from '../../charts/line-chart';
import { dashes, palette } from '../../charts/palette';
import { createRangeChart } from '../../charts/range-chart';
import { lesionStudyStrings } from '../../lib/i18n/widgets/lesion-study';
import { fill } from '../../lib/i18n/translate';
import { datasetClasses, makeDataset } from '../../lib/ml/datasets';
import { pathCounts } from '../../lib/ml/lesion';
import { lesionStudySchema, type LesionStudyState } from '../../lib/state/schemas/lesion-study';
import type { LesionJob, LesionProgress, LesionResult } from '../../workers/lesion-job';
import { writeRows } from '../shared/metrics-table';
import { chartEmptyText } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
import { mountWidget } from '../shared/widget-runtime';
import { archs, jobsFor, resultKeys, type Arch } from './jobs';
import { replayNet, loadRecording } from './recording';
import { lesionCells, netCells, pathCells, singleCells } from './rows';
import { createStrips } from './strip';

/** A net's results so far (a live run fills them in phase by phase). */
type NetView = Omit<LesionResult, 'arch' | 'blocks' | 'steps' | 'msPerStep'>;
const emptyView = (depth: number): NetView => ({ depth, single: [], curve: [] });

export function start(root: HTMLElement) {
  const rt = mountWidget(root, lesionStudySchema);
  const s = lesionStudyStrings[rt.locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  // On a phone a narrower viewBox keeps the axis labels readable (the SVG scales to its box).
  const width = root.clientWidth < 520 ? 380 : 560;
  // Line charts lay themselves out for their box's width; while empty they say what to do.
  const empty = chartEmptyText(rt);
  // The recording comes with this script's chunk (loaded when the widget mounts), not in the page's HTML.
  const rec = loadRecording();
  const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
  const n = () => rt.state.depth / 2;
  const chance = () => 1 / datasetClasses(rt.state.dataset);

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
    onPick: (b) => rt.set({ block: rt.state.block === b ? 0 : b }),
  });
  const blockInput = q<HTMLInputElement>('input[data-field="block"]');
  const recordedNote = q<HTMLElement>('[data-recorded-note]');
  const tableBody = (name: string) => q<HTMLTableSectionElement>(`table[data-metrics="${name}"] tbody`);

  let views: Record<Arch, NetView> = { plain: emptyView(rt.state.depth), residual: emptyView(rt.state.depth) };
  let recorded = false;
  const drawnGrid: Record<Arch, unknown> = { plain: null, residual: null };

  let pointsOf: { key: string; x: Float32Array; y: Int32Array } | undefined;
  const points = () => {
    const key = `${rt.state.dataset}|${rt.state.seed}`;
    if (pointsOf?.key !== key) {
      const d = makeDataset(rt.state.dataset, { n: 1000, seed: rt.state.seed });
      pointsOf = { key, x: d.x, y: d.y };
    }
    return pointsOf;
  };

  const fillTable = (name: string, rows: string[][]) => writeRows(tableBody(name), rows, { recorded });

  function draw() {
    // The nets shown may be of another depth than the slider while a run is under way.
    const blocks = views.plain.depth / 2;
    const block = Math.min(rt.state.block, blocks);
    const kept = Object.fromEntries(archs.map((a) => [a, Array.from({ length: blocks }, (_, b) => views[a].single.find((x) => x.block === b)?.accuracy)])) as Record<Arch, (number | undefined)[]>;
    strips.update(blocks, block, kept, chance());
    for (const a of archs) {
      const v = views[a];
      const grid = block ? v.single.find((x) => x.block === block - 1)?.grid : v.intactGrid;
      // A map is redrawn only when what it shows changes (progress arrives many times a second).
      if (grid !== drawnGrid[a]) {
        maps[a].update(grid && { probs: grid.probabilities, resolution: grid.resolution, classes: grid.classes, extent: grid.extent, points: points() });
        drawnGrid[a] = grid;
      }
      const what = block ? fill(s.deletedBlock, { b: block }) : s.intact;
      q(`[data-map-title="${a}"]`).textContent = fill(s.mapTitle, { net: s[`net.${a}`], what });
      const acc = block ? kept[a][block - 1] : v.testAccuracy;
      q(`[data-map-stats="${a}"]`).textContent = acc === undefined || v.testAccuracy === undefined ? '' : fill(s.mapStats, { acc: pct(acc), intact: pct(v.testAccuracy) });
    }
    const reference = { y: chance(), label: fill(s.chance, { c: datasetClasses(rt.state.dataset) }) };
    singleChart.setReference(reference);
    singleChart.update(archs.map((a) => ({ id: a, label: s[`net.${a}`], color: palette[a], dash: dashes[a], markers: true, points: views[a].single.map((x) => [x.block + 1, x.accuracy] as [number, number]) })));
    curveChart.update(archs.map((a) => ({ id: a, label: s[`net.${a}`], color: palette[a], dash: dashes[a], points: views[a].curve.map((p) => ({ x: p.k, mean: p.mean, min: p.min, max: p.max })) })));

    const res = views.residual;
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

    fillTable('nets', archs.filter((a) => views[a].testAccuracy !== undefined).map((a) => netCells({ arch: a, depth: views[a].depth, trainAccuracy: views[a].trainAccuracy, testAccuracy: views[a].testAccuracy })));
    fillTable('single', Array.from({ length: blocks }, (_, b) => ({ b, plain: kept.plain[b], residual: kept.residual[b] })).filter((r) => r.plain !== undefined || r.residual !== undefined).map((r) => singleCells(r.b, { plain: r.plain, residual: r.residual })));
    fillTable('lesion', archs.flatMap((a) => views[a].curve.map((p) => lesionCells(a, p))));
    fillTable('paths', paths.map((p) => pathCells(p, paths, res.effective)));
  }

  const matchesRecording = () => !!rec && resultKeys.every((k) => JSON.stringify(rec.state[k]) === JSON.stringify(rt.state[k]));
  /** The recording (when `match`) or empty views, and the note saying which. */
  function show(match: boolean) {
    recorded = match;
    recordedNote.textContent = recorded ? s.recorded : s.notRecorded;
    recordedNote.hidden = false;
    views = recorded ? { plain: replayNet(rec!, 'plain'), residual: replayNet(rec!, 'residual') } : { plain: emptyView(rt.state.depth), residual: emptyView(rt.state.depth) };
    draw();
    return match;
  }
  const session = createTrainingSession<LesionJob, LesionProgress, LesionResult>(rt, {
    worker: () => new Worker(new URL('../../workers/lesion.worker.ts', import.meta.url), { type: 'module' }),
    draw,
    recorded: () => show(matchesRecording()),
    clear: () => show(false),
  });

  session.onTrain(async () => {
    const state: LesionStudyState = { ...rt.state };
    recorded = false;
    recordedNote.hidden = true;
    views = { plain: emptyView(state.depth), residual: emptyView(state.depth) };
    draw();
    await session.jobs(jobsFor(state), {
      progress: { kind: 'phases', position: (p) => p, text: (latest) => latest.map((p) => fill(s.phase, { net: s[`net.${p.arch}`], phase: s[`phase.${p.phase}`] })).join(' · ') },
      onProgress: (p) => {
        const v = views[p.arch];
        if (p.phase === 'intact') Object.assign(v, { trainAccuracy: p.trainAccuracy, testAccuracy: p.testAccuracy, intactGrid: p.grid });
        else if (p.phase === 'single') v.single.push(p.lesion);
        else if (p.phase === 'subsets') v.curve.push(p.point);
        else if (p.phase === 'paths') v.paths = p.lengths;
      },
      diverged: (r) => (r.diverged ? fill(s.diverged, { net: s[`net.${r.arch}`], step: r.diverged.atStep }) : undefined),
      onResult: (r) => {
        if (!r.diverged) views[r.arch] = r;
      },
    });
  });

  /** Keeps `block` within the net's n blocks (the link may ask for more); says so when it was the link. */
  function clampBlock(fromLink: boolean) {
    blockInput.max = String(n());
    if (rt.state.block <= n()) return;
    if (fromLink) {
      const notice = q<HTMLElement>('[data-notice="url"]');
      notice.textContent = [notice.hidden ? '' : notice.textContent, fill(s.blockClamped, { asked: rt.state.block, depth: rt.state.depth, n: n() })].filter(Boolean).join(' ');
      notice.hidden = false;
    }
    rt.set({ block: n() });
  }

  rt.onChange((_state, changed) => {
    if (changed.includes('depth')) clampBlock(false);
    if (session.running) {
      if (changed.includes('block')) session.schedule();
      return;
    }
    if (changed.some((k) => (resultKeys as readonly string[]).includes(k))) session.show();
    else session.schedule();
  });

  clampBlock(true);
  session.show();
  rt.setStatus('idle');
}
