import { describe, expect, it } from 'vitest';
import { widgets } from '../state/registry';
import { widgetStrings, widgetTitle } from './widget-strings';

describe('widget strings', () => {
  it('has strings for exactly the registered widgets', () => {
    expect(Object.keys(widgetStrings).sort()).toEqual(widgets.map((w) => w.id).sort());
  });

  it('gives every widget a non-empty title in both languages, different per language', () => {
    for (const w of widgets) {
      const zh = widgetTitle(w.id, 'zh');
      const en = widgetTitle(w.id, 'en');
      expect(zh.trim(), w.id).not.toBe('');
      expect(en.trim(), w.id).not.toBe('');
      expect(zh, w.id).not.toBe(en);
    }
  });

  it('throws for an unknown widget', () => {
    expect(() => widgetTitle('no-such-widget', 'en')).toThrow(/no-such-widget/);
  });
});
