/**
 * One training session on the page: what every training widget's client would otherwise repeat.
 * `createTrainingSession(rt, options)` owns
 *
 * - the worker pool (from the widget's worker factory) and the run bar (`run-bar.ts`: Train,
 *   Pause with its acknowledgement → `data-paused="true"`, Stop, restart after a crash, states);
 * - running a set of jobs (`runJobs`): backend shown and `loading` → `running` on the first
 *   worker ready, progress over all jobs (weighted steps, or each job's own done/total with a
 *   phase text), the divergence message (`data-diverged` while a run's job diverged), and at the
 *   end `data-worker-tensors` (tensors left in each worker) and `data-run-ms` (wall time);
 * - requestAnimationFrame batching of redraws (`schedule`, `flush`): progress arrives in bursts,
 *   a message handler never draws; `data-first-loss-ms` once the first loss is on screen;
 * - the recorded-vs-live switch (`show`): the recording when the settings match it, else empty
 *   charts (which then say what to do: `chartEmptyText`).
 *
 * The widget keeps what is its own: controls, charts, tables and what a job's numbers mean.
 * `runJobs`, `createFrameBatch` and `jobsProgress` have no DOM (unit-tested with a fake pool).
 */
import type { BackendName } from '../../workers/protocol';
import { WorkerPool, type JobOutcome } from '../../workers/worker-pool';
import { createRunBar, type RunBar, type WorkItem } from './run-bar';
import type { WidgetRuntime } from './widget-runtime';

/** What `runJobs` needs of a pool (a `WorkerPool`, or a fake in tests). */
export type JobPool<Job, Progress, Result> = Pick<WorkerPool<Job, Progress, Result>, 'run'>;

/** What `runJobs` needs of a run bar. */
export type ProgressBar = Pick<RunBar, 'ready' | 'started' | 'track' | 'progress' | 'message'>;

/** A job's position, for progress shown as each job's own done / total (with a phase text). */
export interface JobPosition {
  done: number;
  total: number;
}

/** How `runJobs` moves the progress bar. */
export type JobsProgress<Job, Progress, Result> =
  | {
      /** By training steps: `head` + `done / total` steps, the bar filled by work (Σ cost × steps). */
      kind: 'steps';
      /** Steps and cost of a job (default cost 1). */
      work: (job: Job) => WorkItem;
      /** Steps a progress message says are done. */
      step: (p: Progress) => number;
      /** Steps a finished job did (default: the job's steps). */
      finished?: (r: Result, job: Job) => number;
      /** Read at every redraw, e.g. `"Run 2 of 6 · "`. */
      head?: () => string;
    }
  | {
      /** By each job's own done / total (units of the worker's choosing); `text` names the phases. */
      kind: 'phases';
      /** Where a progress message puts its job; undefined: the message moves no phase (the last one stays shown). */
      position: (p: Progress) => JobPosition | undefined;
      /** The bar's text from the latest progress message of each job that has sent one (job order). */
      text: (latest: Progress[]) => string;
    }
  /** The widget moves the bar itself (`bar.progress`) from its `onProgress`. */
  | { kind: 'own' };

export interface JobsOptions<Job, Progress, Result> {
  progress: JobsProgress<Job, Progress, Result>;
  /** Every progress message, after the bar moved; a redraw is scheduled after it (unless `redraw` is false). */
  onProgress?(p: Progress, index: number, job: Job): void;
  /** False when progress changes nothing drawn live (e.g. a sweep draws each run's end only). Default true. */
  redraw?: boolean;
  /** A job finished (not stopped), after its divergence message, if any, was shown. */
  onResult?(r: Result, index: number, job: Job): void;
  /** The message when a finished job diverged, else undefined (messages of several jobs are joined). */
  diverged?(r: Result, job: Job): string | undefined;
  /** `loading` → `running` when a worker is ready (default) or only at the first progress message (`false`: e.g. data still loading). */
  startedOnReady?: boolean;
  /** True when a progress message carries a loss: the first one on screen sets `data-first-loss-ms`. */
  hasLoss?(p: Progress): boolean;
  /** A job ended (finished, diverged or stopped), e.g. to count finished runs in `head`. */
  onEnd?(index: number): void;
}

