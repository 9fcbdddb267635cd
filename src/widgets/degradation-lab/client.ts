/**
 * `degradation-lab` in the browser: state ↔ controls ↔ link (the shared runtime), training in a
 * session of two workers (plain and residual concurrently), and the charts and tables.
 */
import { createBoundaryMap } from '../../charts/boundary-map';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { dashes, palette } from '../../charts/palette';
import { degradationHeadline, degradationLabStrings, type HeadlineRun } from '../../lib/i18n/widgets/degradation-lab';
import { fill } from '../../lib/i18n/translate';
import { chanceLoss, datasetClasses, makeDataset } from '../../lib/ml/datasets';
import { degradationLabSchema } from '../../lib/state/schemas/degradation-lab';
import type { DegradationJob, DegradationProgress, DegradationResult } from '../../workers/degradation-job';
import { inSteps, yieldToMain } from '../shared/lazy-mount';
import { tableRow, writeRows } from '../shared/metrics-table';
import { chartEmptyText, endTogether } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
import { mountWidget } from '../shared/widget-runtime';
import { emitGradNorms } from './grad-norms-event';
import { archs, jobsFor, smooth, stepCost, type Arch } from './jobs';
import { loadRecording, matchesRecording, recordedEvals } from './recording';
import { curveRows, runCells, sweepRows } from './rows';

export type { GradNormsEventDetail } from './grad-norms-event';
type Evals = Record<Arch, { step: number; loss: number; accuracy: number }[]>;

