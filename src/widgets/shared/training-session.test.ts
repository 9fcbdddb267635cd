import { describe, expect, it } from 'vitest';
import type { JobHandlers, JobOutcome } from '../../workers/worker-pool';
import type { WorkItem, WorkTracker } from './run-bar';
import { createFrameBatch, jobsProgress, runJobs, type JobPool, type ProgressBar } from './training-session';

interface Job {
  name: string;
  steps: number;
}
interface Progress {
  name: string;
  step: number;
  total: number;
  phase: string;
}
interface Result {
  name: string;
  steps: number;
  diverged?: { atStep: number };
}

/** A pool whose jobs are driven by the test: `progress`, `finish`, `stop`, `crash`. */
function fakePool() {
  const running = new Map<string, { handlers: JobHandlers<Progress>; resolve: (o: JobOutcome<Result>) => void; reject: (e: Error) => void }>();
  const pool: JobPool<Job, Progress, Result> = {
    run: (job, handlers = {}) =>
      new Promise((resolve, reject) => {
        running.set(job.name, { handlers, resolve, reject });
      }),
  };
  return {
    pool,
    ready: (name: string) => running.get(name)!.handlers.onReady?.('wasm'),
    progress: (name: string, step: number, total = 10, phase = 'train') => running.get(name)!.handlers.onProgress?.({ name, step, total, phase }),
    finish: (name: string, steps: number, diverged?: number) => running.get(name)!.resolve({ kind: 'done', result: { name, steps, diverged: diverged === undefined ? undefined : { atStep: diverged } } }),
    stop: (name: string) => running.get(name)!.resolve({ kind: 'stopped' }),
    crash: (name: string) => running.get(name)!.reject(new Error('worker crashed')),
  };
}

