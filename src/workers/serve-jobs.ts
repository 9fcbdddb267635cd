/**
 * The worker side of the protocol: receives `start/pause/resume/stop`, runs one job at a time,
 * and turns the job's checkpoints into pause and stop points. A job is an async function that
 * calls `ctx.checkpoint()` between chunks of work (that is where messages get a chance to arrive,
 * where a pause waits and where a stop ends the job) and `ctx.report()` to send progress.
 */
import { memory } from '@tensorflow/tfjs-core';
import { initBackend } from './backend';
import type { BackendName, FromWorker, ToWorker } from './protocol';

export interface JobContext<Progress> {
  runId: number;
  backend: BackendName;
  report(progress: Progress): void;
  /** Yields to the event loop; waits while paused; throws `Stopped` when stopped. */
  checkpoint(): Promise<void>;
}

export class Stopped extends Error {}

/** The worker's global scope, or anything that speaks like it (the unit tests pass a fake). */
export type Scope = { postMessage(message: unknown): void; addEventListener(type: 'message', fn: (e: MessageEvent) => void): void };

export interface ServeOptions {
  /** Picks the tfjs backend (default: `initBackend`, WASM then CPU). */
  init?: (preferred: BackendName) => Promise<{ backend: BackendName; fallbackReason?: string }>;
}

/** Tensors tfjs holds in this worker, or undefined where no backend was set up (unit tests with a fake one). */
function liveTensors(): number | undefined {
  try {
    return memory().numTensors;
  } catch {
    return undefined;
  }
}

export function serveJobs<Job, Progress, Result>(
  scope: Scope,
  run: (job: Job, ctx: JobContext<Progress>) => Promise<Result>,
  { init = initBackend }: ServeOptions = {},
) {
  const post = (m: FromWorker<Progress, Result>) => scope.postMessage(m);
  let current: { runId: number; paused: boolean; stopped: boolean; resume?: () => void } | undefined;
  const yieldNow = () => new Promise<void>((r) => setTimeout(r, 0));

  scope.addEventListener('message', async (event: MessageEvent<ToWorker<Job>>) => {
    const msg = event.data;
    if (msg.type === 'pause' && current?.runId === msg.runId) current.paused = true;
    else if (msg.type === 'resume' && current?.runId === msg.runId) {
      current.paused = false;
      current.resume?.();
    } else if (msg.type === 'stop' && current?.runId === msg.runId) {
      current.stopped = true;
      current.resume?.();
    } else if (msg.type === 'start') {
      if (current) current.stopped = true;
      const me = { runId: msg.runId, paused: false, stopped: false } as NonNullable<typeof current>;
      current = me;
      try {
        const { backend, fallbackReason } = await init(msg.backend);
        post({ type: 'ready', runId: msg.runId, backend, fallbackReason });
        const ctx: JobContext<Progress> = {
          runId: msg.runId,
          backend,
          report: (progress) => post({ type: 'progress', runId: msg.runId, progress }),
          checkpoint: async () => {
            await yieldNow();
            if (me.paused && !me.stopped) post({ type: 'paused', runId: msg.runId });
            while (me.paused && !me.stopped) await new Promise<void>((r) => (me.resume = r));
            if (me.stopped) throw new Stopped();
          },
        };
        const result = await run(msg.job, ctx);
        post({ type: 'done', runId: msg.runId, result, tensors: liveTensors() });
      } catch (err) {
        if (err instanceof Stopped) post({ type: 'stopped', runId: msg.runId });
        else post({ type: 'error', runId: msg.runId, message: err instanceof Error ? err.message : String(err) });
      } finally {
        if (current === me) current = undefined;
      }
    }
  });
}