export interface JobsSummary<Result> {
  outcomes: JobOutcome<Result>[];
  /** The divergence messages, job order. */
  diverged: string[];
  /** `performance.now()` when the jobs were started. */
  startedAt: number;
}

/** Progress messages come from several jobs: the bar's fraction and text over all of them. */
export function jobsProgress(positions: readonly (JobPosition | undefined)[]): number {
  let done = 0;
  let total = 0;
  for (const p of positions) {
    if (!p) continue;
    done += p.done;
    total += p.total;
  }
  return total ? done / total : 0;
}

/**
 * Runs `jobs` at once on `pool` (which queues what it cannot start), moving `bar` and calling the
 * handlers; resolves when every job has finished, diverged or been stopped. A worker crash rejects
 * (the run bar reports it). `scheduleDraw` is called after every progress message.
 */
export async function runJobs<Job, Progress, Result>(
  pool: JobPool<Job, Progress, Result>,
  bar: ProgressBar,
  jobs: readonly Job[],
  options: JobsOptions<Job, Progress, Result>,
  scheduleDraw: () => void = () => {},
  now: () => number = () => performance.now(),
): Promise<JobsSummary<Result>> {
  const startedAt = now();
  const progress = options.progress;
  const tracker = progress.kind === 'steps' ? bar.track(jobs.map(progress.work), progress.head) : undefined;
  const positions: (JobPosition | undefined)[] = jobs.map(() => undefined);
  const latest: (Progress | undefined)[] = jobs.map(() => undefined);
  const drawPhases = () => {
    if (progress.kind !== 'phases') return;
    bar.progress(jobsProgress(positions), progress.text(latest.filter((p): p is Progress => p !== undefined)), startedAt);
  };
  const diverged: (string | undefined)[] = jobs.map(() => undefined);
  const outcomes = await Promise.all(
    jobs.map((job, index) =>
      pool
        .run(job, {
          onReady: (backend: BackendName, reason?: string) => {
            bar.ready(backend, reason);
            if (options.startedOnReady !== false) bar.started();
          },
          onProgress: (p) => {
            bar.started();
            if (progress.kind === 'steps') tracker!.step(index, progress.step(p));
            else if (progress.kind === 'phases') {
              const position = progress.position(p);
              if (position) {
                positions[index] = position;
                latest[index] = p;
              }
              drawPhases();
            }
            options.onProgress?.(p, index, job);
            if (options.redraw !== false) scheduleDraw();
          },
        })
        .then((outcome) => {
          options.onEnd?.(index);
          if (outcome.kind !== 'done') return outcome;
          const r = outcome.result;
          if (progress.kind === 'steps') tracker!.step(index, progress.finished?.(r, job) ?? progress.work(job).steps);
          const message = options.diverged?.(r, job);
          if (message !== undefined) {
            diverged[index] = message;
            bar.message(diverged.filter(Boolean).join(' '));
          }
          options.onResult?.(r, index, job);
          return outcome;
        }),
    ),
  );
  return { outcomes, diverged: diverged.filter((m): m is string => m !== undefined), startedAt };
}

export interface FrameBatch {
  /** Draws at the next animation frame (once, however often it is called before). */
  schedule(): void;
  /** Draws now; a scheduled frame is dropped. */
  flush(): void;
  /** Drops a scheduled frame without drawing. */
  cancel(): void;
}

/** Batches redraws to one per animation frame (`raf`/`caf` injectable for tests). */
export function createFrameBatch(
  draw: () => void,
  raf: (cb: () => void) => number = (cb) => requestAnimationFrame(cb),
  caf: (id: number) => void = (id) => cancelAnimationFrame(id),
): FrameBatch {
  let frame = 0;
  const cancel = () => {
    if (frame) caf(frame);
    frame = 0;
  };
  return {
    schedule() {
      if (frame) return;
      frame = raf(() => {
        frame = 0;
        draw();
      });
    },
    flush() {
      cancel();
      draw();
    },
    cancel,
  };
}

