/**
 * Stands in for `@pagefind/default-ui` (a Vite alias in astro.config.mjs). Starlight's search builds
 * Pagefind's UI — about 94 KB of script plus its index — as soon as the page is idle, on every
 * page, whether or not the reader ever searches. This class takes the same options but loads the
 * real UI only when the reader shows an intent to search: the search button is hovered, focused
 * or pressed (or Ctrl/⌘ K opens the dialog). The dialog then fills in as soon as the UI is there,
 * and the search field takes the focus.
 */
type Options = { element: string } & Record<string, unknown>;

export class PagefindUI {
  constructor(options: Options) {
    const container = document.querySelector<HTMLElement>(options.element);
    const dialog = container?.closest('dialog');
    const button = document.querySelector<HTMLButtonElement>('site-search button[data-open-modal]');
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      observer?.disconnect();
      // The package has no exports map; this is its ES module build.
      void import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs').then(({ PagefindUI: Real }) => {
        new Real(options);
        if (dialog?.open) container?.querySelector('input')?.focus();
      });
    };
    if (!container || dialog?.open) {
      start();
      return;
    }
    const observer = dialog ? new MutationObserver(() => dialog.open && start()) : undefined;
    observer?.observe(dialog!, { attributes: true, attributeFilter: ['open'] });
    for (const type of ['pointerenter', 'focus', 'touchstart'] as const) button?.addEventListener(type, start, { once: true, passive: true });
  }
}
