import { contentSlugs, expect, langs, pagePath, settle, test } from './site';

test('CJK text renders with real glyphs, not tofu', async ({ page }, info) => {
  await page.goto('/zh/resnet-principles/');
  await settle(page);
  // If the system has no CJK font, every character falls back to the same "missing glyph" box:
  // four different characters then draw identical bitmaps.
  const distinct = await page.evaluate(() => {
    const font = getComputedStyle(document.body).fontFamily;
    const draw = (ch: string) => {
      const c = document.createElement('canvas');
      c.width = c.height = 48;
      const ctx = c.getContext('2d')!;
      ctx.font = `40px ${font}`;
      ctx.fillText(ch, 2, 40);
      return c.toDataURL();
    };
    return new Set(['残', '差', '网', '络'].map(draw)).size;
  });
  expect(distinct).toBe(4);
  await page.screenshot({ path: info.outputPath('zh-resnet-principles.png') });
});

test.describe('mobile layout at 375 px', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  for (const lang of langs) {
    for (const slug of contentSlugs()) {
      const path = pagePath(lang, slug);
      test(`${path} does not scroll sideways`, async ({ page }) => {
        await page.goto(path);
        await settle(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(1);
      });
    }
    // The home page has no phone menu (no sidebar): its header must still offer the other language.
    test(`/${lang}/ keeps a visible language switch on a phone, and it works`, async ({ page }) => {
      await page.goto(`/${lang}/`);
      const select = page.locator('header nb-lang-select select');
      await expect(select).toBeVisible();
      await select.selectOption({ label: lang === 'zh' ? 'English' : '简体中文' });
      await page.waitForURL(`**/${lang === 'zh' ? 'en' : 'zh'}/`);
    });
  }
});

test('dark mode: the theme switch turns the page dark and persists', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/en/intro/');
  await page.locator('starlight-theme-select select').first().selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g)!.map(Number);
  expect((r! + g! + b!) / 3).toBeLessThan(60);
  await page.goto('/zh/intro/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('dark mode follows the system preference by default', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/zh/intro/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/zh/summary/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
