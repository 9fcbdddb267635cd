import AxeBuilder from '@axe-core/playwright';
import { contentSlugs, expect, langs, pagePath, settle, test } from './site';

// Every rule axe has for WCAG 2.0/2.1 A and AA plus its best practices; none disabled.
for (const lang of langs) {
  for (const slug of contentSlugs()) {
    const path = pagePath(lang, slug);
    test(`axe: ${path} has no violations`, async ({ page }) => {
      await page.goto(path);
      await settle(page);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
    });
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
