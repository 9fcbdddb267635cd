import { describe, expect, it } from 'vitest';
import type { AsyncLearner, Learner, LearnerStep } from '../lib/ml/learner';
import { trainingRun, type RunEvent } from '../lib/ml/training-run';
import { driveRun } from './drive-run';

/** Loss 1/s at step s; evaluation = the step count. */
function counter(): Learner<number> {
  let done = 0;
  return {
    lanes: 1,
    get stepsDone() {
      return done;
    },
    step(n): LearnerStep {
      const firstStep = done + 1;
      const losses = [Array.from({ length: n }, (_, i) => 1 / (firstStep + i))];
      done += n;
      return { kind: 'ok', firstStep, losses, stepsDone: done };
    },
    evaluate: () => done,
    dispose() {},
  };
}

/** The same, answering every call a macrotask later (as a WebGPU read-back does). */
function later(inner: Learner<number>): AsyncLearner<number> {
  const delay = <T>(v: () => T) => new Promise<T>((r) => setTimeout(() => r(v()), 0));
  return {
    lanes: 1,
    get stepsDone() {
      return inner.stepsDone;
    },
    step: (n) => delay(() => inner.step(n)),
    evaluate: () => delay(() => inner.evaluate()),
    dispose() {},
  };
}

describe('driveRun(run, checkpoint, onEvent)', () => {
  it('hands the job every event of a synchronous run, with a checkpoint before each pull', async () => {
    const events: RunEvent<number>[] = [];
    let checkpoints = 0;
    const end = await driveRun(trainingRun(counter(), { steps: 30, reportEvery: 10 }), async () => void checkpoints++, (e) => events.push(e));
    expect(events.map((e) => e.type)).toEqual(['start', 'progress', 'progress', 'progress', 'done']);
    expect(checkpoints).toBe(5);
    expect(end).toMatchObject({ type: 'done', step: 30, evaluation: 30 });
  });

  it('awaits an asynchronous learner’s values itself: the job sees the same events, never a wait', async () => {
    const sync: RunEvent<number>[] = [];
    await driveRun(trainingRun(counter(), { steps: 30, reportEvery: 10, evaluateEvery: 20 }), async () => {}, (e) => sync.push(e));
    const events: RunEvent<number>[] = [];
    const end = await driveRun(trainingRun(later(counter()), { steps: 30, reportEvery: 10, evaluateEvery: 20 }), async () => {}, (e) => events.push(e));
    const noTime = (e: RunEvent<number>) => (e.type === 'done' ? { ...e, trainMs: 0 } : e);
    expect(events.map(noTime)).toEqual(sync.map(noTime));
    expect(end.type).toBe('done');
  });

  it('a stop thrown at a checkpoint ends the run', async () => {
    const stop = new Error('stopped');
    let calls = 0;
    await expect(driveRun(trainingRun(later(counter()), { steps: 30, reportEvery: 10 }), async () => { if (++calls === 2) throw stop; }, () => {})).rejects.toBe(stop);
  });
});