export interface SessionOptions {
  /** A new worker of the widget's kind: `() => new Worker(new URL('…', import.meta.url), { type: 'module' })`. */
  worker: () => Worker;
  /** Workers in the pool (default 2: the nets of a comparison train at once). */
  workers?: number;
  /** The backend the workers try first (default WASM; WebGPU falls back to WASM, then CPU). */
  backend?: BackendName;
  /** Redraws the live view (charts, tables, headline); called at most once per frame while training. */
  draw: () => void;
  /** Shows the recording when the current settings are the recorded ones; returns whether it did. */
  recorded: () => boolean;
  /** Empties the view (the charts then say what to do). */
  clear: () => void;
}

export interface TrainingSession<Job, Progress, Result> extends FrameBatch {
  readonly pool: WorkerPool<Job, Progress, Result>;
  readonly bar: RunBar;
  /** True from Train until the run has settled. */
  readonly running: boolean;
  /** True once Stop was pressed in the current (or last) run. */
  readonly stopped: boolean;
  /** The recording when the settings match it, else an empty view; returns whether it was the recording. */
  show(): boolean;
  /**
   * What Train does: the run bar runs `body` (one run at a time); afterwards the live view is drawn
   * once more (a stopped run's last frame included). `onTrain` is called when Train is pressed.
   */
  onTrain(body: () => Promise<void>): void;
  /** Runs jobs as part of the body (see `runJobs`); sets `data-diverged`, `data-first-loss-ms`, `data-run-ms`, `data-worker-tensors`. */
  jobs(jobs: readonly Job[], options: JobsOptions<Job, Progress, Result>): Promise<JobsSummary<Result>>;
}

export function createTrainingSession<Job, Progress, Result>(
  rt: Pick<WidgetRuntime<never>, 'root' | 't' | 'setStatus'>,
  options: SessionOptions,
): TrainingSession<Job, Progress, Result> {
  const root = rt.root;
  const pool = new WorkerPool<Job, Progress, Result>(options.worker, options.workers ?? 2, options.backend);
  let body: (() => Promise<void>) | undefined;
  const bar = createRunBar(rt, pool, () => {
    if (body) void train(body);
  });
  /** performance.now() at Train while the first loss is not yet on screen. */
  let firstLossSince: number | undefined;
  let firstLossPending = false;
  const frames = createFrameBatch(() => {
    options.draw();
    if (firstLossPending && firstLossSince !== undefined) {
      // Measured once the first loss is on screen (read by npm run bench).
      root.dataset.firstLossMs = String(Math.round(performance.now() - firstLossSince));
      firstLossPending = false;
      firstLossSince = undefined;
    }
  });

  const train = (run: () => Promise<void>) =>
    bar.run(async () => {
      try {
        await run();
      } finally {
        frames.flush();
      }
    });

  return {
    pool,
    bar,
    get running() {
      return bar.running;
    },
    get stopped() {
      return bar.stopped;
    },
    ...frames,
    show() {
      const shown = options.recorded();
      if (!shown) options.clear();
      return shown;
    },
    onTrain(run) {
      body = run;
    },
    async jobs(jobs, jobOptions) {
      delete root.dataset.diverged;
      delete root.dataset.firstLossMs;
      firstLossPending = false;
      firstLossSince = jobOptions.hasLoss ? performance.now() : undefined;
      const hasLoss = jobOptions.hasLoss;
      const summary = await runJobs(
        pool,
        bar,
        jobs,
        hasLoss
          ? {
              ...jobOptions,
              onProgress: (p, i, job) => {
                if (firstLossSince !== undefined && hasLoss(p)) firstLossPending = true;
                jobOptions.onProgress?.(p, i, job);
              },
            }
          : jobOptions,
        frames.schedule,
      );
      // Wall time of the run (read by npm run bench), tensors left in each worker (long-use checks).
      root.dataset.runMs = String(Math.round(performance.now() - summary.startedAt));
      root.dataset.workerTensors = pool.tensorCounts.join(',');
      if (summary.diverged.length) root.dataset.diverged = '';
      return summary;
    },
  };
}
