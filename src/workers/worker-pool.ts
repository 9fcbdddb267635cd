/**
 * The main-thread side of the protocol: a small pool of workers (one per core by default) that
 * runs jobs, forwards progress, and supports pause / resume / stop of everything in flight.
 * A worker that dies (an uncaught error, a failed load) rejects its job with `WorkerCrashed` and is
 * replaced on the next run; `restart()` replaces all of them.
 */
import type { BackendName, FromWorker, ToWorker } from './protocol';

export class WorkerCrashed extends Error {}

export interface JobHandlers<Progress> {
  onReady?(backend: BackendName, fallbackReason?: string): void;
  onProgress?(progress: Progress): void;
}

export type JobOutcome<Result> = { kind: 'done'; result: Result } | { kind: 'stopped' };

interface Slot<Job> {
  worker?: Worker;
  /** Tensors alive in this worker after its last job (what the worker reported). */
  tensors?: number;
  /** The job running on this worker; `held` once it acknowledged a pause. */
  busy?: { runId: number; held: boolean; fail(err: Error): void };
  send(message: ToWorker<Job>): void;
}

let nextRunId = 1;

export class WorkerPool<Job, Progress, Result> {
  private slots: Slot<Job>[];
  private queue: { start: () => void; cancel: () => void }[] = [];
  private paused = false;
  private pauseWaiters: (() => void)[] = [];

  constructor(
    private readonly factory: () => Worker,
    size = Math.max(1, Math.min(2, globalThis.navigator?.hardwareConcurrency ?? 2)),
    private readonly backend: BackendName = 'wasm',
  ) {
    this.slots = Array.from({ length: size }, () => this.emptySlot());
  }

  get size() {
    return this.slots.length;
  }

  /** Tensors alive in each started worker after its last job: flat across runs unless something leaks. */
  get tensorCounts(): number[] {
    return this.slots.flatMap((s) => (s.worker && s.tensors !== undefined ? [s.tensors] : []));
  }

  private emptySlot(): Slot<Job> {
    const slot: Slot<Job> = {
      send: (message) => slot.worker?.postMessage(message),
    };
    return slot;
  }

  private ensureWorker(slot: Slot<Job>) {
    if (slot.worker) return slot.worker;
    const worker = this.factory();
    slot.tensors = undefined;
    worker.addEventListener('error', (e) => {
      e.preventDefault?.();
      slot.busy?.fail(new WorkerCrashed(e.message || 'worker failed'));
      worker.terminate();
      if (slot.worker === worker) slot.worker = undefined;
    });
    slot.worker = worker;
    return worker;
  }

  /** Runs one job on the next free worker. Resolves with its result, or `stopped`. */
  run(job: Job, handlers: JobHandlers<Progress> = {}): Promise<JobOutcome<Result>> {
    return new Promise((resolve, reject) => {
      const start = () => {
        const slot = this.slots.find((s) => !s.busy);
        if (!slot) {
          this.queue.push({ start, cancel: () => resolve({ kind: 'stopped' }) });
          return;
        }
        const runId = nextRunId++;
        const worker = this.ensureWorker(slot);
        const finish = () => {
          worker.removeEventListener('message', onMessage);
          slot.busy = undefined;
          this.queue.shift()?.start();
          this.settlePause();
        };
        const onMessage = (event: MessageEvent<FromWorker<Progress, Result>>) => {
          const m = event.data;
          if (m.runId !== runId) return;
          if (m.type === 'ready') handlers.onReady?.(m.backend, m.fallbackReason);
          else if (m.type === 'progress') handlers.onProgress?.(m.progress);
          else if (m.type === 'paused') {
            if (slot.busy) slot.busy.held = true;
            this.settlePause();
          }
          else if (m.type === 'done') {
            if (m.tensors !== undefined) slot.tensors = m.tensors;
            finish();
            resolve({ kind: 'done', result: m.result });
          } else if (m.type === 'stopped') {
            finish();
            resolve({ kind: 'stopped' });
          } else if (m.type === 'error') {
            finish();
            reject(new Error(m.message));
          }
        };
        slot.busy = {
          runId,
          held: false,
          fail: (err) => {
            finish();
            reject(err);
          },
        };
        worker.addEventListener('message', onMessage);
        slot.send({ type: 'start', runId, job, backend: this.backend });
        if (this.paused) slot.send({ type: 'pause', runId });
      };
      start();
    });
  }

  /**
   * Pauses every running job at its next checkpoint (queued jobs start paused). Resolves once every
   * running job has acknowledged — from then on no progress arrives until `resume` — or has ended.
   */
  pause(): Promise<void> {
    this.paused = true;
    for (const s of this.slots) if (s.busy && !s.busy.held) s.send({ type: 'pause', runId: s.busy.runId });
    return new Promise((resolve) => {
      this.pauseWaiters.push(resolve);
      this.settlePause();
    });
  }

  /** Resolves the pending `pause()` promises once nothing is running unheld (or the pause was lifted). */
  private settlePause() {
    if (this.paused && this.slots.some((s) => s.busy && !s.busy.held)) return;
    for (const r of this.pauseWaiters.splice(0)) r();
  }

  resume() {
    this.paused = false;
    for (const s of this.slots) {
      if (!s.busy) continue;
      s.busy.held = false;
      s.send({ type: 'resume', runId: s.busy.runId });
    }
    this.settlePause();
  }

  /** Stops everything: queued jobs never start, running ones end at their next checkpoint. */
  stop() {
    this.paused = false;
    this.settlePause();
    for (const q of this.queue.splice(0)) q.cancel();
    for (const s of this.slots) if (s.busy) s.send({ type: 'stop', runId: s.busy.runId });
  }

  /** Terminates every worker (e.g. after a crash); new ones start with the next job. */
  restart() {
    for (const q of this.queue.splice(0)) q.cancel();
    for (const s of this.slots) {
      s.busy?.fail(new WorkerCrashed('restarted'));
      s.worker?.terminate();
      s.worker = undefined;
    }
    this.paused = false;
    this.settlePause();
  }

  dispose() {
    this.restart();
  }
}
