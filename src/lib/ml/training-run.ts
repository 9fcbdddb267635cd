import type { Diverged, DivergenceReason, LockstepTrainer } from './lockstep-trainer.ts';

/** When a run reads what back. All counts are optimizer steps. */
export interface RunPlan {
  /** Steps to train in total. */
  steps: number;
  /** A progress event (with the mini-batch losses since the last one) every this many steps. Default 10. */
  reportEvery?: number;
  /** Full-set loss and accuracy every this many steps, and always at step 0 and at the end. Default 50. */
  evaluateEvery?: number;
  /** Per-layer gradient norms every this many steps, and always at step 0; 0 = only at step 0. Default 0. */
  gradNormsEvery?: number;
}

/** Full-set metrics at a step, one entry per net: mean cross-entropy (nats) and accuracy in [0, 1]. */
export interface Evaluation {
  step: number;
  loss: number[];
  accuracy: number[];
}

/** What a run reports, in order: one `start`, then `progress` events, then `done` or `diverged`. */
export type RunEvent =
  | { type: 'start'; step: number; evaluation: Evaluation; gradNorms: number[][] }
  | {
      type: 'progress';
      /** Steps done after this chunk. */
      step: number;
      /** Step number of losses[0] (1-based). */
      firstStep: number;
      /** losses[k][i]: net k's mini-batch loss at step firstStep + i (nats). */
      losses: number[][];
      evaluation?: Evaluation;
      /** gradNorms[k][l]: weight-gradient norm of net k's body layer l + 1. */
      gradNorms?: number[][];
    }
  | { type: 'done'; step: number; evaluation: Evaluation }
  | { type: 'diverged'; atStep: number; reason: DivergenceReason; nets: boolean[]; firstStep: number; losses: number[][] };

const nextMultiple = (step: number, every: number) => (every > 0 ? (Math.floor(step / every) + 1) * every : Infinity);

/**
 * Drives a trainer through a plan as a generator: each `next()` trains one chunk and yields one
 * event. The consumer owns the pace, so pausing is not pulling, stopping is `return()` (or just
 * leaving the loop), and the trainer stays the caller's to dispose. Every number in an event is
 * finite: a divergence ends the run with a `diverged` event.
 * @example for (const event of trainingRun(createLockstepTrainer(config), { steps: 400 })) postMessage(event);
 */
export function* trainingRun(trainer: LockstepTrainer, plan: RunPlan): Generator<RunEvent, void, void> {
  const { steps, reportEvery = 10, evaluateEvery = 50, gradNormsEvery = 0 } = plan;
  const checks: [string, number, number][] = [
    ['steps', steps, 0],
    ['reportEvery', reportEvery, 1],
    ['evaluateEvery', evaluateEvery, 1],
    ['gradNormsEvery', gradNormsEvery, 0],
  ];
  for (const [name, value, min] of checks) {
    if (!Number.isInteger(value) || value < min) throw new RangeError(`trainingRun: ${name} must be an integer ≥ ${min}, got ${value}`);
  }
  const start = trainer.stepsDone;
  const diverged = (d: Diverged, firstStep: number, losses: number[][]): RunEvent => ({
    type: 'diverged',
    atStep: d.atStep,
    reason: d.reason,
    nets: d.nets,
    firstStep,
    losses,
  });
  const noLosses = trainer.config.nets.map((): number[] => []);

  const first = trainer.evaluate();
  if (first.kind !== 'ok') return yield diverged(first, start + 1, noLosses);
  const norms = trainer.gradNorms();
  if (norms.kind !== 'ok') return yield diverged(norms, start + 1, noLosses);
  let evaluation: Evaluation = { step: first.step, loss: first.loss, accuracy: first.accuracy };
  yield { type: 'start', step: start, evaluation, gradNorms: norms.norms };

  let done = 0; // steps of this run so far
  while (done < steps) {
    const until = Math.min(nextMultiple(done, reportEvery), nextMultiple(done, evaluateEvery), nextMultiple(done, gradNormsEvery), steps);
    const report = trainer.step(until - done);
    if (report.kind === 'diverged') return yield diverged(report, report.firstStep, report.losses);
    done = until;
    const event: Extract<RunEvent, { type: 'progress' }> = {
      type: 'progress',
      step: report.stepsDone,
      firstStep: report.firstStep,
      losses: report.losses,
    };
    if (done % evaluateEvery === 0 || done === steps) {
      const e = trainer.evaluate();
      if (e.kind !== 'ok') return yield diverged(e, report.firstStep, report.losses);
      evaluation = { step: e.step, loss: e.loss, accuracy: e.accuracy };
      event.evaluation = evaluation;
    }
    if (gradNormsEvery > 0 && done % gradNormsEvery === 0) {
      const g = trainer.gradNorms();
      if (g.kind !== 'ok') return yield diverged(g, report.firstStep, report.losses);
      event.gradNorms = g.norms;
    }
    yield event;
  }
  yield { type: 'done', step: trainer.stepsDone, evaluation };
}
