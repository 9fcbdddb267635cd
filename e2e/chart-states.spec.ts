/**
 * What the charts show (issue 15 items 4–5): after a settings change, or from a link with other
 * settings, a chart is a clear empty state ("Press Train to run these settings") or the recording
 * when it matches — never a made-up axis (1e-12…1); each training widget states its key result as
 * text beside its charts, from the run or recording shown; legends never cover data.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, langs, test } from './site';

const degradation = JSON.parse(readFileSync('src/widgets/degradation-lab/recorded.json', 'utf8'));
const cnn = JSON.parse(readFileSync('src/widgets/cnn-trainer/recorded.json', 'utf8'));
const boundary = JSON.parse(readFileSync('src/widgets/boundary-lab/recorded.json', 'utf8'));

const emptyText = { zh: '按“训练”运行这组设置。', en: 'Press Train to run these settings.' };
const pct = (v: number, lang: string) => (lang === 'zh' ? `${(100 * v).toFixed(1)}%` : `${(100 * v).toFixed(1)}\u00a0%`);

/** Asserts a chart shows its empty state: the sentence, and no axis, tick or legend at all. */
async function expectEmpty(chart: Locator, text: string) {
  await expect(chart).toHaveAttribute('data-empty', 'true');
  // The sentence may wrap over several lines of the chart.
  expect((await chart.locator('.empty-text').allTextContents()).join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  for (const part of await chart.locator('g.axis, g.legend, text.axis-label').all()) await expect(part).toBeHidden();
  expect(await chart.textContent()).not.toMatch(/1e-12|NaN/);
}

async function typeInto(page: Page, field: Locator, text: string) {
  await field.click();
  await field.press('ControlOrMeta+A');
  await page.keyboard.type(text, { delay: 80 });
  await field.press('Enter');
}

for (const lang of langs) {
  test(`a link with another seed shows empty charts that say to train; typing the seed back shows the recording (${lang})`, async ({ page, problems }) => {
    await page.goto(`/${lang}/resnet-principles/?w=degradation-lab&seed=5#degradation-lab`);
    const lab = page.locator('#degradation-lab');
    await expect(lab).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
    for (const name of ['loss', 'accuracy', 'boundary-plain', 'boundary-residual']) await expectEmpty(lab.locator(`svg[data-chart="${name}"]`), emptyText[lang]);
    await expect(lab.locator('[data-recorded-note]')).toBeHidden();
    await expect(lab.locator('[data-headline]')).toBeHidden();

    await typeInto(page, lab.locator('input[data-field="seed"]'), '0');
    await expect(lab.locator('svg[data-chart="loss"]')).not.toHaveAttribute('data-empty', 'true');
    await expect(lab.locator('svg[data-chart="loss"] g.axis-y')).toBeVisible();
    await expect(lab.locator('[data-recorded-note]')).toBeVisible();

    // Any other change (here the steps, typed) empties them again.
    await typeInto(page, lab.locator('input[data-field="steps"]'), '300');
    await expectEmpty(lab.locator('svg[data-chart="loss"]'), emptyText[lang]);
    expect(problems.pageErrors).toEqual([]);
  });

  test(`every training widget's charts go empty, not stale, when a setting changes (${lang})`, async ({ page }) => {
    // Boundary lab: a new seed.
    await page.goto(`/${lang}/ml-vs-dl/#boundary-lab`);
    const bl = page.locator('#boundary-lab');
    await expect(bl).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
    await expect(bl.locator('svg[data-chart="loss"]')).not.toHaveAttribute('data-empty', 'true');
    await typeInto(page, bl.locator('input[data-field="seed"]'), '9');
    for (const name of ['loss', 'accuracy']) await expectEmpty(bl.locator(`svg[data-chart="${name}"]`), emptyText[lang]);

    // Gradient flow: another depth (keyboard on the slider).
    await page.goto(`/${lang}/resnet-principles/#gradient-flow`);
    const gf = page.locator('#gradient-flow');
    await expect(gf).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
    await gf.locator('input[data-field="depth"]').press('ArrowLeft');
    for (const name of ['profile', 'heat-plain', 'heat-residual']) await expectEmpty(gf.locator(`svg[data-chart="${name}"]`), emptyText[lang]);

    // CNN trainer: another learning rate — the recorded curve and matrix are not these settings' numbers.
    await page.goto(`/${lang}/cnn-anatomy/#cnn-trainer`);
    const ct = page.locator('#cnn-trainer');
    await expect(ct).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
    await typeInto(page, ct.locator('input[data-field="lr"]'), '0.01');
    for (const name of ['accuracy', 'confusion']) await expectEmpty(ct.locator(`svg[data-chart="${name}"]`), emptyText[lang]);
    await expect(ct.locator('[data-headline]')).toBeHidden();
    await typeInto(page, ct.locator('input[data-field="lr"]'), '0.004');
    await expect(ct.locator('svg[data-chart="accuracy"]')).not.toHaveAttribute('data-empty', 'true');
    await expect(ct.locator('[data-headline]')).toBeVisible();
  });

  test(`each training widget states its key result as text beside its charts (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    // CNN trainer: the recorded final test accuracy (96.8 %) in words, not only in the closed table.
    await page.goto(`/${lang}/cnn-anatomy/#cnn-trainer`);
    const ct = page.locator('#cnn-trainer');
    const last = cnn.curve.at(-1);
    await expect(ct.locator('[data-headline]')).toBeVisible();
    await expect(ct.locator('[data-headline]')).toContainText(pct(last.test, lang));
    await expect(ct.locator('[data-headline]')).toContainText(pct(last.logisticTest, lang));

    // Boundary lab: each model's final accuracy.
    await page.goto(`/${lang}/ml-vs-dl/#boundary-lab`);
    const bl = page.locator('#boundary-lab');
    await expect(bl).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
    for (const r of boundary.datasets.circles) await expect(bl.locator('[data-headline]')).toContainText(pct(r.finalAccuracy, lang));

    // Degradation lab: the recording's final losses, then a live run's, matching its table.
    await page.goto(`/${lang}/resnet-principles/#degradation-lab`);
    const lab = page.locator('#degradation-lab');
    const head = lab.locator('[data-headline]');
    for (const r of degradation.runs) await expect(head).toContainText(r.finalLoss.toFixed(3));
    await page.goto(`/${lang}/resnet-principles/?w=degradation-lab&depth=4&steps=100#degradation-lab`);
    await expect(lab).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
    await expect(head).toBeHidden();
    await lab.locator('[data-run="train"]').click();
    await expect(lab).toHaveAttribute('data-run-state', 'done', { timeout: 100_000 });
    const rows = await lab.locator('table[data-metrics="runs"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      await expect(head).toContainText(Number(r[3]).toFixed(3));
      await expect(head).toContainText(pct(Number(r[4]), lang));
    }
  });

  test(`legends sit above the plots and never cover a curve, on a desktop too (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const [slug, id] of [['cnn-anatomy', 'cnn-trainer'], ['ml-vs-dl', 'boundary-lab'], ['resnet-principles', 'degradation-lab'], ['resnet-principles', 'gradient-flow']]) {
      await page.goto(`/${lang}/${slug}/#${id}`);
      const root = page.locator(`#${id}`);
      await expect(root).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
      // Charts redraw for their box's width on the next frame after it settles.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const crowded = await root.evaluate((el) =>
        [...el.querySelectorAll<SVGSVGElement>('svg.nb-chart')]
          .filter((svg) => svg.getClientRects().length && svg.querySelector('g.legend')?.childElementCount && svg.querySelector('g.axis-y'))
          .map((svg) => {
            const legend = svg.querySelector('g.legend')!.getBoundingClientRect();
            const plot = svg.querySelector('g.axis-y path.domain')!.getBoundingClientRect();
            const lines = [...svg.querySelectorAll('g.series path')].map((p) => p.getBoundingClientRect()).filter((r) => r.width || r.height);
            return { chart: svg.dataset.chart, above: legend.bottom <= plot.top + 1, clear: lines.every((l) => l.top >= legend.bottom - 1) };
          }),
      );
      expect(crowded.length).toBeGreaterThan(0);
      for (const c of crowded) expect(c, `${id} ${c.chart}`).toEqual({ chart: c.chart, above: true, clear: true });
    }
  });
}
