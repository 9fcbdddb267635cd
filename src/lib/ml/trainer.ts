import type { Dataset, Extent } from './datasets.ts';
import { createLockstepTrainer, type Diverged } from './lockstep-trainer.ts';
import type { Architecture } from './net-config.ts';
import type { OptimizerConfig } from './optimizers.ts';

/** Everything that determines a one-net run; the same config gives the same run on the same backend. */
export interface TrainerConfig {
  data: Dataset;
  architecture: Architecture;
  /** D, body layers (even for residual). */
  depth: number;
  /** W, units per hidden layer. */
  width: number;
  batchNorm: boolean;
  /** Examples per mini-batch. */
  batchSize: number;
  optimizer: OptimizerConfig;
  /** Seeds the initial weights and the batch order (independent sub-streams). */
  seed: number;
  /** A loss above this (nats) counts as divergence, as does a non-finite one. Default 100. */
  maxLoss?: number;
}

/** Result of `step(n)`. Steps are numbered from 1; step k's loss is measured before update k. */
export type StepReport =
  | { kind: 'ok'; firstStep: number; losses: number[]; stepsDone: number }
  | (Diverged & { firstStep: number; losses: number[]; stepsDone: number });

/** Loss (mean cross-entropy, nats) and accuracy (fraction in [0, 1]) on the whole training set. */
export type EvalReport = { kind: 'ok'; step: number; loss: number; accuracy: number } | Diverged;

/** L2 norm of dLoss/dW_l for each body layer l = 1…D (index 0 is nearest the input). */
export type GradNormReport = { kind: 'ok'; step: number; norms: number[] } | Diverged;

/** Class probabilities over a grid (cell order of `gridPoints`): [R·R, C] row-major. */
export type GridReport =
  | { kind: 'ok'; step: number; resolution: number; extent: Extent; classes: number; probabilities: Float32Array }
  | Diverged;

/** A one-net training run (the one-lane case of the lockstep trainer); same methods, unwrapped reports. */
export interface Trainer {
  readonly config: Readonly<TrainerConfig>;
  readonly parameterCount: number;
  readonly stepsDone: number;
  readonly divergence: Diverged | null;
  /** Runs n ≥ 1 updates and reads all their mini-batch losses back at once. */
  step(n?: number): StepReport;
  /** Full-set loss and accuracy (BN uses the statistics of the full training set). */
  evaluate(): EvalReport;
  /** Per-layer weight-gradient norms on the next mini-batch, without updating anything. */
  gradNorms(): GradNormReport;
  /** Class probabilities on an R×R grid; `extent` defaults to the data's bounds plus 10 %. */
  predictGrid(resolution: number, extent?: Extent): GridReport;
  /** The current parameters as one flat vector (layout in `param-vector.ts`). */
  weights(): Float32Array;
  /** Frees every tensor the trainer made. */
  dispose(): void;
}

/** Creates a one-net run; `seed` seeds both the weights and the batch order. */
export function createTrainer(config: TrainerConfig): Trainer {
  const { architecture, seed, ...shared } = config;
  const inner = createLockstepTrainer({ ...shared, seed, nets: [{ architecture, seed }] });
  return {
    config,
    parameterCount: inner.parameterCount,
    get stepsDone() {
      return inner.stepsDone;
    },
    get divergence() {
      return inner.divergence;
    },
    step(n) {
      const r = inner.step(n);
      return { ...r, losses: r.losses[0]! };
    },
    evaluate() {
      const r = inner.evaluate();
      return r.kind === 'ok' ? { ...r, loss: r.loss[0]!, accuracy: r.accuracy[0]! } : r;
    },
    gradNorms() {
      const r = inner.gradNorms();
      return r.kind === 'ok' ? { ...r, norms: r.norms[0]! } : r;
    },
    predictGrid(resolution, extent) {
      const r = inner.predictGrid(resolution, extent);
      return r.kind === 'ok' ? { ...r, probabilities: r.probabilities[0]! } : r;
    },
    weights: () => inner.weights()[0]!,
    dispose: () => inner.dispose(),
  };
}
