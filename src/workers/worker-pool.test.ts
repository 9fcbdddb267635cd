import { describe, expect, it } from 'vitest';
import { serveJobs, type JobContext } from './serve-jobs';
import { WorkerCrashed, WorkerPool } from './worker-pool';

/**
 * A worker in the same thread: messages cross in macrotasks like real ones, the server is the real
 * `serveJobs`, and `crash()` fires the `error` event a dying worker fires.
 */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  terminated = false;
  private inside = new EventTarget();
  constructor(job: (n: number, ctx: JobContext<number>) => Promise<string>) {
    super();
    FakeWorker.made.push(this);
    const scope = {
      postMessage: (data: unknown) => setTimeout(() => !this.terminated && this.dispatchEvent(new MessageEvent('message', { data }))),
      addEventListener: (type: 'message', fn: (e: MessageEvent) => void) => this.inside.addEventListener(type, fn as EventListener),
    };
    serveJobs(scope, job, { init: async (b) => ({ backend: b }) });
  }
  postMessage(data: unknown) {
    setTimeout(() => !this.terminated && this.inside.dispatchEvent(new MessageEvent('message', { data })));
  }
  terminate() {
    this.terminated = true;
  }
  crash(message: string) {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
}

const chunks = async (n: number, ctx: JobContext<number>) => {
  for (let k = 1; k <= n; k++) {
    await ctx.checkpoint();
    ctx.report(k);
  }
  return `done ${n}`;
};

const pool = (size: number) => {
  FakeWorker.made = [];
  return new WorkerPool<number, number, string>(() => new FakeWorker(chunks) as unknown as Worker, size, 'cpu');
};

describe('WorkerPool: jobs on a few workers, with pause, stop and crashes', () => {
  it('runs more jobs than workers, queueing the rest, and forwards ready and progress', async () => {
    const p = pool(2);
    const progress: number[][] = [[], [], []];
    const ready: string[] = [];
    const outcomes = await Promise.all([3, 4, 5].map((n, i) => p.run(n, { onReady: (b) => ready.push(b), onProgress: (x) => progress[i]!.push(x) })));
    expect(outcomes).toEqual([3, 4, 5].map((n) => ({ kind: 'done', result: `done ${n}` })));
    expect(progress).toEqual([[1, 2, 3], [1, 2, 3, 4], [1, 2, 3, 4, 5]]);
    expect(ready).toEqual(['cpu', 'cpu', 'cpu']);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('pause() resolves once every running job has acknowledged; nothing arrives until resume', async () => {
    const p = pool(2);
    const seen = [0, 0];
    let first: () => void;
    const started = new Promise<void>((r) => (first = r));
    const runs = [0, 1].map((i) => p.run(300, { onProgress: () => (seen[i]!++, first()) }));
    await started;
    await p.pause();
    const held = [...seen];
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(held);
    expect(held.every((n) => n < 300)).toBe(true);
    p.resume();
    expect(await Promise.all(runs)).toEqual([{ kind: 'done', result: 'done 300' }, { kind: 'done', result: 'done 300' }]);
    expect(seen).toEqual([300, 300]);
  });

  it('pause() with nothing running resolves at once; queued jobs start paused', async () => {
    const p = pool(1);
    await p.pause();
    const seen: number[] = [];
    const run = p.run(3, { onProgress: (x) => seen.push(x) });
    await p.pause(); // the queued job acknowledges at its first checkpoint
    expect(seen).toEqual([]);
    p.resume();
    expect(await run).toEqual({ kind: 'done', result: 'done 3' });
  });

  it('stop() ends running jobs at their next checkpoint and cancels queued ones', async () => {
    const p = pool(1);
    let first: () => void;
    const started = new Promise<void>((r) => (first = r));
    const a = p.run(10_000, { onProgress: () => first() });
    const b = p.run(3);
    await started;
    p.stop();
    expect(await a).toEqual({ kind: 'stopped' });
    expect(await b).toEqual({ kind: 'stopped' });
  });

  it('a crashed worker rejects its job with WorkerCrashed, and the next job gets a new worker', async () => {
    const p = pool(1);
    let first: () => void;
    const started = new Promise<void>((r) => (first = r));
    const a = p.run(10_000, { onProgress: () => first() });
    await started;
    FakeWorker.made[0]!.crash('out of memory');
    await expect(a).rejects.toBeInstanceOf(WorkerCrashed);
    await expect(a).rejects.toThrow('out of memory');
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(await p.run(2)).toEqual({ kind: 'done', result: 'done 2' });
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('a pending pause() resolves when the paused job crashes instead of acknowledging', async () => {
    const p = pool(1);
    let first: () => void;
    const started = new Promise<void>((r) => (first = r));
    const a = p.run(10_000, { onProgress: () => first() }).catch((e: unknown) => e);
    await started;
    const paused = p.pause();
    FakeWorker.made[0]!.crash('gone');
    await paused;
    expect(await a).toBeInstanceOf(WorkerCrashed);
  });
});
