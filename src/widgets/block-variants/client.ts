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
import { tableRow, writeRows } from '../shared/metrics-table';
import { chartEmptyText } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
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

  let losses = new Map<BlockVariantId, [number, number][]>();
  let evals = new Map<BlockVariantId, VariantScores[]>();
  const chosen = () => blockVariants.map((v) => v.id).filter((id) => rt.state.variants.includes(id));

  /** Two to four variants: at four the other boxes are disabled, at two the ticked ones (a link with a lock keeps its own). */
  function limitChoice() {
    if (rt.options.lock.includes('variants')) return;
    const n = rt.state.variants.length;
    for (const box of boxes) box.disabled = box.checked ? n <= 2 : n >= 4 || session.running;
    maxNote.hidden = n < 4;
  }

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
    writeRows(curveBody, rows.map((r) => r.cells), { recorded });
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
        return run?.final ? [tableRow(runCells({ variant: id, gateBias: state.gateBias, depth: state.depth, steps: run.steps, seed: run.seed, final: run.final }), { recorded: true })] : [];
      }),
    );
    return true;
  }

  const session = createTrainingSession<BlockVariantsJob, BlockVariantsProgress, BlockVariantsResult>(rt, {
    worker: () => new Worker(new URL('../../workers/block-variants.worker.ts', import.meta.url), { type: 'module' }),
    draw: () => {
      drawCurves();
      writeCurveTable(false);
    },
    recorded: showRecording,
    clear: clearView,
  });

  session.onTrain(async () => {
    recordedNote.hidden = true;
    clearView();
    limitChoice();
    const state = rt.state;
    const jobs = jobsFor(state);
    const ema = new Map<BlockVariantId, number>();
    let finished = 0;
    await session.jobs(jobs, {
      progress: { kind: 'steps', work: (j) => ({ steps: j.steps }), step: (p) => p.step, finished: (r) => r.steps, head: () => `${fill(s.progress, { i: Math.min(finished + 1, jobs.length), n: jobs.length })} · ` },
      hasLoss: (p) => p.losses.length > 0,
      onEnd: () => finished++,
      onProgress: (p) => {
        const id = p.variant;
        const series = losses.get(id) ?? [];
        let step = p.step - p.losses.length + 1;
        for (const l of p.losses) {
          const v = smooth(ema.get(id), l);
          ema.set(id, v);
          series.push([step++, v]);
        }
        losses.set(id, series);
        if (p.evaluation) evals.set(id, [...(evals.get(id) ?? []), p.evaluation]);
      },
      diverged: (r) => (r.diverged || !r.final ? fill(s.diverged, { variant: variantName(rt.locale, r.variant), step: r.diverged?.atStep ?? 0 }) : undefined),
      onResult: (r, _i, job) => {
        if (r.final && !r.diverged) runsBody.append(tableRow(runCells({ variant: r.variant, gateBias: job.gateBias, depth: job.depth, steps: r.steps, seed: job.seed, final: r.final })));
      },
    });
    limitChoice();
  });

  rt.onChange((_, changed) => {
    limitChoice();
    if (session.running) return;
    if (!showRecording()) {
      // Choosing variants keeps the runs already drawn; any other setting makes them stale.
      if (changed.every((k) => k === 'variants')) drawCurves();
      else clearView();
    }
  });

  limitChoice();
  session.show();
  rt.setStatus('idle');
}
