/**
 * One term per concept, one notation per symbol. The glossary (src/data/glossary.ts) is the source
 * of truth for the Chinese terms: each entry's `zhAvoid` renderings are banned from the chapters,
 * with a few more variants that are not glossary terms (quotation marks, chapter titles). The maths
 * of both languages uses one notation for the residual function, the mapping and the loss.
 */
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/data/glossary';
import { body, languages, mathStrings, readPages } from './content-files';

const pages = { zh: readPages('zh'), en: readPages('en') };

/** Banned zh variants that are not glossary renderings, each with the form to use instead. */
const bannedZh: { variant: string; use: string }[] = [
  { variant: '「', use: '“ (mainland quotation marks)' },
  { variant: '」', use: '” (mainland quotation marks)' },
  { variant: '『', use: '‘' },
  { variant: '』', use: '’' },
  { variant: '设计原理', use: '设计原则 (the chapter title)' },
];

/**
 * The zh prose a reader sees as the notebook's own words: without the source article's quoted
 * words (`said="…"`), without code and without asides that name an alternative on purpose,
 * “卷积核（又叫滤波器）”.
 */
function ownWords(mdx: string): string {
  return body(mdx)
    .replace(/<[^>]*>/g, ' ') // tags and their attributes: component names, ids, said="…"
    .replace(/`[^`\n]*`/g, '')
    .replace(/（(又称|又叫|也叫|也称)[^）]*）/g, '');
}

describe('one term per concept (zh)', () => {
  const avoided = glossary.flatMap((g) => (g.zhAvoid ?? []).map((variant) => ({ variant, use: `${g.zh} (glossary: ${g.id})` })));

  it('the glossary names each avoided rendering once, never as a recommended term', () => {
    const recommended = new Set(glossary.map((g) => g.zh));
    const variants = avoided.map((a) => a.variant);
    expect(new Set(variants).size).toBe(variants.length);
    for (const v of variants) expect(recommended.has(v), v).toBe(false);
    expect(variants.length).toBeGreaterThanOrEqual(20);
  });

  it('the banned list covers the variants the review found', () => {
    const all = [...avoided, ...bannedZh].map((a) => a.variant);
    for (const v of ['plain 网络', '轮次', '周期', '优化地形', '残差支路', 'one-hot', '乘加次数', '设计原理', '「', '前端']) expect(all, v).toContain(v);
  });

  it('no zh page uses a banned variant', () => {
    const found: string[] = [];
    for (const [slug, mdx] of pages.zh) {
      if (slug === 'glossary') continue; // the glossary page lists the variants on purpose
      const text = ownWords(mdx);
      for (const { variant, use } of [...avoided, ...bannedZh]) {
        const n = text.split(variant).length - 1;
        if (n > 0) found.push(`zh/${slug}: “${variant}” ×${n} → use ${use}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('no zh widget string, UI string or assignment uses a banned variant', async () => {
    // Every zh string a reader sees outside the chapters: the widgets' UI strings, the site's and
    // the classroom's strings, and the ready assignments' zh texts.
    const modules = import.meta.glob<Record<string, unknown>>(['../../src/lib/i18n/**/*.ts', '../../src/lib/classroom/catalogue.ts', '!**/*.test.ts'], { eager: true });
    const zhStrings: string[] = [];
    const collect = (v: unknown, zh: boolean) => {
      if (typeof v === 'string') {
        if (zh) zhStrings.push(v);
      } else if (Array.isArray(v)) for (const x of v) collect(x, zh);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, zh || k === 'zh');
    };
    for (const mod of Object.values(modules)) collect(mod, false);
    expect(zhStrings.length).toBeGreaterThan(500);
    const found: string[] = [];
    for (const text of zhStrings) {
      for (const { variant, use } of [...avoided, ...bannedZh]) if (text.includes(variant)) found.push(`“${text.slice(0, 40)}…”: “${variant}” → use ${use}`);
    }
    expect(found).toEqual([]);
  });

  it('the check sees a variant in prose but not in a quote of the source article', () => {
    const sample = '<Correction id="x" said="加入批归一化">正文用批量归一化。</Correction> 又用了批归一化。';
    expect(ownWords(sample).split('批归一化').length - 1).toBe(1);
  });
});

/** Notation banned in the maths of both languages, with what to write instead. */
const bannedMath: { pattern: RegExp; use: string }[] = [
  { pattern: /(?<![\\A-Za-z{])[FH]\(/, use: '\\mathcal{F}( / \\mathcal{H}( for the residual function and the desired mapping' },
  { pattern: /\\mathcal\{E\}|\\partial E\b|(?<![\\A-Za-z{])E_/, use: '\\mathcal{L} for the loss' },
  { pattern: /(?<![\\A-Za-z{_^])L(?:_\{?[0-9i]|\s*=|\(\\theta)|\\nabla_\\theta L\b/, use: '\\mathcal{L} for the loss (L alone is a layer index)' },
];

describe('one notation (zh and en)', () => {
  it.each(languages)('the maths of %s uses 𝓕, 𝓗 and 𝓛 throughout', (lang) => {
    const found: string[] = [];
    for (const [slug, mdx] of pages[lang]) {
      for (const m of mathStrings(mdx)) for (const { pattern, use } of bannedMath) if (pattern.test(m)) found.push(`${lang}/${slug}: $${m}$ → ${use}`);
    }
    expect(found).toEqual([]);
  });

  it('the patterns catch the old forms and leave the chosen ones alone', () => {
    const bad = ['F(x) := H(x) - x', '\\frac{\\partial \\mathcal{E}}{\\partial x_l}', '\\frac{\\partial E}{\\partial x_l}', 'L = -\\sum_k y_k \\log p_k', 'L = L_0 + 0.3 (L_1 + L_2)', '\\nabla_\\theta L'];
    const good = ['\\mathcal{F}(x) := \\mathcal{H}(x) - x', '\\frac{\\partial \\mathcal{L}}{\\partial x_L}', 'r_L = 2L + 1', '\\sum_{i=l}^{L-1}', 'L(L+1)/2', '\\mathcal{L} = \\mathcal{L}_0 + 0.3 (\\mathcal{L}_1 + \\mathcal{L}_2)'];
    for (const m of bad) expect(bannedMath.some(({ pattern }) => pattern.test(m)), m).toBe(true);
    for (const m of good) expect(bannedMath.some(({ pattern }) => pattern.test(m)), m).toBe(false);
  });

  it('the notation is stated once, in the chapter on ResNet’s design principles', () => {
    for (const lang of languages) {
      const stated = [...pages[lang]].filter(([, mdx]) => /<Box\s+kind="notation"/.test(body(mdx))).map(([slug]) => slug);
      expect(stated, lang).toEqual(['resnet-principles']);
    }
  });
});
