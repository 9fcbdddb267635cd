import type { Diverged, DivergenceReason, Learner } from './learner.ts';
import { isDiverged } from './learner.ts';

/** When a run reads what back. All counts are optimizer steps of this run (0 = where it began). */
export interface RunPlan {
  /** Steps to train in total (≥ 0). */
  steps: number;
  /** A progress event (with the mini-batch losses since the last one) every this many steps. Default 10. */
  reportEvery?: number;
  /**
   * Steps in the first chunk, so a curve appears at once before the regular chunks. Default
   * `reportEvery`. Later reports fall on multiples of `reportEvery` again.
   */
  firstReport?: number;
  /** Evaluate every this many steps (0 = never in between). Default 50. */
  evaluateEvery?: number;
  /** More steps to evaluate at (e.g. fractional epochs), besides `evaluateEvery`. */
  evaluateAt?: readonly number[];
  /** Evaluate before the first step and report it in the `start` event. Default true. */
  evaluateAtStart?: boolean;
  /** Evaluate after the last step and report it in `done`. Default true. */
  evaluateAtEnd?: boolean;
}

/**
 * What a run reports, in order: one `start`, then `progress` events, then `done` or `diverged`.
 * `E` is the learner's evaluation record. Every number in an event is finite.
 */
export type RunEvent<E> =
  | { type: 'start'; step: number; evaluation?: E }
  | {
      type: 'progress';
      /** Steps done after this chunk (the learner's count). */
      step: number;
      /** Step number of losses[k][0] (1-based). */
      firstStep: number;
      /** losses[k][i]: lane k's mini-batch loss at step firstStep + i (nats). */
      losses: number[][];
      evaluation?: E;
    }
  | {
      type: 'done';
      step: number;
      /** The evaluation after the last step (absent when `evaluateAtEnd` is false). */
      evaluation?: E;
      /** Milliseconds spent in `learner.step` (training compute, read-backs included; evaluation excluded). */
      trainMs: number;
    }
  | {
      type: 'diverged';
      atStep: number;
      reason: DivergenceReason;
      /** Which lanes went bad. */
      nets: boolean[];
      /** The finite losses of the chunk that diverged (may be empty). */
      firstStep: number;
      losses: number[][];
    };

const nextMultiple = (step: number, every: number) => (every > 0 ? (Math.floor(step / every) + 1) * every : Infinity);
const defaultNow = () => (globalThis.performance ?? Date).now();

/** Checks a plan's numbers; throws a RangeError naming the bad one. */
export function validatePlan(plan: RunPlan): void {
  const { steps, reportEvery = 10, firstReport = reportEvery, evaluateEvery = 50, evaluateAt = [] } = plan;
  const checks: [string, number, number][] = [
    ['steps', steps, 0],
    ['reportEvery', reportEvery, 1],
    ['firstReport', firstReport, 1],
    ['evaluateEvery', evaluateEvery, 0],
    ...evaluateAt.map((s, i): [string, number, number] => [`evaluateAt[${i}]`, s, 0]),
  ];
  for (const [name, value, min] of checks) {
    if (!Number.isInteger(value) || value < min) throw new RangeError(`trainingRun: ${name} must be an integer ≥ ${min}, got ${value}`);
  }
}

/**
 * The one training loop, as a generator: each `next()` trains one chunk and yields one event. The
 * consumer owns the pace, so pausing is not pulling, stopping is `return()` (or leaving the loop),
 * and the learner stays the caller's to dispose. A chunk ends at the next report step or
 * evaluation step, whichever comes first. A divergence ends the run with a `diverged` event.
 * @example
 * for (const event of trainingRun(learner, { steps: 400, evaluateEvery: 50 })) postMessage(event);
 * @param now clock in ms (injectable for tests)
 */
export function* trainingRun<E>(learner: Learner<E>, plan: RunPlan, now: () => number = defaultNow): Generator<RunEvent<E>, void, void> {
  validatePlan(plan);
  const { steps, reportEvery = 10, firstReport = reportEvery, evaluateEvery = 50, evaluateAtStart = true, evaluateAtEnd = true } = plan;
  const extra = [...new Set(plan.evaluateAt ?? [])].filter((s) => s > 0 && s <= steps).sort((a, b) => a - b);
  const start = learner.stepsDone;
  const noLosses = (): number[][] => Array.from({ length: learner.lanes }, () => []);
  const diverged = (d: Diverged, firstStep: number, losses: number[][]): RunEvent<E> => ({
    type: 'diverged',
    atStep: d.atStep,
    reason: d.reason,
    nets: d.nets,
    firstStep,
    losses,
  });
  const isEvalStep = (done: number) => (evaluateEvery > 0 && done % evaluateEvery === 0) || extra.includes(done);

  let evaluation: E | undefined;
  if (evaluateAtStart) {
    const e = learner.evaluate();
    if (isDiverged(e)) return yield diverged(e, start + 1, noLosses());
    evaluation = e;
  }
  yield { type: 'start', step: start, evaluation };

  let done = 0; // steps of this run so far
  let trainMs = 0;
  while (done < steps) {
    const nextReport = done === 0 ? firstReport : nextMultiple(done, reportEvery);
    const nextExtra = extra.find((s) => s > done) ?? Infinity;
    const until = Math.min(nextReport, nextMultiple(done, evaluateEvery), nextExtra, steps);
    const t0 = now();
    const report = learner.step(until - done);
    trainMs += now() - t0;
    if (report.kind === 'diverged') return yield diverged(report, report.firstStep, report.losses);
    done = until;
    const event: Extract<RunEvent<E>, { type: 'progress' }> = {
      type: 'progress',
      step: report.stepsDone,
      firstStep: report.firstStep,
      losses: report.losses,
    };
    const last = done === steps;
    if (isEvalStep(done) || (last && evaluateAtEnd)) {
      const e = learner.evaluate();
      if (isDiverged(e)) return yield diverged(e, report.firstStep, report.losses);
      evaluation = e;
      event.evaluation = e;
    }
    yield event;
  }
  if (steps === 0 && evaluateAtEnd && !evaluateAtStart) {
    const e = learner.evaluate();
    if (isDiverged(e)) return yield diverged(e, start + 1, noLosses());
    evaluation = e;
  }
  yield { type: 'done', step: learner.stepsDone, evaluation: evaluateAtEnd ? evaluation : undefined, trainMs };
}
