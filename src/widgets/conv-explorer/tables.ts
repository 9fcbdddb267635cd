/**
 * The conv-explorer's numbers in the page: the feature-map and pooled tables behind the maps
 * (`table[data-metrics]`, one row per map row with the row index as header), the layer table
 * (conv, and pooling when on), and the values in the typeset formulas with their screen-reader text.
 */
import { fill } from '../../lib/i18n/translate';
import { count } from '../../lib/i18n/number-format';
import type { convExplorerStrings } from '../../lib/i18n/widgets/conv-explorer';
import type { Grid } from '../../lib/ml/conv-reference';
import type { ConvExplorerState } from '../../lib/state/schemas/conv-explorer';
import { cellText, type Explored } from './compute';

type Strings = (typeof convExplorerStrings)['en'];

/** Writes `grid` into `table`: column indices as headers, each row headed by its index. */
export function writeGridTable(table: HTMLTableElement, grid: Grid) {
  const headRow = table.tHead!.rows[0]!;
  const cols = grid[0]?.length ?? 0;
  const head = [headRow.cells[0]!];
  for (let j = 0; j < cols; j++) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = String(j);
    head.push(th);
  }
  headRow.replaceChildren(...head);
  table.tBodies[0]!.replaceChildren(
    ...grid.map((row, i) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = String(i);
      tr.append(th);
      for (const v of row) {
        const td = document.createElement('td');
        td.textContent = cellText(v);
        tr.append(td);
      }
      return tr;
    }),
  );
}

/** The layer table: name, n, k, s, p, d, o, parameters for the conv (and the pooling layer when on). */
export function writeLayerTable(body: HTMLTableSectionElement, st: ConvExplorerState, result: Explored, s: Strings) {
  const k = result.kernel.length;
  const rows: (string | number)[][] = [[s['layer.conv'], result.n, k, st.stride, st.padding, st.dilation, result.o, result.params]];
  if (st.pool !== 'none') rows.push([s['layer.pool'], result.o, st.poolSize, st.poolSize, 0, 1, result.po, 0]);
  body.replaceChildren(
    ...rows.map((cells) => {
      const tr = document.createElement('tr');
      for (const c of cells) {
        const td = document.createElement('td');
        td.textContent = String(c);
        tr.append(td);
      }
      return tr;
    }),
  );
}

/** Puts the current values into the formulas (KaTeX slots `.nb-v-<name>`) and their spoken versions. */
export function writeFormulas(root: HTMLElement, st: ConvExplorerState, result: Explored, s: Strings) {
  const k = result.kernel.length;
  const values = { n: result.n, k, s: st.stride, p: st.padding, d: st.dilation, o: result.o, m: st.poolSize, po: result.po, cin: st.cin, cout: st.cout, params: result.params };
  for (const [name, value] of Object.entries(values)) {
    const text = name === 'params' ? count(value) : String(value);
    root.querySelectorAll<HTMLElement>(`.nb-v-${name}`).forEach((el) => {
      // KaTeX wraps a number in a .mord span; keep the wrapper so the typesetting stays.
      const mord = el.querySelector<HTMLElement>(':scope > .mord');
      if (mord) mord.textContent = text;
      else el.textContent = text;
    });
  }
  root.querySelector<HTMLElement>('[data-pool-formula]')!.hidden = st.pool === 'none';
  root.querySelectorAll<HTMLElement>('.nb-katex[data-bias]').forEach((el) => (el.dataset.bias = st.bias ? 'on' : 'off'));
  root.querySelector<HTMLElement>('[data-sr="formula"]')!.textContent = fill(s.formulaSr, values);
  root.querySelector<HTMLElement>('[data-sr="pool"]')!.textContent = fill(s.poolSr, values);
  root.querySelector<HTMLElement>('[data-sr="params"]')!.textContent = fill(s.paramsSr, { ...values, params: count(result.params), b: st.bias ? ' + C_out' : '', bv: st.bias ? ` + ${st.cout}` : '' });
}
