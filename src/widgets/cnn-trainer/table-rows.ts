/**
 * Table body rows for the cnn-trainer's `table[data-metrics]`: plain decimals, the first cell a row
 * header where the row has one, and `data-recorded` on rows whose numbers come from the recording
 * (classroom tasks skip those rows: a task is met by the reader's own results).
 */
export function bodyRow(cells: (string | number)[], options: { header?: boolean; recorded?: boolean } = {}): HTMLTableRowElement {
  const tr = document.createElement('tr');
  if (options.recorded) tr.dataset.recorded = '';
  cells.forEach((c, i) => {
    const cell = document.createElement(options.header && i === 0 ? 'th' : 'td');
    if (options.header && i === 0) cell.setAttribute('scope', 'row');
    cell.textContent = String(c);
    tr.append(cell);
  });
  return tr;
}

/** A value with 4 decimals, '' when absent. */
export const f4 = (v: number | undefined) => (v === undefined ? '' : v.toFixed(4));
