/**
 * `cnn-depth-lab` in the browser: state ↔ controls ↔ link (the shared runtime), the runs of one
 * press of Train in the training session's two workers (plain and residual of a depth side by
 * side), and the Fig. 6-style panels, the depth chart, the feature maps and the tables behind them.
 *
 * What is on screen is a set of runs keyed by architecture and depth: the recorded ones while
 * the settings are the recorded ones, replaced depth by depth by live runs.
 */
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { palette } from '../../charts/palette';
import { cnnDepthHeadline, cnnDepthLabStrings } from '../../lib/i18n/widgets/cnn-depth-lab';
import { fill } from '../../lib/i18n/translate';
import { percent } from '../../lib/i18n/number-format';
import type { CifarArch } from '../../lib/ml/cifar-net';
import { cnnDepthLabSchema, defaultLr, type CnnDepthLabState } from '../../lib/state/schemas/cnn-depth-lab';
import type { CnnDepthJob, CnnDepthProgress, CnnDepthResult, FeatureStack } from '../../workers/cnn-depth-job';
import { fromBase64 } from '../cnn-trainer/recording';
import { inSteps, yieldToMain } from '../shared/lazy-mount';
import { chartEmptyText } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
import { mountWidget } from '../shared/widget-runtime';
import { mapPixels, showStack, type ShownStack } from './feature-maps';
import { archs, cnnDepthWorker, jobsFor, runKeys } from './jobs';
import { loadRecordedFeatures, loadRecording, type CnnDepthRecording, type RecordedFeatures } from './recording';

/** One run on screen: its curve ([iteration, training error, test error], fractions) and, once finished, its final errors. */
interface RunView {
  arch: CifarArch;
  layers: number;
  steps: number;
  curve: [number, number, number][];
  trainError?: number;
  testError?: number;
  recorded: boolean;
}

/** Feature maps of one digit through one net, ready to draw. */
interface ShownFeatures {
  label: number;
  probabilities: number[];
  stacks: ShownStack[];
}

/** Colours by depth (Okabe & Ito), the same in both panels. */
const depthColor: Record<number, string> = { 8: palette.sky, 14: palette.green, 20: palette.plain, 32: palette.purple, 44: palette.vermillion, 56: palette.residual };

const key = (arch: CifarArch, layers: number) => `${arch}-${layers}`;

/** Same training settings as the recording (every setting that changes a run's numbers). */
function matchesRecording(state: CnnDepthLabState, rec: CnnDepthRecording | undefined): rec is CnnDepthRecording {
  return !!rec && runKeys.every((k) => rec.state[k] === state[k]);
}

