/**
 * The conv-explorer's stepping window: Play / Pause (every 60 ms one position, off under reduced
 * motion, with a note saying so), one step forward or back, and the position slider. Owns the
 * position (0 … total − 1, row-major over the feature map) and calls `show()` after each move.
 */
export interface StepperElements {
  play: HTMLButtonElement;
  forward: HTMLButtonElement;
  back: HTMLButtonElement;
  scrub: HTMLInputElement;
  /** Shown when the reader prefers reduced motion (Play is then disabled). */
  reducedNote: HTMLElement;
  /** Its live announcements are off while playing. */
  readout: HTMLElement;
}

export interface Stepper {
  /** The current position. */
  readonly position: number;
  /** Moves to `position` (clamped to the positions there are), without redrawing. */
  moveTo(position: number): void;
  /** Sets how many positions there are (the slider's range); keeps the position inside it. */
  setTotal(total: number): void;
}

/**
 * `labels` are Play and Pause in the page's language; `onPlaying(true | false)` reports the widget
 * running or done; `show()` redraws at the current position.
 */
export function createStepper(els: StepperElements, labels: { play: string; pause: string }, onPlaying: (on: boolean) => void, show: () => void): Stepper {
  const reduced = matchMedia('(prefers-reduced-motion: reduce)');
  let position = 0;
  let total = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const last = () => Math.max(0, total - 1);

  function setPlaying(on: boolean) {
    if (on && reduced.matches) return;
    clearInterval(timer);
    timer = undefined;
    if (on) {
      if (position >= last()) position = 0;
      timer = setInterval(() => {
        if (position >= last()) return setPlaying(false);
        position++;
        show();
      }, 60);
    }
    els.play.textContent = on ? labels.pause : labels.play;
    els.play.setAttribute('aria-pressed', on ? 'true' : 'false');
    els.readout.setAttribute('aria-live', on ? 'off' : 'polite');
    onPlaying(on);
  }
  const applyMotion = () => {
    els.play.disabled = reduced.matches;
    els.reducedNote.hidden = !reduced.matches;
    if (reduced.matches) setPlaying(false);
  };
  reduced.addEventListener('change', applyMotion);
  applyMotion();
  els.play.addEventListener('click', () => setPlaying(timer === undefined));
  els.forward.addEventListener('click', () => {
    setPlaying(false);
    position = Math.min(position + 1, last());
    show();
  });
  els.back.addEventListener('click', () => {
    setPlaying(false);
    position = Math.max(position - 1, 0);
    show();
  });
  els.scrub.addEventListener('input', () => {
    setPlaying(false);
    position = Number(els.scrub.value);
    show();
  });

  return {
    get position() {
      return position;
    },
    moveTo(p) {
      position = Math.min(Math.max(0, p), last());
    },
    setTotal(n) {
      total = n;
      els.scrub.max = String(last());
      position = Math.min(position, last());
    },
  };
}
