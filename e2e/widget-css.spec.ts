/**
 * Each widget's own stylesheet (`src/widgets/<id>/<id>.css`, imported by its component) reaches
 * only the pages that show that widget: a chapter without the widget does not download its rules.
 * Checked on the built site: every content page, in both languages, against the CSS files the page
 * links to. (The embed pages are one dynamic route rendering any widget from the registry, so the
 * bundler gives each of them every widget's stylesheet; they are not checked here.) A widget's rules are recognised by a class that only its own
 * stylesheet defines (read from the source, so a new widget stylesheet is covered without editing
 * this spec).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentSlugs, expect, langs, pagePath, test } from './site';

const widgetsDir = join(process.cwd(), 'src', 'widgets');
const stylesDir = join(process.cwd(), 'src', 'styles');

/** Class names a stylesheet's selectors use (`.nb-strips`, `.bv-option`, …). */
const classesOf = (css: string) => new Set([...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\.(-?[a-z_][\w-]*)(?=[^{}]*\{)/gi)].map((m) => m[1]!));

const widgetSheets = readdirSync(widgetsDir)
  .filter((id) => existsSync(join(widgetsDir, id, `${id}.css`)))
  .map((id) => ({ id, classes: classesOf(readFileSync(join(widgetsDir, id, `${id}.css`), 'utf8')) }));
const sharedClasses = new Set(readdirSync(stylesDir).flatMap((f) => [...classesOf(readFileSync(join(stylesDir, f), 'utf8'))]));

/** Per widget, a class that its stylesheet defines and no other stylesheet in `src/` does. */
const markers = widgetSheets.map(({ id, classes }) => {
  const others = new Set([...sharedClasses, ...widgetSheets.filter((w) => w.id !== id).flatMap((w) => [...w.classes])]);
  return { id, marker: [...classes].find((c) => !others.has(c)) };
});

test('every widget with its own stylesheet has a class no other stylesheet defines', () => {
  // The widgets known to have one: a stylesheet moved back into src/styles would drop out of this list.
  expect(widgetSheets.map((w) => w.id)).toEqual(
    expect.arrayContaining(['architecture-explorer', 'block-variants', 'boundary-lab', 'cnn-depth-lab', 'cnn-trainer', 'conv-explorer', 'lesion-study', 'loss-landscape', 'residual-block']),
  );
  for (const m of markers) expect(m.marker, `no class unique to ${m.id}.css`).toBeTruthy();
});

for (const lang of langs) {
  const paths = contentSlugs().map((slug) => pagePath(lang, slug));
  test(`${lang}: a page gets a widget's stylesheet only when it shows that widget`, async ({ request }) => {
    const cssCache = new Map<string, string>();
    let checked = 0;
    const seen = new Set<string>();
    for (const path of paths) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const html = await res.text();
      const hrefs = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
      let css = '';
      for (const href of hrefs) {
        if (!cssCache.has(href)) cssCache.set(href, await (await request.get(href)).text());
        css += cssCache.get(href);
      }
      css += [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
      for (const { id, marker } of markers) {
        // The widget's frame (WidgetFrame.astro), not a mention of it (the classroom lists tasks by widget).
        const shows = html.includes(`<section id="${id}" data-widget="${id}"`);
        const hasRules = new RegExp(`\\.${marker}(?![\\w-])`).test(css);
        expect(hasRules, `${path}: ${id} is ${shows ? '' : 'not '}on the page, its stylesheet (.${marker}) is ${hasRules ? '' : 'not '}loaded`).toBe(shows);
        checked++;
        if (shows) seen.add(id);
      }
    }
    expect(checked).toBe(paths.length * markers.length);
    // Every widget with a stylesheet is on some chapter, so the positive case is checked for each.
    expect([...seen].sort()).toEqual(markers.map((m) => m.id).sort());
  });
}
