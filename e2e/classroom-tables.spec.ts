import { parseCell } from '../src/lib/classroom/metrics';
import { columnOf, maxColumns, tablesOf } from '../src/lib/classroom/widget-tables';
import { mounted, widgets } from './classroom-helpers';
import { expect, langs, test } from './site';

/**
 * The condition checker and the print view read each widget's tables from a declaration
 * (`src/lib/classroom/widget-tables.ts`); this keeps it true to the markup: every rendered
 * `table[data-metrics]` is declared, with as many columns, and every cell is of the declared kind,
 * among the declared words and inside the declared range; every declared table is rendered in
 * some view of its widget.
 */
const extraStates: Record<string, string[]> = {
  'architecture-explorer': ['model=vgg16&compare=resnet34&view=diagram', 'view=inception', 'view=comparison'],
  'degradation-lab': ['mode=sweep'],
};

for (const lang of langs) {
  for (const entry of widgets) {
    test(`${entry.id}: its tables match their declaration (${lang})`, async ({ page }) => {
      test.setTimeout(90_000);
      const declared = tablesOf(entry.id);
      const seen = new Set<string>();
      for (const query of ['', ...(extraStates[entry.id] ?? [])]) {
        await page.goto(`/${lang}/embed/${entry.id}/?w=${entry.id}&v=${entry.schema.version}${query ? `&${query}` : ''}`);
        await mounted(page, entry.id);
        await expect(page.locator(`#${entry.id}`)).toHaveAttribute('data-status', /idle|done/, { timeout: 30_000 });
        const tables = await page.locator(`#${entry.id} table[data-metrics]`).evaluateAll((els) =>
          els.map((t) => {
            const table = t as HTMLTableElement;
            const head = table.tHead?.rows[table.tHead.rows.length - 1];
            return {
              name: table.dataset.metrics ?? '',
              headers: head ? head.cells.length : 0,
              rows: [...(table.tBodies[0]?.rows ?? [])].map((r) => [...r.cells].map((c) => c.textContent ?? '')),
            };
          }),
        );
        for (const t of tables) {
          const spec = declared[t.name];
          expect(spec, `${entry.id}: table "${t.name}" is not declared in widget-tables.ts`).toBeDefined();
          if (!spec) continue;
          seen.add(t.name);
          if (spec.more) {
            expect(t.headers, `${entry.id}.${t.name} columns`).toBeGreaterThanOrEqual(spec.columns.length);
            expect(t.headers, `${entry.id}.${t.name} columns`).toBeLessThanOrEqual(maxColumns(spec));
          } else expect(t.headers, `${entry.id}.${t.name} columns`).toBe(spec.columns.length);
          for (const [r, row] of t.rows.entries()) {
            expect(row.length, `${entry.id}.${t.name} row ${r}`).toBe(t.headers);
            for (const [i, text] of row.entries()) {
              const col = columnOf(spec, i)!;
              const cell = parseCell(text);
              const where = `${entry.id}.${t.name}[${i}] row ${r}: “${text}”`;
              if (cell === null || col.type === 'any') continue;
              expect(typeof cell, where).toBe(col.type === 'num' ? 'number' : 'string');
              if (typeof cell === 'string' && col.values) expect(col.values, where).toContain(cell);
              if (typeof cell === 'number') {
                if (col.min !== undefined) expect(cell, where).toBeGreaterThanOrEqual(col.min);
                if (col.max !== undefined) expect(cell, where).toBeLessThanOrEqual(col.max);
              }
            }
          }
        }
      }
      expect([...seen].sort(), `${entry.id}: declared tables never rendered`).toEqual(Object.keys(declared).sort());
    });
  }
}
