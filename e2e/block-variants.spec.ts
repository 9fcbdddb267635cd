import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { collectDownloads, expect, langs, test, trainAndWait as trainRoot, waitMounted } from './site';

const recording = JSON.parse(readFileSync('src/widgets/block-variants/recorded.json', 'utf8'));
const w = '#block-variants';
const chapter = (lang: string, query = '') => `/${lang}/why-residuals-work/${query}${query ? '#block-variants' : ''}`;

/** Rows of a metrics table as arrays of cell texts (header excluded). */
async function rows(page: Page, metrics: string) {
  return page.locator(`${w} table[data-metrics="${metrics}"] tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
  );
}

/** The widget loads when it comes near the viewport: bring it there, then wait for it to mount. */
async function ready(page: Page) {
  await page.locator(w).scrollIntoViewIfNeeded();
  await waitMounted(page, w);
}
async function trainAndWait(page: Page, timeout = 150_000) {
  await page.locator(w).scrollIntoViewIfNeeded();
  await trainRoot(page, w, timeout);
}

/** The recorded run of a variant (and gate bias, for the gates) at the default seed. */
const recordedRun = (variant: string, gateBias: number | null = null) =>
  recording.runs.find((r: { variant: string; gateBias: number | null; seed: number }) => r.variant === variant && r.gateBias === gateBias && r.seed === recording.seeds[0]);

for (const lang of langs) {
  test.describe(`block-variants (${lang})`, () => {
    test('before any click: recorded curves and runs, every variant over five seeds, the paper’s tables, and the verdict in the text', async ({ page, problems }) => {
      await page.goto(chapter(lang));
      await page.locator(w).scrollIntoViewIfNeeded();
      await ready(page);
      await expect(page.locator(`${w} [data-recorded-note]`)).toBeVisible();
      const runs = await rows(page, 'runs');
      expect(runs.map((r) => r[0])).toEqual(['original', 'scale-shortcut', 'projection', 'full-preact']);
      expect(Number(runs[0]![5])).toBeCloseTo(recordedRun('original').final.loss, 4);
      for (const v of ['original', 'scale-shortcut', 'projection', 'full-preact']) {
        const d = await page.locator(`${w} svg[data-chart="loss"] g.series[data-series="${v}"] path`).getAttribute('d');
        expect((d ?? '').length, v).toBeGreaterThan(200);
      }
      // 12 variants, the two gates at b_g = 0 and −6; five seeds each.
      const variants = await rows(page, 'variants');
      expect(variants).toHaveLength(14);
      expect(recording.runs).toHaveLength(14 * 5);
      expect(variants[0]!.slice(0, 2)).toEqual(['original', '']);
      expect(variants.find((r) => r[0] === 'shortcut-gate' && r[1] === '-6')![8]).toBe('6.91');
      expect((await rows(page, 'paper-1')).map((r) => r[4])).toEqual(lang === 'zh'
        ? ['6.61', '失败', '失败', '12.35', '失败', '8.70', '9.81', '12.86', '6.91', '12.22', '失败']
        : ['6.61', 'fail', 'fail', '12.35', 'fail', '8.70', '9.81', '12.86', '6.91', '12.22', 'fail']);
      expect((await rows(page, 'paper-2')).map((r) => r.slice(2))).toEqual([['6.61', '5.93'], ['8.17', '6.50'], ['7.84', '6.14'], ['6.71', '5.91'], ['6.37', '5.46']]);
      // The chapter's comparison is written from the same recording: one line per compared config.
      const items = await page.locator('[data-ranking] li[data-config]').count();
      expect(items).toBe(13);
      expect(problems.pageErrors).toEqual([]);
    });

    test('choosing variants by keyboard: two to four, the rest disabled at the limits; a recorded choice shows at once', async ({ page, problems }) => {
      await page.goto(chapter(lang));
      await ready(page);
      const box = (v: string) => page.locator(`${w} input[data-field="variants"][value="${v}"]`);
      // Four ticked by default: the others are disabled and the note says why.
      await expect(box('bn-after-add')).toBeDisabled();
      await expect(page.locator(`${w} [data-max-note]`)).toBeVisible();
      await box('projection').focus();
      await page.keyboard.press('Space');
      await expect(box('projection')).not.toBeChecked();
      await expect(box('bn-after-add')).toBeEnabled();
      await box('bn-after-add').focus();
      await page.keyboard.press('Space');
      await expect.poll(() => new URL(page.url()).searchParams.get('variants')).toBe('original,scale-shortcut,bn-after-add,full-preact');
      // The recording covers every variant: the new choice is drawn before any click.
      await expect(page.locator(`${w} [data-recorded-note]`)).toBeVisible();
      await expect(page.locator(`${w} svg[data-chart="loss"] g.series[data-series="bn-after-add"] path`)).toHaveAttribute('d', /.{200}/);
      // Down to two: the ticked ones cannot be unticked.
      for (const v of ['scale-shortcut', 'bn-after-add']) {
        await box(v).focus();
        await page.keyboard.press('Space');
      }
      await expect(box('original')).toBeDisabled();
      await expect(box('full-preact')).toBeDisabled();
      await expect(box('projection')).toBeEnabled();
      expect(problems.pageErrors).toEqual([]);
    });

    test(`bad link values are clamped or dropped, with a notice (${lang})`, async ({ page, problems }) => {
      await page.goto(chapter(lang, '?w=block-variants&variants=original,scale-shortcut,scale-both,projection,full-preact&depth=1000&gateBias=5&lr=abc&zz=1'));
      const notice = page.locator(`${w} [data-notice="url"]`);
      await expect(notice).toBeVisible();
      for (const text of ['1000', '64', 'zz']) await expect(notice).toContainText(text);
      await expect(page.locator(`${w} input[data-field="depth"]`)).toHaveValue('64');
      await expect(page.locator(`${w} input[data-field="gateBias"]`)).toHaveValue('0');
      await expect(page.locator(`${w} input[data-field="lr"]`)).toHaveValue('0.001');
      // Five variants in a link: the first four, in the paper's order, are kept.
      await expect(page.locator(`${w} input[data-field="variants"]:checked`)).toHaveCount(4);
      await expect(page.locator(`${w} input[data-field="variants"][value="full-preact"]`)).not.toBeChecked();
      await page.goto(chapter(lang, '?w=block-variants&variants=original'));
      await expect(page.locator(`${w} [data-notice="url"]`)).toBeVisible();
      await expect(page.locator(`${w} input[data-field="variants"]:checked`)).toHaveCount(4);
      expect(problems.pageErrors).toEqual([]);
    });

    test(`a diverging run (SGD, lr = 10) stops with a message, and no NaN reaches a chart (${lang})`, async ({ page, problems }) => {
      await page.goto(chapter(lang, '?w=block-variants&variants=original,relu-before-add&optimizer=sgd&lr=10&depth=8&steps=200'));
      await trainAndWait(page);
      const message = page.locator(`${w} [data-message]`);
      await expect(message).toBeVisible();
      await expect(message).toContainText(lang === 'zh' ? '发散' : 'diverged');
      expect(await page.locator(w).innerHTML()).not.toMatch(/NaN|Infinity/);
      expect(problems.pageErrors).toEqual([]);
    });
  });
}

test('a live run of two recorded variants reproduces the recording, and the runs table keeps every run', async ({ page, problems }) => {
  // 2 × 400 steps at depth 32 (about 20 s on a quiet 2-core machine; much longer on a busy one).
  test.setTimeout(360_000);
  await page.goto(chapter('en', '?w=block-variants&variants=original,relu-preact'));
  await trainAndWait(page, 330_000);
  expect(await page.locator(w).getAttribute('data-backend')).toBe(recording.backend);
  const runs = await rows(page, 'runs');
  for (const variant of ['original', 'relu-preact']) {
    const live = runs.find((r) => r[0] === variant)!;
    const rec = recordedRun(variant);
    expect(Number(live[5]), variant).toBeCloseTo(rec.final.loss, 3);
    expect(Number(live[7]), variant).toBeCloseTo(rec.final.testAccuracy, 3);
  }
  // The curve table holds the live evaluations (not recorded rows): 21 per variant (step 0, then every 20 steps).
  expect(await page.locator(`${w} table[data-metrics="curve"] tbody tr:not([data-recorded])`).count()).toBe(42);
  expect(problems.pageErrors).toEqual([]);
});

test('Copy link reopens the same state in the other language; Reset goes back to the recorded defaults', async ({ page, context }) => {
  await page.goto(chapter('zh'));
  await ready(page);
  const gate = page.locator(`${w} input[data-field="gateBias"]`);
  await gate.fill('-3');
  await gate.press('Tab');
  await page.locator(`${w} select[data-field="optimizer"]`).selectOption('sgd');
  await page.locator(`${w} input[data-field="variants"][value="projection"]`).uncheck();
  await expect(page.locator(`${w} [data-recorded-note]`)).toBeHidden();
  await page.locator(`${w} [data-action="copy-link"]`).click();
  const link = await page.locator(`${w} [data-link-output]`).inputValue();
  const url = new URL(link);
  expect(url.hash).toBe('#block-variants');
  expect(Object.fromEntries(url.searchParams)).toMatchObject({ w: 'block-variants', v: '1', gateBias: '-3', optimizer: 'sgd', variants: 'original,scale-shortcut,full-preact' });
  const other = await context.newPage();
  await other.goto(link.replace('/zh/', '/en/'));
  await expect(other.locator(`${w} input[data-field="gateBias"]`)).toHaveValue('-3');
  await expect(other.locator(`${w} select[data-field="optimizer"]`)).toHaveValue('sgd');
  await expect(other.locator(`${w} input[data-field="variants"][value="projection"]`)).not.toBeChecked();
  await expect(other.locator(`${w} [data-notice="url"]`)).toBeHidden();
  await other.close();
  await page.locator(`${w} [data-action="reset"]`).click();
  await expect(page.locator(`${w} input[data-field="gateBias"]`)).toHaveValue('-6');
  await expect(page.locator(`${w} [data-recorded-note]`)).toBeVisible();
});

test('Export CSV writes every table behind the charts, recorded ones included', async ({ page }) => {
  await page.goto(chapter('en'));
  await ready(page);
  const { files, settled } = collectDownloads(page);
  await page.locator(`${w} [data-action="export-csv"]`).click();
  await expect.poll(() => [...files.keys()].sort()).toEqual(['block-variants-curve.csv', 'block-variants-paper-1.csv', 'block-variants-paper-2.csv', 'block-variants-runs.csv', 'block-variants-variants.csv']);
  await settled();
  expect(files.get('block-variants-variants.csv')!.split('\n').filter(Boolean)).toHaveLength(15);
});
