/**
 * `boundary-lab` in the browser: state ↔ controls ↔ link (the shared runtime), the three learners
 * trained in a session of two workers, wired to their decision maps (updated live from coarse
 * grids), the loss and accuracy curves and the tables (`view.ts`). Before any click it shows the
 * recorded default runs.
 */
import { boundaryLabStrings } from '../../lib/i18n/widgets/boundary-lab';
import { fill } from '../../lib/i18n/translate';
import { boundaryLabSchema } from '../../lib/state/schemas/boundary-lab';
import type { BoundaryJob, BoundaryProgress, BoundaryResult } from '../../workers/boundary-job';
import { inSteps, yieldToMain } from '../shared/lazy-mount';
import { chartEmptyText, endTogether } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
import { mountWidget } from '../shared/widget-runtime';
import { jobsFor, learnerKinds, smooth, type LearnerKind } from './jobs';
import { decodeGrid, loadBoundaryRecording, recordedRuns } from './recording';
import { learnerCells } from './rows';
import { createBoundaryView, emptyCurves } from './view';

/** Mounts the widget; yields between building it and drawing its first figures (see lazyMount). */
export async function start(root: HTMLElement) {
  const rt = mountWidget(root, boundaryLabSchema);
  const s = boundaryLabStrings[rt.locale];
  const rec = loadBoundaryRecording();
  const view = createBoundaryView(root, { locale: rt.locale, empty: chartEmptyText(rt), state: () => rt.state });
  const recordedNote = root.querySelector<HTMLElement>('[data-recorded-note]')!;

  let curves = emptyCurves();
  const drawCurves = () => view.curves(curves);
  function clearView() {
    curves = emptyCurves();
    drawCurves();
    view.learnerRows([], false);
    for (const l of learnerKinds) {
      view.map(l, undefined);
      view.stats(l);
    }
  }

  /** The recorded runs as drawing steps (each learner's map, then the curves and the table), when the settings were recorded. */
  function recordingSteps(): (() => void)[] | undefined {
    const runs = recordedRuns(rt.state, rec);
    recordedNote.hidden = !runs;
    if (!runs) {
      session.bar.message('');
      return undefined;
    }
    clearView();
    return [
      ...runs.map((r) => () => {
        curves.losses[r.learner] = r.lossSeries;
        curves.evals[r.learner] = r.curve;
        view.map(r.learner, { ...r.grid, probabilities: decodeGrid(r.grid.cells, r.grid.classes) });
        view.stats(r.learner, r.finalLoss, r.finalAccuracy, true);
      }),
      () => {
        drawCurves();
        view.learnerRows(learnerKinds.flatMap((l) => runs.filter((r) => r.learner === l)).map((r) => ({ learner: r.learner, cells: learnerCells(r) })), true);
      },
    ];
  }

  const session = createTrainingSession<BoundaryJob, BoundaryProgress, BoundaryResult>(rt, {
    worker: () => new Worker(new URL('../../workers/boundary.worker.ts', import.meta.url), { type: 'module' }),
    draw: drawCurves,
    recorded: () => {
      const steps = recordingSteps();
      steps?.forEach((step) => step());
      return !!steps;
    },
    clear: clearView,
  });

  session.onTrain(async () => {
    recordedNote.hidden = true;
    clearView();
    const ema: Record<LearnerKind, number | undefined> = { raw: undefined, features: undefined, mlp: undefined };
    await session.jobs(jobsFor(rt.state), {
      progress: { kind: 'steps', work: (j) => ({ steps: j.steps }), step: (p) => p.step, finished: (r) => r.steps },
      onProgress: (p) => {
        const l = p.learner;
        let step = p.step - p.losses.length + 1;
        for (const v of p.losses) curves.losses[l].push([step++, (ema[l] = smooth(ema[l], v))]);
        if (p.evaluation) {
          curves.evals[l].push(p.evaluation);
          view.stats(l, p.evaluation.loss, p.evaluation.accuracy);
        }
        if (p.grid) view.map(l, p.grid);
      },
      diverged: (r) => (r.diverged ? fill(s.diverged, { learner: s[`learner.${r.learner}`], step: r.diverged.atStep }) : undefined),
      onResult: (r) => {
        if (r.diverged) return;
        if (r.grid) view.map(r.learner, r.grid);
        view.stats(r.learner, r.finalLoss, r.finalAccuracy, true);
        view.addLearnerRow(r.learner, learnerCells({ ...r, finalLoss: r.finalLoss!, finalAccuracy: r.finalAccuracy! }));
      },
    });
    if (session.stopped) {
      // Stopped: every learner's curves end at the last step all of them reached.
      const { losses, evals } = curves;
      const end = endTogether(learnerKinds.map((l) => losses[l]), (p) => p[0]);
      for (const l of learnerKinds) evals[l] = evals[l].filter((e) => end === undefined || e.step <= end);
      endTogether(learnerKinds.map((l) => evals[l]), (e) => e.step);
    }
  });

  rt.onChange((_, changed) => {
    view.titles();
    if (session.running) return;
    if (changed.every((k) => k === 'learners')) {
      drawCurves();
      view.headline();
    } else session.show();
  });

  view.titles();
  await yieldToMain();
  const steps = recordingSteps();
  if (steps) await inSteps(steps);
  else clearView();
  rt.setStatus('idle');
}
