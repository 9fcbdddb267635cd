/**
 * `cnn-trainer` in the browser: state ↔ controls ↔ link (the shared runtime), training in a worker,
 * and everything drawn from the newest weights — the recorded run's until the reader trains, then
 * the live run's after every half epoch. The digit panel (samples, drawing pad, feature maps,
 * prediction) is `digit-view.ts`; no tfjs is loaded on the page until Train is pressed.
 */
import { createConfusionMatrix } from '../../charts/confusion-matrix';
import { createImageGrid } from '../../charts/image-grid';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { toLocale } from '../../lib/i18n/locales';
import { cnnTrainerStrings } from '../../lib/i18n/widgets/cnn-trainer';
import { fill } from '../../lib/i18n/translate';
import { cnnTrainerSchema } from '../../lib/state/schemas/cnn-trainer';
import type { CnnEvaluation, CnnJob, CnnProgress, CnnResult } from '../../workers/cnn-job';
import { WorkerPool } from '../../workers/worker-pool';
import { createRunBar } from '../shared/run-bar';
import { mountWidget } from '../shared/widget-runtime';
import { colors, createDigitView, type Weights } from './digit-view';
import { cnnWorker, jobFor } from './jobs';
import { loadRecording, splitWeights } from './recording';
import weightsUrl from './recorded-weights.bin?url';
import { bodyRow, f4 } from './table-rows';

