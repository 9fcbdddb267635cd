import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { collectDownloads, expect, langs, test, pauseAndHold, trainAndWait } from './site';

const recording = JSON.parse(readFileSync('src/widgets/cnn-trainer/recorded.json', 'utf8'));
const w = '#cnn-trainer';

/** Rows of a metrics table as arrays of cell texts (header row excluded). */
async function rows(page: Page, metrics: string) {
  return page.locator(`${w} table[data-metrics="${metrics}"] tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').trim())),
  );
}

/** Draws a vertical stroke (a “1”) on the pad with the keyboard. */
async function drawOneByKeyboard(page: Page) {
  const pad = page.locator(`${w} [data-pad]`);
  await pad.focus();
  for (let i = 0; i < 3; i++) await pad.press('Shift+ArrowUp'); // from row 14 to row 5
  await pad.press('Space'); // pen down
  for (let i = 0; i < 6; i++) await pad.press('Shift+ArrowDown'); // the lowered pen inks down to row 23
  await pad.press('Space'); // pen up
}

for (const lang of langs) {
  test.describe(`cnn-trainer (${lang})`, () => {
    test('shows the recorded run before any click: curves, tables, filters, a classified sample digit', async ({ page, problems }) => {
      await page.goto(`/${lang}/cnn-anatomy/`);
      await page.locator(w).scrollIntoViewIfNeeded();
      await expect(page.locator(w)).toHaveAttribute('data-status', 'idle');
      const acc = await rows(page, 'accuracy');
      expect(acc.map((r) => Number(r[0]))).toEqual(recording.curve.map((e: { epoch: number }) => e.epoch));
      const last = acc.at(-1)!;
      expect(Number(last[2])).toBeGreaterThanOrEqual(0.95);
      expect(Number(last[2])).toBeCloseTo(recording.curve.at(-1).test, 4);
      // logistic regression, for contrast, ends clearly lower
      const lr = await rows(page, 'logistic-accuracy');
      expect(Number(lr.at(-1)![2])).toBeLessThan(Number(last[2]) - 0.02);
      // confusion matrix: 10 rows of 100 test digits each
      const confusion = await rows(page, 'confusion');
      expect(confusion.map((r) => r.slice(1).reduce((a, b) => a + Number(b), 0))).toEqual(new Array(10).fill(100));
      // the charts are drawn from the recording; the recorded weights classify the sample digit 2
      const d = await page.locator(`${w} svg[data-chart="accuracy"] g.series[data-series="cnn-test"] path`).getAttribute('d');
      expect((d ?? '').length).toBeGreaterThan(50);
      await expect(page.locator(`${w} output[data-prediction="cnn"]`)).toHaveAttribute('data-class', '2');
      await expect(page.locator(`${w} svg[data-chart="filters"] image`)).toHaveCount(8);
      await expect(page.locator(`${w} svg[data-chart="maps-conv1"] image`)).toHaveCount(8);
      await expect(page.locator(`${w} svg[data-chart="maps-conv2"] image`)).toHaveCount(16);
      await expect(page.locator(`${w} [data-license]`)).toContainText('MIT');
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    });

    test('a 1-epoch run trains in the worker and the accuracy goes up', async ({ page, problems }) => {
      test.setTimeout(300_000);
      await page.goto(`/${lang}/cnn-anatomy/?w=cnn-trainer&v=1&epochs=1&seed=3#cnn-trainer`);
      await expect(page.locator(`${w} input[data-field="epochs"]`)).toHaveValue('1');
      await trainAndWait(page, w, 240_000);
      await expect(page.locator(w)).toHaveAttribute('data-status', 'done');
      expect(await page.locator(w).getAttribute('data-backend')).toBe('wasm');
      const acc = await rows(page, 'accuracy');
      expect(acc.map((r) => r[0])).toEqual(['0', '0.5', '1']);
      const test0 = Number(acc[0]![2]), test1 = Number(acc[2]![2]);
      expect(test0).toBeLessThan(0.3);
      expect(test1).toBeGreaterThan(0.85);
      expect(Number(acc[2]![1])).toBeGreaterThan(0.85);
      // logistic regression trained alongside, and the confusion matrix is the live run's
      expect((await rows(page, 'logistic-accuracy')).length).toBe(3);
      const diagonal = (await rows(page, 'confusion')).reduce((s, r, i) => s + Number(r[i + 1]), 0);
      expect(diagonal / 1000).toBeCloseTo(test1, 3);
      await expect(page.locator(`${w} [data-weights-source]`)).toContainText('1');
      await expect(page.locator(`${w} progress`)).toHaveJSProperty('value', 1);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    });

    test('a digit drawn with the keyboard is classified (a “1”) before any training', async ({ page, problems }) => {
      await page.goto(`/${lang}/cnn-anatomy/#cnn-trainer`);
      await expect(page.locator(w)).toHaveAttribute('data-status', 'idle');
      await expect(page.locator(`${w} output[data-prediction="cnn"]`)).toHaveAttribute('data-class', '2');
      await drawOneByKeyboard(page);
      await expect(page.locator(`${w} [data-drawn-choice]`)).toBeChecked();
      await expect(page.locator(`${w} output[data-prediction="cnn"]`)).toHaveAttribute('data-class', '1');
      const probs = await rows(page, 'prediction');
      expect(Number(probs[1]![1])).toBeGreaterThan(0.5);
      // Delete clears the pad; choosing a sample digit again shows that digit
      await page.locator(`${w} [data-pad]`).press('Delete');
      await expect(page.locator(`${w} output[data-prediction="cnn"]`)).not.toHaveAttribute('data-class', /./);
      await page.locator(`${w} input[data-field="digit"][value="7"]`).check();
      await expect(page.locator(`${w} output[data-prediction="cnn"]`)).toHaveAttribute('data-class', '7');
      expect(problems.pageErrors).toEqual([]);
    });

    test(`bad link values are clamped or dropped, with a notice (${lang})`, async ({ page, problems }) => {
      await page.goto(`/${lang}/cnn-anatomy/?w=cnn-trainer&epochs=99&batch=33&lr=abc&filters1=5&digit=12&zz=1#cnn-trainer`);
      const notice = page.locator(`${w} [data-notice="url"]`);
      await expect(notice).toBeVisible();
      for (const text of ['99', '10', 'zz', 'abc']) await expect(notice).toContainText(text);
      await expect(page.locator(`${w} input[data-field="epochs"]`)).toHaveValue('10');
      await expect(page.locator(`${w} select[data-field="batch"]`)).toHaveValue('32');
      await expect(page.locator(`${w} input[data-field="lr"]`)).toHaveValue('0.004');
      await expect(page.locator(`${w} select[data-field="filters1"]`)).toHaveValue('4');
      await expect(page.locator(`${w} input[data-field="digit"][value="9"]`)).toBeChecked();
      await expect(page.locator(`${w} output[data-prediction="cnn"]`)).toHaveAttribute('data-class', '9');
      expect(problems.pageErrors).toEqual([]);
    });

    test(`axe finds nothing in the mounted widget, tables open (${lang})`, async ({ page }) => {
      await page.goto(`/${lang}/cnn-anatomy/#cnn-trainer`);
      await expect(page.locator(w)).toHaveAttribute('data-status', 'idle');
      await page.locator(`${w} details`).evaluate((d: HTMLDetailsElement) => (d.open = true));
      const results = await new AxeBuilder({ page }).include(w).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  });
}

