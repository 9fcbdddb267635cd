/**
 * `boundary-lab` in the browser: state ↔ controls ↔ link (the shared runtime), the three learners
 * trained in a session of two workers, their decision maps (updated live from coarse grids), the
 * loss and accuracy curves, and the tables. Before any click it shows the recorded default runs.
 */
import { createBoundaryMap } from '../../charts/boundary-map';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { palette } from '../../charts/palette';
import { boundaryHeadline, boundaryLabStrings } from '../../lib/i18n/widgets/boundary-lab';
import { fill } from '../../lib/i18n/translate';
import { fixed, percent } from '../../lib/i18n/number-format';
import { chanceLoss, makeDataset } from '../../lib/ml/datasets';
import { boundaryLabSchema } from '../../lib/state/schemas/boundary-lab';
import type { BoundaryGrid, BoundaryJob, BoundaryProgress, BoundaryResult } from '../../workers/boundary-job';
import { inSteps, yieldToMain } from '../shared/lazy-mount';
import { tableRow, writeRows } from '../shared/metrics-table';
import { chartEmptyText, endTogether } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
import { mountWidget } from '../shared/widget-runtime';
import { jobsFor, learnerKinds, pointCount, smooth, type LearnerKind } from './jobs';
import { decodeGrid, loadBoundaryRecording, recordedRuns } from './recording';
import { curveRows, learnerCells, mapTitle } from './rows';

const colors: Record<LearnerKind, string> = { raw: palette.vermillion, features: palette.green, mlp: palette.residual };
const dashes: Record<LearnerKind, string> = { raw: '6 3', features: '2 3', mlp: '' };
type Evals = { step: number; loss: number; accuracy: number }[];

