/**
 * The run bar of the training widgets (markup: `RunBar.astro`): Train, Pause/Resume, Stop,
 * "Restart worker" after a crash, a progress bar with its text, the backend in use, and the
 * message line under the bar. `createRunBar` wires those to a worker pool and runs one training
 * at a time through `run(body)`, so every widget handles buttons, statuses and failures alike:
 *
 * - the root's `data-status` goes `loading` at the start (the widget moves it to `running` with
 *   `started()`), `done` when the body returns, `error` when it throws;
 * - the root's `data-run-state` says what the bar shows: `running`, `paused`, `stopping`,
 *   `stopped` (Stop was pressed; the text says where the run stopped, and no time left),
 *   `done` or `error` (absent before the first run);
 * - `data-paused` is `"pending"` from the Pause press until every worker has acknowledged it, then
 *   `"true"` (no progress arrives from then until Resume), absent otherwise;
 * - the time left is estimated from the work done so far, weighted by what each step costs
 *   (`track`: a deeper net's step costs more), and paused time does not count;
 * - a crashed worker (`WorkerCrashed`) shows `widget.crashed` and the restart button; any other
 *   error shows `widget.failed` and restarts the pool, so the next Train gets fresh workers.
 */
import { count } from '../../lib/i18n/number-format';
import { fill } from '../../lib/i18n/translate';
import type { BackendName } from '../../workers/protocol';
import { WorkerCrashed, type WorkerPool } from '../../workers/worker-pool';
import type { WidgetRuntime } from './widget-runtime';

export type RunState = 'running' | 'paused' | 'stopping' | 'stopped' | 'done' | 'error';

/** One job of a run, for the progress estimate: its steps and what one of its steps costs. */
export interface WorkItem {
  steps: number;
  /** Relative cost of one step (default 1), e.g. proportional to the net's depth. */
  cost?: number;
}

export interface WorkTracker {
  /** Job `index` has done `step` of its steps (redraws the bar). */
  step(index: number, step: number): void;
  /** Steps done and in total, over all jobs. */
  readonly done: number;
  readonly total: number;
}

export interface RunBar {
  /** True from the start of `run` until its body has settled. */
  readonly running: boolean;
  /** True once Stop was pressed in the current (or last) run. */
  readonly stopped: boolean;
  /** Shows `text` on the message line (`''` hides it). */
  message(text: string): void;
  /**
   * The progress bar at `fraction` ∈ [0, 1] with its text (e.g. steps done / total); given when the
   * work began (`performance.now()` ms), the text ends with the time left, once it can be guessed.
   * `fraction` should be the share of the *work* done (see `track`), not only of the steps.
   */
  progress(fraction: number, text: string, since?: number): void;
  /**
   * Progress over several jobs of unequal cost: the bar fills by work done (Σ cost × steps) and the
   * text reads `<head>done / total` (steps) with the time left. `head()` is read at every redraw.
   */
  track(items: readonly WorkItem[], head?: () => string): WorkTracker;
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
  const stateText = q<HTMLElement>('[data-run-state-text]');
  const backendEl = q<HTMLElement>('[data-backend]')!;
  const messageEl = q<HTMLElement>('[data-message]')!;

  let running = false;
  let paused = false;
  let stopped = false;
  /** The progress text without the time left (what the paused and stopped states show). */
  let counts = '';
  /** Pause bookkeeping: time spent paused does not count towards the estimate. */
  let pausedAt: number | undefined;
  let pausedMs = 0;
  let pauses = 0; // which Pause press an acknowledgement answers

  const message = (text: string) => {
    messageEl.textContent = text;
    messageEl.hidden = !text;
  };

  const stateLabel: Partial<Record<RunState, 'widget.paused' | 'widget.stopping' | 'widget.stopped'>> = {
    paused: 'widget.paused',
    stopping: 'widget.stopping',
    stopped: 'widget.stopped',
  };
  const showState = (state: RunState) => {
    root.dataset.runState = state;
    const key = stateLabel[state];
    if (stateText) {
      stateText.textContent = key ? rt.t(key) : '';
      stateText.hidden = !key;
    }
    if (key) progressText.textContent = counts;
  };

  const setPaused = (on: boolean) => {
    paused = on;
    if (pauseBtn) pauseBtn.textContent = rt.t(on ? 'widget.resume' : 'widget.pause');
    if (on) {
      root.dataset.paused = 'pending';
      pausedAt = performance.now();
    } else {
      delete root.dataset.paused;
      if (pausedAt !== undefined) pausedMs += performance.now() - pausedAt;
      pausedAt = undefined;
    }
    if (running && !stopped) showState(on ? 'paused' : 'running');
  };

