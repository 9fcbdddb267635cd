import { contentSlugs, expect, htmlLang, langs, pagePath, settle, test } from './site';

const slugs = contentSlugs();

test('every content page exists in both languages', () => {
  expect(slugs).toEqual(
    expect.arrayContaining(['', 'intro', 'ml-vs-dl', 'cnn-anatomy', 'resnet-principles', 'why-residuals-work', 'case-studies/vgg',
      'case-studies/googlenet', 'case-studies/resnet', 'summary', 'glossary', 'references']),
  );
});

for (const lang of langs) {
  for (const slug of slugs) {
    const path = pagePath(lang, slug);
    test(`${path} renders: 200, lang, title, headings, maths, no errors, no foreign requests`, async ({ page, problems }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await settle(page);
      await expect(page.locator('html')).toHaveAttribute('lang', htmlLang[lang]);
      expect((await page.title()).trim().length).toBeGreaterThan(0);
      await expect(page.locator('h1').first()).not.toBeEmpty();
      if (slug && slug !== 'glossary' && slug !== 'references') {
        expect(await page.locator('main h2').count()).toBeGreaterThan(0);
      }
      expect(await page.locator('.katex-error').count()).toBe(0);
      // maths is rendered HTML at build time: no KaTeX script on the page
      expect(await page.locator('script[src*="katex"]').count()).toBe(0);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    });
  }
}

test('chapters render their equations with KaTeX', async ({ page }) => {
  for (const lang of langs) {
    await page.goto(pagePath(lang, 'resnet-principles'));
    expect(await page.locator('.katex-display').count()).toBeGreaterThanOrEqual(3);
    await page.goto(pagePath(lang, 'cnn-anatomy'));
    expect(await page.locator('.katex-display').count()).toBeGreaterThanOrEqual(3);
  }
});

test('corrections carry the same ids in both languages', async ({ page }) => {
  test.setTimeout(180_000); // every chapter in both languages, one after the other
  const ids: Record<string, string[]> = {};
  for (const lang of langs) {
    ids[lang] = [];
    for (const slug of slugs) {
      await page.goto(pagePath(lang, slug));
      ids[lang].push(...(await page.locator('aside[data-correction]').evaluateAll((els) => els.map((e) => e.getAttribute('data-correction') ?? ''))));
    }
  }
  expect(ids.zh!.length).toBeGreaterThanOrEqual(37);
  expect(new Set(ids.zh).size).toBe(ids.zh!.length);
  expect(ids.zh).toEqual(ids.en);
});

test('the production build has no dev pages: the record and bench harness is not served', async ({ request }) => {
  // The harness exists only in builds made with NB_DEV_PAGES=1 (src/integrations/dev-pages.ts).
  expect((await request.get('/dev/harness/')).status()).toBe(404);
  expect((await request.get('/en/intro/')).status()).toBe(200);
});
