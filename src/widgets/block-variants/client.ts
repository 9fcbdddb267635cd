/**
 * `block-variants` in the browser: state ↔ controls ↔ link (the shared runtime), one worker job
 * per chosen variant in a pool of two workers, the loss and test-accuracy curves and the tables.
 * With the recorded settings it shows the recorded runs (any choice of variants) before any click.
 */
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { palette } from '../../charts/palette';
import { blockVariantsStrings, variantName } from '../../lib/i18n/widgets/block-variants';
import { fill } from '../../lib/i18n/translate';
import { blockVariants, type BlockVariantId } from '../../lib/ml/block-variants';
import { chanceLoss, datasetClasses } from '../../lib/ml/datasets';
import { blockVariantsSchema } from '../../lib/state/schemas/block-variants';
import type { BlockVariantsJob, BlockVariantsProgress, BlockVariantsResult, VariantScores } from '../../workers/block-variants-job';
import { WorkerPool } from '../../workers/worker-pool';
import { chartEmptyText, createRunBar } from '../shared/run-bar';
import { mountWidget } from '../shared/widget-runtime';
import { configKey, configOf, jobsFor, smooth } from './jobs';
import { loadRecording, matchesRecording } from './recording';
import { curveCells, runCells } from './rows';

/** Colours and dashes by position among the chosen variants (at most four). */
const colors = [palette.residual, palette.vermillion, palette.green, palette.purple];
const dashes = ['', '6 3', '2 3', '8 3 2 3'];

