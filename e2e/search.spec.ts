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

for (const lang of ['zh', 'en'] as const) {
  test(`search whose script fails to load says so (${lang}), and reopening tries again`, async ({ page }) => {
    // The first request for Pagefind's UI fails as on a dropped network; later ones go through.
    let failed = 0;
    await page.route(/\/_astro\/ui-core\.[\w-]+\.js$/, (route) => (failed++ === 0 ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`/${lang}/intro/`);
    await page.waitForFunction(() => !!customElements.get('site-search'));
    const button = page.locator('site-search button[data-open-modal]');
    await button.click();
    const note = page.locator('#starlight__search [data-search-failed]');
    await expect(note).toHaveAttribute('role', 'alert');
    await expect(note).toContainText(lang === 'zh' ? '搜索没能加载' : 'Search could not load');
    await expect(page.locator('#starlight__search')).toHaveAttribute('data-search', 'failed');
    expect(failed).toBe(1);
    await page.keyboard.press('Escape');
    await expect(page.locator('site-search dialog')).not.toHaveAttribute('open', '');
    await button.click();
    const input = page.locator('#starlight__search input');
    await expect(input).toBeFocused();
    await expect(note).toHaveCount(0);
    await input.pressSequentially(lang === 'zh' ? '残差' : 'residual', { delay: 30 });
    await expect(page.locator('#starlight__search .pagefind-ui__result-link').first()).toBeVisible({ timeout: 15_000 });
  });
}
