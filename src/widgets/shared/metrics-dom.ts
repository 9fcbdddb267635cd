/**
 * Reads a widget's `table[data-metrics]` into the plain `Metrics` shape the classroom code checks
 * conditions on. Rows marked `data-recorded` (numbers from a recording shown before any click) are
 * left out: a task is met by the reader's own results, not by the recording.
 */
import { parseCell, type Metrics } from '../../lib/classroom/metrics';

const text = (el: Element) => (el.textContent ?? '').trim().replace(/\s+/g, ' ');

export function readMetrics(root: HTMLElement): Metrics {
  const out: Metrics = {};
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-metrics]')) {
    const name = table.dataset.metrics ?? '';
    const all = [...table.rows];
    const headerRows = table.tHead ? [...table.tHead.rows] : all.filter((r) => r.cells.length > 0 && [...r.cells].every((c) => c.tagName === 'TH'));
    const header = headerRows.at(-1);
    const body = all.filter((r) => !headerRows.includes(r) && r.parentElement?.tagName !== 'TFOOT' && !r.hasAttribute('data-recorded'));
    const existing = out[name];
    const rows = body.map((r) => [...r.cells].map((c) => parseCell(c.textContent ?? '')));
    out[name] = { headers: existing?.headers ?? (header ? [...header.cells].map(text) : []), rows: [...(existing?.rows ?? []), ...rows] };
  }
  return out;
}
