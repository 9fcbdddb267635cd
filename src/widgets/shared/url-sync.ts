/**
 * The browser side of the URL codec: reads the page's query string, and writes a widget's state
 * back with `history.replaceState` (debounced, so dragging a slider makes no history entries).
 */
import { serializeState } from '../../lib/state/codec';
import { serializeLinkOptions, type LinkOptions } from '../../lib/state/link-options';
import type { StateOf, WidgetSchema } from '../../lib/state/schema';

/**
 * The origin shared links point to: the site's public address when the build was given one
 * (`SITE_URL`), so a link or QR code made on a preview or a laptop opens the public site; otherwise
 * the address this page was loaded from.
 */
export function publicOrigin(): string {
  const site = import.meta.env.SITE;
  return site ? new URL(site).origin : location.origin;
}

/** The absolute link to `schema`'s widget in `state`, on the current page, with classroom options. */
export function widgetLink<S extends WidgetSchema>(
  schema: S,
  state: StateOf<S>,
  options: LinkOptions,
  extra?: URLSearchParams,
): string {
  const params = serializeLinkOptions({ ...options, run: false }, serializeState(schema, state));
  extra?.forEach((v, k) => params.set(k, v));
  return `${publicOrigin()}${location.pathname}?${params.toString()}#${schema.id}`;
}

/** Returns a function that writes the link for a state into the address bar after `delay` ms of quiet. */
export function urlWriter<S extends WidgetSchema>(schema: S, getOptions: () => LinkOptions, getExtra: () => URLSearchParams | undefined, delay = 300) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (state: StateOf<S>) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const url = new URL(widgetLink(schema, state, getOptions(), getExtra()));
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    }, delay);
  };
}
