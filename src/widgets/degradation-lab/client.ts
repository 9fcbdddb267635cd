/**
 * `degradation-lab` in the browser: state ↔ controls ↔ link (the shared runtime), training in a
 * pool of workers (plain and residual concurrently, one per core), and the charts and tables.
 */
import { createBoundaryMap } from '../../charts/boundary-map';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { dashes, palette } from '../../charts/palette';
import { degradationLabStrings } from '../../lib/i18n/widgets/degradation-lab';
import { fill } from '../../lib/i18n/translate';
import { chanceLoss, datasetClasses, makeDataset } from '../../lib/ml/datasets';
import { degradationLabSchema, type DegradationLabState } from '../../lib/state/schemas/degradation-lab';
import type { DegradationJob, DegradationProgress, DegradationResult } from '../../workers/degradation-job';
import { WorkerPool } from '../../workers/worker-pool';
import { createRunBar } from '../shared/run-bar';
import { mountWidget } from '../shared/widget-runtime';
import { archs, jobsFor, smooth, type Arch } from './jobs';
import { loadRecording, type Recording } from './recording';

/** Events other widgets on the page (gradient-flow) listen to. */
export interface GradNormsEventDetail {
  arch: Arch;
  depth: number;
  step: number;
  norms: number[];
  source: 'live' | 'recorded';
  /** True on the first report of a new run: listeners clear what they had. */
  reset?: boolean;
}

/** Same settings as the recording (everything that changes the numbers). */
function matchesRecording(state: DegradationLabState, rec: Recording | undefined): boolean {
  if (!rec) return false;
  const keys = ['depth', 'width', 'bn', 'optimizer', 'lr', 'steps', 'seed', 'dataset'] as const;
  return keys.every((k) => rec.state[k] === state[k]);
}

