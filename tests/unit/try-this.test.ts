/**
 * Every widget in a chapter comes with a “Try this” box: 2–3 guided steps, each asking a question
 * whose answer is folded away, and links to the widget's classroom assignments (read from the
 * catalogue by the component, so the widget must have some).
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/lib/classroom/catalogue';
import { widgetById } from '../../src/lib/state/registry';
import { body, languages, readPages } from './content-files';

const pages = { zh: readPages('zh'), en: readPages('en') };

/** Widget ids whose component the chapter imports and places: `import X from '@widgets/<id>/X.astro'` + `<X`. */
function widgetsOn(mdx: string): string[] {
  const ids: string[] = [];
  for (const m of mdx.matchAll(/^import (\w+) from '@widgets\/([\w-]+)\/\w+\.astro';$/gm)) {
    if (new RegExp(`<${m[1]}\\b`).test(body(mdx))) ids.push(m[2]!);
  }
  return ids;
}

interface Box {
  widget: string;
  steps: { question: string; answer: string }[];
}

function boxesOn(mdx: string): Box[] {
  return [...body(mdx).matchAll(/<TryThis\s+widget="([^"]+)"\s*>([\s\S]*?)<\/TryThis>/g)].map((m) => ({
    widget: m[1]!,
    steps: [...m[2]!.matchAll(/<TryStep>([\s\S]*?)<\/TryStep>/g)].map((s) => {
      const [question = '', rest = ''] = s[1]!.split(/<Answer>/);
      return { question, answer: rest.split(/<\/Answer>/)[0] ?? '' };
    }),
  }));
}

describe('“Try this” boxes', () => {
  it.each(languages)('%s chapters import widgets through the @widgets alias, never by a relative path', (lang) => {
    for (const [slug, mdx] of pages[lang]) expect(mdx.match(/^import .* from '[./]*\/?src\/widgets\/.*$/gm) ?? [], slug).toEqual([]);
  });

  it.each(languages)('every widget on a %s chapter has its box on the same page', (lang) => {
    let seen = 0;
    for (const [slug, mdx] of pages[lang]) {
      const boxes = boxesOn(mdx).map((b) => b.widget);
      for (const id of widgetsOn(mdx)) {
        seen++;
        expect(boxes, `${lang}/${slug}: ${id}`).toContain(id);
      }
    }
    // degradation lab, gradient flow, residual block, boundary lab, conv explorer, CNN trainer, and the explorer on three pages
    expect(seen).toBeGreaterThanOrEqual(9);
  });

  it.each(languages)('each %s box has 2–3 steps, each a question with a folded answer', (lang) => {
    for (const [slug, mdx] of pages[lang]) {
      for (const box of boxesOn(mdx)) {
        const where = `${lang}/${slug} (${box.widget})`;
        expect(widgetById(box.widget), where).toBeDefined();
        expect(box.steps.length, where).toBeGreaterThanOrEqual(2);
        expect(box.steps.length, where).toBeLessThanOrEqual(3);
        for (const [i, step] of box.steps.entries()) {
          expect(step.question, `${where} step ${i + 1}`).toMatch(/[?？]/);
          expect(step.answer.replace(/<[^>]+>/g, '').trim().length, `${where} step ${i + 1} answer`).toBeGreaterThan(20);
        }
      }
    }
  });

  it('zh and en have the same boxes with the same number of steps', () => {
    for (const [slug, zh] of pages.zh) {
      const shape = (mdx: string) => boxesOn(mdx).map((b) => `${b.widget}:${b.steps.length}`);
      expect(shape(zh), slug).toEqual(shape(pages.en.get(slug) ?? ''));
    }
  });

  it('every widget with a box has ready assignments to link to', () => {
    const widgets = new Set(languages.flatMap((l) => [...pages[l].values()].flatMap(boxesOn).map((b) => b.widget)));
    for (const id of widgets) expect(catalogue.filter((a) => a.widget === id).length, id).toBeGreaterThanOrEqual(2);
  });
});
