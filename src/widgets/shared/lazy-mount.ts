/**
 * Loads a widget's code only when it is needed: at once when the link addresses the widget
 * (`?w=<id>` or `#<id>`), otherwise when it comes within `margin` of the viewport. Keeps tfjs, D3
 * and the widget's client off pages and scroll positions that never show it.
 */
export function lazyMount(id: string, load: (root: HTMLElement) => Promise<unknown>, margin = '400px') {
  const root = document.getElementById(id);
  if (!root) return;
  repairQuery();
  const addressed = location.hash === `#${id}` || new URLSearchParams(location.search).getAll('w').includes(id);
  if (addressed) {
    void load(root);
    return;
  }
  const io = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        void load(root);
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