export async function start(root: HTMLElement) {
  const rt = mountWidget(root, cnnDepthLabSchema, { format: (_key, value) => String(value) });
  const s = cnnDepthLabStrings[rt.locale];
  const rec = loadRecording();
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const archLabel = (a: CifarArch) => s[a];

  const empty = chartEmptyText(rt);
  const panel = (arch: CifarArch) =>
    createLineChart(q(`[data-chart="${arch}"]`), { title: arch === 'plain' ? s.panelPlain : s.panelResidual, xLabel: s.iterations, yLabel: s.errorAxis, yDomain: [0, 100], height: 300, empty });
  const panels = { plain: panel('plain'), residual: panel('residual') };
  const depthChart = createLineChart(q('[data-chart="depth"]'), { title: s.depthChart, xLabel: s.layersAxis, yLabel: s.errorAxis, yDomain: [0, 100], height: 280, empty });
  for (const [el, name] of [[panels.plain.svg, 'plain'], [panels.residual.svg, 'residual'], [depthChart.svg, 'depth']] as const) el.dataset.chart = name;

  const runsBody = q<HTMLTableSectionElement>('table[data-metrics="runs"] tbody');
  const curveBody = q<HTMLTableSectionElement>('table[data-metrics="curve"] tbody');
  const featuresBody = q<HTMLTableSectionElement>('table[data-metrics="features"] tbody');
  const featuresBox = q<HTMLElement>('[data-features]');
  const featuresNote = q<HTMLElement>('[data-features-note]');
  const recordedNote = q<HTMLElement>('[data-recorded-note]');
  const headline = q<HTMLElement>('[data-headline]');

  const runs = new Map<string, RunView>();
  /** Feature maps on screen: per net, of the deepest pair of the last run (or the recording). */
  let features: { layers: number; digit: number; recorded: boolean; nets: Partial<Record<CifarArch, ShownFeatures>> } | undefined;
  let recordedFeatures: RecordedFeatures | undefined;

  const row = (cells: string[], recorded: boolean) => {
    const tr = document.createElement('tr');
    if (recorded) tr.dataset.recorded = '';
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  };
  const sorted = () => [...runs.values()].sort((a, b) => a.layers - b.layers || a.arch.localeCompare(b.arch));

  /** The panel of one net (the live redraw: a new evaluation changes only its own panel). */
  function drawPanel(arch: CifarArch, list = sorted()) {
    const series: LineSeries[] = list
      .filter((r) => r.arch === arch && r.curve.length)
      .flatMap((r) => [
        { id: `${r.layers}-train`, label: fill(s['series.train'], { layers: r.layers }), color: depthColor[r.layers] ?? palette.plain, strokeWidth: 1, points: r.curve.map(([x, tr]) => [x, 100 * tr] as [number, number]) },
        { id: `${r.layers}-test`, label: fill(s['series.test'], { layers: r.layers }), color: depthColor[r.layers] ?? palette.plain, strokeWidth: 3, points: r.curve.map(([x, , te]) => [x, 100 * te] as [number, number]) },
      ]);
    panels[arch].update(series);
  }

  /** Everything: both panels, the depth chart, the tables and the headline. */
  function drawCurves() {
    const list = sorted();
    for (const arch of archs) drawPanel(arch, list);
    const finished = list.filter((r) => r.trainError !== undefined);
    depthChart.update(
      archs.flatMap((arch): LineSeries[] => {
        const mine = finished.filter((r) => r.arch === arch);
        if (!mine.length) return [];
        const dash = arch === 'plain' ? '6 3' : '';
        return [
          { id: `${arch}-train`, label: fill(s['series.depthTrain'], { arch: archLabel(arch) }), color: palette[arch], dash, strokeWidth: 1, markers: true, points: mine.map((r) => [r.layers, 100 * r.trainError!] as [number, number]) },
          { id: `${arch}-test`, label: fill(s['series.depthTest'], { arch: archLabel(arch) }), color: palette[arch], dash, strokeWidth: 3, markers: true, points: mine.map((r) => [r.layers, 100 * r.testError!] as [number, number]) },
        ];
      }),
    );
    runsBody.replaceChildren(...finished.map((r) => row([r.arch, String(r.layers), String(r.steps), r.trainError!.toFixed(4), r.testError!.toFixed(4)], r.recorded)));
    curveBody.replaceChildren(...list.flatMap((r) => r.curve.map(([step, tr, te]) => row([r.arch, String(r.layers), String(step), tr.toFixed(4), te.toFixed(4)], r.recorded))));
    headline.textContent = cnnDepthHeadline(rt.locale, finished);
  }

  /** Panels with a new point since the last frame; `dirtyAll` when a run finished (tables, depth chart, headline change too). */
  const dirty = new Set<CifarArch>();
  let dirtyAll = false;
  /** The live redraw: while runs stream in, only the panels that changed; the rest is unchanged until a run ends. */
  function drawLive() {
    if (dirtyAll) drawCurves();
    else for (const a of dirty) drawPanel(a);
    dirty.clear();
    dirtyAll = false;
  }

  function drawFeatures() {
    const recorded = !!features?.recorded;
    if (!features || !archs.some((a) => features!.nets[a])) {
      featuresBox.replaceChildren();
      featuresBody.replaceChildren();
      featuresNote.textContent = s.featuresNone;
      return;
    }
    featuresNote.textContent = fill(s.featuresNote, { digit: features.digit, layers: features.layers });
    const figures: HTMLElement[] = [];
    const rows: HTMLTableRowElement[] = [];
    for (const arch of archs) {
      const net = features.nets[arch];
      if (!net) continue;
      const fig = document.createElement('figure');
      const cap = document.createElement('figcaption');
      const best = net.probabilities.indexOf(Math.max(...net.probabilities));
      cap.textContent = fill(s.predicted, { arch: archLabel(arch), label: best, p: percent(net.probabilities[best]!, rt.locale) });
      fig.append(cap);
      net.stacks.forEach((st, i) => {
        const stackName = s[`stack.${i}` as 'stack.0'] ?? `${i}`;
        const canvas = document.createElement('canvas');
        const gap = 1;
        canvas.width = st.shown * (st.size + gap) - gap;
        canvas.height = st.size;
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', fill(s.mapsOf, { arch: archLabel(arch), stack: stackName, size: st.size, shown: st.shown, channels: st.channels }));
        canvas.dataset.stack = String(i);
        canvas.dataset.arch = arch;
        const ctx = canvas.getContext('2d');
        if (ctx)
          for (let c = 0; c < st.shown; c++) ctx.putImageData(new ImageData(mapPixels(st, c), st.size, st.size), c * (st.size + gap), 0);
        fig.append(canvas);
        rows.push(row([arch, String(features!.layers), stackName, String(st.size), String(st.channels), st.mean.toFixed(4), st.active.toFixed(4)], recorded));
      });
      figures.push(fig);
    }
    featuresBox.replaceChildren(...figures);
    featuresBody.replaceChildren(...rows);
  }

  const recordedCache = new Map<number, NonNullable<typeof features>>();
  function recordedFeaturesFor(digit: number) {
    if (!recordedFeatures || !rec) return undefined;
    let f = recordedCache.get(digit);
    if (!f) {
      const nets: Partial<Record<CifarArch, ShownFeatures>> = {};
      for (const arch of archs) {
        const d = recordedFeatures[arch]?.find((x) => x.label === digit);
        if (d) nets[arch] = { label: d.label, probabilities: d.probabilities, stacks: d.stacks.map((st) => ({ size: st.size, channels: st.channels, shown: st.shown, mean: st.mean, active: st.active, bytes: fromBase64(st.bytes) })) };
      }
      f = { layers: rec.featureLayers, digit, recorded: true, nets };
      recordedCache.set(digit, f);
    }
    return f;
  }

  /** Puts the recorded runs (and feature maps) on screen when the settings are the recorded ones; clears everything otherwise. */
  function showRecording(): boolean {
    runs.clear();
    const match = matchesRecording(rt.state, rec);
    recordedNote.hidden = !match;
    if (match) for (const r of rec.runs) runs.set(key(r.arch, r.layers), { ...r, curve: r.curve.map((p) => [...p] as [number, number, number]), recorded: true });
    features = match ? recordedFeaturesFor(rt.state.digit) : undefined;
    return match;
  }

  const session = createTrainingSession<CnnDepthJob, CnnDepthProgress, CnnDepthResult>(rt, {
    worker: cnnDepthWorker,
    // Most readers' laptops have a GPU: the workers take WebGPU where the browser offers an adapter, else WASM.
    backend: 'gpu' in navigator ? 'webgpu' : 'wasm',
    draw: drawLive,
    recorded: () => {
      const shown = showRecording();
      drawCurves();
      drawFeatures();
      return shown;
    },
    clear: () => {
      drawCurves();
      drawFeatures();
    },
  });

  session.onTrain(async () => {
    const state = rt.state;
    recordedNote.hidden = true;
    session.bar.message('');
    const jobs = jobsFor(state);
    // Live runs replace the recorded ones of their depth; a recorded depth not trained now stays.
    if (!matchesRecording(state, rec)) runs.clear();
    for (const r of [...runs.values()]) if (!r.recorded || jobs.some((j) => j.layers === r.layers)) runs.delete(key(r.arch, r.layers));
    for (const j of jobs) runs.set(key(j.arch, j.layers), { arch: j.arch, layers: j.layers, steps: j.steps, curve: [], recorded: false });
    const deepest = Math.max(...jobs.map((j) => j.layers));
    features = { layers: deepest, digit: state.digit, recorded: false, nets: {} };
    drawFeatures();
    drawCurves();
    let finished = 0;
    await session.jobs(jobs, {
      progress: {
        kind: 'steps',
        work: (j) => ({ steps: j.steps, cost: j.layers * j.inputSize * j.inputSize }),
        step: (p) => p.step,
        finished: (r) => r.steps,
        head: () => (jobs.length > 2 ? fill(s.runProgress, { i: Math.min(finished + 1, jobs.length), n: jobs.length }) + ' · ' : ''),
      },
      // The panels plot error measurements: the first one after training began is the "first point" (read by npm run bench).
      hasLoss: (p) => !!p.evaluation && p.evaluation.step > 0,
      onEnd: () => finished++,
      onProgress: (p) => {
        const view = runs.get(key(p.arch, p.layers));
        if (!view || !p.evaluation) return;
        view.curve.push([p.evaluation.step, p.evaluation.trainError, p.evaluation.testError]);
        dirty.add(p.arch);
      },
      diverged: (r) => (r.diverged ? fill(s.diverged, { arch: archLabel(r.arch), layers: r.layers, step: r.diverged.atStep }) : undefined),
      onResult: (r) => {
        const view = runs.get(key(r.arch, r.layers));
        if (!view || r.diverged) return;
        view.curve = r.curve.map((c) => [c.step, c.trainError, c.testError]);
        view.trainError = r.trainError;
        view.testError = r.testError;
        const f = r.features?.[0];
        if (f && r.layers === deepest && features?.layers === deepest) {
          features.nets[r.arch] = { label: f.label, probabilities: f.probabilities, stacks: f.stacks.map((st: FeatureStack) => showStack(st)) };
          drawFeatures();
        }
        dirtyAll = true;
        session.schedule();
      },
    });
    // The session draws the live view once more after the body: make that the whole view.
    dirtyAll = true;
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
        drawFeatures();
      }
      return;
    }
    session.show();
  });

  await yieldToMain();
  if (showRecording()) {
    // The maps are their own chunk, fetched only now that the widget is on screen.
    recordedFeatures = await loadRecordedFeatures();
    features = recordedFeaturesFor(rt.state.digit);
  }
  await inSteps([drawCurves, drawFeatures]);
  // Train may have been pressed while the recorded maps were loading: that run's status stands.
  if (!root.dataset.runState) rt.setStatus('idle');
}
