/**
 * The one message protocol between widgets (main thread) and training workers. Every worker
 * speaks it; a job's own types (what to train, what progress looks like, what it returns) are
 * the type parameters.
 *
 * main → worker: start a job, pause, resume, stop.
 * worker → main: ready (with the backend it got), progress, paused (the job is holding at a
 * checkpoint: no progress comes until resume), done, stopped, error.
 */
/** The tfjs backend a job asks for (and the one it got): WebGPU → WASM → CPU, see `backend.ts`. */
export type BackendName = 'webgpu' | 'wasm' | 'cpu';

export type ToWorker<Job> =
  | { type: 'start'; runId: number; job: Job; backend: BackendName }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'stop'; runId: number };

export type FromWorker<Progress, Result> =
  | { type: 'ready'; runId: number; backend: BackendName; fallbackReason?: string }
  | { type: 'progress'; runId: number; progress: Progress }
  | { type: 'paused'; runId: number }
  /** `tensors`: tfjs tensors alive in the worker after the job (flat over many runs, or a leak). */
  | { type: 'done'; runId: number; result: Result; tensors?: number }
  | { type: 'stopped'; runId: number }
  | { type: 'error'; runId: number; message: string };
