/**
 * One training run of the cnn-trainer, as a worker job: the tiny CNN (and, for contrast, logistic
 * regression on raw pixels, on the same mini-batches) trained on the shipped MNIST subset, with
 * accuracies on a fixed sample of training digits and on the test set at regular points, the
 * CNN's weights at each of those points (the page draws filters and feature maps from them), and
 * the test-set confusion matrices at the end. Pure over tfjs-core: runs in a Web Worker and, for
 * the unit tests, in Node (the caller passes the data in).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ConvMethod } from '../lib/ml/conv-layer';
import { confusionMatrix, createDigitTrainer, digitTensors, type DigitTensors, type DigitTrainer } from '../lib/ml/digit-trainer';
import type { DigitModel } from '../lib/ml/digit-model';
import type { DigitSubset } from '../lib/ml/mnist-subset';
import { createSoftmaxRegression } from '../lib/ml/softmax-regression';
import { createTinyCnn } from '../lib/ml/tiny-cnn';
import { checkDivergence, type Learner } from '../lib/ml/learner';
import { trainingRun } from '../lib/ml/training-run';
import { driveRun } from './drive-run';
import type { JobContext } from './serve-jobs';

export interface CnnJob {
  epochs: number;
  batchSize: number;
  /** Adam's learning rate at the start; it decays to 5 % of it along a cosine over the run. */
  lr: number;
  seed: number;
  channels1: number;
  channels2: number;
  /** Accuracy measurements per epoch (besides one before training). */
  evalsPerEpoch: number;
  /** Also train logistic regression on raw pixels. */
  contrast: boolean;
  /** Optimizer steps per progress report (default 10). */
  chunk?: number;
  /** How the convolution gradients are computed (default the fastest on the backend). */
  method?: ConvMethod;
  /** Stop after this many steps (benchmarks); default the whole run. */
  maxSteps?: number;
}

/** Accuracies (fractions) after `epoch` epochs; the logistic ones only with `contrast`. */
export interface CnnEvaluation {
  epoch: number;
  step: number;
  train: number;
  test: number;
  logisticTrain?: number;
  logisticTest?: number;
}

export interface CnnProgress {
  /** Steps done (of `total`). */
  step: number;
  total: number;
  /** CNN mini-batch losses (nats) of steps step − losses.length + 1 … step. */
  losses: number[];
  evaluation?: CnnEvaluation;
  /** The CNN's parameter bank at this evaluation (see tiny-cnn-reference.ts for the layout). */
  weights?: Float32Array;
  /** Logistic regression's weights at this evaluation (with `contrast`). */
  logisticWeights?: Float32Array;
}

export interface CnnResult {
  curve: CnnEvaluation[];
  /** Test-set confusion counts [true][predicted]. */
  confusion: number[][];
  logisticConfusion?: number[][];
  weights: Float32Array;
  logisticWeights?: Float32Array;
  /** CNN training time per epoch, ms (optimizer steps and their read-backs only). */
  msPerEpoch: number;
  /** Logistic regression training time per epoch, ms. */
  logisticMsPerEpoch?: number;
  /** Wall time from the first step to the first evaluation with test accuracy ≥ 0.95, ms. */
  msTo95?: number;
  steps: number;
}

/** Training digits whose accuracy is tracked (a fixed sample, so a measurement costs little). */
export const TRAIN_SAMPLE = 1000;

const now = () => (globalThis.performance ?? Date).now();

/** One model being trained on the digits, with the time its steps took. */
interface DigitRun {
  model: DigitModel;
  trainer: DigitTrainer;
  ms: number;
}

/** What the CNN job measures at an evaluation step: accuracies, and the weights the page draws. */
interface CnnSnapshot {
  evaluation: CnnEvaluation;
  weights: Float32Array;
  logisticWeights?: Float32Array;
}

