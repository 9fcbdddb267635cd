/**
 * "Export → Jupyter notebook": builds the widget's notebook in the browser from its current
 * state and saves it. Loaded only when a reader asks for a notebook (the exporters carry the
 * Python sources). The data files a notebook downloads are this site's own build assets; their
 * absolute URLs go into the notebook, so it downloads them from wherever the site is served.
 */
import type { Locale } from '../../lib/i18n/locales';
import { notebookFilename, notebookText } from '../../lib/notebook/build-notebook';
import type { DataFileId } from '../../lib/notebook/data-files';
import { notebookExporters } from '../../lib/notebook/registry';
import { notebookStrings } from '../../lib/notebook/strings';
import type { WidgetSchema } from '../../lib/state/schema';
import { dataFileUrls } from './data-file-urls';
import { download } from './export';

/** The notebook file (name and text) for `schema`'s widget in `state`, on the current page. */
export async function makeNotebook(schema: WidgetSchema, state: Record<string, unknown>, locale: Locale) {
  const entry = notebookExporters[schema.id];
  if (!entry) throw new Error(`no notebook for ${schema.id}`);
  const exporter = await entry.load();
  const dataUrls = Object.fromEntries(
    Object.entries(dataFileUrls).map(([id, url]) => [id, new URL(url, location.href).href]),
  ) as Record<DataFileId, string>;
  const text = notebookText(exporter, { state, locale, pageUrl: `${location.origin}${location.pathname}`, dataUrls });
  return { filename: notebookFilename(schema.id, locale), text };
}

/** Builds the notebook and saves it; returns the file name. */
export async function exportNotebook(schema: WidgetSchema, state: Record<string, unknown>, locale: Locale): Promise<string> {
  const { filename, text } = await makeNotebook(schema, state, locale);
  download(filename, new Blob([text], { type: 'application/x-ipynb+json' }));
  return filename;
}

/** The toolbar button's action: exports, and returns the message for the widget's live region. */
export async function notebookAction(schema: WidgetSchema, state: Record<string, unknown>, locale: Locale): Promise<string> {
  const s = notebookStrings[locale];
  try {
    const file = await exportNotebook(schema, state, locale);
    return s.saved.replace('{file}', file);
  } catch (err) {
    return s.failed.replace('{message}', err instanceof Error ? err.message : String(err));
  }
}