/** Mounts the widget; yields between building it and drawing its first figures (see lazyMount). */
export async function start(root: HTMLElement) {
  const rt = mountWidget(root, degradationLabSchema);
  const s = degradationLabStrings[rt.locale];
  const rec = loadRecording();
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;

  // Charts (an empty one says what to do instead of showing made-up axes)
  const empty = chartEmptyText(rt);
  const chance = () => ({ y: chanceLoss(rt.state.dataset), label: fill(s.chance, { c: datasetClasses(rt.state.dataset) }) });
  const lossChart = createLineChart(q('[data-chart="loss"]'), { title: s.lossChart, xLabel: s.step, yLabel: s.loss, yScale: 'log', reference: chance(), height: 240, empty });
  const accChart = createLineChart(q('[data-chart="accuracy"]'), { title: s.accChart, xLabel: s.step, yLabel: s.accuracy, yDomain: [0, 1], height: 220, empty });
  const sweepChart = createLineChart(q('[data-chart="sweep"]'), { title: s.sweepChart, xLabel: s.depthAxis, yLabel: s.loss, xScale: 'log2', yScale: 'log', reference: chance(), empty });
  const boundary = { plain: createBoundaryMap(q('[data-chart="boundary-plain"]'), { title: s.boundaryPlain, empty }), residual: createBoundaryMap(q('[data-chart="boundary-residual"]'), { title: s.boundaryResidual, empty }) };
  for (const [el, name] of [[lossChart.svg, 'loss'], [accChart.svg, 'accuracy'], [sweepChart.svg, 'sweep'], [boundary.plain.svg, 'boundary-plain'], [boundary.residual.svg, 'boundary-residual']] as const) el.dataset.chart = name;
  const body = (name: string) => q<HTMLTableSectionElement>(`table[data-metrics="${name}"] tbody`);
  const recordedNote = q<HTMLElement>('[data-recorded-note]');

  // What is on screen: each net's smoothed losses and evaluations, the sweep's and the finished one-depth runs (for the headline).
  let losses: Record<Arch, [number, number][]> = { plain: [], residual: [] };
  let evals: Evals = { plain: [], residual: [] };
  let sweepResults: HeadlineRun[] = [];
  let singleRuns: HeadlineRun[] = [];
  const shown = () => archs.filter((a) => rt.state.arch.includes(a));
  const showHeadline = () => (q('[data-headline]').textContent = degradationHeadline(rt.locale, rt.state.mode, (rt.state.mode === 'sweep' ? sweepResults : singleRuns).filter((r) => rt.state.arch.includes(r.arch))));
  const series = (a: Arch, points: [number, number][], markers = false): LineSeries => ({ id: a, label: s[a], color: palette[a], dash: dashes[a], points, markers });
  const points = () => {
    const d = makeDataset(rt.state.dataset, { n: 1000, seed: rt.state.seed });
    return { x: d.x, y: d.y };
  };
  const drawMap = (a: Arch, g: Omit<NonNullable<DegradationResult['grid']>, 'probabilities'> & { probabilities: Float32Array | number[] } | undefined) =>
    boundary[a].update(g && { probs: g.probabilities, resolution: g.resolution, classes: g.classes, extent: g.extent, points: points() });

  function drawCurves() {
    lossChart.update(shown().map((a) => series(a, losses[a])));
    accChart.update(shown().map((a) => series(a, evals[a].map((e) => [e.step, e.accuracy] as [number, number]), true)));
    writeRows(body('curve'), curveRows(evals, shown()));
    showHeadline();
  }
  function drawSweep() {
    sweepChart.update(shown().map((a) => series(a, sweepResults.filter((r) => r.arch === a && r.finalLoss !== undefined).map((r) => [r.depth, r.finalLoss!] as [number, number]).sort((x, y) => x[0] - y[0]), true)));
    writeRows(body('sweep'), sweepRows(sweepResults));
    showHeadline();
  }
  function clearView() {
    singleRuns = [];
    losses = { plain: [], residual: [] };
    evals = { plain: [], residual: [] };
    drawCurves();
    for (const a of archs) drawMap(a, undefined);
  }

  /** The recorded default run as drawing steps (curves, each map, the sweep) when the settings are the recorded ones. */
  function recordingSteps(): (() => void)[] | undefined {
    const match = matchesRecording(rt.state, rec);
    recordedNote.hidden = !match;
    if (!match) return undefined;
    losses = { plain: rec.lossSeries.plain, residual: rec.lossSeries.residual };
    singleRuns = rec.runs;
    evals = recordedEvals(rec);
    return [
      drawCurves,
      ...archs.map((a) => () => {
        drawMap(a, rt.state.arch.includes(a) ? rec.grids[a] : undefined);
        rec.gradNorms[a].forEach((g, i) => emitGradNorms(root, { arch: a, depth: rec.runs[0]?.depth ?? rt.state.depth, step: g.step, norms: g.norms, source: 'recorded', reset: i === 0 }));
      }),
      () => {
        sweepResults = matchesRecording(rt.state, rec, ['width', 'bn', 'optimizer', 'lr', 'steps', 'seed', 'dataset']) ? rec.sweep : [];
        drawSweep();
      },
    ];
  }

  const session = createTrainingSession<DegradationJob, DegradationProgress, DegradationResult>(rt, {
    worker: () => new Worker(new URL('../../workers/degradation.worker.ts', import.meta.url), { type: 'module' }),
    draw: drawCurves,
    recorded: () => {
      const steps = recordingSteps();
      steps?.forEach((step) => step());
      return !!steps;
    },
    clear: clearView,
  });

  session.onTrain(async () => {
    const sweep = rt.state.mode === 'sweep';
    recordedNote.hidden = true;
    for (const name of ['runs', 'curve']) body(name).querySelectorAll('tr[data-recorded]').forEach((r) => r.remove());
    const jobs = jobsFor(rt.state);
    if (sweep) {
      sweepResults = [];
      drawSweep();
    } else clearView();
    const ema: Record<Arch, number | undefined> = { plain: undefined, residual: undefined };
    let finished = 0;
    await session.jobs(jobs, {
      // The bar fills by work: a sweep's deep runs cost more per step than its shallow ones.
      progress: { kind: 'steps', work: (j) => ({ steps: j.steps, cost: stepCost(j) }), step: (p) => p.step, finished: (r) => r.steps, head: () => (sweep ? fill(s.sweepProgress, { i: Math.min(finished + 1, jobs.length), n: jobs.length }) + ' · ' : '') },
      hasLoss: (p) => !sweep && p.losses.length > 0,
      redraw: !sweep,
      onEnd: () => finished++,
      onProgress: (p) => {
        if (sweep) return;
        let step = p.step - p.losses.length + 1;
        for (const l of p.losses) losses[p.arch].push([step++, (ema[p.arch] = smooth(ema[p.arch], l))]);
        if (p.evaluation) evals[p.arch].push(p.evaluation);
        if (p.gradNorms) emitGradNorms(root, { arch: p.arch, depth: p.depth, step: p.gradNorms.step, norms: p.gradNorms.norms, source: 'live', reset: p.gradNorms.step === 0 });
      },
      diverged: (r) => (r.diverged ? fill(s.diverged, { arch: s[r.arch], step: r.diverged.atStep }) : undefined),
      onResult: (r) => {
        if (sweep) sweepResults.push(r);
        if (r.diverged || r.finalLoss === undefined || r.finalAccuracy === undefined) return;
        if (!sweep) singleRuns.push(r);
        body('runs').append(tableRow(runCells({ ...r, finalLoss: r.finalLoss, finalAccuracy: r.finalAccuracy })));
        if (sweep) drawSweep();
        else if (r.grid) drawMap(r.arch, r.grid);
        showHeadline();
      },
    });
    if (session.stopped && !sweep) {
      // Stopped: both nets' curves end at the last step both reached.
      const end = endTogether(archs.map((a) => losses[a]), (p) => p[0]);
      for (const a of archs) evals[a] = evals[a].filter((e) => end === undefined || e.step <= end);
      endTogether(archs.map((a) => evals[a]), (e) => e.step);
    }
  });

  rt.onChange((_state, changed) => {
    if (changed.includes('mode')) setMode();
    if (changed.includes('dataset')) for (const chart of [lossChart, sweepChart]) chart.setReference(chance());
    if (session.running) return;
    if (changed.some((k) => k !== 'mode' && k !== 'arch')) {
      if (!session.show() && changed.some((k) => k !== 'depth')) {
        sweepResults = [];
        drawSweep();
      }
    } else {
      drawCurves();
      drawSweep();
    }
  });
  function setMode() {
    const sweep = rt.state.mode === 'sweep';
    q<HTMLElement>('[data-single]').hidden = sweep;
    q<HTMLElement>('[data-single-maps]').hidden = sweep;
    q<HTMLElement>('[data-sweep]').hidden = !sweep;
  }

  setMode();
  await yieldToMain();
  const steps = recordingSteps();
  if (steps) await inSteps(steps);
  else clearView();
  rt.setStatus('idle');
}
