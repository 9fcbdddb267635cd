/**
 * `gradient-flow` in the browser: per-layer gradient norms over depth (a profile at init and at a
 * chosen step) and over training (one heatmap per net). The data come from this widget's own runs
 * (the degradation lab's worker and job, evaluated every few steps), from the lab's live runs on
 * the same page, or — before any click — from the lab's recorded default run.
 */
import { createLayerHeatmap } from '../../charts/layer-heatmap';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { palette } from '../../charts/palette';
import { gradientFlowStrings } from '../../lib/i18n/widgets/gradient-flow';
import { fill } from '../../lib/i18n/translate';
import { firstToLastRatio, perLayerFactor } from '../../lib/ml/gradient-stats';
import { gradientFlowSchema } from '../../lib/state/schemas/gradient-flow';
import type { DegradationJob, DegradationProgress, DegradationResult } from '../../workers/degradation-job';
import type { GradNormsEventDetail } from '../degradation-lab/grad-norms-event';
import { archs, jobFor, stepCost, type Arch } from '../degradation-lab/jobs';
import { loadRecording, matchesRecording } from '../degradation-lab/recording';
import { yieldToMain } from '../shared/lazy-mount';
import { writeRows } from '../shared/metrics-table';
import { chartEmptyText, endTogether } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
import { mountWidget } from '../shared/widget-runtime';
import { gradientRows, growthCells } from './rows';

type History = Record<Arch, { step: number; norms: number[] }[]>;