export function start(root: HTMLElement) {
  const rt = mountWidget(root, blockVariantsSchema);
  const s = blockVariantsStrings[rt.locale];
  const rec = loadRecording();
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;

  // Line charts lay themselves out for their box's width; while empty they say what to do.
  const empty = chartEmptyText(rt);
  const lossChart = createLineChart(q('[data-chart="loss"]'), { title: s.lossChart, xLabel: s.step, yLabel: s.loss, yScale: 'log', height: 260, empty });
  const accChart = createLineChart(q('[data-chart="accuracy"]'), { title: s.accChart, xLabel: s.step, yLabel: s.accuracy, yDomain: [0, 1], height: 240, empty });
  lossChart.svg.dataset.chart = 'loss';
  accChart.svg.dataset.chart = 'accuracy';
  const runsBody = q<HTMLTableSectionElement>('table[data-metrics="runs"] tbody');
  const curveBody = q<HTMLTableSectionElement>('table[data-metrics="curve"] tbody');
  const recordedNote = q<HTMLElement>('[data-recorded-note]');
  const maxNote = q<HTMLElement>('[data-max-note]');
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[data-field="variants"]')];

  const pool = new WorkerPool<BlockVariantsJob, BlockVariantsProgress, BlockVariantsResult>(
    () => new Worker(new URL('../../workers/block-variants.worker.ts', import.meta.url), { type: 'module' }),
    2,
  );
  const bar = createRunBar(rt, pool, () => void train());

  let losses = new Map<BlockVariantId, [number, number][]>();
  let evals = new Map<BlockVariantId, VariantScores[]>();
  const chosen = () => blockVariants.map((v) => v.id).filter((id) => rt.state.variants.includes(id));

  /** Two to four variants: at four the other boxes are disabled, at two the ticked ones (a link with a lock keeps its own). */
  function limitChoice() {
    if (rt.options.lock.includes('variants')) return;
    const n = rt.state.variants.length;
    for (const box of boxes) box.disabled = box.checked ? n <= 2 : n >= 4 || bar.running;
    maxNote.hidden = n < 4;
  }

  const row = (cells: string[], recorded: boolean) => {
    const tr = document.createElement('tr');
    if (recorded) tr.dataset.recorded = '';
    for (const c of cells) tr.insertCell().textContent = c;
    return tr;
  };

  function drawCurves() {
    const ids = chosen();
    const series = (points: [number, number][], id: BlockVariantId, i: number, markers = false): LineSeries => ({
      id,
      label: variantName(rt.locale, id),
      color: colors[i % colors.length]!,
      dash: dashes[i % dashes.length],
      points,
      markers,
    });
    const chance = { id: 'chance', label: s.chance, color: 'currentColor', dash: '1 3' };
    const anyLoss = ids.some((id) => losses.get(id)?.length);
    lossChart.update([
      ...ids.map((id, i) => series(losses.get(id) ?? [], id, i)),
      { ...chance, points: anyLoss ? [[0, chanceLoss(rt.state.dataset)], [rt.state.steps, chanceLoss(rt.state.dataset)]] : [] },
    ]);
    const anyEval = ids.some((id) => evals.get(id)?.length);
    accChart.update([
      ...ids.map((id, i) => series((evals.get(id) ?? []).map((e) => [e.step, e.testAccuracy] as [number, number]), id, i, true)),
      { ...chance, points: anyEval ? [[0, 1 / datasetClasses(rt.state.dataset)], [rt.state.steps, 1 / datasetClasses(rt.state.dataset)]] : [] },
    ]);
  }

  function writeCurveTable(recorded: boolean) {
    const rows = chosen().flatMap((id) => (evals.get(id) ?? []).map((e) => ({ step: e.step, cells: curveCells(id, e) })));
    rows.sort((a, b) => a.step - b.step);
    curveBody.replaceChildren(...rows.map((r) => row(r.cells, recorded)));
  }

  /** Clears the curves; the runs table keeps the reader's finished runs (a log across presses of Train) and drops recorded rows. */
  function clearView() {
    losses = new Map();
    evals = new Map();
    drawCurves();
    writeCurveTable(false);
    runsBody.querySelectorAll('tr[data-recorded]').forEach((r) => r.remove());
  }

  /** The recorded runs of the chosen variants, when every one of them was recorded with these settings. */
  function showRecording(): boolean {
    const state = rt.state;
    const configs = chosen().map((id) => ({ id, config: configOf(id, state.gateBias) }));
    const curves = configs.map(({ id, config }) => ({ id, curve: config && rec?.curves.find((c) => configKey(c) === configKey(config)) }));
    const ok = matchesRecording(state, rec) && curves.every((c) => c.curve);
    recordedNote.hidden = !ok;
    if (!ok || !rec) return false;
    losses = new Map(curves.map(({ id, curve }) => [id, curve!.losses]));
    evals = new Map(curves.map(({ id, curve }) => [id, curve!.evals]));
    drawCurves();
    writeCurveTable(true);
    runsBody.querySelectorAll('tr[data-recorded]').forEach((r) => r.remove());
    runsBody.prepend(
      ...configs.flatMap(({ id, config }) => {
        const run = rec.runs.find((r) => configKey(r) === configKey(config!) && r.seed === state.seed);
        return run?.final ? [row(runCells({ variant: id, gateBias: state.gateBias, depth: state.depth, steps: run.steps, seed: run.seed, final: run.final }), true)] : [];
      }),
    );
    return true;
  }

  let frame = 0;
  /** performance.now() at the last press of Train, until the first loss is on screen (for npm run bench). */
  let firstLossSince: number | undefined;
  const scheduleDraw = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      drawCurves();
      writeCurveTable(false);
      if (firstLossSince !== undefined && [...losses.values()].some((l) => l.length)) {
        root.dataset.firstLossMs = String(Math.round(performance.now() - firstLossSince));
        firstLossSince = undefined;
      }
    });
  };

  const train = () =>
    bar.run(async () => {
      recordedNote.hidden = true;
      bar.message('');
      clearView();
      limitChoice();
      const state = rt.state;
      const jobs = jobsFor(state);
      const total = jobs.reduce((n, j) => n + j.steps, 0);
      const done = new Map<BlockVariantId, number>();
      const ema = new Map<BlockVariantId, number>();
      let finished = 0;
      const t0 = performance.now();
      firstLossSince = t0;
      delete root.dataset.firstLossMs;
      const updateProgress = () => {
        const sum = [...done.values()].reduce((a, b) => a + b, 0);
        const head = fill(s.progress, { i: Math.min(finished + 1, jobs.length), n: jobs.length });
        bar.progress(total ? sum / total : 0, `${head} · ${sum} / ${total}`, t0);
      };
      updateProgress();
      const diverged: string[] = [];
      await Promise.all(
        jobs.map((job) =>
          pool
            .run(job, {
              onReady: (backend, reason) => {
                bar.ready(backend, reason);
                bar.started();
              },
              onProgress: (p) => {
                const id = p.variant;
                done.set(id, p.step);
                const series = losses.get(id) ?? [];
                let step = p.step - p.losses.length + 1;
                for (const l of p.losses) {
                  const v = smooth(ema.get(id), l);
                  ema.set(id, v);
                  series.push([step++, v]);
                }
                losses.set(id, series);
                if (p.evaluation) evals.set(id, [...(evals.get(id) ?? []), p.evaluation]);
                scheduleDraw();
                updateProgress();
              },
            })
            .then((outcome) => {
              finished++;
              if (outcome.kind !== 'done') return;
              const r = outcome.result;
              done.set(r.variant, r.steps);
              updateProgress();
              if (r.diverged || !r.final) {
                diverged.push(fill(s.diverged, { variant: variantName(rt.locale, r.variant), step: r.diverged?.atStep ?? 0 }));
                bar.message(diverged.join(' '));
                return;
              }
              runsBody.append(row(runCells({ variant: r.variant, gateBias: job.gateBias, depth: job.depth, steps: r.steps, seed: job.seed, final: r.final }), false));
            }),
        ),
      );
      drawCurves();
      writeCurveTable(false);
      if (diverged.length) root.dataset.diverged = '';
      else delete root.dataset.diverged;
      limitChoice();
    });

  rt.onChange((_, changed) => {
    limitChoice();
    if (bar.running) return;
    if (!showRecording()) {
      // Choosing variants keeps the runs already drawn; any other setting makes them stale.
      if (changed.every((k) => k === 'variants')) drawCurves();
      else clearView();
    }
  });

  limitChoice();
  if (!showRecording()) clearView();
  rt.setStatus('idle');
}
