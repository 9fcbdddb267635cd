/**
 * The numbers a widget shows, as the classroom code sees them: one entry per
 * `<table data-metrics="<name>">` of the widget — its header labels and its body rows, each cell a
 * number (the contract says plain decimals), a word (`plain`, `residual`) or `null` (empty).
 * Reading the DOM into this shape happens in `src/widgets/shared/metrics-dom.ts`; everything here
 * is pure, so conditions can be tested in Node.
 */

/** One table cell: a plain decimal becomes a number, empty text `null`, anything else a string. */
export type Cell = number | string | null;

export interface MetricTable {
  /** Header labels in the page's language (for people; conditions address columns by index). */
  headers: string[];
  /** Body rows, in table order. */
  rows: Cell[][];
}

/** Table name (`data-metrics` value) → table. */
export type Metrics = Record<string, MetricTable>;

const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `'0.2134'` → 0.2134, `' 32 '` → 32, `''` → null, `'plain'` → 'plain', `'1e999'` → '1e999' (not finite). */
export function parseCell(text: string): Cell {
  const t = text.trim();
  if (t === '') return null;
  if (decimal.test(t)) {
    const n = Number(t);
    if (Number.isFinite(n)) return n === 0 ? 0 : n;
  }
  return t;
}
