import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { widgets } from '../../src/lib/state/registry';

/**
 * Widgets below the fold are rendered only when they scroll near (`content-visibility: auto`);
 * until then they take the size performance.css gives them. Every widget has its own measured
 * size there, for phones and for wide screens.
 */
const css = readFileSync('src/styles/performance.css', 'utf8');
const wideAt = css.indexOf('@media (min-width: 50rem)');
const sizes = (part: string) => new Map([...part.matchAll(/data-widget='([a-z-]+)'\]\s*\{\s*contain-intrinsic-size: auto (\d+)px;/g)].map((m) => [m[1]!, Number(m[2])]));
const phone = sizes(css.slice(0, wideAt));
const wide = sizes(css.slice(wideAt));

describe('performance.css: a placeholder size for every widget', () => {
  it('names every registered widget, for phones and for wide screens, and no other', () => {
    const ids = widgets.map((w) => w.id).sort();
    expect([...phone.keys()].sort()).toEqual(ids);
    expect([...wide.keys()].sort()).toEqual(ids);
  });

  it('gives sizes a widget can have: 1,000–6,000 px, taller on a phone than on a wide screen', () => {
    for (const [id, h] of phone) {
      expect(h, id).toBeGreaterThanOrEqual(1000);
      expect(h, id).toBeLessThanOrEqual(6000);
      expect(h, id).toBeGreaterThan(wide.get(id)!);
    }
  });
});
