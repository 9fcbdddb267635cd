/**
 * Stands in for `@pagefind/default-ui` (a Vite alias in astro.config.mjs). Starlight's search builds
 * Pagefind's UI — about 94 KB of script plus its index — as soon as the page is idle, on every
 * page, whether or not the reader ever searches. This class takes the same options but loads the
 * real UI only when the reader shows an intent to search: the search button is hovered, focused
 * or pressed (or Ctrl/⌘ K opens the dialog). The dialog then fills in as soon as the UI is there,
 * and the search field takes the focus.
 *
 * If the UI's script cannot be fetched (the network dropped before the page was saved for offline
 * use), the dialog says so in the page's language and the next intent — reopening the dialog,
 * hovering the button — tries again. `data-search` on the container tells tests the state:
 * `armed` (waiting for an intent), `loading`, `ready` or `failed` (armed again).
 */
import { searchStrings } from '../../lib/i18n/search';

type Options = { element: string } & Record<string, unknown>;

export class PagefindUI {
  constructor(options: Options) {
    const container = document.querySelector<HTMLElement>(options.element);
    const dialog = container?.closest('dialog');
    const button = document.querySelector<HTMLButtonElement>('site-search button[data-open-modal]');
    const state = (s: 'armed' | 'loading' | 'ready' | 'failed') => container && (container.dataset.search = s);
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      observer?.disconnect();
      state('loading');
      container?.querySelector('[data-search-failed]')?.remove();
      // The package has no exports map; this is its ES module build.
      import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs')
        .then(({ PagefindUI: Real }) => {
          new Real(options);
          state('ready');
          if (dialog?.open) container?.querySelector('input')?.focus();
        })
        .catch((err: unknown) => {
          console.warn('search could not load:', err);
          started = false;
          state('failed');
          const note = document.createElement('p');
          note.dataset.searchFailed = '';
          note.setAttribute('role', 'alert');
          note.textContent = searchStrings[document.documentElement.lang.startsWith('en') ? 'en' : 'zh'].failed;
          container?.append(note);
          arm();
        });
    };
    const observer = dialog ? new MutationObserver(() => dialog.open && start()) : undefined;
    const arm = () => {
      observer?.observe(dialog!, { attributes: true, attributeFilter: ['open'] });
      for (const type of ['pointerenter', 'focus', 'touchstart'] as const) button?.addEventListener(type, start, { once: true, passive: true });
    };
    if (!container || dialog?.open) start();
    else {
      state('armed');
      arm();
    }
  }
}
