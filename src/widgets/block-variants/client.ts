/**
 * `block-variants` in the browser: state ↔ controls ↔ link (the shared runtime), one worker job
 * per chosen variant in a pool of two workers, the loss and test-accuracy curves and the tables.
 * With the recorded settings it shows the recorded runs (any choice of variants) before any click.
 */
import { blockVariantsStrings, variantName } from '../../lib/i18n/widgets/block-variants';
import { fill } from '../../lib/i18n/translate';
import { blockVariants, type BlockVariantId } from '../../lib/ml/block-variants';
import { blockVariantsSchema } from '../../lib/state/schemas/block-variants';
import type { BlockVariantsJob, BlockVariantsProgress, BlockVariantsResult } from '../../workers/block-variants-job';
import { chartEmptyText } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
import { mountWidget } from '../shared/widget-runtime';
import { jobsFor, smooth } from './jobs';
import { loadRecording, recordedChoice } from './recording';
import { runCells } from './rows';
import { createVariantsView, type Curves } from './view';

export function start(root: HTMLElement) {
  const rt = mountWidget(root, blockVariantsSchema);
  const s = blockVariantsStrings[rt.locale];
  const rec = loadRecording();
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;

  const view = createVariantsView(root, { locale: rt.locale, empty: chartEmptyText(rt) });
  const recordedNote = q<HTMLElement>('[data-recorded-note]');
  const maxNote = q<HTMLElement>('[data-max-note]');
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[data-field="variants"]')];

  let curves: Curves = { losses: new Map(), evals: new Map() };
  const chosen = () => blockVariants.map((v) => v.id).filter((id) => rt.state.variants.includes(id));
  const drawCurves = () => view.drawCurves(chosen(), curves, rt.state);

  /** Two to four variants: at four the other boxes are disabled, at two the ticked ones (a link with a lock keeps its own). */
  function limitChoice() {
    if (rt.options.lock.includes('variants')) return;
    const n = rt.state.variants.length;
    for (const box of boxes) box.disabled = box.checked ? n <= 2 : n >= 4 || session.running;
    maxNote.hidden = n < 4;
  }

  /** Clears the curves; the runs table keeps the reader's finished runs (a log across presses of Train) and drops recorded rows. */
  function clearView() {
    curves = { losses: new Map(), evals: new Map() };
    drawCurves();
    view.writeCurveTable(chosen(), curves.evals, false);
    view.showRecordedRuns([]);
  }

  /** The recorded runs of the chosen variants, when every one of them was recorded with these settings. */
  function showRecording(): boolean {
    const state = rt.state;
    const choice = recordedChoice(rec, state, chosen());
    recordedNote.hidden = !choice;
    if (!choice) return false;
    curves = { losses: new Map(choice.curves.map(({ id, curve }) => [id, curve.losses])), evals: new Map(choice.curves.map(({ id, curve }) => [id, curve.evals])) };
    drawCurves();
    view.writeCurveTable(chosen(), curves.evals, true);
    view.showRecordedRuns(choice.runs.map(({ id, run }) => runCells({ variant: id, gateBias: state.gateBias, depth: state.depth, steps: run.steps, seed: run.seed, final: run.final })));
    return true;
  }

  const session = createTrainingSession<BlockVariantsJob, BlockVariantsProgress, BlockVariantsResult>(rt, {
    worker: () => new Worker(new URL('../../workers/block-variants.worker.ts', import.meta.url), { type: 'module' }),
    draw: () => {
      drawCurves();
      view.writeCurveTable(chosen(), curves.evals, false);
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
        const series = curves.losses.get(id) ?? [];
        let step = p.step - p.losses.length + 1;
        for (const l of p.losses) {
          const v = smooth(ema.get(id), l);
          ema.set(id, v);
          series.push([step++, v]);
        }
        curves.losses.set(id, series);
        if (p.evaluation) curves.evals.set(id, [...(curves.evals.get(id) ?? []), p.evaluation]);
      },
      diverged: (r) => (r.diverged || !r.final ? fill(s.diverged, { variant: variantName(rt.locale, r.variant), step: r.diverged?.atStep ?? 0 }) : undefined),
      onResult: (r, _i, job) => {
        if (r.final && !r.diverged) view.addRun(runCells({ variant: r.variant, gateBias: job.gateBias, depth: job.depth, steps: r.steps, seed: job.seed, final: r.final }));
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
