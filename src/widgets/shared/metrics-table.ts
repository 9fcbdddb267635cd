/**
 * The one writer of `table[data-metrics]` rows in the browser. Cells come from each widget's pure
 * row builders (`<widget>/rows.ts`), which the widget's `.astro` also uses for the recorded rows at
 * build time, so recorded and live rows are written alike; `metrics-dom.ts` is the one reader.
 */

export interface RowOptions {
  /** The first cell is a row header (`<th scope="row">`). */
  header?: boolean;
  /** The numbers come from the recording (`data-recorded`): classroom tasks skip such rows. */
  recorded?: boolean;
  /** Extra `data-*` attributes of the row, e.g. `{ learner: 'mlp' }`. */
  data?: Record<string, string>;
}

/** One `<tr>` with `cells` as its text. */
export function tableRow(cells: readonly (string | number)[], options: RowOptions = {}): HTMLTableRowElement {
  const tr = document.createElement('tr');
  if (options.recorded) tr.dataset.recorded = '';
  for (const [k, v] of Object.entries(options.data ?? {})) tr.dataset[k] = v;
  cells.forEach((c, i) => {
    const head = options.header && i === 0;
    const el = document.createElement(head ? 'th' : 'td');
    if (head) el.setAttribute('scope', 'row');
    el.textContent = String(c);
    tr.append(el);
  });
  return tr;
}

/** Replaces the rows of `body` (a `<tbody>`) with one row per entry of `rows`. */
export function writeRows(body: HTMLTableSectionElement, rows: readonly (readonly (string | number)[])[], options: RowOptions = {}): void {
  body.replaceChildren(...rows.map((cells) => tableRow(cells, options)));
}
