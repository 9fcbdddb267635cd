/**
 * Loads a widget's code only when it is needed: at once when the link addresses the widget
 * (`?w=<id>` or `#<id>`), otherwise when it comes within `margin` of the viewport. Keeps tfjs, D3
 * and the widget's client off pages and scroll positions that never show it. Until it is mounted
 * the root says `data-status="loading"` (from the page); the widget then says `idle` or `done`.
 */
export function lazyMount(id: string, load: (root: HTMLElement) => Promise<unknown>, margin = '400px') {
  const root = document.getElementById(id);
  if (!root) return;
  repairQuery();
  // A button pressed while the code is still on its way (Train, Export…) is pressed again once the
  // widget is mounted, and touching the widget mounts it at once if the viewport had not yet.
  let pressed: HTMLButtonElement | undefined;
  const keepPress = (e: Event) => {
    const button = e.type === 'click' ? (e.target as Element | null)?.closest<HTMLButtonElement>('button') : null;
    if (button && root.contains(button)) pressed = button;
    void mount();
  };
  const early = ['click', 'focusin'] as const;
  for (const type of early) root.addEventListener(type, keepPress);
  let started: Promise<void> | undefined;
  const mount = () =>
    (started ??= load(root).then(
      () => {
        for (const type of early) root.removeEventListener(type, keepPress);
        if (pressed && !pressed.disabled) pressed.click();
      },
      (err: unknown) => {
        for (const type of early) root.removeEventListener(type, keepPress);
        root.dataset.status = 'error';
        console.warn(`${id}: the widget could not load`, err);
      },
    ));
  const addressed = location.hash === `#${id}` || new URLSearchParams(location.search).getAll('w').includes(id);
  if (addressed) {
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
    { rootMargin: margin },
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
