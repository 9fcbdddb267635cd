/**
 * The contract between a training widget and its notebook. A widget gets "Export → Jupyter
 * notebook" by writing one exporter (`exporters/<widget-id>.ts`) and listing it in `registry.ts`;
 * `buildNotebook` adds what every notebook shares (title, link back, how to run, imports, the
 * CIFAR-10 scale-up section).
 */
import type { Locale } from '../i18n/locales';
import type { StateOf, WidgetSchema } from '../state/schema';
import type { CellDraft } from './nbformat';
import type { DataFileId } from './data-files';

/** A text in both languages; markdown cells use the reader's, code cells are identical in both. */
export type Localized = Record<Locale, string>;

/** What an exporter gets: the widget's state (always valid: clamped like a link), the language and URLs. */
export interface ExportContext<S extends WidgetSchema> {
  state: StateOf<S>;
  locale: Locale;
  /** The widget in this state: its page, with the state as link parameters (the shared URL codec). */
  link: string;
  /** Absolute URLs of the data files, on the site the notebook came from. */
  dataUrls: Partial<Record<DataFileId, string>>;
  /** The reader's language's text. */
  t(text: Localized): string;
}

export interface NotebookExporter<S extends WidgetSchema = WidgetSchema> {
  schema: S;
  /** The notebook's title (a level-1 heading). */
  title: Localized;
  /** What the experiment is and why, in a few sentences of markdown. */
  intro(ctx: ExportContext<S>): string;
  /** Data files the notebook downloads from the site; the widget offers them beside the notebook. */
  dataFiles?: readonly DataFileId[];
  /**
   * The experiment: settings, data, model, training, charts and tables, as markdown and code
   * cells (see `python-source.ts` for turning `python/*.py` files into cells).
   */
  cells(ctx: ExportContext<S>): CellDraft[];
}

/** Type helper that keeps the schema's state type for `cells` and `intro`. */
export function defineExporter<S extends WidgetSchema>(exporter: NotebookExporter<S>): NotebookExporter<S> {
  return exporter;
}
