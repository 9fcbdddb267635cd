/**
 * Loads a widget's code only when it is needed: at once when the link addresses the widget
 * (`?w=<id>` or `#<id>`), otherwise when it comes within `margin` of the viewport. Keeps tfjs, D3
 * and the widget's client off pages and scroll positions that never show it.
 */
export function lazyMount(id: string, load: (root: HTMLElement) => Promise<unknown>, margin = '400px') {
  const root = document.getElementById(id);
  if (!root) return;
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
