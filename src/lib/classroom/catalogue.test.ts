import { describe, expect, it } from 'vitest';
import { parseState } from '../state/codec';
import { parseLinkOptions } from '../state/link-options';
import { widgets } from '../state/registry';
import { assignmentEmbedLink, assignmentLink, assignmentsByWidget, catalogue, catalogueLookup } from './catalogue';
import { parseTaskParam } from './task';

describe('the assignment catalogue', () => {
  it('has at least two assignments for every registered widget', () => {
    for (const w of widgets) {
      const n = catalogue.filter((a) => a.widget === w.id).length;
      expect(n, `${w.id} needs at least two assignments in src/lib/classroom/catalogue.ts`).toBeGreaterThanOrEqual(2);
    }
    expect(assignmentsByWidget().map((g) => g.widget)).toEqual(widgets.map((w) => w.id));
  });

  it('has unique, link-safe ids', () => {
    const ids = catalogue.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  });

  for (const a of catalogue) {
    describe(a.id, () => {
      const entry = widgets.find((w) => w.id === a.widget);
      it('is for a registered widget', () => expect(entry, a.widget).toBeDefined());
      if (!entry) return;

      it('has a title and prompt in both languages', () => {
        for (const text of [a.title, a.prompt]) {
          expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
          expect(text.en).toMatch(/^[\x20-\x7e\u2018-\u201d\u00f7\u00d7\u2013\u2014\u2026]+$/);
          expect(text.en.length).toBeGreaterThan(8);
        }
        expect(a.prompt.zh.length).toBeLessThanOrEqual(400);
        expect(a.prompt.en.length).toBeLessThanOrEqual(400);
      });

      it('opens the widget in a valid state, with no correction', () => {
        for (const lang of ['zh', 'en'] as const) {
          const url = new URL(assignmentLink(a, lang), 'https://example.org');
          expect(url.pathname).toBe(`/${lang}/${entry.chapter}/`);
          expect(url.hash).toBe(`#${a.widget}`);
          const parsed = parseState(entry.schema, url.searchParams);
          expect(parsed.corrections).toEqual([]);
          for (const [key, value] of Object.entries(a.state)) expect(parsed.state[key], key).toEqual(value);
          const options = parseLinkOptions(entry.schema, url.searchParams);
          expect(options.corrections).toEqual([]);
          expect(options.options.lock).toEqual(a.lock ?? []);
          expect(options.options.hide).toEqual(a.hide ?? []);
          expect(url.searchParams.get('task')).toBe(a.id);
          expect(assignmentEmbedLink(a, lang)).toBe(`/${lang}/embed/${a.widget}/${url.search}`);
        }
      });

      it('has a condition that parses and type-checks against the widget, and report expressions that parse', () => {
        const r = parseTaskParam(a.id, entry.schema, catalogueLookup);
        expect('problem' in r ? r.problem : undefined).toBeUndefined();
        for (const rep of a.report ?? []) {
          const t = parseTaskParam(a.id, entry.schema, (id) => ({ widget: a.widget, task: { id, prompt: a.prompt, check: `${rep.expr} = ${rep.expr}` } }));
          expect('problem' in t ? t.problem : undefined, rep.expr).toBeUndefined();
          expect(rep.label.zh).toMatch(/[\u4e00-\u9fff]/);
        }
      });
    });
  }
});
