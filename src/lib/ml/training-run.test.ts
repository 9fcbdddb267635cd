import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from './datasets.ts';
import type { Diverged, Learner, LearnerStep } from './learner.ts';
import { createLockstepTrainer, type LockstepTrainerConfig } from './lockstep-trainer.ts';
import { lockstepLearner } from './net-learner.ts';
import { trainingRun, type RunEvent } from './training-run.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config = (over: Partial<LockstepTrainerConfig> = {}): LockstepTrainerConfig => ({
  data: makeDataset('moons', { n: 200, seed: 1 }),
  nets: [
    { architecture: 'plain', seed: 0 },
    { architecture: 'residual', seed: 0 },
  ],
  depth: 4,
  width: 8,
  batchNorm: true,
  batchSize: 20,
  optimizer: { kind: 'adam', learningRate: 1e-2 },
  seed: 0,
  ...over,
});

/** A learner with no maths: loss at step s is 1/s; `evaluate` records when it was called; diverges at `badStep`. */
function fakeLearner(lanes = 1, badStep = Infinity): Learner<{ step: number }> & { evaluatedAt: number[]; chunks: number[] } {
  let done = 0;
  const evaluatedAt: number[] = [];
  const chunks: number[] = [];
  return {
    lanes,
    evaluatedAt,
    chunks,
    get stepsDone() {
      return done;
    },
    step(n): LearnerStep {
      chunks.push(n);
      const firstStep = done + 1;
      const losses: number[][] = Array.from({ length: lanes }, () => []);
      for (let s = firstStep; s < firstStep + n; s++) {
        if (s >= badStep) {
          done = s;
          return { kind: 'diverged', atStep: s, reason: 'non-finite', nets: Array(lanes).fill(true), firstStep, losses, stepsDone: done };
        }
        for (const l of losses) l.push(1 / s);
      }
      done += n;
      return { kind: 'ok', firstStep, losses, stepsDone: done };
    },
    evaluate(): { step: number } | Diverged {
      evaluatedAt.push(done);
      return { step: done };
    },
    dispose() {},
  };
}

const finiteEverywhere = (events: RunEvent<unknown>[]) => !/NaN|null|Infinity/.test(JSON.stringify(events));

describe('trainingRun(learner, plan): the schedule', () => {
  it('reports every reportEvery steps, cuts chunks at evaluation steps, evaluates at start and end', () => {
    const learner = fakeLearner();
    const events = [...trainingRun(learner, { steps: 45, reportEvery: 10, evaluateEvery: 20 })];
    expect(events.map((e) => e.type)).toEqual(['start', 'progress', 'progress', 'progress', 'progress', 'progress', 'done']);
    expect(learner.chunks).toEqual([10, 10, 10, 10, 5]);
    expect(learner.evaluatedAt).toEqual([0, 20, 40, 45]);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.flatMap((e) => e.losses[0]!)).toEqual(Array.from({ length: 45 }, (_, i) => 1 / (i + 1)));
    expect(events.at(-1)).toMatchObject({ type: 'done', step: 45, evaluation: { step: 45 } });
  });

  it('takes a short first chunk, then falls back on multiples of reportEvery', () => {
    const learner = fakeLearner();
    [...trainingRun(learner, { steps: 60, firstReport: 5, reportEvery: 25, evaluateEvery: 0 })];
    expect(learner.chunks).toEqual([5, 20, 25, 10]);
    expect(learner.evaluatedAt).toEqual([0, 60]);
  });

  it('evaluates at extra steps (e.g. fractional epochs) and can skip the start and end evaluations', () => {
    const learner = fakeLearner();
    const events = [...trainingRun(learner, { steps: 30, reportEvery: 100, evaluateEvery: 0, evaluateAt: [7, 19, 19, 99], evaluateAtStart: false, evaluateAtEnd: false })];
    expect(learner.chunks).toEqual([7, 12, 11]);
    expect(learner.evaluatedAt).toEqual([7, 19]);
    expect(events[0]).toEqual({ type: 'start', step: 0, evaluation: undefined });
    expect(events.at(-1)).toMatchObject({ type: 'done', evaluation: undefined });
  });

  it('measures the time spent training, not evaluating', () => {
    let t = 0;
    const learner = fakeLearner();
    const step = learner.step.bind(learner);
    learner.step = (n) => ((t += n * 2), step(n)); // 2 ms per step
    const events = [...trainingRun(learner, { steps: 30, reportEvery: 10 }, () => t)];
    expect(events.at(-1)).toMatchObject({ type: 'done', trainMs: 60 });
  });

  it('ends with a diverged event carrying the finite losses of that chunk', () => {
    const learner = fakeLearner(2, 14);
    const events = [...trainingRun(learner, { steps: 100, reportEvery: 10 })];
    expect(events.at(-1)).toEqual({ type: 'diverged', atStep: 14, reason: 'non-finite', nets: [true, true], firstStep: 11, losses: [[1 / 11, 1 / 12, 1 / 13], [1 / 11, 1 / 12, 1 / 13]] });
  });

  it('rejects plans it cannot follow', () => {
    expect(() => trainingRun(fakeLearner(), { steps: 10, reportEvery: 0 }).next()).toThrow(/reportEvery/);
    expect(() => trainingRun(fakeLearner(), { steps: -1 }).next()).toThrow(/steps/);
    expect(() => trainingRun(fakeLearner(), { steps: 5, evaluateAt: [1.5] }).next()).toThrow(/evaluateAt/);
  });
});

describe('trainingRun over the lockstep MLP trainer', () => {
  it('gives every loss of both lanes once, and gradient norms with each evaluation', () => {
    const learner = lockstepLearner(createLockstepTrainer(config()), { gradNorms: true });
    const events = [...trainingRun(learner, { steps: 45, reportEvery: 10, evaluateEvery: 20 })];
    learner.dispose();
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.flatMap((e) => e.losses[0]!)).toHaveLength(45);
    expect(progress.flatMap((e) => e.losses[1]!)).toHaveLength(45);
    expect(progress.filter((e) => e.evaluation).map((e) => e.step)).toEqual([20, 40, 45]);
    if (events[0]?.type === 'start') expect(events[0].evaluation!.gradNorms!.map((n) => n.length)).toEqual([4, 4]);
    else throw new Error('first event is not start');
    expect(finiteEverywhere(events)).toBe(true);
  });

  it('can be stopped between events; the learner keeps its state and can go on', () => {
    const learner = lockstepLearner(createLockstepTrainer(config()));
    const run = trainingRun(learner, { steps: 100, reportEvery: 10 });
    run.next();
    run.next();
    run.return();
    expect(learner.stepsDone).toBe(10);
    expect(learner.step(5).stepsDone).toBe(15);
    learner.dispose();
  });

  it('ends with a diverged event, finite numbers only, when the loss blows up', () => {
    const learner = lockstepLearner(createLockstepTrainer(config({ batchNorm: false, depth: 8, optimizer: { kind: 'sgd', learningRate: 10 } })));
    const events = [...trainingRun(learner, { steps: 200, reportEvery: 25 })];
    learner.dispose();
    expect(events.at(-1)?.type).toBe('diverged');
    expect(finiteEverywhere(events)).toBe(true);
  });
});
