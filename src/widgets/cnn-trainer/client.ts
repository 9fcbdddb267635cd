/**
 * `cnn-trainer` in the browser: state ↔ controls ↔ link (the shared runtime), training in a worker,
 * and everything drawn from the newest weights — the recorded run's until the reader trains, then
 * the live run's after every half epoch. Classifying a digit and computing its feature maps is a
 * plain-array forward pass on the main thread (tiny-cnn-reference.ts, under a millisecond), so a
 * drawn digit is answered at once and no tfjs is loaded until Train is pressed.
 */
import { createClassBars, type ClassBarsSeries } from '../../charts/class-bars';
import { createConfusionMatrix } from '../../charts/confusion-matrix';
import { createImageGrid } from '../../charts/image-grid';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { palette } from '../../charts/palette';
import { toLocale } from '../../lib/i18n/locales';
import { cnnTrainerStrings } from '../../lib/i18n/widgets/cnn-trainer';
import { fill } from '../../lib/i18n/widgets/degradation-lab';
import { centerDigit } from '../../lib/ml/digit-preprocess';
import { softmaxRegressionProbabilities, tinyCnnTrace } from '../../lib/ml/tiny-cnn-reference';
import { cnnTrainerSchema } from '../../lib/state/schemas/cnn-trainer';
import type { CnnEvaluation, CnnJob, CnnProgress, CnnResult } from '../../workers/cnn-job';
import { WorkerCrashed, WorkerPool } from '../../workers/worker-pool';
import { mountWidget } from '../shared/widget-runtime';
import { createDrawPad } from './draw-pad';
import { cnnWorker, jobFor } from './jobs';
import { loadRecording, sampleDigit, splitWeights } from './recording';
import weightsUrl from './recorded-weights.bin?url';

/** The weights everything on screen is computed from. */
interface Model {
  cnn: Float32Array;
  logistic?: Float32Array;
  c1: number;
  c2: number;
  /** Epochs trained (live runs), or undefined for the recording. */
  epoch?: number;
}

