/**
 * `cnn-depth-lab` in the browser: state ↔ controls ↔ link (the shared runtime), the runs of one
 * press of Train in the training session's two workers (plain and residual of a depth side by
 * side), wired to the curves (`curves-view.ts`: Fig. 6-style panels, depth chart, tables) and the
 * feature maps (`feature-view.ts`).
 *
 * What is on screen is a set of runs keyed by architecture and depth (`runs.ts`): the recorded ones
 * while the settings are the recorded ones, replaced depth by depth by live runs.
 */
import { cnnDepthLabStrings } from '../../lib/i18n/widgets/cnn-depth-lab';
import { fill } from '../../lib/i18n/translate';
import { cnnDepthLabSchema, defaultLr } from '../../lib/state/schemas/cnn-depth-lab';
import type { CnnDepthJob, CnnDepthProgress, CnnDepthResult } from '../../workers/cnn-depth-job';
import { inSteps, yieldToMain } from '../shared/lazy-mount';
import { chartEmptyText } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
import { mountWidget } from '../shared/widget-runtime';
import { createCurvesView } from './curves-view';
import { showStack } from './feature-maps';
import { createFeatureView, recordedFeatureSet, type FeatureSet } from './feature-view';
import { cnnDepthWorker, jobsFor } from './jobs';
import { loadRecordedFeatures, loadRecording, type RecordedFeatures } from './recording';
import { matchesRecording, runKey, showRecorded, startRuns, type Runs } from './runs';

export async function start(root: HTMLElement) {
  const rt = mountWidget(root, cnnDepthLabSchema, { format: (_key, value) => String(value) });
  const s = cnnDepthLabStrings[rt.locale];
  const rec = loadRecording();
  const recordedNote = root.querySelector<HTMLElement>('[data-recorded-note]')!;

  const runs: Runs = new Map();
  const curves = createCurvesView(root, runs, { locale: rt.locale, empty: chartEmptyText(rt) });
  const featureView = createFeatureView(root, rt.locale);
  /** Feature maps on screen: per net, of the deepest pair of the last run (or the recording). */
  let features: FeatureSet | undefined;
  let recordedFeatures: RecordedFeatures | undefined;
  const recordedCache = new Map<number, FeatureSet>();
  function recordedFeaturesFor(digit: number) {
    if (!recordedFeatures || !rec) return undefined;
    if (!recordedCache.has(digit)) recordedCache.set(digit, recordedFeatureSet(recordedFeatures, rec.featureLayers, digit));
    return recordedCache.get(digit);
  }
  const drawAll = () => {
    curves.draw();
    featureView.draw(features);
  };

  /** Puts the recorded runs (and feature maps) on screen when the settings are the recorded ones; clears everything otherwise. */
  function showRecording(): boolean {
    runs.clear();
    const match = matchesRecording(rt.state, rec);
    recordedNote.hidden = !match;
    if (match) showRecorded(runs, rec);
    features = match ? recordedFeaturesFor(rt.state.digit) : undefined;
    return match;
  }

  const session = createTrainingSession<CnnDepthJob, CnnDepthProgress, CnnDepthResult>(rt, {
    worker: cnnDepthWorker,
    // Most readers' laptops have a GPU: the workers take WebGPU where the browser offers an adapter, else WASM.
    backend: 'gpu' in navigator ? 'webgpu' : 'wasm',
    draw: curves.drawChanged,
    recorded: () => {
      const shown = showRecording();
      drawAll();
      return shown;
    },
    clear: drawAll,
  });

  session.onTrain(async () => {
    const state = rt.state;
    recordedNote.hidden = true;
    session.bar.message('');
    const jobs = jobsFor(state);
    // Live runs replace the recorded ones of their depth; a recorded depth not trained now stays.
    startRuns(runs, jobs, matchesRecording(state, rec));
    const deepest = Math.max(...jobs.map((j) => j.layers));
    features = { layers: deepest, digit: state.digit, recorded: false, nets: {} };
    featureView.draw(features);
    curves.draw();
    let finished = 0;
    delete root.dataset.firstTrainedMs;
    const clicked = performance.now();
    await session.jobs(jobs, {
      progress: {
        kind: 'steps',
        work: (j) => ({ steps: j.steps, cost: j.layers * j.inputSize * j.inputSize }),
        step: (p) => p.step,
        finished: (r) => r.steps,
        head: () => (jobs.length > 2 ? fill(s.runProgress, { i: Math.min(finished + 1, jobs.length), n: jobs.length }) + ' · ' : ''),
      },
      // The panels plot error measurements, the first of the initialised nets (iteration 0): the first plotted point (read by npm run bench).
      hasLoss: (p) => !!p.evaluation,
      onEnd: () => finished++,
      onProgress: (p) => {
        const view = runs.get(runKey(p.arch, p.layers));
        if (!view || !p.evaluation) return;
        // And the first measured after training began (npm run bench reports both).
        if (p.evaluation.step > 0) root.dataset.firstTrainedMs ??= String(Math.round(performance.now() - clicked));
        view.curve.push([p.evaluation.step, p.evaluation.trainError, p.evaluation.testError]);
        curves.pointAdded(p.arch);
      },
      diverged: (r) => (r.diverged ? fill(s.diverged, { arch: s[r.arch], layers: r.layers, step: r.diverged.atStep }) : undefined),
      onResult: (r) => {
        const view = runs.get(runKey(r.arch, r.layers));
        if (!view || r.diverged) return;
        view.curve = r.curve.map((c) => [c.step, c.trainError, c.testError]);
        view.trainError = r.trainError;
        view.testError = r.testError;
        const f = r.features?.[0];
        if (f && r.layers === deepest && features?.layers === deepest) {
          features.nets[r.arch] = { label: f.label, probabilities: f.probabilities, stacks: f.stacks.map((st) => showStack(st)) };
          featureView.draw(features);
        }
        curves.runEnded();
        session.schedule();
      },
    });
    // The session draws the live view once more after the body: make that the whole view.
    curves.runEnded();
  });

  let optimizer = rt.state.optimizer;
  rt.onChange((state, changed) => {
    // Switching optimiser from its usual rate switches the rate too (SGD 0.1, Adam 0.001); a rate the reader chose stays.
    if (changed.includes('optimizer') && !changed.includes('lr') && state.lr === defaultLr[optimizer] && state.optimizer !== optimizer) {
      optimizer = state.optimizer;
      rt.set({ lr: defaultLr[state.optimizer] });
      return;
    }
    optimizer = state.optimizer;
    if (session.running) return;
    if (changed.every((k) => k === 'digit' || k === 'depths')) {
      // Neither changes a run's numbers: the recorded maps of another digit, or nothing to redo.
      if (changed.includes('digit') && matchesRecording(rt.state, rec) && (!features || features.recorded)) {
        features = recordedFeaturesFor(rt.state.digit);
        featureView.draw(features);
      }
      return;
    }
    session.show();
  });

  // Train works at once: once pressed, the live run owns the view, status and maps (not the recording).
  const idle = () => !root.dataset.runState;
  await yieldToMain();
  if (idle() && showRecording()) {
    // The maps are their own chunk, fetched only now that the widget is on screen.
    recordedFeatures = await loadRecordedFeatures();
    if (idle()) features = recordedFeaturesFor(rt.state.digit);
  }
  await inSteps([curves.draw, () => featureView.draw(features)]);
  if (idle()) rt.setStatus('idle');
}
