/**
 * Chapters print cleanly: no site navigation, no controls or buttons, each mounted widget as the
 * figures it shows, a widget that never loaded as the numbers it shipped with; nothing wider than
 * the paper. Checked with print media emulation, and a real PDF of a chapter.
 */
import type { Page } from '@playwright/test';
import { expect, langs, test } from './site';

/** Scrolls every widget into view and waits until each has mounted. */
async function mountAll(page: Page) {
  for (const id of await page.locator('[data-widget][data-status][id]').evaluateAll((els) => els.map((e) => e.id))) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await expect(page.locator(`#${id}[data-mounted]`)).toHaveCount(1, { timeout: 30_000 });
  }
}

for (const lang of langs) {
  test(`a chapter with widgets prints as text and figures (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/${lang}/resnet-principles/`);
    await mountAll(page);
    await page.emulateMedia({ media: 'print' });
    // The site's chrome and every control are off the paper.
    for (const sel of ['site-search', 'nb-lang-select', '.nb-toolbar', '.nb-run-bar', '.nb-controls', '.nb-widget button', '.nb-widget select']) {
      for (const el of await page.locator(sel).all()) await expect(el, sel).toBeHidden();
    }
    // The figures are there, drawn, and fit the paper.
    const charts = page.locator('.nb-widget svg.nb-chart');
    expect(await charts.count()).toBeGreaterThan(2);
    const widths = await charts.evaluateAll((els) => els.filter((e) => e.getClientRects().length).map((e) => e.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(2);
    const pageWidth = await page.evaluate(() => document.documentElement.clientWidth);
    for (const w of widths) expect(w).toBeLessThanOrEqual(pageWidth);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
    await expect(page.locator('.sl-markdown-content h2').first()).toBeVisible();
    await expect(page.locator('.katex-display').first()).toBeVisible();
  });
}

test('a widget that never loaded prints the numbers it shipped with', async ({ page }) => {
  await page.goto('/en/cnn-anatomy/');
  await page.waitForLoadState('load');
  // Far down the page and never scrolled to: not mounted.
  const trainer = page.locator('#cnn-trainer');
  await expect(trainer).not.toHaveAttribute('data-mounted', '');
  await page.emulateMedia({ media: 'print' });
  const table = trainer.locator('table[data-metrics]').first();
  await expect(table).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
  await expect(trainer.locator('.nb-run-bar')).toBeHidden();
});

test('a chapter prints to a PDF of several pages', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/zh/cnn-anatomy/');
  await mountAll(page);
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThan(3);
});
