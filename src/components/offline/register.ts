/**
 * Registers the service worker (`sw.js`, made at build time by Workbox, see
 * `src/integrations/service-worker.ts`) once the page has loaded and the main thread is idle, so
 * it never competes with the first paint. Then:
 * - the first time the site is saved for offline use, a short note says so;
 * - when a new version has been downloaded, a prompt offers to reload into it (the new service
 *   worker waits until then, so a reader in the middle of a training run is never interrupted).
 * Both speak the page's language. `document.documentElement.dataset.offline` tells tests (and
 * curious readers) the state: `registered`, `ready`, `update`, or `unavailable`.
 */
import { offlineStrings, type OfflineKey } from '../../lib/i18n/offline';

const idle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 5000 }) : setTimeout(fn, 1000));

export function registerOffline() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  // A browser that refuses service workers (a private window, a policy, a test harness) keeps
  // the site as it is, online only.
  const start = () =>
    idle(() =>
      register().catch((err: unknown) => {
        document.documentElement.dataset.offline = 'unavailable';
        console.warn('offline use is not available here:', err);
      }),
    );
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}

async function register() {
  const { Workbox } = await import('workbox-window');
  const t = (key: OfflineKey) => offlineStrings[document.documentElement.lang.startsWith('en') ? 'en' : 'zh'][key];
  if (typeof navigator.serviceWorker?.register !== 'function') throw new Error('no service worker support');
  const wb = new Workbox(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sw.js`, { scope: import.meta.env.BASE_URL.replace(/\/?$/, '/') });
  const html = document.documentElement;

  wb.addEventListener('installed', (event) => {
    // First install only (an update is announced by `waiting`).
    if (!event.isUpdate) {
      html.dataset.offline = 'ready';
      banner(t('offline.ready'), [{ label: t('offline.close') }], 8000);
    }
  });
  wb.addEventListener('waiting', () => {
    html.dataset.offline = 'update';
    banner(t('offline.update'), [
      {
        label: t('offline.reload'),
        primary: true,
        act: () => {
          wb.addEventListener('controlling', () => location.reload());
          wb.messageSkipWaiting();
        },
      },
      { label: t('offline.later') },
    ]);
  });

  const registration = await wb.register();
  if (!registration) throw new Error('the service worker was not registered');
  if (!html.dataset.offline) html.dataset.offline = registration?.active ? 'ready' : 'registered';
}

interface Action {
  label: string;
  primary?: boolean;
  act?: () => void;
}

/** A small notice at the bottom of the page, announced politely; every button closes it. */
function banner(message: string, actions: Action[], closeAfterMs?: number) {
  document.querySelector('.nb-offline')?.remove();
  const box = document.createElement('div');
  box.className = 'nb-offline';
  box.setAttribute('role', 'status');
  box.dataset.offlineBanner = '';
  const text = document.createElement('p');
  text.textContent = message;
  box.append(text);
  for (const a of actions) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = a.label;
    if (a.primary) b.dataset.primary = '';
    b.addEventListener('click', () => {
      box.remove();
      a.act?.();
    });
    box.append(b);
  }
  document.body.append(box);
  if (closeAfterMs) setTimeout(() => box.remove(), closeAfterMs);
}
