/**
 * Classroom links, built from plain data: the chapter link of a widget in a state (with teacher
 * options and a task), its embed address and the HTML snippet that embeds it. Pure; the browser
 * side adds `location.origin`.
 */
import { sitePath } from '../i18n/localized-path';
import type { Locale } from '../i18n/locales';
import { compactQuery, normalizeState, parseState, serializeState } from '../state/codec';
import { serializeLinkOptions } from '../state/link-options';
import { widgetById } from '../state/registry';
import type { StateOf, WidgetSchema } from '../state/schema';

export interface LinkSpec {
  widget: string;
  /** Any part of the state; the rest are the defaults. */
  state?: Record<string, unknown>;
  lock?: readonly string[];
  hide?: readonly string[];
  run?: boolean;
  /** The `task=` value: a catalogue id or a teacher's own task (`~…`). */
  task?: string;
}

/** The query of a link: `w`, `v`, every setting, then `run`, `lock`, `hide`, `task`. */
export function linkQuery(spec: LinkSpec): URLSearchParams {
  const entry = widgetById(spec.widget);
  if (!entry) throw new Error(`unknown widget ${spec.widget}`);
  const schema = entry.schema as WidgetSchema;
  const state = normalizeState(schema, (spec.state ?? {}) as Partial<StateOf<WidgetSchema>>);
  const params = serializeLinkOptions(
    { run: !!spec.run, lock: [...(spec.lock ?? [])], hide: [...(spec.hide ?? [])] },
    serializeState(schema, state),
  );
  if (spec.task) params.set('task', spec.task);
  return params;
}

/** `/en/resnet-principles/` for a widget that stands on that chapter (with the site's base in front, if any). */
export function chapterPath(widget: string, lang: Locale): string {
  const entry = widgetById(widget);
  if (!entry) throw new Error(`unknown widget ${widget}`);
  return sitePath(`/${lang}/${entry.chapter}/`);
}

/** `/en/embed/degradation-lab/` (with the site's base in front, if any). */
export function embedPath(widget: string, lang: Locale): string {
  return sitePath(`/${lang}/embed/${widget}/`);
}

/** The full chapter link: `<origin>/en/resnet-principles/?w=…#degradation-lab`. */
export function chapterLink(spec: LinkSpec, lang: Locale, origin = ''): string {
  return `${origin}${chapterPath(spec.widget, lang)}?${linkQuery(spec).toString()}#${spec.widget}`;
}

/** The embed address: `<origin>/en/embed/degradation-lab/?w=…`. */
export function embedLink(spec: LinkSpec, lang: Locale, origin = ''): string {
  return `${origin}${embedPath(spec.widget, lang)}?${linkQuery(spec).toString()}`;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * HTML to paste into an LMS page: the iframe, and a few lines of script that resize it to the
 * height the embed reports (`{ type: 'nb:height', id, height }` via postMessage).
 */
export function embedSnippet(src: string, title: string, height = 900): string {
  return (
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>\n` +
    `<script>addEventListener('message',function(e){var d=e.data;if(!d||d.type!=='nb:height')return;` +
    `document.querySelectorAll('iframe').forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(d.height)+'px'})})</script>`
  );
}

/**
 * The shorter form of a chapter or embed link, for its QR code (fewer characters, fewer modules,
 * larger modules at the same printed size): the settings in the codec's compact form (`s=`, see
 * `compactQuery`), commas left as they are, no `#widget` (a link that names its widget with `w=`
 * scrolls to it anyway). It opens exactly the state, options and task of the full link; the full
 * link stays the one printed and copied as text. A link that is not a widget link is returned
 * without its hash.
 */
export function qrLink(link: string): string {
  // Split by hand: `src/lib` runs without the DOM's URL (and the origin is kept as it is written).
  const noHash = link.split('#')[0]!;
  const q = noHash.indexOf('?');
  const base = q < 0 ? noHash : noHash.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : noHash.slice(q + 1));
  const entry = widgetById(params.get('w') ?? '');
  if (!entry) return noHash;
  const schema = entry.schema as WidgetSchema;
  const state = parseState(schema, params).state;
  const raw = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',');
  const parts = [compactQuery(schema, state) ?? serializeState(schema, state).toString().replace(/%2C/gi, ',')];
  for (const key of ['run', 'lock', 'hide', 'task']) {
    const value = params.get(key);
    if (value !== null) parts.push(`${key}=${raw(value)}`);
  }
  return `${base}?${parts.join('&')}`;
}