export function start(root: HTMLElement) {
  const s = cnnTrainerStrings[toLocale(root.dataset.locale)];
  // Names for the URL notice (the digit radios' own labels are just "0" … "9").
  const names: Record<string, string> = { epochs: s.epochs, batch: s.batch, lr: s.lr, filters1: s.filters1, filters2: s.filters2, seed: s.seed, contrast: s.contrast, digit: s.samples };
  const rt = mountWidget(root, cnnTrainerSchema, { label: (key) => names[key] ?? key });
  const rec = loadRecording();
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;

  // Charts (smaller viewBoxes and fewer tiles per row on a phone, so that text stays readable)
  const narrow = root.clientWidth < 480;
  const accChart = createLineChart(q('[data-chart="accuracy"]'), {
    title: s.accChart,
    xLabel: s.epochAxis,
    yLabel: s.accuracyAxis,
    yDomain: [0, 1],
    width: narrow ? 380 : 460,
    height: 300,
    legend: 'bottom',
  });
  const confusion = createConfusionMatrix(q('[data-chart="confusion"]'), { title: s.confusionChart, trueLabel: s.trueAxis, predictedLabel: s.predictedAxis });
  const filters = createImageGrid(q('[data-chart="filters"]'), { title: s.filtersChart, scale: 'signed', perRow: narrow ? 8 : 16, tileSize: 40 });
  for (const [c, name] of [[accChart, 'accuracy'], [confusion, 'confusion'], [filters, 'filters']] as const) c.svg.dataset.chart = name;
  const digits = createDigitView(root, { strings: s, recording: rec, chosen: () => rt.state.digit, filters: () => [rt.state.filters1, rt.state.filters2], narrow });

  // Elements
  const body = (m: string) => q<HTMLTableSectionElement>(`table[data-metrics="${m}"] tbody`);
  const sourceNote = q<HTMLElement>('[data-source-note]');

  const pool = new WorkerPool<CnnJob, CnnProgress, CnnResult>(cnnWorker, 1);
  const bar = createRunBar(rt, pool, () => void train());
  let model: Weights | undefined;
  let curve: CnnEvaluation[] = rec?.curve ?? [];

  /** True while the curves and the confusion matrix on screen are the recording's. */
  let recordedRun = Boolean(rec);

  function drawCurve() {
    const series = (id: string, label: string, color: string, dash: string, key: keyof CnnEvaluation): LineSeries => ({
      id,
      label,
      color,
      dash,
      markers: true,
      points: curve.filter((e) => e[key] !== undefined).map((e) => [e.epoch, e[key] as number] as [number, number]),
    });
    const all = [series('cnn-test', s['series.cnnTest'], colors.cnn, '', 'test'), series('cnn-train', s['series.cnnTrain'], colors.cnn, '6 3', 'train')];
    if (curve.some((e) => e.logisticTest !== undefined)) {
      all.push(series('lr-test', s['series.lrTest'], colors.lr, '', 'logisticTest'), series('lr-train', s['series.lrTrain'], colors.lr, '6 3', 'logisticTrain'));
    }
    accChart.update(all);
    body('accuracy').replaceChildren(...curve.map((e) => bodyRow([e.epoch, f4(e.train), f4(e.test)], { recorded: recordedRun })));
    body('logistic-accuracy').replaceChildren(
      ...curve.filter((e) => e.logisticTest !== undefined).map((e) => bodyRow([e.epoch, f4(e.logisticTrain), f4(e.logisticTest)], { recorded: recordedRun })),
    );
  }

  function drawConfusion(counts: number[][] | undefined) {
    confusion.update(counts);
    body('confusion').replaceChildren(...(counts ?? []).map((r, i) => bodyRow([i, ...r], { header: true, recorded: recordedRun })));
  }

  function drawFilters() {
    if (!model) return filters.update(undefined);
    const { c1, cnn } = model;
    filters.update({ rows: 3, cols: 3, count: c1, values: cnn.subarray(0, 9 * c1) });
    body('filters').replaceChildren(
      ...Array.from({ length: c1 }, (_, k) => bodyRow([k + 1, ...Array.from({ length: 9 }, (_, i) => f4(cnn[i * c1 + k])), f4(cnn[9 * c1 + k])], { header: true, recorded: model!.epoch === undefined })),
    );
  }

  function showModel(next: Weights | undefined) {
    model = next;
    drawFilters();
    digits.setWeights(next);
  }

  // Live updates arrive from the worker in bursts; they are drawn once per animation frame, so a
  // message handler never does the drawing itself.
  let pendingModel: Weights | undefined;
  let pendingCurve = false;
  let viewFrame = 0;
  function flushView() {
    cancelAnimationFrame(viewFrame);
    viewFrame = 0;
    if (pendingCurve) drawCurve();
    if (pendingModel) showModel(pendingModel);
    pendingCurve = false;
    pendingModel = undefined;
  }
  function scheduleView(curveChanged: boolean) {
    pendingCurve ||= curveChanged;
    viewFrame ||= requestAnimationFrame(flushView);
  }

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

  const train = () => bar.run(async () => {
    const state = rt.state;
    const job = jobFor(state);
    sourceNote.textContent = s.live;
    recordedRun = false;
    curve = [];
    drawCurve();
    drawConfusion(undefined);
    bar.progress(0, s.loadingData);
    const t0 = performance.now();
    let firstStepAt: number | undefined;
    const outcome = await pool.run(job, {
      onReady: (backend, reason) => bar.ready(backend, reason),
      onProgress: (p) => {
        bar.started();
        if (p.step > 0) firstStepAt ??= performance.now();
        const frac = p.step / p.total;
        const epoch = Math.min(job.epochs, Math.floor((p.step * job.epochs) / p.total) + 1);
        bar.progress(frac, fill(s.progress, { e: epoch, n: job.epochs, s: p.step, t: p.total }), firstStepAt);
        if (p.evaluation) curve.push(p.evaluation);
        if (p.weights) pendingModel = { cnn: p.weights, logistic: p.logisticWeights, c1: job.channels1, c2: job.channels2, epoch: p.evaluation?.epoch ?? 0 };
        if (p.evaluation || p.weights) scheduleView(Boolean(p.evaluation));
      },
    });
    flushView();
    if (outcome.kind === 'done') {
      // The last evaluation is at the last step: its weights are already on screen.
      drawConfusion(outcome.result.confusion);
      const r = outcome.result;
      root.dataset.msPerEpoch = String(Math.round(r.msPerEpoch));
      root.dataset.totalMs = String(Math.round(performance.now() - t0));
    }
  });

  rt.onChange((_state, changed) => {
    if (changed.includes('digit')) digits.showSample();
  });

  drawCurve();
  drawConfusion(rec?.confusion);
  digits.draw();
  rt.setStatus('idle');
}
