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
    void mount();
  };
  const early = ['click', 'input', 'change', 'focusin'] as const;
  for (const type of early) root.addEventListener(type, keep);
  const stopKeeping = () => {
    for (const type of early) root.removeEventListener(type, keep);
  };

  let started: Promise<void> | undefined;
  const mount = () =>
    (started ??= (() => {
      root.dataset.status = 'loading';
      return load(root).then(
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
  const box = root.getBoundingClientRect();
  if (addressed || (box.top < innerHeight + margin && box.bottom > -margin)) {
    void mount();
    return;
  }
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
