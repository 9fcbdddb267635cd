/**
 * The run bar of the training widgets (markup: `RunBar.astro`): Train, Pause/Resume, Stop,
 * "Restart worker" after a crash, a progress bar with its text, the backend in use, and the
 * message line under the bar. `createRunBar` wires those to a worker pool and runs one training
 * at a time through `run(body)`, so every widget handles buttons, statuses and failures alike:
 *
 * - the root's `data-status` goes `loading` at the start (the widget moves it to `running` with
 *   `started()`), `done` when the body returns, `error` when it throws;
 * - `data-paused` is `"pending"` from the Pause press until every worker has acknowledged it, then
 *   `"true"` (no progress arrives from then until Resume), absent otherwise;
 * - a crashed worker (`WorkerCrashed`) shows `widget.crashed` and the restart button; any other
 *   error shows `widget.failed` and restarts the pool, so the next Train gets fresh workers.
 */
import { fill } from '../../lib/i18n/translate';
import type { BackendName } from '../../workers/protocol';
import { WorkerCrashed, type WorkerPool } from '../../workers/worker-pool';
import type { WidgetRuntime } from './widget-runtime';

export interface RunBar {
  /** True from the start of `run` until its body has settled. */
  readonly running: boolean;
  /** Shows `text` on the message line (`''` hides it). */
  message(text: string): void;
  /**
   * The progress bar at `fraction` ∈ [0, 1] with its text (e.g. steps done / total); given when the
   * work began (`performance.now()` ms), the text ends with the time left, once it can be guessed.
   */
  progress(fraction: number, text: string, since?: number): void;
  /** A worker is ready: shows its backend, and why it fell back to CPU if it did. */
  ready(backend: BackendName, fallbackReason?: string): void;
  /** The first step has come: `loading` → `running` (later calls do nothing). */
  started(): void;
  /** Runs `body` as the one training in progress; a call while one runs is ignored. */
  run(body: () => Promise<void>): Promise<void>;
}

/** `train` is what the Train button does (usually a function calling `run`). */
export function createRunBar(
  rt: Pick<WidgetRuntime<never>, 'root' | 't' | 'setStatus'>,
  pool: Pick<WorkerPool<unknown, unknown, unknown>, 'pause' | 'resume' | 'stop' | 'restart'>,
  train: () => void,
): RunBar {
  const root = rt.root;
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel);
  const trainBtn = q<HTMLButtonElement>('[data-run="train"]')!;
  const pauseBtn = q<HTMLButtonElement>('[data-run="pause"]');
  const stopBtn = q<HTMLButtonElement>('[data-run="stop"]')!;
  const restartBtn = q<HTMLButtonElement>('[data-run="restart"]')!;
  const progressEl = q<HTMLProgressElement>('[data-progress]')!;
  const progressText = q<HTMLElement>('[data-progress-text]')!;
  const backendEl = q<HTMLElement>('[data-backend]')!;
  const messageEl = q<HTMLElement>('[data-message]')!;

  let running = false;
  let paused = false;
  let pauses = 0; // which Pause press an acknowledgement answers

  const message = (text: string) => {
    messageEl.textContent = text;
    messageEl.hidden = !text;
  };

  const setPaused = (on: boolean) => {
    paused = on;
    if (pauseBtn) pauseBtn.textContent = rt.t(on ? 'widget.resume' : 'widget.pause');
    if (on) root.dataset.paused = 'pending';
    else delete root.dataset.paused;
  };

  const setRunning = (on: boolean) => {
    running = on;
    trainBtn.disabled = on;
    if (pauseBtn) pauseBtn.disabled = !on;
    stopBtn.disabled = !on;
    setPaused(false);
  };

  trainBtn.addEventListener('click', () => train());
  pauseBtn?.addEventListener('click', () => {
    if (!running) return;
    setPaused(!paused);
    if (!paused) pool.resume();
    else {
      const press = ++pauses;
      void pool.pause().then(() => {
        if (paused && running && press === pauses) root.dataset.paused = 'true';
      });
    }
  });
  stopBtn.addEventListener('click', () => pool.stop());
  restartBtn.addEventListener('click', () => {
    pool.restart();
    restartBtn.hidden = true;
    message('');
    rt.setStatus('idle');
  });

  return {
    get running() {
      return running;
    },
    message,
    progress(fraction, text, since) {
      progressEl.value = fraction;
      // The first few percent (worker start-up, first read-backs) say too little about the rest.
      if (since !== undefined && fraction > 0.03 && fraction < 1) {
        const elapsed = (performance.now() - since) / 1000;
        text += ` · ${fill(rt.t('widget.eta'), { s: Math.max(0, Math.round((elapsed / fraction) * (1 - fraction))) })}`;
      }
      progressText.textContent = text;
    },
    ready(backend, fallbackReason) {
      backendEl.textContent = backend === 'wasm' ? 'WASM (SIMD)' : 'CPU';
      root.dataset.backend = backend;
      if (fallbackReason) message(fill(rt.t('widget.fallback'), { msg: fallbackReason }));
    },
    started() {
      if (root.dataset.status === 'loading') rt.setStatus('running');
    },
    async run(body) {
      if (running) return;
      message('');
      restartBtn.hidden = true;
      setRunning(true);
      rt.setStatus('loading');
      try {
        await body();
        rt.setStatus('done');
      } catch (err) {
        pool.stop();
        const msg = err instanceof Error ? err.message : String(err);
        if (err instanceof WorkerCrashed) {
          message(fill(rt.t('widget.crashed'), { msg }));
          restartBtn.hidden = false;
        } else {
          message(fill(rt.t('widget.failed'), { msg }));
          pool.restart();
        }
        rt.setStatus('error');
      } finally {
        setRunning(false);
      }
    },
  };
}