  const setRunning = (on: boolean) => {
    running = on;
    trainBtn.disabled = on;
    if (pauseBtn) pauseBtn.disabled = !on;
    stopBtn.disabled = !on;
    if (paused) setPaused(false);
  };

  trainBtn.addEventListener('click', () => train());
  pauseBtn?.addEventListener('click', () => {
    if (!running || stopped) return;
    setPaused(!paused);
    if (!paused) pool.resume();
    else {
      const press = ++pauses;
      void pool.pause().then(() => {
        if (paused && running && press === pauses) root.dataset.paused = 'true';
      });
    }
  });
  stopBtn.addEventListener('click', () => {
    if (!running) return;
    if (paused) setPaused(false);
    stopped = true;
    showState('stopping');
    pool.stop();
  });
  restartBtn.addEventListener('click', () => {
    pool.restart();
    restartBtn.hidden = true;
    message('');
    rt.setStatus('idle');
  });

  const progress = (fraction: number, text: string, since?: number) => {
    progressEl.value = fraction;
    counts = text;
    // Paused or stopping: the bar keeps its state text, and no time left is guessed.
    if (paused || stopped) {
      progressText.textContent = text;
      return;
    }
    // The first few percent (worker start-up, first read-backs) say too little about the rest.
    if (since !== undefined && fraction > 0.03 && fraction < 1) {
      const elapsed = (performance.now() - since - pausedMs) / 1000;
      text += ` · ${fill(rt.t('widget.eta'), { s: Math.max(0, Math.round((elapsed / fraction) * (1 - fraction))) })}`;
    }
    progressText.textContent = text;
  };

  return {
    get running() {
      return running;
    },
    get stopped() {
      return stopped;
    },
    message,
    progress,
    track(items, head = () => '') {
      const t0 = performance.now();
      const costOf = (i: number) => items[i]?.cost ?? 1;
      const work = items.reduce((w, it, i) => w + costOf(i) * it.steps, 0);
      const total = items.reduce((n, it) => n + it.steps, 0);
      const done = new Map<number, number>();
      const draw = () => {
        let steps = 0;
        let w = 0;
        for (const [i, s] of done) {
          steps += s;
          w += costOf(i) * s;
        }
        progress(work ? w / work : 0, `${head()}${count(steps)} / ${count(total)}`, t0);
        return steps;
      };
      let doneSteps = 0;
      doneSteps = draw();
      return {
        step(index, step) {
          done.set(index, Math.min(step, items[index]?.steps ?? step));
          doneSteps = draw();
        },
        get done() {
          return doneSteps;
        },
        total,
      };
    },
    ready(backend, fallbackReason) {
      backendEl.textContent = backend === 'webgpu' ? 'WebGPU' : backend === 'wasm' ? 'WASM (SIMD)' : 'CPU';
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
      stopped = false;
      pausedMs = 0;
      counts = '';
      setRunning(true);
      showState('running');
      rt.setStatus('loading');
      try {
        await body();
        showState(stopped ? 'stopped' : 'done');
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
        showState('error');
        rt.setStatus('error');
      } finally {
        setRunning(false);
      }
    },
  };
}

/**
 * What a widget's empty chart says (the `empty` option of the charts): while a run is under way,
 * that its first numbers are coming; otherwise, that Train runs the settings shown.
 */
export function chartEmptyText(rt: Pick<WidgetRuntime<never>, 'root' | 't'>): () => string {
  return () => (['running', 'paused'].includes(rt.root.dataset.runState ?? '') ? rt.t('chart.training') : rt.t('chart.empty'));
}

/**
 * A stopped run's curves end together: every list in `lists` (points of one net each, in step
 * order) is cut back to the last step all the non-empty ones reached. Returns that step.
 */
export function endTogether<T>(lists: T[][], stepOf: (item: T) => number): number | undefined {
  const ends = lists.filter((l) => l.length).map((l) => stepOf(l.at(-1)!));
  if (!ends.length) return undefined;
  const end = Math.min(...ends);
  for (const l of lists) {
    let n = l.length;
    while (n > 0 && stepOf(l[n - 1]!) > end) n--;
    l.length = n;
  }
  return end;
}
