import { describe, expect, it } from 'vitest';
import { localizedHref, normalizeBase, pathLocale, sitePath, stripBase } from './localized-path';
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

describe('under a sub-path base (BASE_PATH=/courses/resnet/)', () => {
  const base = '/courses/resnet/';

  it('normalises any spelling of the base to a leading and a trailing slash', () => {
    expect(normalizeBase('courses/resnet')).toBe(base);
    expect(normalizeBase('/courses/resnet')).toBe(base);
    expect(normalizeBase('/courses/resnet/')).toBe(base);
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase(undefined)).toBe('/');
  });

  it('sitePath puts the base in front of site paths, once', () => {
    expect(sitePath('/zh/intro/', base)).toBe('/courses/resnet/zh/intro/');
    expect(sitePath('/en/glossary/#term-stride', base)).toBe('/courses/resnet/en/glossary/#term-stride');
    expect(sitePath('/', base)).toBe('/courses/resnet/');
    expect(sitePath('/courses/resnet/zh/', base)).toBe('/courses/resnet/zh/');
    expect(sitePath('/zh/intro/', '/')).toBe('/zh/intro/');
  });

  it('sitePath leaves other sites, anchors and relative paths alone', () => {
    for (const href of ['https://arxiv.org/abs/1512.03385', '//cdn.example/x.js', '#top', 'intro/', 'mailto:a@b.c', '']) {
      expect(sitePath(href, base)).toBe(href);
    }
  });

  it('stripBase is the inverse of sitePath', () => {
    expect(stripBase('/courses/resnet/en/intro/', base)).toBe('/en/intro/');
    expect(stripBase('/courses/resnet/', base)).toBe('/');
    expect(stripBase('/courses/resnet', base)).toBe('/');
    expect(stripBase('/elsewhere/', base)).toBe('/elsewhere/');
    expect(stripBase(sitePath('/zh/case-studies/vgg/', base), base)).toBe('/zh/case-studies/vgg/');
  });

  it('localizedHref switches language inside the base', () => {
    expect(localizedHref('/courses/resnet/zh/resnet-principles/?w=degradation-lab#degradation-lab', 'en', base)).toBe(
      '/courses/resnet/en/resnet-principles/?w=degradation-lab#degradation-lab',
    );
    expect(localizedHref('/courses/resnet/', 'zh', base)).toBe('/courses/resnet/zh/');
    // a path written without the base gets it too
    expect(localizedHref('/en/intro/', 'zh', base)).toBe('/courses/resnet/zh/intro/');
  });

  it('pathLocale reads the language after the base', () => {
    expect(pathLocale('/courses/resnet/en/intro/', base)).toBe('en');
    expect(pathLocale('/courses/resnet/zh/', base)).toBe('zh');
    expect(pathLocale('/courses/resnet/', base)).toBeUndefined();
    expect(pathLocale('/en/intro/', '/')).toBe('en');
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