/** Mounts the widget; yields between building it and drawing its first figures (see lazyMount). */
export async function start(root: HTMLElement) {
  const rt = mountWidget(root, boundaryLabSchema);
  const s = boundaryLabStrings[rt.locale];
  const rec = loadBoundaryRecording();
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;

  // Charts are laid out for their boxes' widths; an empty one says what to do.
  const empty = chartEmptyText(rt);
  const lossChart = createLineChart(q('[data-chart="loss"]'), { title: s.lossChart, xLabel: s.step, yLabel: s.loss, yScale: 'log', height: 240, empty });
  const accChart = createLineChart(q('[data-chart="accuracy"]'), { title: s.accChart, xLabel: s.step, yLabel: s.accuracy, yDomain: [0, 1], height: 220, empty });
  lossChart.svg.dataset.chart = 'loss';
  accChart.svg.dataset.chart = 'accuracy';
  const maps = Object.fromEntries(learnerKinds.map((l) => [l, createBoundaryMap(q(`[data-chart="boundary-${l}"]`), { title: q(`[data-map-title="${l}"]`).textContent ?? l, empty })])) as Record<LearnerKind, ReturnType<typeof createBoundaryMap>>;
  for (const l of learnerKinds) maps[l].svg.dataset.chart = `boundary-${l}`;
  const learnersBody = q<HTMLTableSectionElement>('table[data-metrics="learners"] tbody');
  const recordedNote = q<HTMLElement>('[data-recorded-note]');

  let losses: Record<LearnerKind, [number, number][]> = { raw: [], features: [], mlp: [] };
  let evals: Record<LearnerKind, Evals> = { raw: [], features: [], mlp: [] };
  const shown = () => learnerKinds.filter((l) => rt.state.learners.includes(l));
  const series = (l: LearnerKind, points: [number, number][], markers = false): LineSeries => ({ id: l, label: s[`short.${l}`], color: colors[l], dash: dashes[l], points, markers });
  const points = () => {
    const d = makeDataset(rt.state.dataset, { n: pointCount, seed: rt.state.seed });
    return { x: d.x, y: d.y };
  };

  function titles() {
    for (const l of learnerKinds) {
      const text = mapTitle(rt.locale, l, rt.state);
      q(`[data-map-title="${l}"]`).textContent = text;
      maps[l].svg.setAttribute('aria-label', text);
      maps[l].svg.querySelector('title')!.textContent = text;
      q<HTMLElement>(`[data-learner-box="${l}"]`).hidden = !rt.state.learners.includes(l);
    }
  }

  function drawCurves() {
    const ls = shown();
    const chance = chanceLoss(rt.state.dataset);
    lossChart.update([...ls.map((l) => series(l, losses[l])), { id: 'chance', label: s.chance, color: 'currentColor', dash: '1 3', points: losses[ls[0] ?? 'raw'].length ? [[0, chance], [rt.state.steps, chance]] : [] }]);
    accChart.update(ls.map((l) => series(l, evals[l].map((e) => [e.step, e.accuracy] as [number, number]), true)));
    writeRows(q('table[data-metrics="curve"] tbody'), curveRows(evals));
  }
  const drawGrid = (l: LearnerKind, g: BoundaryGrid | undefined) => maps[l].update(g && { probs: g.probabilities, resolution: g.resolution, classes: g.classes, extent: g.extent, points: points() });

  /** Final accuracy per learner on screen (recorded or live), for the headline. */
  const finals = new Map<LearnerKind, number>();
  function setStats(l: LearnerKind, loss?: number, accuracy?: number, final = false) {
    q(`[data-map-stats="${l}"]`).textContent = loss === undefined || accuracy === undefined ? '' : `${s.loss} ${fixed(loss, 4)} · ${s.accuracy} ${percent(accuracy, rt.locale)}`;
    if (final && accuracy !== undefined) finals.set(l, accuracy);
    else if (loss === undefined) finals.delete(l);
    showHeadline();
  }
  const showHeadline = () => (q('[data-headline]').textContent = boundaryHeadline(rt.locale, shown().filter((l) => finals.has(l)).map((l) => ({ learner: l, finalAccuracy: finals.get(l) }))));

  function clearView() {
    losses = { raw: [], features: [], mlp: [] };
    evals = { raw: [], features: [], mlp: [] };
    drawCurves();
    learnersBody.replaceChildren();
    for (const l of learnerKinds) {
      drawGrid(l, undefined);
      setStats(l);
    }
  }

  /** The recorded runs as drawing steps (each learner's map, then the curves and the table), when the settings were recorded. */
  function recordingSteps(): (() => void)[] | undefined {
    const runs = recordedRuns(rt.state, rec);
    recordedNote.hidden = !runs;
    if (!runs) {
      session.bar.message('');
      return undefined;
    }
    clearView();
    return [
      ...runs.map((r) => () => {
        losses[r.learner] = r.lossSeries;
        evals[r.learner] = r.curve;
        drawGrid(r.learner, { ...r.grid, probabilities: decodeGrid(r.grid.cells, r.grid.classes) });
        setStats(r.learner, r.finalLoss, r.finalAccuracy, true);
      }),
      () => {
        drawCurves();
        learnersBody.replaceChildren(...learnerKinds.flatMap((l) => runs.filter((r) => r.learner === l)).map((r) => tableRow(learnerCells(r), { recorded: true, data: { learner: r.learner } })));
      },
    ];
  }

  const session = createTrainingSession<BoundaryJob, BoundaryProgress, BoundaryResult>(rt, {
    worker: () => new Worker(new URL('../../workers/boundary.worker.ts', import.meta.url), { type: 'module' }),
    draw: drawCurves,
    recorded: () => {
      const steps = recordingSteps();
      steps?.forEach((step) => step());
      return !!steps;
    },
    clear: clearView,
  });

  session.onTrain(async () => {
    recordedNote.hidden = true;
    clearView();
    const ema: Record<LearnerKind, number | undefined> = { raw: undefined, features: undefined, mlp: undefined };
    await session.jobs(jobsFor(rt.state), {
      progress: { kind: 'steps', work: (j) => ({ steps: j.steps }), step: (p) => p.step, finished: (r) => r.steps },
      onProgress: (p) => {
        const l = p.learner;
        let step = p.step - p.losses.length + 1;
        for (const v of p.losses) losses[l].push([step++, (ema[l] = smooth(ema[l], v))]);
        if (p.evaluation) {
          evals[l].push(p.evaluation);
          setStats(l, p.evaluation.loss, p.evaluation.accuracy);
        }
        if (p.grid) drawGrid(l, p.grid);
      },
      diverged: (r) => (r.diverged ? fill(s.diverged, { learner: s[`learner.${r.learner}`], step: r.diverged.atStep }) : undefined),
      onResult: (r) => {
        if (r.diverged) return;
        if (r.grid) drawGrid(r.learner, r.grid);
        setStats(r.learner, r.finalLoss, r.finalAccuracy, true);
        // Rows stay in learner order, whichever finishes first.
        const order = learnerKinds.indexOf(r.learner);
        const after = [...learnersBody.rows].find((x) => learnerKinds.indexOf(x.dataset.learner as LearnerKind) > order);
        learnersBody.insertBefore(tableRow(learnerCells({ ...r, finalLoss: r.finalLoss!, finalAccuracy: r.finalAccuracy! }), { data: { learner: r.learner } }), after ?? null);
      },
    });
    if (session.stopped) {
      // Stopped: every learner's curves end at the last step all of them reached.
      const end = endTogether(learnerKinds.map((l) => losses[l]), (p) => p[0]);
      for (const l of learnerKinds) evals[l] = evals[l].filter((e) => end === undefined || e.step <= end);
      endTogether(learnerKinds.map((l) => evals[l]), (e) => e.step);
    }
  });

  rt.onChange((_, changed) => {
    titles();
    if (session.running) return;
    if (changed.every((k) => k === 'learners')) {
      drawCurves();
      showHeadline();
    } else session.show();
  });

  titles();
  await yieldToMain();
  const steps = recordingSteps();
  if (steps) await inSteps(steps);
  else clearView();
  rt.setStatus('idle');
}
