import { fuzzCases } from './url-fuzz-cases';
import { mounted, trains, widgets } from './classroom-helpers';
import { expect, langs, test } from './site';

/**
 * Bad links, generated from the registry (so every widget added later is covered): each must
 * open without a page error, show the URL notice, and leave a working widget. Most cases check the
 * notice and that the widget is ready; a few per widget also press Train and watch it run.
 */
const chunk = 12;

for (const entry of widgets) {
  const cases = fuzzCases(entry);
  test(`${entry.id}: at least 40 malformed links are generated`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
  for (let start = 0; start < cases.length; start += chunk) {
    const part = cases.slice(start, start + chunk);
    test(`${entry.id}: malformed links ${start + 1}–${start + part.length} open with a notice and a working widget`, async ({ page, problems }) => {
      test.setTimeout(30_000 + part.length * 8_000);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      for (const [i, c] of part.entries()) {
        const lang = langs[(start + i) % 2]!;
        await page.goto(`/${lang}/embed/${entry.id}/?${c.query}`);
        await mounted(page, entry.id);
        const root = page.locator(`#${entry.id}`);
        await expect(root.locator('[data-notice="url"]'), c.label).toBeVisible();
        await expect(root.locator('[data-notice="url"]'), c.label).not.toBeEmpty();
        await expect(root, c.label).toHaveAttribute('data-status', /idle|done|running|loading/);
        expect(problems.pageErrors, c.label).toEqual([]);
      }
      // Markup in a link never runs.
      expect(dialogs).toEqual([]);
    });
  }
  test(`${entry.id}: after malformed links the widget still trains (if it trains)`, async ({ page, problems }) => {
    test.setTimeout(120_000);
    const picks = [cases[0]!, cases[Math.floor(cases.length / 2)]!, cases.at(-1)!];
    for (const [i, c] of picks.entries()) {
      await page.goto(`/${langs[i % 2]}/embed/${entry.id}/?${c.query}`);
      await mounted(page, entry.id);
      if (!(await trains(page, entry.id))) return;
      const root = page.locator(`#${entry.id}`);
      await expect(root.locator('[data-notice="url"]')).toBeVisible();
      await root.locator('button[data-run="train"]').click();
      await expect(root, c.label).toHaveAttribute('data-status', /running|done/, { timeout: 30_000 });
      const progress = root.locator('progress[data-progress]');
      if ((await progress.count()) > 0) await expect.poll(() => progress.evaluate((p: HTMLProgressElement) => p.value), { timeout: 30_000 }).toBeGreaterThan(0);
      const stop = root.locator('button[data-run="stop"]');
      if (await stop.isEnabled()) await stop.click();
      await expect(root, c.label).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
      expect(problems.pageErrors, c.label).toEqual([]);
    }
  });
}