export function start(root: HTMLElement) {
  const rt = mountWidget(root, degradationLabSchema, {
    format: (key, value) => (key === 'lr' ? String(value) : String(value)),
  });
  const s = degradationLabStrings[rt.locale];
  const rec = loadRecording();
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;

  // Charts
  const chance = () => ({ y: chanceLoss(rt.state.dataset), label: fill(s.chance, { c: datasetClasses(rt.state.dataset) }) });
  const lossChart = createLineChart(q('[data-chart="loss"]'), { title: s.lossChart, xLabel: s.step, yLabel: s.loss, yScale: 'log', reference: chance(), height: 240 });
  const accChart = createLineChart(q('[data-chart="accuracy"]'), { title: s.accChart, xLabel: s.step, yLabel: s.accuracy, yDomain: [0, 1], height: 220 });
  const sweepChart = createLineChart(q('[data-chart="sweep"]'), { title: s.sweepChart, xLabel: s.depthAxis, yLabel: s.loss, xScale: 'log2', yScale: 'log', reference: chance() });
  const boundary: Record<Arch, ReturnType<typeof createBoundaryMap>> = {
    plain: createBoundaryMap(q('[data-chart="boundary-plain"]'), { title: s.boundaryPlain }),
    residual: createBoundaryMap(q('[data-chart="boundary-residual"]'), { title: s.boundaryResidual }),
  };
  for (const [el, name] of [[lossChart.svg, 'loss'], [accChart.svg, 'accuracy'], [sweepChart.svg, 'sweep'], [boundary.plain.svg, 'boundary-plain'], [boundary.residual.svg, 'boundary-residual']] as const) el.dataset.chart = name;

  // Tables
  const runsBody = q<HTMLTableSectionElement>('table[data-metrics="runs"] tbody');
  const curveBody = q<HTMLTableSectionElement>('table[data-metrics="curve"] tbody');
  const sweepBody = q<HTMLTableSectionElement>('table[data-metrics="sweep"] tbody');

  const recordedNote = q<HTMLElement>('[data-recorded-note]');

  const pool = new WorkerPool<DegradationJob, DegradationProgress, DegradationResult>(
    () => new Worker(new URL('../../workers/degradation.worker.ts', import.meta.url), { type: 'module' }),
    2,
  );
  const bar = createRunBar(rt, pool, () => void train());

  // Series being drawn
  let losses: Record<Arch, [number, number][]> = { plain: [], residual: [] };
  let evals: Record<Arch, { step: number; loss: number; accuracy: number }[]> = { plain: [], residual: [] };
  let sweepResults: DegradationResult[] = [];

  const archLabel = (a: Arch) => s[a];
  const series = (a: Arch, points: [number, number][], markers = false): LineSeries => ({ id: a, label: archLabel(a), color: palette[a], dash: dashes[a], points, markers });

  function drawCurves() {
    const shown = archs.filter((a) => rt.state.arch.includes(a));
    lossChart.update(shown.map((a) => series(a, losses[a])));
    accChart.update(shown.map((a) => series(a, evals[a].map((e) => [e.step, e.accuracy] as [number, number]), true)));
    // Curve table: one row per evaluation step.
    const steps = [...new Set(shown.flatMap((a) => evals[a].map((e) => e.step)))].sort((x, y) => x - y);
    curveBody.replaceChildren(
      ...steps.map((step) => {
        const tr = document.createElement('tr');
        const cell = (a: Arch, k: 'loss' | 'accuracy') => {
          const e = evals[a].find((v) => v.step === step);
          return e ? e[k].toFixed(4) : '';
        };
        for (const text of [String(step), cell('plain', 'loss'), cell('residual', 'loss'), cell('plain', 'accuracy'), cell('residual', 'accuracy')]) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      }),
    );
  }

  // Progress arrives in bursts from two workers; draw at most once per frame.
  let frame = 0;
  let trainStartedAt = 0;
  let firstLossPending = false;
  function scheduleDraw() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      drawCurves();
      if (firstLossPending) {
        // Measured once the first loss is on screen (used by npm run bench).
        firstLossPending = false;
        root.dataset.firstLossMs = String(Math.round(performance.now() - trainStartedAt));
      }
    });
  }

  function drawSweep() {
    const shown = archs.filter((a) => rt.state.arch.includes(a));
    sweepChart.update(
      shown.map((a) =>
        series(a, sweepResults.filter((r) => r.arch === a && r.finalLoss !== undefined).map((r) => [r.depth, r.finalLoss!] as [number, number]).sort((x, y) => x[0] - y[0]), true),
      ),
    );
    const depths = [...new Set(sweepResults.map((r) => r.depth))].sort((x, y) => x - y);
    sweepBody.replaceChildren(
      ...depths.map((d) => {
        const tr = document.createElement('tr');
        const v = (a: Arch) => sweepResults.find((r) => r.depth === d && r.arch === a)?.finalLoss;
        for (const text of [String(d), v('plain')?.toFixed(4) ?? '', v('residual')?.toFixed(4) ?? '']) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      }),
    );
  }

  function addRunRow(r: DegradationResult) {
    if (r.finalLoss === undefined || r.finalAccuracy === undefined) return;
    const tr = document.createElement('tr');
    for (const text of [r.arch, String(r.depth), String(r.steps), r.finalLoss.toFixed(4), r.finalAccuracy.toFixed(4)]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    runsBody.append(tr);
  }

  const points = () => {
    const d = makeDataset(rt.state.dataset, { n: 1000, seed: rt.state.seed });
    return { x: d.x, y: d.y };
  };

  function emitGrad(detail: GradNormsEventDetail) {
    root.dispatchEvent(new CustomEvent<GradNormsEventDetail>('nb:grad-norms', { bubbles: true, detail }));
  }

  /** Shows the recorded default run when the current settings are the recorded ones. */
  function showRecording() {
    const match = matchesRecording(rt.state, rec);
    recordedNote.hidden = !match;
    if (!rec || !match) return false;
    losses = { plain: rec.lossSeries.plain, residual: rec.lossSeries.residual };
    evals = { plain: [], residual: [] };
    for (const c of rec.curve) {
      if (c.plainLoss !== null && c.plainAcc !== null) evals.plain.push({ step: c.step, loss: c.plainLoss, accuracy: c.plainAcc });
      if (c.residualLoss !== null && c.residualAcc !== null) evals.residual.push({ step: c.step, loss: c.residualLoss, accuracy: c.residualAcc });
    }
    drawCurves();
    const pts = points();
    for (const a of archs) {
      const g = rec.grids[a];
      boundary[a].update(g && rt.state.arch.includes(a) ? { probs: g.probabilities, resolution: g.resolution, classes: g.classes, extent: g.extent, points: pts } : undefined);
      rec.gradNorms[a].forEach((g, i) => emitGrad({ arch: a, depth: rec.runs[0]?.depth ?? rt.state.depth, step: g.step, norms: g.norms, source: 'recorded', reset: i === 0 }));
    }
    const recSweep = rec.sweep.filter(() => ['width', 'bn', 'optimizer', 'lr', 'steps', 'seed', 'dataset'].every((k) => rec.state[k] === (rt.state as Record<string, unknown>)[k]));
    sweepResults = recSweep.map((r) => ({ ...r, msPerStep: 0 }));
    drawSweep();
    return true;
  }

  function clearView() {
    losses = { plain: [], residual: [] };
    evals = { plain: [], residual: [] };
    drawCurves();
    for (const a of archs) boundary[a].update(undefined);
  }

  function setMode() {
    const sweep = rt.state.mode === 'sweep';
    q<HTMLElement>('[data-single]').hidden = sweep;
    q<HTMLElement>('[data-single-maps]').hidden = sweep;
    q<HTMLElement>('[data-sweep]').hidden = !sweep;
  }

  const train = () => bar.run(async () => {
    const state = rt.state;
    const sweep = state.mode === 'sweep';
    recordedNote.hidden = true;
    delete root.dataset.diverged;
    runsBody.querySelectorAll('tr[data-recorded]').forEach((r) => r.remove());
    curveBody.querySelectorAll('tr[data-recorded]').forEach((r) => r.remove());
    const jobs = jobsFor(state);
    if (sweep) {
      sweepResults = [];
      drawSweep();
    } else clearView();
    const totalSteps = jobs.reduce((n, j) => n + j.steps, 0);
    const doneSteps = new Map<number, number>();
    const t0 = performance.now();
    trainStartedAt = t0;
    delete root.dataset.firstLossMs;
    let firstLossAt: number | undefined;
    const ema: Record<Arch, number | undefined> = { plain: undefined, residual: undefined };
    let finished = 0;
    const updateProgress = () => {
      const done = [...doneSteps.values()].reduce((a, b) => a + b, 0);
      const frac = totalSteps ? done / totalSteps : 0;
      const head = sweep ? fill(s.sweepProgress, { i: Math.min(finished + 1, jobs.length), n: jobs.length }) + ' · ' : '';
      bar.progress(frac, `${head}${done} / ${totalSteps}`, t0);
    };
    updateProgress();
    let divergedMsg = '';
    const runs = jobs.map((job, index) =>
      pool
        .run(job, {
          onReady: (backend, reason) => {
            bar.ready(backend, reason);
            bar.started();
          },
          onProgress: (p) => {
            doneSteps.set(index, p.step);
            if (!sweep) {
              const a = p.arch;
              let first = p.step - p.losses.length + 1;
              for (const l of p.losses) {
                ema[a] = smooth(ema[a], l);
                losses[a].push([first++, ema[a]!]);
              }
              if (p.losses.length && firstLossAt === undefined) {
                firstLossAt = performance.now() - t0;
                firstLossPending = true;
              }
              if (p.evaluation) evals[a].push(p.evaluation);
              if (p.gradNorms) emitGrad({ arch: a, depth: p.depth, step: p.gradNorms.step, norms: p.gradNorms.norms, source: 'live', reset: p.gradNorms.step === 0 });
              scheduleDraw();
            }
            updateProgress();
          },
        })
        .then((outcome) => {
          finished++;
          if (outcome.kind !== 'done') return;
          const r = outcome.result;
          doneSteps.set(index, r.steps);
          if (r.diverged) {
            divergedMsg = fill(s.diverged, { arch: archLabel(r.arch), step: r.diverged.atStep });
            bar.message(divergedMsg);
            if (sweep) sweepResults.push(r);
            return;
          }
          addRunRow(r);
          if (sweep) {
            sweepResults.push(r);
            drawSweep();
          } else if (r.grid) {
            boundary[r.arch].update({ probs: r.grid.probabilities, resolution: r.grid.resolution, classes: r.grid.classes, extent: r.grid.extent, points: points() });
          }
          updateProgress();
        }),
    );
    await Promise.all(runs);
    if (divergedMsg) root.dataset.diverged = '';
  });

  rt.onChange((_state, changed) => {
    if (changed.includes('mode')) setMode();
    if (changed.includes('dataset')) for (const chart of [lossChart, sweepChart]) chart.setReference(chance());
    if (bar.running) return;
    if (changed.some((k) => k !== 'mode' && k !== 'arch')) {
      if (!showRecording()) {
        clearView();
        if (changed.some((k) => k !== 'depth')) {
          sweepResults = [];
          drawSweep();
        }
      }
    } else {
      drawCurves();
      drawSweep();
    }
  });

  setMode();
  if (!showRecording()) clearView();
  rt.setStatus('idle');
}
