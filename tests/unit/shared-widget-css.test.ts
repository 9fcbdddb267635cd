import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `src/styles/widgets.css` is on every page, so it keeps only what several widgets (or the shared
 * frame, run bar, classroom and print view) use; a rule for one widget belongs in that widget's own
 * `src/widgets/<id>/<id>.css`, loaded only where the widget is (`e2e/widget-css.spec.ts`).
 */
const widgetsDir = 'src/widgets';
const css = readFileSync('src/styles/widgets.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
/** Class names and ids the selectors of widgets.css use. */
const selectors = (kind: '.' | '#') => new Set([...css.matchAll(new RegExp(`\\${kind}(-?[a-z_][\\w-]*)(?=[^{}]*\\{)`, 'gi'))].map((m) => m[1]!));

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(astro|ts|mdx|tsx)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(p);
  }
  return out;
}
const widgetIds = readdirSync(widgetsDir).filter((d) => d !== 'shared' && statSync(join(widgetsDir, d)).isDirectory());
const sourceOf = (paths: string[]) => paths.map((p) => readFileSync(p, 'utf8')).join('\n');
const widgetSource = Object.fromEntries(widgetIds.map((id) => [id, sourceOf(files(join(widgetsDir, id)))]));
/** Everything outside the widget folders that renders markup: shared widget code, components, pages, content. */
const sharedSource = sourceOf([...files(join(widgetsDir, 'shared')), ...files('src/components'), ...files('src/pages'), ...files('content')]);
const uses = (source: string, cls: string) => new RegExp(`(^|[^\\w-])${cls}(?![\\w-])`).test(source);

describe('widgets.css holds only styles shared by several widgets', () => {
  it('every class it styles is used by shared code or by at least two widgets', () => {
    const single = [...selectors('.')]
      .filter((cls) => !uses(sharedSource, cls))
      .map((cls) => ({ cls, users: widgetIds.filter((id) => uses(widgetSource[id]!, cls)) }))
      .filter((c) => c.users.length === 1);
    expect(single).toEqual([]);
  });

  it('no selector names one widget by its id', () => {
    expect([...selectors('#')].filter((id) => widgetIds.includes(id))).toEqual([]);
  });
});
