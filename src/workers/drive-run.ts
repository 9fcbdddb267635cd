/**
 * Runs the one training loop (`trainingRun`) inside a worker job: a checkpoint between chunks (where
 * pause waits and stop ends the job) and every event handed to the job, which turns it into its
 * own progress message. Returns the last event, `done` or `diverged`. A run over an asynchronous
 * learner (WebGPU read-backs) yields `wait`s: they are awaited here and never reach the job.
 */
import type { RunEvent, RunWait } from '../lib/ml/training-run';

export type RunEnd<E> = Extract<RunEvent<E>, { type: 'done' | 'diverged' }>;

export async function driveRun<E>(
  run: Generator<RunEvent<E> | RunWait, void, unknown>,
  checkpoint: () => Promise<void>,
  onEvent: (event: RunEvent<E>) => void,
): Promise<RunEnd<E>> {
  try {
    for (;;) {
      // A checkpoint before every pull: the first evaluates the untrained net, the others train a chunk.
      await checkpoint();
      let next = run.next();
      while (!next.done && next.value.type === 'wait') next = run.next(await next.value.pending);
      if (next.done) throw new Error('training run ended without a done or diverged event');
      const event = next.value as RunEvent<E>; // not a wait: the loop above consumed those
      onEvent(event);
      if (event.type === 'done' || event.type === 'diverged') return event;
    }
  } finally {
    run.return();
  }
}