const colors = { cnn: palette.green, lr: palette.vermillion } as const;

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
  const probs = createClassBars(q('[data-chart="probabilities"]'), { title: s.probChart, xLabel: s.classAxis, yLabel: s.probabilityAxis, width: 320, height: 170 });
  const inputView = createImageGrid(q('[data-chart="input"]'), { title: s.seenAs, scale: 'activation', tileSize: 84 });
  const filters = createImageGrid(q('[data-chart="filters"]'), { title: s.filtersChart, scale: 'signed', perRow: narrow ? 8 : 16, tileSize: 40 });
  const maps1 = createImageGrid(q('[data-chart="maps1"]'), { title: s.mapsChart1, scale: 'activation', perRow: narrow ? 4 : 8, tileSize: 56 });
  const maps2 = createImageGrid(q('[data-chart="maps2"]'), { title: s.mapsChart2, scale: 'activation', perRow: narrow ? 4 : 8, tileSize: 56 });
  const named = [[accChart, 'accuracy'], [confusion, 'confusion'], [probs, 'probabilities'], [inputView, 'input'], [filters, 'filters'], [maps1, 'maps-conv1'], [maps2, 'maps-conv2']] as const;
  for (const [c, name] of named) c.svg.dataset.chart = name;

  // Elements
  const body = (m: string) => q<HTMLTableSectionElement>(`table[data-metrics="${m}"] tbody`);
  const trainBtn = q<HTMLButtonElement>('[data-run="train"]');
  const pauseBtn = q<HTMLButtonElement>('[data-run="pause"]');
  const stopBtn = q<HTMLButtonElement>('[data-run="stop"]');
  const restartBtn = q<HTMLButtonElement>('[data-run="restart"]');
  const progressEl = q<HTMLProgressElement>('[data-progress]');
  const progressText = q<HTMLElement>('[data-progress-text]');
  const backendEl = q<HTMLElement>('[data-backend]');
  const message = q<HTMLElement>('[data-message]');
  const sourceNote = q<HTMLElement>('[data-source-note]');
  const weightsSource = q<HTMLElement>('[data-weights-source]');
  const cnnOut = q<HTMLOutputElement>('output[data-prediction="cnn"]');
  const lrOut = q<HTMLOutputElement>('output[data-prediction="logistic"]');
  const drawnChoice = q<HTMLInputElement>('[data-drawn-choice]');

  const pool = new WorkerPool<CnnJob, CnnProgress, CnnResult>(cnnWorker, 1);
  let model: Model | undefined;
  let curve: CnnEvaluation[] = rec?.curve ?? [];
  let source: 'sample' | 'drawn' = 'sample';
  let running = false;
  let paused = false;

  /** True while the curves and the confusion matrix on screen are the recording's. */
  let recordedRun = Boolean(rec);
  /** A body row; `recorded` marks numbers from the recording (classroom tasks skip those rows). */
  const row = (cells: (string | number)[], header = false, recorded = false) => {
    const tr = document.createElement('tr');
    if (recorded) tr.dataset.recorded = '';
    cells.forEach((c, i) => {
      const cell = document.createElement(header && i === 0 ? 'th' : 'td');
      if (header && i === 0) cell.setAttribute('scope', 'row');
      cell.textContent = String(c);
      tr.append(cell);
    });
    return tr;
  };
  const f4 = (v: number | undefined) => (v === undefined ? '' : v.toFixed(4));
  const showMessage = (text: string) => {
    message.textContent = text;
    message.hidden = !text;
  };

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
    body('accuracy').replaceChildren(...curve.map((e) => row([e.epoch, f4(e.train), f4(e.test)], false, recordedRun)));
    body('logistic-accuracy').replaceChildren(
      ...curve.filter((e) => e.logisticTest !== undefined).map((e) => row([e.epoch, f4(e.logisticTrain), f4(e.logisticTest)], false, recordedRun)),
    );
  }

  function drawConfusion(counts: number[][] | undefined) {
    confusion.update(counts);
    body('confusion').replaceChildren(...(counts ?? []).map((r, i) => row([i, ...r], true, recordedRun)));
  }

  function drawFilters() {
    if (!model) return filters.update(undefined);
    const { c1, cnn } = model;
    filters.update({ rows: 3, cols: 3, count: c1, values: cnn.subarray(0, 9 * c1) });
    body('filters').replaceChildren(
      ...Array.from({ length: c1 }, (_, k) => row([k + 1, ...Array.from({ length: 9 }, (_, i) => f4(cnn[i * c1 + k])), f4(cnn[9 * c1 + k])], true, model!.epoch === undefined)),
    );
  }

  /** The digit shown: a sample test digit as it is, or the drawing scaled and centred like MNIST. */
  function currentDigit(): Float32Array | undefined {
    if (source === 'drawn') {
      const centred = centerDigit(drawPad.pixels);
      return centred.some((v) => v > 0) ? centred : undefined;
    }
    return rec ? sampleDigit(rec, rt.state.digit) : undefined;
  }

  function drawDigit() {
    const image = currentDigit();
    inputView.update(image ? { rows: 28, cols: 28, count: 1, values: image, labels: [''] } : undefined);
    q<HTMLElement>('[data-maps-title="1"]').textContent = fill(s.conv1Maps, { n: model?.c1 ?? rt.state.filters1 });
    q<HTMLElement>('[data-maps-title="2"]').textContent = fill(s.conv2Maps, { n: model?.c2 ?? rt.state.filters2 });
    weightsSource.textContent = `(${model?.epoch === undefined ? s.weightsRecorded : fill(s.weightsLive, { e: model.epoch })})`;
    if (!image || !model) {
      for (const c of [maps1, maps2]) c.update(undefined);
      probs.update([]);
      cnnOut.textContent = source === 'drawn' ? s.emptyPad : '';
      lrOut.textContent = '';
      delete cnnOut.dataset.class;
      delete lrOut.dataset.class;
      body('prediction').replaceChildren();
      return;
    }
    const trace = tinyCnnTrace(model.cnn, image, model.c1, model.c2);
    maps1.update({ rows: 28, cols: 28, count: model.c1, values: trace.conv1 });
    maps2.update({ rows: 14, cols: 14, count: model.c2, values: trace.conv2 });
    const lr = model.logistic ? softmaxRegressionProbabilities(model.logistic, image) : undefined;
    const verdict = (p: Float64Array) => {
      const d = p.indexOf(Math.max(...p));
      return { d, p: Math.round(100 * p[d]!) };
    };
    const v = verdict(trace.probabilities);
    cnnOut.textContent = `${fill(s.cnnSays, { d: v.d })} · ${fill(s.sure, { p: v.p })}`;
    cnnOut.dataset.class = String(v.d);
    if (lr) {
      const w = verdict(lr);
      lrOut.textContent = `${fill(s.lrSays, { d: w.d })} · ${fill(s.sure, { p: w.p })}`;
      lrOut.dataset.class = String(w.d);
    } else {
      lrOut.textContent = '';
      delete lrOut.dataset.class;
    }
    const series: ClassBarsSeries[] = [{ id: 'cnn', label: s['series.cnn'], color: colors.cnn, values: trace.probabilities }];
    if (lr) series.push({ id: 'lr', label: s['series.lr'], color: colors.lr, values: lr });
    probs.update(series);
    body('prediction').replaceChildren(...Array.from({ length: 10 }, (_, c) => row([c, f4(trace.probabilities[c]), lr ? f4(lr[c]) : ''], true)));
  }

  // Digit drawing is redrawn at most once per frame.
  let frame = 0;
  const scheduleDigit = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      drawDigit();
    });
  };

  const drawPad = createDrawPad(q<HTMLCanvasElement>('[data-pad]'), () => {
    source = 'drawn';
    drawnChoice.checked = true;
    scheduleDigit();
  });
  q<HTMLButtonElement>('[data-pad-clear]').addEventListener('click', () => drawPad.clear());
  root.addEventListener('change', (e) => {
    const el = e.target as HTMLInputElement;
    if (el.name !== 'ct-digit') return;
    source = el.hasAttribute('data-drawn-choice') ? 'drawn' : 'sample';
    scheduleDigit();
  });

  // Sample thumbnails.
  if (rec) {
    for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-sample]')) {
      const pixels = sampleDigit(rec, Number(canvas.dataset.sample));
      const ctx = canvas.getContext('2d')!;
      const image = ctx.createImageData(28, 28);
      pixels.forEach((v, i) => {
        const g = Math.round(255 * (1 - v));
        image.data.set([g, g, g, 255], i * 4);
      });
      ctx.putImageData(image, 0, 0);
    }
  }

  function showModel(next: Model | undefined) {
    model = next;
    drawFilters();
    drawDigit();
  }

  // Live updates arrive from the worker in bursts; they are drawn once per animation frame, so a
  // message handler never does the drawing itself.
  let pendingModel: Model | undefined;
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

  function setRunning(on: boolean) {
    running = on;
    paused = false;
    trainBtn.disabled = on;
    pauseBtn.disabled = !on;
    stopBtn.disabled = !on;
    pauseBtn.textContent = rt.t('widget.pause');
    delete root.dataset.paused;
  }

  async function train() {
    if (running) return;
    const state = rt.state;
    const job = jobFor(state);
    showMessage('');
    restartBtn.hidden = true;
    sourceNote.textContent = s.live;
    recordedRun = false;
    curve = [];
    drawCurve();
    drawConfusion(undefined);
    setRunning(true);
    rt.setStatus('loading');
    progressEl.value = 0;
    progressText.textContent = s.loadingData;
    const t0 = performance.now();
    let firstStepAt: number | undefined;
    try {
      const outcome = await pool.run(job, {
        onReady: (backend, reason) => {
          backendEl.textContent = backend === 'wasm' ? 'WASM (SIMD)' : 'CPU';
          root.dataset.backend = backend;
          if (reason) showMessage(fill(s.fallback, { msg: reason }));
        },
        onProgress: (p) => {
          if (root.dataset.status === 'loading') rt.setStatus('running');
          if (p.step > 0) firstStepAt ??= performance.now();
          const frac = p.step / p.total;
          progressEl.value = frac;
          const epoch = Math.min(job.epochs, Math.floor((p.step * job.epochs) / p.total) + 1);
          let text = fill(s.progress, { e: epoch, n: job.epochs, s: p.step, t: p.total });
          if (firstStepAt !== undefined && frac > 0.03) {
            const elapsed = (performance.now() - firstStepAt) / 1000;
            text += ` · ${fill(s.eta, { s: Math.max(0, Math.round((elapsed / frac) * (1 - frac))) })}`;
          }
          progressText.textContent = text;
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
      rt.setStatus('done');
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (err instanceof WorkerCrashed) {
        showMessage(fill(s.crashed, { msg }));
        restartBtn.hidden = false;
      } else showMessage(fill(s.failed, { msg }));
      rt.setStatus('error');
    } finally {
      setRunning(false);
    }
  }

  trainBtn.addEventListener('click', () => void train());
  pauseBtn.addEventListener('click', () => {
    if (!running) return;
    paused = !paused;
    if (paused) pool.pause();
    else pool.resume();
    pauseBtn.textContent = rt.t(paused ? 'widget.resume' : 'widget.pause');
    root.dataset.paused = paused ? 'true' : 'false';
  });
  stopBtn.addEventListener('click', () => pool.stop());
  restartBtn.addEventListener('click', () => {
    pool.restart();
    restartBtn.hidden = true;
    showMessage('');
    rt.setStatus('idle');
  });

  rt.onChange((_state, changed) => {
    if (changed.includes('digit')) {
      source = 'sample';
      scheduleDigit();
    }
  });

  drawCurve();
  drawConfusion(rec?.confusion);
  drawDigit();
  rt.setStatus('idle');
}
