import { describe, expect, it } from 'vitest';
import { bibliography } from '../../src/data/bibliography';
import { corrections } from '../../src/data/corrections';
import { glossary } from '../../src/data/glossary';
import { citedKeys, correctionIds, languages, mathStrings, proseLength, readPages, termIds } from './content-files';

const pages = { zh: readPages('zh'), en: readPages('en') };
const requiredSlugs = [
  'intro',
  'ml-vs-dl',
  'cnn-anatomy',
  'resnet-principles',
  'why-residuals-work',
  'case-studies/vgg',
  'case-studies/googlenet',
  'case-studies/resnet',
  'summary',
  'glossary',
  'references',
];
const chapters = requiredSlugs.filter((s) => s !== 'glossary' && s !== 'references');

describe('chapters in both languages', () => {
  it('zh and en have the same set of pages', () => {
    expect([...pages.zh.keys()].sort()).toEqual([...pages.en.keys()].sort());
  });

  it.each(requiredSlugs)('page "%s" exists in zh and en', (slug) => {
    expect(pages.zh.has(slug)).toBe(true);
    expect(pages.en.has(slug)).toBe(true);
  });

  it.each(chapters)('chapter "%s" is a real chapter: 800–2,000+ characters (zh) / 800+ words (en) of prose', (slug) => {
    expect(proseLength(pages.zh.get(slug) ?? '', 'zh')).toBeGreaterThanOrEqual(800);
    expect(proseLength(pages.en.get(slug) ?? '', 'en')).toBeGreaterThanOrEqual(800);
  });

  it('no page carries placeholder text', () => {
    for (const lang of languages) {
      for (const [slug, mdx] of pages[lang]) {
        expect(mdx, `${lang}/${slug}`).not.toMatch(/lorem ipsum|\bTODO\b|\bTBD\b|coming soon|敬请期待|待补充/i);
      }
    }
  });
});

describe('corrections', () => {
  it('the registry has unique ids, at least one per fact-check item (37+)', () => {
    const ids = corrections.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(37);
  });

  it.each(languages)('every registered correction appears exactly once in %s, on its own page', (lang) => {
    for (const c of corrections) {
      const where = [...pages[lang]].filter(([, mdx]) => correctionIds(mdx).includes(c.id)).map(([s]) => s);
      expect(where, `${c.id} in ${lang}`).toEqual([c.page]);
      expect(correctionIds(pages[lang].get(c.page) ?? '').filter((id) => id === c.id)).toHaveLength(1);
    }
  });

  it('no page uses a correction id that is not registered', () => {
    const known = new Set(corrections.map((c) => c.id));
    for (const lang of languages) {
      for (const [slug, mdx] of pages[lang]) {
        for (const id of correctionIds(mdx)) expect(known.has(id), `${lang}/${slug}: ${id}`).toBe(true);
      }
    }
  });

  it('each page has the same corrections in the same order in zh and en', () => {
    for (const [slug, zh] of pages.zh) expect(correctionIds(zh), slug).toEqual(correctionIds(pages.en.get(slug) ?? ''));
  });
});

describe('maths', () => {
  it('each page has the same equations in zh and en', () => {
    for (const [slug, zh] of pages.zh) expect(mathStrings(zh), slug).toEqual(mathStrings(pages.en.get(slug) ?? ''));
  });

  it('the required equations are on the site', () => {
    const all = [...pages.zh.values()].flatMap(mathStrings).join('\n');
    // residual block, identity and projection shortcut
    expect(all).toMatch(/\\mathcal\{F\}\(x, ?\\\{W_i\\\}\) ?\+ ?x/);
    expect(all).toMatch(/\\mathcal\{F\}\(x, ?\\\{W_i\\\}\) ?\+ ?W_s ?x/);
    // conv output size with a floor, parameter count, softmax, cross-entropy, BN, residual gradient
    expect(all).toMatch(/\\lfloor[\s\S]*n ?\+ ?2p ?- ?k[\s\S]*\\rfloor/);
    expect(all).toMatch(/k ?\\cdot ?k ?\\cdot ?C_\{?\\(text|mathrm)\{in\}\}? ?\\cdot ?C_\{?\\(text|mathrm)\{out\}/);
    expect(all).toMatch(/e\^\{z_k\}/);
    expect(all).toMatch(/\\log p_k|\\log \\hat\{?y\}?/);
    expect(all).toMatch(/\\sqrt\{\\sigma_\{?\\mathcal\{B\}\}?\^2 ?\+ ?\\epsilon\}/);
    expect(all).toMatch(/\\gamma ?\\hat\{x\}/);
    expect(all).toMatch(/1 ?\+ ?\\frac\{\\partial\}\{\\partial x_l\}/);
    expect(all).toMatch(/2L ?\+ ?1/);
  });

  it('no maths contains CJK characters', () => {
    for (const [slug, mdx] of pages.zh) {
      for (const m of mathStrings(mdx)) expect(m, slug).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
    }
  });
});

describe('bibliography', () => {
  const cited = new Set(languages.flatMap((l) => [...pages[l].values()].flatMap(citedKeys)));

  it('every cited key exists in the bibliography', () => {
    for (const key of cited) expect(Object.keys(bibliography), key).toContain(key);
  });

  it('every bibliography entry is cited somewhere in both languages', () => {
    for (const lang of languages) {
      const keys = new Set([...pages[lang].values()].flatMap(citedKeys));
      for (const key of Object.keys(bibliography)) expect(keys.has(key), `${key} in ${lang}`).toBe(true);
    }
  });

  it('every entry has authors, a title, a venue, a year and a link', () => {
    for (const [key, s] of Object.entries(bibliography)) {
      expect(s.authors.length, key).toBeGreaterThan(0);
      expect(s.title.length, key).toBeGreaterThan(3);
      expect(s.venue.length, key).toBeGreaterThan(1);
      expect(s.year, key).toBeGreaterThan(1900);
      expect('arxiv' in s || 'doi' in s || 'url' in s, key).toBe(true);
    }
  });
});

describe('glossary', () => {
  it('has at least 50 terms with no duplicate ids, Chinese or English terms', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(50);
    for (const field of ['id', 'zh', 'en'] as const) {
      const values = glossary.map((g) => g[field].toLowerCase());
      expect(new Set(values).size, field).toBe(values.length);
    }
  });

  it('every term has a one-line definition in both languages', () => {
    for (const g of glossary) {
      expect(g.defZh.length, g.id).toBeGreaterThan(6);
      expect(g.defEn.length, g.id).toBeGreaterThan(12);
      expect(g.defZh, g.id).toMatch(/[\u4e00-\u9fff]/);
      expect(g.defEn + g.defZh, g.id).not.toMatch(/\n/);
    }
  });

  it('every Term link in the chapters points at an existing term, and chapters link their terms', () => {
    const ids = new Set(glossary.map((g) => g.id));
    for (const lang of languages) {
      for (const slug of chapters) {
        const used = termIds(pages[lang].get(slug) ?? '');
        expect(used.length, `${lang}/${slug}`).toBeGreaterThanOrEqual(3);
        for (const id of used) expect(ids.has(id), `${lang}/${slug}: ${id}`).toBe(true);
      }
    }
  });
});
