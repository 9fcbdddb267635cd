import { expect, openSearch, test } from './site';

for (const [lang, query, expected] of [
  ['zh', '退化问题', '/zh/'],
  ['zh', '批量归一化', '/zh/'],
  ['en', 'degradation', '/en/'],
  ['en', 'bottleneck', '/en/'],
] as const) {
  test(`search in ${lang} finds "${query}" in the same language`, async ({ page }) => {
    await page.goto(`/${lang}/intro/`);
    const input = await openSearch(page);
    await input.fill(query);
    const results = page.locator('#starlight__search .pagefind-ui__result-link');
    await expect(results.first()).toBeVisible({ timeout: 15_000 });
    const hrefs = await results.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toContain(expected);
  });
}
