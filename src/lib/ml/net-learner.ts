import type { Diverged, Learner } from './learner.ts';
import type { LockstepTrainer } from './lockstep-trainer.ts';
import type { EvalReport, GradNormReport, StepReport } from './trainer.ts';

/** A one-net trainer (the MLP `Trainer`, the logistic `LogisticTrainer`, …) as the loop needs it. */
export interface OneNetTrainer {
  readonly stepsDone: number;
  step(n: number): StepReport;
  evaluate(): EvalReport;
  gradNorms?(): GradNormReport;
  dispose(): void;
}

/** Full-set loss (nats) and accuracy (0–1) at a step, and per-layer weight-gradient norms when asked for. */
export interface NetEvaluation {
  step: number;
  loss: number;
  accuracy: number;
  /** norms[l]: L2 norm of dLoss/dW of body layer l + 1 (index 0 nearest the input). */
  gradNorms?: number[];
}

/**
 * A one-net trainer as a one-lane `Learner`. With `gradNorms`, every evaluation also measures the
 * per-layer gradient norms (after the loss and accuracy, on the upcoming mini-batch).
 */
export function netLearner(trainer: OneNetTrainer, opts: { gradNorms?: boolean } = {}): Learner<NetEvaluation> {
  return {
    lanes: 1,
    get stepsDone() {
      return trainer.stepsDone;
    },
    step(n) {
      const r = trainer.step(n);
      return { ...r, losses: [r.losses] };
    },
    evaluate(): NetEvaluation | Diverged {
      const e = trainer.evaluate();
      if (e.kind === 'diverged') return e;
      const evaluation: NetEvaluation = { step: e.step, loss: e.loss, accuracy: e.accuracy };
      if (opts.gradNorms && trainer.gradNorms) {
        const g = trainer.gradNorms();
        if (g.kind === 'diverged') return g;
        evaluation.gradNorms = g.norms;
      }
      return evaluation;
    },
    dispose: () => trainer.dispose(),
  };
}

/** Per lane k: full-set loss[k] (nats), accuracy[k] (0–1), and gradNorms[k][l] when asked for. */
export interface LockstepEvaluation {
  step: number;
  loss: number[];
  accuracy: number[];
  gradNorms?: number[][];
}

/** A lockstep trainer (several nets on the same batches) as a `Learner` with one lane per net. */
export function lockstepLearner(trainer: LockstepTrainer, opts: { gradNorms?: boolean } = {}): Learner<LockstepEvaluation> {
  return {
    lanes: trainer.config.nets.length,
    get stepsDone() {
      return trainer.stepsDone;
    },
    step: (n) => trainer.step(n),
    evaluate(): LockstepEvaluation | Diverged {
      const e = trainer.evaluate();
      if (e.kind === 'diverged') return e;
      const evaluation: LockstepEvaluation = { step: e.step, loss: e.loss, accuracy: e.accuracy };
      if (opts.gradNorms) {
        const g = trainer.gradNorms();
        if (g.kind === 'diverged') return g;
        evaluation.gradNorms = g.norms;
      }
      return evaluation;
    },
    dispose: () => trainer.dispose(),
  };
}
