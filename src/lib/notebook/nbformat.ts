/**
 * Jupyter notebooks in nbformat 4.5 (the JSON schema Jupyter, nbformat and nbconvert read), built
 * from plain strings. Pure: no DOM, no Node APIs.
 *
 * Cell ids are required from nbformat 4.5 on; they are derived from the cell's position, so the
 * same input always gives the same file (useful for diffs and tests).
 */

export interface MarkdownCell {
  cell_type: 'markdown';
  id: string;
  metadata: Record<string, unknown>;
  source: string[];
}

export interface CodeCell {
  cell_type: 'code';
  id: string;
  metadata: { tags?: string[] } & Record<string, unknown>;
  source: string[];
  execution_count: null;
  outputs: [];
}

export type Cell = MarkdownCell | CodeCell;

export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: {
    kernelspec: { name: string; display_name: string; language: string };
    language_info: { name: string };
    /** What the notebook was exported from (widget id, state as link parameters, language). */
    resnet_notebook: { widget: string; state: string; locale: string; link: string };
  };
  cells: Cell[];
}

/** A cell before it gets its id: what the exporters produce. */
export type CellDraft =
  | { kind: 'markdown'; text: string }
  | { kind: 'code'; source: string; tags?: string[] };

export const markdown = (text: string): CellDraft => ({ kind: 'markdown', text: text.trim() });
export const code = (source: string, tags?: string[]): CellDraft => ({ kind: 'code', source: source.trim(), tags });

/** Jupyter stores a cell's text as a list of lines, each but the last ending in "\n". */
export function sourceLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line));
}

/** The notebook of `drafts`, cell ids `cell-1`, `cell-2`, … */
export function notebook(drafts: readonly CellDraft[], meta: Notebook['metadata']['resnet_notebook']): Notebook {
  const cells = drafts.map((d, i): Cell => {
    const id = `cell-${i + 1}`;
    if (d.kind === 'markdown') return { cell_type: 'markdown', id, metadata: {}, source: sourceLines(d.text) };
    return {
      cell_type: 'code',
      id,
      metadata: d.tags?.length ? { tags: [...d.tags] } : {},
      source: sourceLines(d.source),
      execution_count: null,
      outputs: [],
    };
  });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python' },
      resnet_notebook: meta,
    },
    cells,
  };
}

/** The file text: JSON with one-space indents and a final newline, as Jupyter writes it. */
export function serializeNotebook(nb: Notebook): string {
  return `${JSON.stringify(nb, null, 1)}\n`;
}
