/**
 * The one interface every training widget's model is trained through. A learner owns its nets,
 * data and optimizer; the one training loop (`trainingRun`, `training-run.ts`) owns the schedule:
 * chunks of steps, when to evaluate, divergence, timing. A worker job is then "build a learner,
 * drive `trainingRun`, map its events to the job's progress messages".
 *
 * Lanes: a learner may train several nets in lockstep on the same mini-batches (e.g. plain and
 * residual packed in one graph); every per-step number comes per lane. A one-net learner has one lane.
 */

/** Why a run was declared diverged. */
export type DivergenceReason = 'non-finite' | 'above-max-loss';

/** What a learner answers once the run has diverged; it carries no loss values. */
export interface Diverged {
  kind: 'diverged';
  /** Step at which divergence was seen (1-based; 0 = at initialisation). */
  atStep: number;
  reason: DivergenceReason;
  /** Which lanes' values were bad at that step (length = lanes). */
  nets: boolean[];
}

/** Result of `step(n)`: losses[k][i] is lane k's mini-batch loss (nats) at step firstStep + i, measured before that update. */
export type LearnerStep =
  | { kind: 'ok'; firstStep: number; losses: number[][]; stepsDone: number }
  | (Diverged & { firstStep: number; losses: number[][]; stepsDone: number });

/**
 * A model being trained, advanced by the caller. `E` is what the learner measures when asked
 * (full-set loss and accuracy, gradient norms, test error, weights…): a plain, structured-cloneable
 * record, since it crosses `postMessage`. Same config and seed → same run on the same backend.
 */
export interface Learner<E> {
  /** Nets trained in lockstep (≥ 1). */
  readonly lanes: number;
  /** Optimizer updates done so far. */
  readonly stepsDone: number;
  /** Runs n ≥ 1 updates, reading all their losses back at once (one read-back per call). */
  step(n: number): LearnerStep;
  /** The learner's measurements at the current step, or the divergence. */
  evaluate(): E | Diverged;
  /** Frees every tensor the learner made; it is unusable afterwards. */
  dispose(): void;
}

/** Divergence check shared by learners: per-lane values at a step → `Diverged`, or null when all are finite and ≤ maxLoss. */
export function checkDivergence(values: ArrayLike<number>, atStep: number, maxLoss: number): Diverged | null {
  const nonFinite = Array.from(values, (v) => !Number.isFinite(v));
  const tooHigh = Array.from(values, (v) => v > maxLoss);
  if (nonFinite.some(Boolean)) return { kind: 'diverged', atStep, reason: 'non-finite', nets: nonFinite.map((b, k) => b || tooHigh[k]!) };
  if (tooHigh.some(Boolean)) return { kind: 'diverged', atStep, reason: 'above-max-loss', nets: tooHigh };
  return null;
}

export const isDiverged = (x: unknown): x is Diverged => typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'diverged';
