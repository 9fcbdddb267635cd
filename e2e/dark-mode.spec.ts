/**
 * Dark mode as a reader gets it (issue 15 item 6): Train and Play keep a 4.5:1 text contrast, and
 * the empty progress track is drawn in the page's dark greys, not the browser's bright strip. (axe
 * runs on every page in both themes: a11y.spec.ts.)
 */
import type { Locator, Page } from '@playwright/test';
import { expect, langs, test } from './site';

/** WCAG contrast ratio of the element's text colour on its background colour. */
async function contrast(el: Locator) {
  return el.evaluate((node) => {
    const rgb = (c: string) => c.match(/[\d.]+/g)!.slice(0, 3).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const cs = getComputedStyle(node);
    const [a, b] = [lum(rgb(cs.color)), lum(rgb(cs.backgroundColor))].sort((x, y) => y - x);
    return (a! + 0.05) / (b! + 0.05);
  });
}

/** Mean brightness (0–255) of the element as painted, from a screenshot. */
async function brightness(page: Page, el: Locator) {
  const png = await el.screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += (d[i]! + d[i + 1]! + d[i + 2]!) / 3;
    return sum / (d.length / 4);
  }, png.toString('base64'));
}

for (const lang of langs) {
  for (const theme of ['dark', 'light'] as const) {
    test(`${theme} mode: Train and Play have ≥ 4.5:1 contrast; the progress track matches the theme (${lang})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(`/${lang}/resnet-principles/#degradation-lab`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const lab = page.locator('#degradation-lab');
      await expect(lab).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
      expect(await contrast(lab.locator('[data-run="train"]'))).toBeGreaterThanOrEqual(4.5);
      // The empty track, as painted: dark in dark mode (it was a bright white strip), light in light mode.
      const track = await brightness(page, lab.locator('progress'));
      if (theme === 'dark') expect(track).toBeLessThan(90);
      else expect(track).toBeGreaterThan(180);

      await page.goto(`/${lang}/cnn-anatomy/#conv-explorer`);
      const play = page.locator('#conv-explorer [data-step="play"]');
      await expect(play).toBeEnabled();
      expect(await contrast(play)).toBeGreaterThanOrEqual(4.5);
    });
  }
}