test('a digit drawn with the mouse is classified; the language switch keeps the settings', async ({ page }) => {
  await page.goto('/en/cnn-anatomy/?w=cnn-trainer&v=1&seed=5&epochs=2#cnn-trainer');
  await expect(page.locator(w)).toHaveAttribute('data-status', 'idle');
  const pad = page.locator(`${w} [data-pad]`);
  // The link addresses the widget, so the page keeps it in view for a moment: aim only after that.
  await expect(page.locator(w)).not.toHaveAttribute('data-pinned', /.*/, { timeout: 10_000 });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.85, { steps: 12 });
  await page.mouse.up();
  await expect(page.locator(`${w} output[data-prediction="cnn"]`)).toHaveAttribute('data-class', '1');
  await page.goto(page.url().replace('/en/', '/zh/'));
  await expect(page.locator(`${w} input[data-field="seed"]`)).toHaveValue('5');
  await expect(page.locator(`${w} input[data-field="epochs"]`)).toHaveValue('2');
});

test('pause holds the run, resume continues it, stop ends it with the numbers so far', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/en/cnn-anatomy/?w=cnn-trainer&epochs=10&contrast=0#cnn-trainer');
  await page.locator(`${w} [data-run="train"]`).click();
  await expect(page.locator(w)).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
  const value = () => page.locator(`${w} progress`).evaluate((p: HTMLProgressElement) => p.value);
  await expect.poll(value, { timeout: 60_000 }).toBeGreaterThan(0);
  const held = await pauseAndHold(page, w);
  await expect(page.locator(`${w} [data-run="pause"]`)).toHaveText('Resume');
  await page.locator(`${w} [data-run="pause"]`).click();
  await expect.poll(value, { timeout: 60_000 }).toBeGreaterThan(held);
  await page.locator(`${w} [data-run="stop"]`).click();
  await expect(page.locator(w)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  expect(await value()).toBeLessThan(1);
  expect((await rows(page, 'accuracy')).length).toBeGreaterThanOrEqual(1);
  await expect(page.locator(`${w} [data-run="train"]`)).toBeEnabled();
});

test('Export CSV gives the accuracy table with the columns epoch, train accuracy, test accuracy', async ({ page }) => {
  await page.goto('/en/cnn-anatomy/#cnn-trainer');
  await expect(page.locator(w)).toHaveAttribute('data-status', 'idle');
  const downloads = collectDownloads(page);
  const files = downloads.files;
  await page.locator(`${w} [data-action="export-csv"]`).click();
  await expect.poll(() => files.has('cnn-trainer-accuracy.csv')).toBe(true);
  const csv = files.get('cnn-trainer-accuracy.csv')!.trim().split('\n');
  expect(csv[0]).toBe('epoch,train accuracy,test accuracy');
  expect(csv).toHaveLength(recording.curve.length + 1);
  await expect.poll(() => files.has('cnn-trainer-confusion.csv')).toBe(true);
  await downloads.settled();
});

test('a live run of the default settings reproduces the recording (same code, same backend)', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto('/en/cnn-anatomy/?w=cnn-trainer#cnn-trainer');
  await trainAndWait(page, w, 540_000);
  expect(await page.locator(w).getAttribute('data-backend')).toBe(recording.backend);
  const acc = await rows(page, 'accuracy');
  expect(acc.map((r) => [Number(r[0]), Number(r[1]), Number(r[2])])).toEqual(
    recording.curve.map((e: { epoch: number; train: number; test: number }) => [e.epoch, Number(e.train.toFixed(4)), Number(e.test.toFixed(4))]),
  );
});
