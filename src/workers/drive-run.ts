/**
 * Runs the one training loop (`trainingRun`) inside a worker job: a checkpoint between chunks (where
 * pause waits and stop ends the job) and every event handed to the job, which turns it into its
 * own progress message. Returns the last event, `done` or `diverged`.
 */
import type { RunEvent } from '../lib/ml/training-run';

export type RunEnd<E> = Extract<RunEvent<E>, { type: 'done' | 'diverged' }>;

export async function driveRun<E>(
  run: Generator<RunEvent<E>, void, void>,
  checkpoint: () => Promise<void>,
  onEvent: (event: RunEvent<E>) => void,
): Promise<RunEnd<E>> {
  try {
    for (;;) {
      // A checkpoint before every pull: the first evaluates the untrained net, the others train a chunk.
      await checkpoint();
      const next = run.next();
      if (next.done) throw new Error('training run ended without a done or diverged event');
      const event = next.value;
      onEvent(event);
      if (event.type === 'done' || event.type === 'diverged') return event;
    }
  } finally {
    run.return();
  }
}
