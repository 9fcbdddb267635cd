/**
 * `cnn-trainer` in the browser: state ↔ controls ↔ link (the shared runtime), training in a worker,
 * and everything drawn from the newest weights — the recorded run's until the reader trains, then
 * the live run's after every half epoch. The digit panel (samples, drawing pad, feature maps,
 * prediction) is `digit-view.ts`; no tfjs is loaded on the page until Train is pressed.
 */
import { toLocale } from '../../lib/i18n/locales';
import { cnnTrainerStrings } from '../../lib/i18n/widgets/cnn-trainer';
import { fill } from '../../lib/i18n/translate';
import { count } from '../../lib/i18n/number-format';
import { cnnTrainerSchema } from '../../lib/state/schemas/cnn-trainer';
import type { CnnEvaluation, CnnJob, CnnProgress, CnnResult } from '../../workers/cnn-job';
import { yieldToMain } from '../shared/lazy-mount';
import { chartEmptyText } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
import { mountWidget } from '../shared/widget-runtime';
import { createDigitView, type Weights } from './digit-view';
import { cnnWorker, jobFor } from './jobs';
import { loadRecording, splitWeights } from './recording';
import weightsUrl from './recorded-weights.bin?url';
import { createRunView } from './run-view';

/** Mounts the widget; yields between building it and drawing its first figures (see lazyMount). */
export async function start(root: HTMLElement) {
  const s = cnnTrainerStrings[toLocale(root.dataset.locale)];
  // Names for the URL notice (the digit radios' own labels are just "0" … "9").
  const names: Record<string, string> = { epochs: s.epochs, batch: s.batch, lr: s.lr, filters1: s.filters1, filters2: s.filters2, seed: s.seed, contrast: s.contrast, digit: s.samples };
  const rt = mountWidget(root, cnnTrainerSchema, { label: (key) => names[key] ?? key });
  const rec = loadRecording();
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;

  const narrow = root.clientWidth < 480;
  const view = createRunView(root, { locale: rt.locale, empty: chartEmptyText(rt) });
  const digits = createDigitView(root, { strings: s, recording: rec, chosen: () => rt.state.digit, filters: () => [rt.state.filters1, rt.state.filters2], narrow, locale: rt.locale });

  const sourceNote = q<HTMLElement>('[data-source-note]');

  let model: Weights | undefined;
  let curve: CnnEvaluation[] = rec?.curve ?? [];

  /** True while the curves and the confusion matrix on screen are the recording's. */
  let recordedRun = Boolean(rec);

  const drawCurve = () => view.curve(curve, recordedRun);
  const drawConfusion = (counts: number[][] | undefined) => view.confusion(counts, recordedRun);

  function showModel(next: Weights | undefined) {
    model = next;
    view.filters(model);
    digits.setWeights(next);
  }

  // Live updates arrive from the worker in bursts; the session draws what changed once per frame.
  let pendingModel: Weights | undefined;
  let pendingCurve = false;
  function drawPending() {
    if (pendingCurve) drawCurve();
    if (pendingModel) showModel(pendingModel);
    pendingCurve = false;
    pendingModel = undefined;
  }
  /** Same training settings as the recording (the digit shown does not count). */
  const trainingKeys = ['epochs', 'batch', 'lr', 'filters1', 'filters2', 'seed', 'contrast'] as const;
  const matchesRecording = () => Boolean(rec) && trainingKeys.every((k) => rec!.state[k] === rt.state[k]);
  /** The curves and the matrix shown are the recording's when it matches, else an empty chart asking for a run (never numbers from other settings). */
  function showRecording(match: boolean) {
    recordedRun = match;
    curve = match ? rec!.curve : [];
    sourceNote.textContent = match ? fill(s.recorded, { ms: rec!.msPerEpoch }) : '';
    drawCurve();
    drawConfusion(match ? rec!.confusion : undefined);
    return match;
  }
  const session = createTrainingSession<CnnJob, CnnProgress, CnnResult>(rt, {
    worker: cnnWorker,
    workers: 1,
    draw: drawPending,
    recorded: () => showRecording(matchesRecording()),
    clear: () => showRecording(false),
  });

  // The recorded weights: one small fetch from this site.
  if (rec) {
    fetch(weightsUrl)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(String(r.status)))))
      .then((buffer) => {
        if (model) return; // a live run already replaced them
        const w = splitWeights(rec, buffer);
        showModel({ cnn: w.cnn, logistic: w.logistic.length ? w.logistic : undefined, c1: Number(rec.state.filters1), c2: Number(rec.state.filters2) });
      })
      .catch(() => showModel(undefined));
  }

  session.onTrain(async () => {
    const job = jobFor(rt.state);
    sourceNote.textContent = s.live;
    recordedRun = false;
    curve = [];
    drawCurve();
    drawConfusion(undefined);
    session.bar.progress(0, s.loadingData);
    const t0 = performance.now();
    let firstStepAt: number | undefined;
    await session.jobs([job], {
      // Loading the digits comes first: the run is "running" from its first step.
      startedOnReady: false,
      progress: { kind: 'own' },
      onProgress: (p) => {
        if (p.step > 0) firstStepAt ??= performance.now();
        const epoch = Math.min(job.epochs, Math.floor((p.step * job.epochs) / p.total) + 1);
        session.bar.progress(p.step / p.total, fill(s.progress, { e: epoch, n: job.epochs, s: count(p.step), t: count(p.total) }), firstStepAt);
        if (p.evaluation) curve.push(p.evaluation);
        if (p.weights) pendingModel = { cnn: p.weights, logistic: p.logisticWeights, c1: job.channels1, c2: job.channels2, epoch: p.evaluation?.epoch ?? 0 };
        pendingCurve ||= Boolean(p.evaluation);
      },
      onResult: (r) => {
        // The last evaluation is at the last step: its weights are already on screen.
        session.flush();
        drawConfusion(r.confusion);
        root.dataset.msPerEpoch = String(Math.round(r.msPerEpoch));
        root.dataset.totalMs = String(Math.round(performance.now() - t0));
      },
    });
  });

  rt.onChange((_state, changed) => {
    if (changed.includes('digit')) digits.showSample();
    if (!session.running && !changed.every((k) => k === 'digit')) session.show();
  });

  await yieldToMain();
  drawCurve();
  drawConfusion(rec?.confusion);
  await yieldToMain();
  digits.draw();
  rt.setStatus('idle');
}
