/**
 * `boundary-lab` in the browser: state ↔ controls ↔ link (the shared runtime), the three learners
 * trained in a pool of workers, their decision maps (updated live from coarse grids), the loss
 * and accuracy curves, and the tables. Before any click it shows the recorded default runs.
 */
import { createBoundaryMap } from '../../charts/boundary-map';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { palette } from '../../charts/palette';
import { boundaryLabStrings } from '../../lib/i18n/widgets/boundary-lab';
import { fill } from '../../lib/i18n/translate';
import { chanceLoss, makeDataset } from '../../lib/ml/datasets';
import { featureFormula, orderFeatures } from '../../lib/ml/features';
import { boundaryLabSchema, type BoundaryLabState } from '../../lib/state/schemas/boundary-lab';
import type { BoundaryGrid, BoundaryJob, BoundaryProgress, BoundaryResult } from '../../workers/boundary-job';
import { WorkerPool } from '../../workers/worker-pool';
import { createRunBar } from '../shared/run-bar';
import { mountWidget } from '../shared/widget-runtime';
import { jobsFor, learnerKinds, pointCount, smooth, type LearnerKind } from './jobs';
import { decodeGrid, loadBoundaryRecording, type BoundaryRecording, type RecordedLearner } from './recording';

const colors: Record<LearnerKind, string> = { raw: palette.vermillion, features: palette.green, mlp: palette.residual };
const dashes: Record<LearnerKind, string> = { raw: '6 3', features: '2 3', mlp: '' };
const settingsKeys = ['features', 'layers', 'width', 'lr', 'steps', 'seed'] as const;

/** The recorded runs for the current settings, if the recording has them. */
function recordedRuns(state: BoundaryLabState, rec: BoundaryRecording | undefined): RecordedLearner[] | undefined {
  if (!rec) return undefined;
  const same = settingsKeys.every((k) => JSON.stringify(rec.state[k]) === JSON.stringify(state[k]));
  return same ? rec.datasets[state.dataset] : undefined;
}

