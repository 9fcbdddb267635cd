/**
 * Loads a widget's code only when it is needed: at once when the link addresses the widget
 * (`?w=<id>` or `#<id>`) or the widget is within `margin` px of the viewport when the page opens,
 * otherwise when it comes that close. Keeps tfjs, D3 and the widget's client off pages and scroll
 * positions that never show it.
 *
 * The page ships with `data-status="idle"`; the root says `loading` from the moment its code is
 * requested, until the widget reports `idle` or `done` (or `error` here, if the code cannot load).
 * What a reader does to the widget before its code has arrived is not lost: settings changed in
 * the meantime are applied again, and the last button pressed (Train, Export…) is pressed again,
 * once it is mounted. The root carries `data-mounted` from then on (a hook for tests and scripts:
 * `data-status="idle"` alone is also what the page ships before any code has loaded).
 *
 * Mounting never competes with the page's own loading, and never blocks the main thread for long:
 * mounts wait for the page's `load` event, run one widget at a time, and yield to the browser
 * before each (`yieldToMain`); a widget's `start` yields again between building its controls and
 * drawing its first figures. Whether a widget is near the viewport is asked of an
 * IntersectionObserver, never by measuring the page (which would force a layout of the whole
 * chapter while it is still loading). Each mount is recorded as a performance measure
 * `nb:mount:<id>`.
 */
export function lazyMount(id: string, load: (root: HTMLElement) => Promise<unknown>, margin = 400) {
  const root = document.getElementById(id);
  if (!root) return;
  repairQuery();

  let pressed: HTMLButtonElement | undefined;
  const edited = new Map<HTMLInputElement | HTMLSelectElement, { value: string; checked: boolean }>();
  const keep = (e: Event) => {
    const target = e.target as Element | null;
    if (e.type === 'click') {
      const button = target?.closest<HTMLButtonElement>('button');
      if (button && root.contains(button)) pressed = button;
    } else if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) {
      edited.set(target, { value: target.value, checked: target instanceof HTMLInputElement && target.checked });
    }
    void mount(true);
  };
  const early = ['click', 'input', 'change', 'focusin'] as const;
  for (const type of early) root.addEventListener(type, keep);
  const stopKeeping = () => {
    for (const type of early) root.removeEventListener(type, keep);
  };

  let started: Promise<void> | undefined;
  /** `urgent`: the reader is acting on the widget, so it need not wait for the page to finish loading. */
  const mount = (urgent = false) =>
    (started ??= (() => {
      root.dataset.status = 'loading';
      return inTurn(urgent, async () => {
        performance.mark(`nb:mount:${id}:start`);
        await load(root);
        performance.measure(`nb:mount:${id}`, `nb:mount:${id}:start`);
      }).then(
        () => {
          stopKeeping();
          for (const [el, was] of edited) {
            if (el.disabled) continue; // locked by the link
            if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) el.checked = was.checked;
            else el.value = was.value;
            el.dispatchEvent(new Event('input', { bubbles: true }));
            el.dispatchEvent(new Event('change', { bubbles: true }));
          }
          if (pressed && !pressed.disabled) pressed.click();
          root.dataset.mounted = '';
        },
        (err: unknown) => {
          stopKeeping();
          root.dataset.status = 'error';
          console.warn(`${id}: the widget could not load`, err);
        },
      );
    })());

  const addressed = location.hash === `#${id}` || new URLSearchParams(location.search).getAll('w').includes(id);
  if (addressed) {
    void mount();
    return;
  }
  // The first callback comes after the next layout the page makes anyway: near the viewport now
  // (within `margin`) mounts then; otherwise when the reader scrolls close.
  const io = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        void mount();
      }
    },
    { rootMargin: `${margin}px` },
  );
  io.observe(root);
}

/** Gives the browser a turn (input, rendering) before continuing: `scheduler.yield` where there is one, else a new task. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// The page's load event, or 5 s, whichever comes first (a stalled image must not keep widgets away).
/** Runs drawing steps one per task (a widget's first figures), so no single task runs long. */
export async function inSteps(steps: readonly (() => void)[]): Promise<void> {
  for (const [i, step] of steps.entries()) {
    if (i > 0) await yieldToMain();
    step();
  }
}

const pageLoaded = new Promise<void>((resolve) => {
  if (document.readyState === 'complete') resolve();
  else {
    addEventListener('load', () => resolve(), { once: true });
    setTimeout(resolve, 5000);
  }
});
let queue: Promise<unknown> = Promise.resolve();

/** Runs widget mounts one after another, each after the page has loaded (unless urgent) and after a yield. */
function inTurn(urgent: boolean, job: () => Promise<void>): Promise<void> {
  const run = queue.then(async () => {
    if (!urgent) await pageLoaded;
    await yieldToMain();
    await job();
  });
  queue = run.catch(() => undefined);
  return run;
}

/**
 * A link damaged on the way (a stray `%`, a cut-off `%E0%A4`) makes `decodeURIComponent` throw —
 * and tfjs-core runs it over the page's query when it starts, which would stop the widget from
 * loading. Such a query is re-encoded once (malformed bytes become U+FFFD), before any widget code
 * loads; the codec then reports the damaged values in the widget's notice like any other.
 */
function repairQuery() {
  try {
    decodeURIComponent(location.search);
  } catch {
    const fixed = new URLSearchParams(location.search).toString();
    history.replaceState(history.state, '', `${location.pathname}${fixed ? `?${fixed}` : ''}${location.hash}`);
  }
}
