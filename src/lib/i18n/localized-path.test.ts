import { describe, expect, it } from 'vitest';
import { localizedHref } from './localized-path';
import { pickLocale, toLocale } from './locales';

describe('localizedHref(href, locale)', () => {
  it('swaps the locale segment and keeps the rest of the path', () => {
    expect(localizedHref('/zh/case-studies/vgg/', 'en')).toBe('/en/case-studies/vgg/');
    expect(localizedHref('/en/intro/', 'zh')).toBe('/zh/intro/');
  });

  it('keeps the query string and the hash', () => {
    expect(localizedHref('/zh/resnet-principles/?w=degradation-lab&depth=32#degradation-lab', 'en')).toBe(
      '/en/resnet-principles/?w=degradation-lab&depth=32#degradation-lab',
    );
    expect(localizedHref('/en/glossary/#term-stride', 'zh')).toBe('/zh/glossary/#term-stride');
  });

  it('prepends a locale to a path that has none', () => {
    expect(localizedHref('/', 'en')).toBe('/en/');
    expect(localizedHref('/?a=1#x', 'zh')).toBe('/zh/?a=1#x');
  });

  it('is the identity for the page’s own locale', () => {
    expect(localizedHref('/zh/intro/?x=1#y', 'zh')).toBe('/zh/intro/?x=1#y');
  });
});

describe('pickLocale(navigator.languages)', () => {
  it('picks Chinese for any zh tag and English for any en tag, first match wins', () => {
    expect(pickLocale(['zh-TW', 'en'])).toBe('zh');
    expect(pickLocale(['en-GB', 'zh-CN'])).toBe('en');
    expect(pickLocale(['fr-FR', 'en-US'])).toBe('en');
  });

  it('falls back to Chinese, the source article’s language', () => {
    expect(pickLocale(['fr-FR'])).toBe('zh');
    expect(pickLocale([])).toBe('zh');
  });

  it('toLocale narrows unknown values to the default', () => {
    expect(toLocale('en')).toBe('en');
    expect(toLocale('de')).toBe('zh');
    expect(toLocale(undefined)).toBe('zh');
  });
});