/** Mounts the widget; yields between building it and drawing its first figures (see lazyMount). */
export async function start(root: HTMLElement) {
  const rt = mountWidget(root, gradientFlowSchema);
  const s = gradientFlowStrings[rt.locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const rec = loadRecording();

  // An empty chart says what to do: train, or (following the lab) wait for the lab's run.
  const trainText = chartEmptyText(rt);
  const empty = () => (rt.state.source === 'lab' ? s.waiting : trainText());
  const profile = createLineChart(q('[data-chart="profile"]'), { title: s.profileChart, xLabel: s.layer, yLabel: s.norm, yScale: 'log', height: 280, empty });
  const heat = {
    plain: createLayerHeatmap(q('[data-chart="heat-plain"]'), { title: s.heatPlain, xLabel: s.trainingStep, yLabel: s.layer, empty }),
    residual: createLayerHeatmap(q('[data-chart="heat-residual"]'), { title: s.heatResidual, xLabel: s.trainingStep, yLabel: s.layer, empty }),
  };
  profile.svg.dataset.chart = 'profile';
  heat.plain.svg.dataset.chart = 'heat-plain';
  heat.residual.svg.dataset.chart = 'heat-residual';
  const scrub = q<HTMLInputElement>('[data-step-scrub]');
  const recordedNote = q<HTMLElement>('[data-recorded-note]');

  let history: History = { plain: [], residual: [] };
  let following = false; // true when the scrubber is at the newest step
  const steps = () => [...new Set(archs.flatMap((a) => history[a].map((h) => h.step)))].sort((x, y) => x - y);
  const at = (a: Arch, step: number | undefined) => (step === undefined ? undefined : history[a].find((h) => h.step === step)?.norms);

  function draw() {
    const all = steps();
    scrub.max = String(Math.max(0, all.length - 1));
    if (following) scrub.value = scrub.max;
    const step = all[Number(scrub.value)] ?? all.at(-1) ?? 0;
    q('[data-step-output]').textContent = String(step);
    // The slider moves through evaluations (0, 1, 2…); it is announced as the training step they are.
    scrub.setAttribute('aria-valuetext', fill(s.stepValue, { step }));
    const first = all[0];
    const series: LineSeries[] = [];
    for (const a of archs) {
      const init = at(a, first);
      const now = at(a, step);
      if (init) series.push({ id: `${a}-init`, label: `${s[a]} · ${s.atInit}`, color: palette[a], dash: '2 3', points: init.map((v, i) => [i + 1, v] as [number, number]) });
      if (now && step !== first) series.push({ id: `${a}-now`, label: `${s[a]} · ${fill(s.atStep, { step })}`, color: palette[a], points: now.map((v, i) => [i + 1, v] as [number, number]), markers: now.length <= 16 });
    }
    profile.update(series);
    // One colour scale for both heatmaps, so the two nets can be compared cell by cell.
    const values = archs.flatMap((a) => history[a].flatMap((h) => h.norms)).filter((v) => Number.isFinite(v) && v > 0);
    const domain: [number, number] | undefined = values.length ? [Math.min(...values), Math.max(...values)] : undefined;
    for (const a of archs) heat[a].update({ steps: history[a].map((h) => h.step), norms: history[a].map((h) => h.norms), domain });

    const layers = Math.max(at('plain', step)?.length ?? 0, at('residual', step)?.length ?? 0);
    writeRows(q('table[data-metrics="gradients"] tbody'), gradientRows(layers, { plainInit: at('plain', first), residualInit: at('residual', first), plainNow: at('plain', step), residualNow: at('residual', step) }));
    const shownSteps = [first, step].filter((st, i, arr): st is number => st !== undefined && arr.indexOf(st) === i);
    writeRows(q('table[data-metrics="gradient-growth"] tbody'), archs.flatMap((a) => shownSteps.flatMap((st) => (at(a, st) ? [growthCells(a, st, at(a, st)!)] : []))));
    const p = at('plain', step);
    const r = at('residual', step);
    q('[data-summary]').textContent =
      p && r
        ? fill(s.summary, { step, pr: firstToLastRatio(p).toPrecision(3), pf: perLayerFactor(p).toFixed(3), rr: firstToLastRatio(r).toPrecision(3), rf: perLayerFactor(r).toFixed(3) })
        : rt.state.source === 'lab' && !p && !r
          ? s.waiting
          : '';
  }

  /** Nothing shown (following the lab: until its run reports). */
  function clear() {
    recordedNote.hidden = true;
    history = { plain: [], residual: [] };
    following = true;
    draw();
  }
  /** The lab's recording, when this widget shows its own runs with the recorded settings. */
  function showRecording(): boolean {
    if (rt.state.source === 'lab' || !matchesRecording(rt.state, rec, ['depth', 'bn', 'seed', 'steps', 'lr', 'width', 'optimizer'])) return false;
    recordedNote.hidden = false;
    history = { plain: [...rec.gradNorms.plain], residual: [...rec.gradNorms.residual] };
    following = true;
    draw();
    return true;
  }

  scrub.addEventListener('input', () => {
    following = scrub.value === scrub.max;
    draw();
  });

  // The lab's live runs, when this widget follows the lab.
  document.addEventListener('nb:grad-norms', (event) => {
    const d = (event as CustomEvent<GradNormsEventDetail>).detail;
    if (rt.state.source !== 'lab' || d.source !== 'live') return;
    if (d.reset) history[d.arch] = [];
    recordedNote.hidden = true;
    history[d.arch].push({ step: d.step, norms: d.norms });
    draw();
  });

  const session = createTrainingSession<DegradationJob, DegradationProgress, DegradationResult>(rt, {
    worker: () => new Worker(new URL('../../workers/degradation.worker.ts', import.meta.url), { type: 'module' }),
    draw,
    recorded: showRecording,
    clear,
  });
  session.onTrain(async () => {
    rt.set({ source: 'own' });
    clear();
    const jobs = archs.map((a) => jobFor(rt.state, a, rt.state.depth, { evaluations: 40, gridResolution: 0 }));
    try {
      await session.jobs(jobs, {
        progress: { kind: 'steps', work: (j) => ({ steps: j.steps, cost: stepCost(j) }), step: (p) => p.step, finished: (r) => r.steps },
        onProgress: (p) => {
          if (p.gradNorms) history[p.arch].push(p.gradNorms);
        },
        diverged: (r) => (r.diverged ? fill(s.diverged, { arch: s[r.arch], step: r.diverged.atStep }) : undefined),
      });
    } finally {
      // Stopped: both nets' histories end at the last step both reached.
      if (session.stopped) endTogether(archs.map((a) => history[a]), (h) => h.step);
    }
  });

  rt.onChange(() => {
    if (!session.running) session.show();
  });

  await yieldToMain();
  session.show();
  rt.setStatus('idle');
}
