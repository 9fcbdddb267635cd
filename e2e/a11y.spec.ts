import AxeBuilder from '@axe-core/playwright';
import { contentSlugs, expect, langs, pagePath, settle, test } from './site';

/**
 * Every rule axe has for WCAG 2.0/2.1 A and AA plus its best practices, none disabled, on every
 * page in both languages and both themes. Dark mode is set the way a reader gets it — the system
 * preference and Starlight's own stored choice (`localStorage['starlight-theme']`, which its theme
 * switch writes) — and checked on the page: `<html data-theme>` and a dark background. Widgets are
 * mounted first (scrolled into view), so their live controls, charts and run bars are checked too.
 */
for (const theme of ['light', 'dark'] as const) {
  for (const lang of langs) {
    for (const slug of contentSlugs()) {
      const path = pagePath(lang, slug);
      test(`axe (${theme}): ${path} has no violations`, async ({ page }) => {
        test.setTimeout(120_000);
        await page.emulateMedia({ colorScheme: theme });
        await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
        await page.goto(path);
        await settle(page);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number));
        expect((bg[0]! + bg[1]! + bg[2]!) / 3 < 128).toBe(theme === 'dark');
        for (const w of await page.locator('section[data-widget]').all()) {
          await w.scrollIntoViewIfNeeded();
          await expect(w).toHaveAttribute('data-state', /./, { timeout: 30_000 });
          await expect(w).not.toHaveAttribute('data-status', 'loading', { timeout: 30_000 });
        }
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          .analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(summary).toEqual([]);
      });
    }
  }
}

test('axe: the language chooser at / has no violations', async ({ page, request }) => {
  // `/` redirects at once; check its markup (what a reader without JS gets) with the redirect removed.
  const html = (await (await request.get('/')).text()).replace(/<script[\s\S]*?<\/script>/g, '');
  await page.goto('/en/');
  await page.setContent(html);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
