import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from './datasets.ts';
import { createLockstepTrainer, type LockstepTrainerConfig } from './lockstep-trainer.ts';
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

const finiteEverywhere = (events: RunEvent[]) => !/NaN|null|Infinity/.test(JSON.stringify(events));

describe('trainingRun(trainer, plan)', () => {
  it('yields start, one progress event per report interval, then done, with every loss once', () => {
    const trainer = createLockstepTrainer(config());
    const events = [...trainingRun(trainer, { steps: 45, reportEvery: 10, evaluateEvery: 20, gradNormsEvery: 20 })];
    trainer.dispose();
    expect(events.map((e) => e.type)).toEqual(['start', 'progress', 'progress', 'progress', 'progress', 'progress', 'done']);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.map((e) => e.step)).toEqual([10, 20, 30, 40, 45]);
    expect(progress.flatMap((e) => e.losses[0]!)).toHaveLength(45);
    expect(progress.flatMap((e) => e.losses[1]!)).toHaveLength(45);
    expect(progress.filter((e) => e.evaluation).map((e) => e.step)).toEqual([20, 40, 45]);
    expect(progress.filter((e) => e.gradNorms).map((e) => e.step)).toEqual([20, 40]);
    expect(events[0]).toMatchObject({ type: 'start', step: 0 });
    if (events[0]?.type === 'start') expect(events[0].gradNorms.map((n) => n.length)).toEqual([4, 4]);
    expect(finiteEverywhere(events)).toBe(true);
  });

  it('can be stopped between events; the trainer keeps its state and can go on', () => {
    const trainer = createLockstepTrainer(config());
    const run = trainingRun(trainer, { steps: 100, reportEvery: 10 });
    run.next();
    run.next();
    run.return();
    expect(trainer.stepsDone).toBe(10);
    expect(trainer.step(5).stepsDone).toBe(15);
    trainer.dispose();
  });

  it('ends with a diverged event, finite numbers only, when the loss blows up', () => {
    const trainer = createLockstepTrainer(config({ batchNorm: false, depth: 8, optimizer: { kind: 'sgd', learningRate: 10 } }));
    const events = [...trainingRun(trainer, { steps: 200, reportEvery: 25 })];
    trainer.dispose();
    expect(events.at(-1)?.type).toBe('diverged');
    expect(finiteEverywhere(events)).toBe(true);
  });
});