export function start(root: HTMLElement) {
  const rt = mountWidget(root, boundaryLabSchema);
  const s = boundaryLabStrings[rt.locale];
  const rec = loadBoundaryRecording();
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;

  // On a phone a narrower viewBox keeps the axis labels readable (the SVG scales to its box).
  const width = root.clientWidth < 520 ? 380 : 560;
  const lossChart = createLineChart(q('[data-chart="loss"]'), { title: s.lossChart, xLabel: s.step, yLabel: s.loss, yScale: 'log', height: 240, width });
  const accChart = createLineChart(q('[data-chart="accuracy"]'), { title: s.accChart, xLabel: s.step, yLabel: s.accuracy, yDomain: [0, 1], height: 220, width });
  lossChart.svg.dataset.chart = 'loss';
  accChart.svg.dataset.chart = 'accuracy';
  const maps = Object.fromEntries(
    learnerKinds.map((l) => {
      const m = createBoundaryMap(q(`[data-chart="boundary-${l}"]`), { title: q(`[data-map-title="${l}"]`).textContent ?? l });
      m.svg.dataset.chart = `boundary-${l}`;
      return [l, m];
    }),
  ) as Record<LearnerKind, ReturnType<typeof createBoundaryMap>>;

  const learnersBody = q<HTMLTableSectionElement>('table[data-metrics="learners"] tbody');
  const curveBody = q<HTMLTableSectionElement>('table[data-metrics="curve"] tbody');
  const recordedNote = q<HTMLElement>('[data-recorded-note]');

  const pool = new WorkerPool<BoundaryJob, BoundaryProgress, BoundaryResult>(
    () => new Worker(new URL('../../workers/boundary.worker.ts', import.meta.url), { type: 'module' }),
    2,
  );
  const bar = createRunBar(rt, pool, () => void train());

  type Evals = { step: number; loss: number; accuracy: number }[];
  let losses: Record<LearnerKind, [number, number][]> = { raw: [], features: [], mlp: [] };
  let evals: Record<LearnerKind, Evals> = { raw: [], features: [], mlp: [] };

  const formulas = (names: readonly string[]) => orderFeatures(names).map((n) => featureFormula[n]).join(', ');
  const shown = () => learnerKinds.filter((l) => rt.state.learners.includes(l));
  const series = (l: LearnerKind, points: [number, number][], markers = false): LineSeries => ({ id: l, label: s[`short.${l}`], color: colors[l], dash: dashes[l], points, markers });
  const points = () => {
    const d = makeDataset(rt.state.dataset, { n: pointCount, seed: rt.state.seed });
    return { x: d.x, y: d.y };
  };
  const chance = () => chanceLoss(rt.state.dataset);

  function titles() {
    const st = rt.state;
    const text: Record<LearnerKind, string> = {
      raw: s['map.raw'],
      features: fill(s['map.features'], { features: formulas(st.features) }),
      mlp: fill(s['map.mlp'], { layers: st.layers, width: st.width }),
    };
    for (const l of learnerKinds) {
      q(`[data-map-title="${l}"]`).textContent = text[l];
      maps[l].svg.setAttribute('aria-label', text[l]);
      maps[l].svg.querySelector('title')!.textContent = text[l];
      q<HTMLElement>(`[data-learner-box="${l}"]`).hidden = !st.learners.includes(l);
    }
  }

  function row(cells: string[], learner?: string) {
    const tr = document.createElement('tr');
    if (learner) tr.dataset.learner = learner;
    for (const c of cells) {
      const td = document.createElement('td');
      td.textContent = c;
      tr.append(td);
    }
    return tr;
  }

  function drawCurves() {
    const ls = shown();
    lossChart.update([...ls.map((l) => series(l, losses[l])), { id: 'chance', label: s.chance, color: 'currentColor', dash: '1 3', points: losses[ls[0] ?? 'raw'].length ? [[0, chance()], [rt.state.steps, chance()]] : [] }]);
    accChart.update(ls.map((l) => series(l, evals[l].map((e) => [e.step, e.accuracy] as [number, number]), true)));
    const steps = [...new Set(learnerKinds.flatMap((l) => evals[l].map((e) => e.step)))].sort((a, b) => a - b);
    curveBody.replaceChildren(
      ...steps.map((step) => {
        const cell = (l: LearnerKind, k: 'loss' | 'accuracy') => evals[l].find((e) => e.step === step)?.[k].toFixed(4) ?? '';
        return row([String(step), ...learnerKinds.map((l) => cell(l, 'loss')), ...learnerKinds.map((l) => cell(l, 'accuracy'))]);
      }),
    );
  }

  function drawGrid(l: LearnerKind, g: BoundaryGrid | undefined) {
    maps[l].update(g ? { probs: g.probabilities, resolution: g.resolution, classes: g.classes, extent: g.extent, points: points() } : undefined);
  }

  function setStats(l: LearnerKind, loss?: number, accuracy?: number) {
    q(`[data-map-stats="${l}"]`).textContent = loss === undefined || accuracy === undefined ? '' : `${s.loss} ${loss.toFixed(4)} · ${s.accuracy} ${(100 * accuracy).toFixed(1)} %`;
  }

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

  /** Shows the recorded runs when the current settings were recorded; returns whether it did. */
  function showRecording(): boolean {
    const runs = recordedRuns(rt.state, rec);
    recordedNote.hidden = !runs;
    if (!runs) {
      bar.message('');
      return false;
    }
    clearView();
    for (const r of runs) {
      losses[r.learner] = r.lossSeries;
      evals[r.learner] = r.curve;
      drawGrid(r.learner, { ...r.grid, probabilities: decodeGrid(r.grid.cells, r.grid.classes) });
      setStats(r.learner, r.finalLoss, r.finalAccuracy);
    }
    drawCurves();
    learnersBody.replaceChildren(
      ...learnerKinds.flatMap((l) => runs.filter((r) => r.learner === l)).map((r) => {
        const tr = row([r.learner, formulas(r.features), String(r.parameterCount), r.finalLoss.toFixed(4), r.finalAccuracy.toFixed(4)], r.learner);
        tr.dataset.recorded = '';
        return tr;
      }),
    );
    return true;
  }

  let frame = 0;
  const scheduleDraw = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      drawCurves();
    });
  };

  const train = () => bar.run(async () => {
    recordedNote.hidden = true;
    clearView();
    const jobs = jobsFor(rt.state);
    const total = jobs.reduce((n, j) => n + j.steps, 0);
    const done = new Map<LearnerKind, number>();
    const ema: Record<LearnerKind, number | undefined> = { raw: undefined, features: undefined, mlp: undefined };
    const t0 = performance.now();
    const updateProgress = () => {
      const sum = [...done.values()].reduce((a, b) => a + b, 0);
      const frac = total ? sum / total : 0;
      bar.progress(frac, `${sum} / ${total}`, t0);
    };
    updateProgress();
    const runs = jobs.map((job) =>
      pool
        .run(job, {
          onReady: (backend, reason) => {
            bar.ready(backend, reason);
            bar.started();
          },
          onProgress: (p) => {
            const l = p.learner;
            done.set(l, p.step);
            let step = p.step - p.losses.length + 1;
            for (const v of p.losses) {
              ema[l] = smooth(ema[l], v);
              losses[l].push([step++, ema[l]!]);
            }
            if (p.evaluation) {
              evals[l].push(p.evaluation);
              setStats(l, p.evaluation.loss, p.evaluation.accuracy);
            }
            if (p.grid) drawGrid(l, p.grid);
            scheduleDraw();
            updateProgress();
          },
        })
        .then((outcome) => {
          if (outcome.kind !== 'done') return;
          const r = outcome.result;
          done.set(r.learner, r.steps);
          updateProgress();
          if (r.diverged) {
            bar.message(fill(s.diverged, { learner: s[`learner.${r.learner}`], step: r.diverged.atStep }));
            return;
          }
          if (r.grid) drawGrid(r.learner, r.grid);
          setStats(r.learner, r.finalLoss, r.finalAccuracy);
          const order = learnerKinds.indexOf(r.learner);
          const tr = row([r.learner, formulas(r.features), String(r.parameterCount), r.finalLoss!.toFixed(4), r.finalAccuracy!.toFixed(4)], r.learner);
          const after = [...learnersBody.rows].find((x) => learnerKinds.indexOf(x.dataset.learner as LearnerKind) > order);
          learnersBody.insertBefore(tr, after ?? null);
        }),
    );
    await Promise.all(runs);
    drawCurves();
  });

  rt.onChange((_, changed) => {
    titles();
    if (bar.running) return;
    if (changed.every((k) => k === 'learners')) {
      drawCurves();
      return;
    }
    if (!showRecording()) clearView();
  });

  titles();
  if (!showRecording()) clearView();
  rt.setStatus('idle');
}