/** A run bar that records what it was told. */
function fakeBar() {
  const log: string[] = [];
  let tracked: { items: readonly WorkItem[]; head?: () => string; steps: Map<number, number> } | undefined;
  const bar: ProgressBar = {
    ready: (backend) => log.push(`ready ${backend}`),
    started: () => log.push('started'),
    message: (text) => log.push(`message ${text}`),
    progress: (fraction, text) => log.push(`progress ${fraction.toFixed(2)} ${text}`),
    track(items, head) {
      const steps = new Map<number, number>();
      tracked = { items, head, steps };
      const tracker: WorkTracker = {
        step: (i, s) => {
          steps.set(i, s);
          log.push(`step ${i} ${s}`);
        },
        get done() {
          return [...steps.values()].reduce((a, b) => a + b, 0);
        },
        total: items.reduce((n, it) => n + it.steps, 0),
      };
      return tracker;
    },
  };
  return { bar, log, tracked: () => tracked };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const jobs: Job[] = [
  { name: 'plain', steps: 10 },
  { name: 'residual', steps: 10 },
];

describe('runJobs: one run of several jobs on a pool', () => {
  it('tracks every job’s steps, weighted by cost, and ends each finished job at its full count', async () => {
    const p = fakePool();
    const { bar, log, tracked } = fakeBar();
    const results: string[] = [];
    let draws = 0;
    const run = runJobs(p.pool, bar, jobs, {
      progress: { kind: 'steps', work: (j) => ({ steps: j.steps, cost: j.name === 'plain' ? 2 : 1 }), step: (pr) => pr.step },
      onResult: (r, i) => results.push(`${i}:${r.name}`),
    }, () => draws++);
    expect(tracked()?.items).toEqual([{ steps: 10, cost: 2 }, { steps: 10, cost: 1 }]);
    p.ready('plain');
    p.progress('plain', 4);
    p.progress('residual', 3);
    p.finish('residual', 7);
    p.finish('plain', 10);
    const summary = await run;
    expect(log).toEqual(['ready wasm', 'started', 'started', 'step 0 4', 'started', 'step 1 3', 'step 1 10', 'step 0 10']);
    expect(draws).toBe(2);
    expect(results).toEqual(['1:residual', '0:plain']);
    expect(summary.diverged).toEqual([]);
    expect(summary.outcomes.map((o) => o.kind)).toEqual(['done', 'done']);
  });

  it('joins the divergence messages in job order and still hands the result over', async () => {
    const p = fakePool();
    const { bar, log } = fakeBar();
    const seen: string[] = [];
    const run = runJobs(p.pool, bar, jobs, {
      progress: { kind: 'own' },
      diverged: (r) => (r.diverged ? `${r.name} diverged at ${r.diverged.atStep}.` : undefined),
      onResult: (r) => seen.push(r.name),
    });
    p.finish('residual', 5, 5);
    p.finish('plain', 3, 3);
    const summary = await run;
    expect(log.filter((l) => l.startsWith('message'))).toEqual(['message residual diverged at 5.', 'message plain diverged at 3. residual diverged at 5.']);
    expect(summary.diverged).toEqual(['plain diverged at 3.', 'residual diverged at 5.']);
    expect(seen).toEqual(['residual', 'plain']);
  });

  it('a stopped job hands nothing over and is not counted as done', async () => {
    const p = fakePool();
    const { bar, log } = fakeBar();
    const ended: number[] = [];
    const run = runJobs(p.pool, bar, jobs, {
      progress: { kind: 'steps', work: (j) => ({ steps: j.steps }), step: (pr) => pr.step },
      onResult: () => {
        throw new Error('no result expected');
      },
      onEnd: (i) => ended.push(i),
    });
    p.progress('plain', 2);
    p.stop('plain');
    p.stop('residual');
    const summary = await run;
    expect(summary.outcomes.map((o) => o.kind)).toEqual(['stopped', 'stopped']);
    expect(log.filter((l) => l.startsWith('step'))).toEqual(['step 0 2']);
    expect(ended.sort()).toEqual([0, 1]);
  });

  it('shows phases from each job’s own done / total, in job order', async () => {
    const p = fakePool();
    const { bar, log } = fakeBar();
    const run = runJobs(p.pool, bar, jobs, {
      progress: { kind: 'phases', position: (pr) => (pr.phase === 'note' ? undefined : { done: pr.step, total: pr.total }), text: (latest) => latest.map((pr) => `${pr.name} ${pr.phase}`).join(' · ') },
    });
    p.progress('residual', 5, 20, 'row');
    p.progress('plain', 10, 20, 'line');
    p.progress('plain', 0, 0, 'note');
    p.finish('plain', 20);
    p.finish('residual', 20);
    await run;
    // A message that moves no phase (e.g. a side result) leaves the bar as it was.
    expect(log.filter((l) => l.startsWith('progress'))).toEqual(['progress 0.25 residual row', 'progress 0.38 plain line · residual row', 'progress 0.38 plain line · residual row']);
  });

  it('passes a worker crash on to the run bar (the promise rejects)', async () => {
    const p = fakePool();
    const { bar } = fakeBar();
    const run = runJobs(p.pool, bar, jobs, { progress: { kind: 'own' } });
    p.crash('plain');
    await expect(run).rejects.toThrow('worker crashed');
  });

  it('schedules no redraw when told progress changes nothing drawn', async () => {
    const p = fakePool();
    const { bar } = fakeBar();
    let draws = 0;
    const run = runJobs(p.pool, bar, [jobs[0]!], { progress: { kind: 'own' }, redraw: false }, () => draws++);
    p.progress('plain', 1);
    p.finish('plain', 1);
    await run;
    expect(draws).toBe(0);
  });

  it('with startedOnReady false, the run is running only once progress arrives', async () => {
    const p = fakePool();
    const { bar, log } = fakeBar();
    const run = runJobs(p.pool, bar, [jobs[0]!], { progress: { kind: 'own' }, startedOnReady: false });
    p.ready('plain');
    expect(log).toEqual(['ready wasm']);
    p.progress('plain', 1);
    expect(log).toEqual(['ready wasm', 'started']);
    p.finish('plain', 1);
    await run;
  });
});

describe('jobsProgress: the share done over jobs that reported', () => {
  it('sums done and total over the jobs that have a position', () => {
    expect(jobsProgress([{ done: 5, total: 10 }, undefined, { done: 0, total: 30 }])).toBe(0.125);
    expect(jobsProgress([undefined, undefined])).toBe(0);
  });
});

describe('createFrameBatch: at most one redraw per animation frame', () => {
  function fakeFrames() {
    const queued = new Map<number, () => void>();
    let next = 1;
    return {
      raf: (cb: () => void) => {
        queued.set(next, cb);
        return next++;
      },
      caf: (id: number) => queued.delete(id),
      run: () => {
        const cbs = [...queued.values()];
        queued.clear();
        cbs.forEach((cb) => cb());
      },
      get pending() {
        return queued.size;
      },
    };
  }

  it('draws once for many schedules before a frame', async () => {
    const f = fakeFrames();
    let draws = 0;
    const batch = createFrameBatch(() => draws++, f.raf, f.caf);
    batch.schedule();
    batch.schedule();
    batch.schedule();
    expect(f.pending).toBe(1);
    f.run();
    expect(draws).toBe(1);
    batch.schedule();
    f.run();
    expect(draws).toBe(2);
    await tick();
  });

  it('flush draws now and drops the scheduled frame; cancel drops it without drawing', () => {
    const f = fakeFrames();
    let draws = 0;
    const batch = createFrameBatch(() => draws++, f.raf, f.caf);
    batch.schedule();
    batch.flush();
    expect(draws).toBe(1);
    expect(f.pending).toBe(0);
    batch.schedule();
    batch.cancel();
    f.run();
    expect(draws).toBe(1);
    batch.schedule();
    expect(f.pending).toBe(1);
  });
});
