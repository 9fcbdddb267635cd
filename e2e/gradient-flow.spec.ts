import type { Page } from '@playwright/test';
import { expect, langs, test } from './site';

const gf = '#gradient-flow';

async function rows(page: Page, metrics: string) {
  return page.locator(`${gf} table[data-metrics="${metrics}"] tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
  );
}

for (const lang of langs) {
  test(`gradient-flow shows the recorded per-layer norms: plain+BN gradients grow toward the input (${lang})`, async ({ page, problems }) => {
    await page.goto(`/${lang}/resnet-principles/#gradient-flow`);
    await expect(page.locator(gf)).toHaveAttribute('data-status', 'idle');
    const layers = await rows(page, 'gradients');
    expect(layers).toHaveLength(32);
    const growth = await rows(page, 'gradient-growth');
    const plainInit = growth.find((r) => r[0] === 'plain' && r[1] === '0')!;
    const residualInit = growth.find((r) => r[0] === 'residual' && r[1] === '0')!;
    expect(Number(plainInit[2])).toBeGreaterThan(100); // first ÷ last layer
    expect(Number(plainInit[3])).toBeGreaterThan(1.15); // per layer
    expect(Number(residualInit[2])).toBeLessThan(Number(plainInit[2]) / 10);
    await expect(page.locator(`${gf} [data-summary]`)).not.toBeEmpty();
    expect(await page.locator(`${gf} svg[data-chart="profile"] g.series`).count()).toBe(4);
    expect(problems.pageErrors).toEqual([]);
  });
}

test('gradient-flow trains its own runs live and scrubs through steps', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/en/resnet-principles/?w=gradient-flow&depth=8&steps=100&bn=0#gradient-flow');
  await page.locator(`${gf} [data-run="train"]`).click();
  await page.waitForFunction((sel) => document.querySelector<HTMLElement>(sel)!.dataset.status === 'done', gf, { timeout: 100_000 });
  expect(await rows(page, 'gradients')).toHaveLength(8);
  const scrub = page.locator(`${gf} input[data-step-scrub]`);
  await scrub.focus();
  await scrub.press('Home');
  await expect(page.locator(`${gf} [data-step-output]`)).toHaveText('0');
});

test('gradient-flow can follow the degradation lab’s live run on the same page', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/zh/resnet-principles/?w=gradient-flow&source=lab#gradient-flow');
  await expect(page.locator(`${gf} [data-summary]`)).toContainText('等待');
  await page.goto('/zh/resnet-principles/?w=degradation-lab&depth=6&steps=100#degradation-lab');
  await page.locator(gf).scrollIntoViewIfNeeded();
  await expect(page.locator(gf)).toHaveAttribute('data-status', 'idle');
  await page.locator('#gradient-flow input[data-field="source"][value="lab"]').check();
  await page.locator('#degradation-lab').scrollIntoViewIfNeeded();
  await page.locator('#degradation-lab [data-run="train"]').click();
  await page.waitForFunction(() => document.getElementById('degradation-lab')!.dataset.status === 'done', null, { timeout: 100_000 });
  await expect.poll(async () => (await rows(page, 'gradients')).length).toBe(6);
});
