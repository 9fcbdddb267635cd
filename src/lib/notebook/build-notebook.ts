/**
 * Builds a widget's notebook: the shared introduction, the exporter's cells, the shared scale-up
 * section, as an nbformat-4 notebook. Pure (no DOM): the browser calls it from the Export menu,
 * the unit tests call it in Node.
 */
import type { Locale } from '../i18n/locales';
import { parseState, serializeState } from '../state/codec';
import type { StateOf, WidgetSchema } from '../state/schema';
import type { DataFileId } from './data-files';
import type { ExportContext, NotebookExporter } from './exporter';
import { notebook, serializeNotebook, type Notebook } from './nbformat';
import { introCells, scaleUpCells } from './shared-sections';

export interface NotebookInput {
  /** The widget's state. Anything is accepted: it is read like a link, so bad values are clamped or replaced by defaults. */
  state: Record<string, unknown>;
  locale: Locale;
  /** The page the widget is on, without query or hash (e.g. `https://host/en/resnet-principles/`). */
  pageUrl: string;
  /** Absolute URLs of the data files on the same site. */
  dataUrls?: Partial<Record<DataFileId, string>>;
}

/** A state-like object as link parameters, so the URL codec can validate and clamp it. */
function asParams(schema: WidgetSchema, state: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams({ w: schema.id });
  for (const key of Object.keys(schema.fields)) {
    const v = state[key];
    if (v === undefined || v === null) continue;
    params.set(key, Array.isArray(v) ? v.map(String).join(',') : typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return params;
}

/** The state the notebook describes: `state` validated and clamped by the widget's schema, exactly as a link would be. */
export function exportedState<S extends WidgetSchema>(schema: S, state: Record<string, unknown>): StateOf<S> {
  return parseState(schema, asParams(schema, state)).state;
}

/** The link back to the widget in `state`, written by the shared URL codec. */
export function widgetLinkFor<S extends WidgetSchema>(schema: S, state: StateOf<S>, pageUrl: string): string {
  return `${pageUrl}?${serializeState(schema, state).toString()}#${schema.id}`;
}

export function buildNotebook<S extends WidgetSchema>(exporter: NotebookExporter<S>, input: NotebookInput): Notebook {
  const { schema } = exporter;
  const state = exportedState(schema, input.state);
  const link = widgetLinkFor(schema, state, input.pageUrl);
  const ctx: ExportContext<S> = {
    state,
    locale: input.locale,
    link,
    dataUrls: input.dataUrls ?? {},
    t: (text) => text[input.locale],
  };
  const cells = [...introCells(exporter, ctx), ...exporter.cells(ctx), ...scaleUpCells(ctx as unknown as ExportContext<WidgetSchema>)];
  return notebook(cells, { widget: schema.id, state: serializeState(schema, state).toString(), locale: input.locale, link });
}

/** The file name a notebook is saved under, e.g. `degradation-lab.en.ipynb`. */
export function notebookFilename(widgetId: string, locale: Locale): string {
  return `${widgetId}.${locale}.ipynb`;
}

/** The notebook file's text. */
export function notebookText<S extends WidgetSchema>(exporter: NotebookExporter<S>, input: NotebookInput): string {
  return serializeNotebook(buildNotebook(exporter, input));
}
