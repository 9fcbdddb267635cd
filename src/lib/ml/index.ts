// Public surface of the ML core. Pure TypeScript over @tensorflow/tfjs-core: no DOM, no backend
// import (the caller registers and selects one), deterministic for a seed, disposes what it makes.
export { createRng, deriveSeed, type Rng, type MutableArrayLike } from './prng.ts';
export {
  makeDataset,
  datasetExtent,
  datasetNames,
  classSize,
  type Dataset,
  type DatasetName,
  type DatasetOptions,
  type Extent,
} from './datasets.ts';
export {
  architectures,
  validateNetConfig,
  validatePackedNetConfig,
  blockCount,
  laneConfig,
  packNetConfig,
  maxLanes,
  type Architecture,
  type NetConfig,
  type LaneSpec,
  type PackedNetConfig,
} from './net-config.ts';
export { initialWeights, type InitialWeights } from './init-weights.ts';
export { createMlp, type Mlp, type ParamBanks, type BankGrads, type NetStats, type ForwardTape } from './mlp.ts';
export { createOptimizer, validateOptimizerConfig, type Optimizer, type OptimizerConfig } from './optimizers.ts';
export { createBatchStream, type BatchStream } from './batch-stream.ts';
export { gridPoints } from './predict-grid.ts';
export { softmaxCrossEntropy } from './softmax-cross-entropy.ts';
export {
  createTrainer,
  type Trainer,
  type TrainerConfig,
  type StepReport,
  type EvalReport,
  type GradNormReport,
  type GridReport,
} from './trainer.ts';
export {
  createLockstepTrainer,
  type LockstepTrainer,
  type LockstepTrainerConfig,
  type LockstepStepReport,
  type LockstepEvalReport,
  type LockstepGradNormReport,
  type LockstepGridReport,
  type Diverged,
  type DivergenceReason,
} from './lockstep-trainer.ts';
export { trainingRun, validatePlan, type RunPlan, type RunEvent } from './training-run.ts';
export { checkDivergence, isDiverged, type Learner, type LearnerStep } from './learner.ts';
export { netLearner, lockstepLearner, type OneNetTrainer, type NetEvaluation, type LockstepEvaluation } from './net-learner.ts';