export async function runCnnJob(job: CnnJob, ctx: Pick<JobContext<CnnProgress>, 'report' | 'checkpoint'>, data: DigitSubset): Promise<CnnResult> {
  const train = digitTensors(data.train);
  const test = digitTensors(data.test);
  const n = Math.min(TRAIN_SAMPLE, data.train.n);
  const trainSample: DigitTensors = digitTensors({ n, images: data.train.images.subarray(0, n * 784), labels: data.train.labels.subarray(0, n) });
  const stepsPerEpoch = Math.ceil(train.n / job.batchSize);
  const total = Math.min(job.epochs * stepsPerEpoch, job.maxSteps ?? Infinity);
  const digitRun = (model: DigitModel): DigitRun => ({
    model,
    ms: 0,
    trainer: createDigitTrainer({ model, train, batchSize: job.batchSize, optimizer: { kind: 'adam', learningRate: job.lr }, seed: job.seed, decaySteps: job.epochs * stepsPerEpoch }),
  });
  const cnn = digitRun(createTinyCnn({ seed: job.seed, channels1: job.channels1, channels2: job.channels2, method: job.method }));
  const logistic = job.contrast ? digitRun(createSoftmaxRegression()) : null;
  const runs = logistic ? [cnn, logistic] : [cnn];
  // Accuracy measurements at evalsPerEpoch even points of every epoch (the step where each falls).
  const evalSteps = Array.from({ length: job.epochs * job.evalsPerEpoch }, (_, i) => Math.round(((i + 1) * stepsPerEpoch) / job.evalsPerEpoch));
  const epochAt = (step: number) => {
    const i = evalSteps.indexOf(step);
    return i >= 0 ? (i + 1) / job.evalsPerEpoch : step / stepsPerEpoch;
  };

  // The CNN and, for contrast, logistic regression, stepped together on the same batches: one
  // lane of losses (the CNN's), both models measured at each evaluation.
  const learner: Learner<CnnSnapshot> = {
    lanes: 1,
    get stepsDone() {
      return cnn.trainer.stepsDone;
    },
    step(steps) {
      const firstStep = cnn.trainer.stepsDone + 1;
      let losses: number[] = [];
      for (const r of runs) {
        const t0 = now();
        const l = r.trainer.step(steps);
        r.ms += now() - t0;
        if (r === cnn) losses = l;
      }
      const bad = checkDivergence(losses, cnn.trainer.stepsDone, Infinity);
      return bad ? { ...bad, firstStep, losses: [losses.filter(Number.isFinite)], stepsDone: cnn.trainer.stepsDone } : { kind: 'ok', firstStep, losses: [losses], stepsDone: cnn.trainer.stepsDone };
    },
    evaluate() {
      const step = cnn.trainer.stepsDone;
      const evaluation: CnnEvaluation = { epoch: epochAt(step), step, train: cnn.trainer.evaluate(trainSample).accuracy, test: cnn.trainer.evaluate(test).accuracy };
      if (logistic) {
        evaluation.logisticTrain = logistic.trainer.evaluate(trainSample).accuracy;
        evaluation.logisticTest = logistic.trainer.evaluate(test).accuracy;
      }
      return { evaluation, weights: cnn.model.bank.read(), logisticWeights: logistic?.model.bank.read() };
    },
    dispose() {
      for (const r of runs) {
        r.trainer.dispose();
        r.model.dispose();
      }
    },
  };

  const curve: CnnEvaluation[] = [];
  let msTo95: number | undefined;
  let started = 0;
  const snapshot = (p: CnnProgress, at: CnnSnapshot) => {
    curve.push(at.evaluation);
    p.evaluation = at.evaluation;
    p.weights = at.weights;
    p.logisticWeights = at.logisticWeights;
    if (msTo95 === undefined && at.evaluation.step > 0 && at.evaluation.test >= 0.95) msTo95 = now() - started;
    return p;
  };

  try {
    const end = await driveRun(trainingRun(learner, { steps: total, reportEvery: Math.max(1, job.chunk ?? 10), evaluateEvery: 0, evaluateAt: evalSteps }), ctx.checkpoint, (event) => {
      if (event.type === 'start') {
        ctx.report(snapshot({ step: 0, total, losses: [] }, event.evaluation!));
        started = now();
      } else if (event.type === 'progress') {
        const p: CnnProgress = { step: event.step, total, losses: event.losses[0]! };
        ctx.report(event.evaluation ? snapshot(p, event.evaluation) : p);
      }
    });
    if (end.type === 'diverged') throw new Error('the loss is not a finite number; lower the learning rate');
    const epochsRun = cnn.trainer.stepsDone / stepsPerEpoch;
    const result: CnnResult = {
      curve,
      confusion: confusionMatrix(test.labels, cnn.trainer.evaluate(test).predictions),
      weights: cnn.model.bank.read(),
      msPerEpoch: cnn.ms / epochsRun,
      msTo95,
      steps: cnn.trainer.stepsDone,
    };
    if (logistic) {
      result.logisticConfusion = confusionMatrix(test.labels, logistic.trainer.evaluate(test).predictions);
      result.logisticWeights = logistic.model.bank.read();
      result.logisticMsPerEpoch = logistic.ms / epochsRun;
    }
    return result;
  } finally {
    learner.dispose();
    tf.dispose([train, test, trainSample].flatMap((d) => [d.x, d.oneHot]));
  }
}
