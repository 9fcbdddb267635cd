import { expect, test } from './site';

test.describe('language switch', () => {
  for (const [from, to, label] of [
    ['zh', 'en', 'English'],
    ['en', 'zh', '简体中文'],
  ] as const) {
    test(`${from} → ${to} keeps the path, the query string and the hash`, async ({ page }) => {
      const suffix = '?w=degradation-lab&depth=32&seed=7#fc-2-3-6';
      await page.goto(`/${from}/resnet-principles/${suffix}`);
      const select = page.locator('nb-lang-select select').first();
      await select.selectOption({ label });
      await page.waitForURL(`**/${to}/resnet-principles/${suffix}`);
      expect(new URL(page.url()).pathname).toBe(`/${to}/resnet-principles/`);
      expect(new URL(page.url()).search).toBe('?w=degradation-lab&depth=32&seed=7');
      expect(new URL(page.url()).hash).toBe('#fc-2-3-6');
    });
  }

  test('the switch keeps a query string added after load (replaceState)', async ({ page }) => {
    await page.goto('/zh/cnn-anatomy/');
    await page.evaluate(() => history.replaceState(null, '', '/zh/cnn-anatomy/?k=3&s=2#fc-2-2-2'));
    await page.locator('nb-lang-select select').first().selectOption({ label: 'English' });
    await page.waitForURL('**/en/cnn-anatomy/?k=3&s=2#fc-2-2-2');
  });
});

test.describe('/ picks the language', () => {
  for (const [locale, target] of [
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['fr-FR', 'zh'],
  ] as const) {
    test(`navigator.language ${locale} → /${target}/`, async ({ browser }) => {
      const ctx = await browser.newContext({ locale });
      const page = await ctx.newPage();
      await page.goto('/?w=x#top');
      await page.waitForURL(`**/${target}/?w=x#top`);
      await ctx.close();
    });
  }

  test('without JS, / shows both languages as links', async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto('/');
    await expect(page.locator('a[href="/zh/"]')).toHaveText('简体中文');
    await expect(page.locator('a[href="/en/"]')).toHaveText('English');
    await ctx.close();
  });
});
