/**
 * Opening a link to a widget: bring it into view (not inside an embed, where it is the page), and
 * keep it there while the page above settles (fonts, other widgets drawing), until the reader
 * scrolls, types or presses a pointer, or 4 s have passed. `data-pinned` is on the root while the
 * pin holds: tests that aim the mouse wait for it to go.
 */
export function pinIntoView(root: HTMLElement) {
  if (document.documentElement.hasAttribute('data-embed')) return;
  const pin = () => root.scrollIntoView({ block: 'start', behavior: 'instant' });
  const ro = new ResizeObserver(() => pin());
  root.dataset.pinned = 'true';
  const release = () => {
    ro.disconnect();
    delete root.dataset.pinned;
    for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) removeEventListener(type, release);
  };
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) addEventListener(type, release, { passive: true, once: true });
  requestAnimationFrame(() => {
    pin();
    ro.observe(document.body);
  });
  setTimeout(release, 4000);
}
