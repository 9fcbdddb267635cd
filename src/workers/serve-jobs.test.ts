import { describe, expect, it } from 'vitest';
import type { BackendName, FromWorker, ToWorker } from './protocol';
import { serveJobs, type JobContext } from './serve-jobs';

type Msg = FromWorker<number, string>;

/** An in-process worker scope: `send` delivers a message to the server, `posted` collects its answers. */
function fakeScope() {
  const posted: Msg[] = [];
  let listener: ((e: MessageEvent) => void) | undefined;
  const waiters: { test: (m: Msg) => boolean; resolve: () => void }[] = [];
  const scope = {
    postMessage(m: unknown) {
      posted.push(m as Msg);
      for (const w of [...waiters]) if (w.test(m as Msg)) waiters.splice(waiters.indexOf(w), 1), w.resolve();
    },
    addEventListener(_type: 'message', fn: (e: MessageEvent) => void) {
      listener = fn;
    },
  };
  return {
    scope,
    posted,
    send: (m: ToWorker<number>) => listener!({ data: m } as MessageEvent),
    /** Resolves when the server posts a message matching `test` (or already has). */
    until: (test: (m: Msg) => boolean) => (posted.some(test) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ test, resolve }))),
  };
}

const init = async (b: BackendName) => ({ backend: b });

/** A job of `n` chunks: reports k after chunk k, returns "done n". */
const chunks = async (n: number, ctx: JobContext<number>) => {
  for (let k = 1; k <= n; k++) {
    await ctx.checkpoint();
    ctx.report(k);
  }
  return `done ${n}`;
};

describe('serveJobs: the worker side of the protocol', () => {
  it('answers start with ready, the progress, then done', async () => {
    const w = fakeScope();
    serveJobs(w.scope, chunks, { init });
    w.send({ type: 'start', runId: 1, job: 3, backend: 'cpu' });
    await w.until((m) => m.type === 'done');
    expect(w.posted).toEqual([
      { type: 'ready', runId: 1, backend: 'cpu' },
      { type: 'progress', runId: 1, progress: 1 },
      { type: 'progress', runId: 1, progress: 2 },
      { type: 'progress', runId: 1, progress: 3 },
      { type: 'done', runId: 1, result: 'done 3' },
    ]);
  });

  it('acknowledges a pause at the next checkpoint, sends nothing until resume, then finishes', async () => {
    const w = fakeScope();
    serveJobs(w.scope, chunks, { init });
    w.send({ type: 'start', runId: 7, job: 200, backend: 'cpu' });
    await w.until((m) => m.type === 'progress');
    w.send({ type: 'pause', runId: 7 });
    await w.until((m) => m.type === 'paused');
    const atPause = w.posted.length;
    // Many turns of the event loop pass: a held job posts nothing.
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    expect(w.posted.length).toBe(atPause);
    expect(w.posted.filter((m) => m.type === 'paused')).toHaveLength(1);
    w.send({ type: 'resume', runId: 7 });
    await w.until((m) => m.type === 'done');
    const progress = w.posted.filter((m) => m.type === 'progress').map((m) => (m as { progress: number }).progress);
    expect(progress).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('ignores messages for another run, and stops at the next checkpoint (also while paused)', async () => {
    const w = fakeScope();
    serveJobs(w.scope, chunks, { init });
    w.send({ type: 'start', runId: 2, job: 200, backend: 'cpu' });
    await w.until((m) => m.type === 'progress');
    w.send({ type: 'stop', runId: 99 });
    w.send({ type: 'pause', runId: 2 });
    await w.until((m) => m.type === 'paused');
    w.send({ type: 'stop', runId: 2 });
    await w.until((m) => m.type === 'stopped');
    expect(w.posted.some((m) => m.type === 'done')).toBe(false);
    expect(w.posted.at(-1)).toEqual({ type: 'stopped', runId: 2 });
  });

  it('reports a job that throws as an error with its message, and passes the backend fallback on', async () => {
    const w = fakeScope();
    serveJobs(
      w.scope,
      async () => {
        throw new Error('no data');
      },
      { init: async () => ({ backend: 'cpu', fallbackReason: 'wasm blocked' }) },
    );
    w.send({ type: 'start', runId: 3, job: 0, backend: 'wasm' });
    await w.until((m) => m.type === 'error');
    expect(w.posted).toEqual([
      { type: 'ready', runId: 3, backend: 'cpu', fallbackReason: 'wasm blocked' },
      { type: 'error', runId: 3, message: 'no data' },
    ]);
  });

  it('a new start ends the job in flight (stopped) before the new one runs', async () => {
    const w = fakeScope();
    serveJobs(w.scope, chunks, { init });
    w.send({ type: 'start', runId: 4, job: 200, backend: 'cpu' });
    await w.until((m) => m.type === 'progress');
    w.send({ type: 'start', runId: 5, job: 2, backend: 'cpu' });
    await w.until((m) => m.type === 'done' && m.runId === 5);
    await w.until((m) => m.type === 'stopped' && m.runId === 4);
    expect(w.posted.some((m) => m.type === 'done' && m.runId === 4)).toBe(false);
  });
});
