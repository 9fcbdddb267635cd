/**
 * `degradation-lab` in the browser: state ↔ controls ↔ link (the shared runtime), training in a
 * session of two workers (plain and residual concurrently), wired to the charts and tables
 * (`view.ts`) and to the gradient-flow widget (`grad-norms-event.ts`).
 */
import { degradationLabStrings, type HeadlineRun } from '../../lib/i18n/widgets/degradation-lab';
import { fill } from '../../lib/i18n/translate';
import { degradationLabSchema } from '../../lib/state/schemas/degradation-lab';
import type { DegradationJob, DegradationProgress, DegradationResult } from '../../workers/degradation-job';
import { inSteps, yieldToMain } from '../shared/lazy-mount';
import { chartEmptyText, endTogether } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
import { mountWidget } from '../shared/widget-runtime';
import { emitGradNorms } from './grad-norms-event';
import { archs, jobsFor, smooth, stepCost, type Arch } from './jobs';
import { loadRecording, matchesRecording, recordedEvals } from './recording';
import { createDegradationView, type Curves } from './view';

export type { GradNormsEventDetail } from './grad-norms-event';

/** Mounts the widget; yields between building it and drawing its first figures (see lazyMount). */
export async function start(root: HTMLElement) {
  const rt = mountWidget(root, degradationLabSchema);
  const s = degradationLabStrings[rt.locale];
  const rec = loadRecording();
  // Charts (an empty one says what to do instead of showing made-up axes)
  const view = createDegradationView(root, { locale: rt.locale, empty: chartEmptyText(rt), state: () => rt.state });
  const recordedNote = root.querySelector<HTMLElement>('[data-recorded-note]')!;

  // What is on screen: each net's smoothed losses and evaluations, the sweep's and the finished one-depth runs (for the headline).
  let curves: Curves = { losses: { plain: [], residual: [] }, evals: { plain: [], residual: [] } };
  let sweepResults: HeadlineRun[] = [];
  let singleRuns: HeadlineRun[] = [];
  const showHeadline = () => view.headline(sweepResults, singleRuns);
  function drawCurves() {
    view.curves(curves);
    showHeadline();
  }
  function drawSweep() {
    view.sweep(sweepResults);
    showHeadline();
  }
  function clearView() {
    singleRuns = [];
    curves = { losses: { plain: [], residual: [] }, evals: { plain: [], residual: [] } };
    drawCurves();
    for (const a of archs) view.map(a, undefined);
  }

  /** The recorded default run as drawing steps (curves, each map, the sweep) when the settings are the recorded ones. */
  function recordingSteps(): (() => void)[] | undefined {
    const match = matchesRecording(rt.state, rec);
    recordedNote.hidden = !match;
    if (!match) return undefined;
    curves = { losses: { plain: rec.lossSeries.plain, residual: rec.lossSeries.residual }, evals: recordedEvals(rec) };
    singleRuns = rec.runs;
    return [
      drawCurves,
      ...archs.map((a) => () => {
        view.map(a, rt.state.arch.includes(a) ? rec.grids[a] : undefined);
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
    view.dropRecordedRows();
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
        for (const l of p.losses) curves.losses[p.arch].push([step++, (ema[p.arch] = smooth(ema[p.arch], l))]);
        if (p.evaluation) curves.evals[p.arch].push(p.evaluation);
        if (p.gradNorms) emitGradNorms(root, { arch: p.arch, depth: p.depth, step: p.gradNorms.step, norms: p.gradNorms.norms, source: 'live', reset: p.gradNorms.step === 0 });
      },
      diverged: (r) => (r.diverged ? fill(s.diverged, { arch: s[r.arch], step: r.diverged.atStep }) : undefined),
      onResult: (r) => {
        if (sweep) sweepResults.push(r);
        if (r.diverged || r.finalLoss === undefined || r.finalAccuracy === undefined) return;
        if (!sweep) singleRuns.push(r);
        view.addRun({ ...r, finalLoss: r.finalLoss, finalAccuracy: r.finalAccuracy });
        if (sweep) drawSweep();
        else if (r.grid) view.map(r.arch, r.grid);
        showHeadline();
      },
    });
    if (session.stopped && !sweep) {
      // Stopped: both nets' curves end at the last step both reached.
      const { losses, evals } = curves;
      const end = endTogether(archs.map((a) => losses[a]), (p) => p[0]);
      for (const a of archs) evals[a] = evals[a].filter((e) => end === undefined || e.step <= end);
      endTogether(archs.map((a) => evals[a]), (e) => e.step);
    }
  });

  rt.onChange((_state, changed) => {
    if (changed.includes('mode')) view.setMode(rt.state.mode);
    if (changed.includes('dataset')) view.setChance();
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

  view.setMode(rt.state.mode);
  await yieldToMain();
  const steps = recordingSteps();
  if (steps) await inSteps(steps);
  else clearView();
  rt.setStatus('idle');
}
