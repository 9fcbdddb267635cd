import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, langs, pauseAndHold, test, trainAndWait, waitMounted } from './site';

const recording = JSON.parse(readFileSync('src/widgets/cnn-depth-lab/recorded.json', 'utf8'));
const lab = '#cnn-depth-lab';
const page$ = (lang: string, query = '') => `/${lang}/case-studies/resnet/${query}#cnn-depth-lab`;
/** The smallest live run: 8 layers, width 4, 20 iterations (a few seconds per net on WASM). */
const tiny = '?w=cnn-depth-lab&v=1&depths=8&width=4&steps=20';

/** Rows of a metrics table as arrays of cell texts, with whether each row is recorded. */
async function rows(page: Page, metrics: string) {
  return page.locator(`${lab} table[data-metrics="${metrics}"] tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => ({ recorded: tr.hasAttribute('data-recorded'), cells: [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()) })),
  );
}

for (const lang of langs) {
  test.describe(`cnn-depth-lab (${lang})`, () => {
    test('before any click: every recorded run in the Fig. 6 panels, the depth chart, the table and the feature maps', async ({ page, problems }) => {
      await page.goto(page$(lang));
      await page.locator(lab).scrollIntoViewIfNeeded();
      await waitMounted(page, lab);
      await expect(page.locator(`${lab} [data-recorded-note]`)).toBeVisible();
      const runs = await rows(page, 'runs');
      expect(runs).toHaveLength(recording.runs.length);
      for (const rec of recording.runs) {
        const r = runs.find((x) => x.cells[0] === rec.arch && Number(x.cells[1]) === rec.layers)!;
        expect(r.recorded).toBe(true);
        expect(Number(r.cells[2])).toBe(rec.steps);
        expect(Number(r.cells[3])).toBeCloseTo(rec.trainError, 4);
        expect(Number(r.cells[4])).toBeCloseTo(rec.testError, 4);
      }
      // Thin training and bold test curves of every depth in both panels, a drawn line each.
      for (const arch of ['plain', 'residual']) {
        const layers = recording.runs.filter((r: { arch: string }) => r.arch === arch).map((r: { layers: number }) => r.layers);
        for (const l of layers) {
          const train = page.locator(`${lab} svg[data-chart="${arch}"] g.series[data-series="${l}-train"] path`);
          const testCurve = page.locator(`${lab} svg[data-chart="${arch}"] g.series[data-series="${l}-test"] path`);
          expect(Number(await train.getAttribute('stroke-width'))).toBeLessThan(Number(await testCurve.getAttribute('stroke-width')));
          expect(((await testCurve.getAttribute('d')) ?? '').length).toBeGreaterThan(20);
        }
        await expect(page.locator(`${lab} svg[data-chart="depth"] g.series[data-series="${arch}-train"] circle`)).toHaveCount(layers.length);
      }
      // Feature maps of the recorded deepest pair, with their numbers.
      await expect(page.locator(`${lab} [data-features] canvas`)).toHaveCount(8);
      const features = await rows(page, 'features');
      expect(features).toHaveLength(8);
      expect(features.every((f) => f.recorded && Number(f.cells[1]) === recording.featureLayers)).toBe(true);
      await expect(page.locator(`${lab} [data-headline]`)).not.toBeEmpty();
      expect(problems.pageErrors).toEqual([]);
    });

    test('keyboard: a depth is toggled and the digit changed without a mouse, and the link follows', async ({ page }) => {
      await page.goto(page$(lang));
      await waitMounted(page, lab);
      const box = page.locator(`${lab} input[data-field="depths"][value="8"]`);
      await box.focus();
      await page.keyboard.press('Space');
      await expect(box).toBeChecked();
      await expect.poll(() => new URL(page.url()).searchParams.get('depths')).toMatch(/8/);
      await page.keyboard.press('Tab'); // to the 14-layer box
      await expect(page.locator(`${lab} input[data-field="depths"][value="14"]`)).toBeFocused();
      const digit = page.locator(`${lab} select[data-field="digit"]`);
      await digit.focus();
      await page.keyboard.press('ArrowDown');
      await expect(digit).toHaveValue('4');
      // The digit does not change a run's numbers: the recording stays, showing the new digit's maps.
      await expect(page.locator(`${lab} [data-recorded-note]`)).toBeVisible();
      await expect(page.locator(`${lab} [data-features-note]`)).toContainText('4');
    });

    test(`bad link values are clamped or dropped, with a notice`, async ({ page, problems }) => {
      await page.goto(page$(lang, '?w=cnn-depth-lab&v=1&width=99&steps=5&lr=abc&size=7&depths=3&zz=1'));
      const notice = page.locator(`${lab} [data-notice="url"]`);
      await expect(notice).toBeVisible();
      for (const text of ['99', 'zz', 'abc']) await expect(notice).toContainText(text);
      await expect(page.locator(`${lab} select[data-field="width"]`)).toHaveValue('16');
      await expect(page.locator(`${lab} input[data-field="steps"]`)).toHaveValue('20');
      await expect(page.locator(`${lab} input[data-field="lr"]`)).toHaveValue('0.1');
      await expect(page.locator(`${lab} select[data-field="size"]`)).toHaveValue('14');
      await expect(page.locator(`${lab} input[data-field="depths"][value="20"]`)).toBeChecked();
      expect(problems.pageErrors).toEqual([]);
    });

    test('a short live run: 8 layers, plain and residual, in workers; its rows, curves and feature maps replace the recording', async ({ page, problems }) => {
      test.setTimeout(120_000);
      await page.goto(page$(lang, tiny));
      await expect(page.locator(`${lab} [data-recorded-note]`)).toBeHidden();
      await trainAndWait(page, lab, 90_000);
      await expect(page.locator(lab)).toHaveAttribute('data-status', 'done');
      expect(await page.locator(`${lab} [data-backend]`).textContent()).toMatch(/WASM|WebGPU|CPU/);
      const runs = await rows(page, 'runs');
      expect(runs.map((r) => [r.recorded, ...r.cells.slice(0, 3)])).toEqual([
        [false, 'plain', '8', '20'],
        [false, 'residual', '8', '20'],
      ]);
      for (const r of runs) {
        // Trained: better than guessing among ten classes (0.9), a fraction either way.
        expect(Number(r.cells[3])).toBeLessThan(0.85);
        expect(Number(r.cells[4])).toBeGreaterThanOrEqual(0);
        expect(Number(r.cells[4])).toBeLessThanOrEqual(1);
      }
      await expect(page.locator(`${lab} svg[data-chart="plain"] g.series[data-series="8-test"] path`)).toHaveAttribute('d', /M.+L/);
      await expect(page.locator(`${lab} [data-features] canvas`)).toHaveCount(8);
      expect((await rows(page, 'features')).every((f) => !f.recorded)).toBe(true);
      await expect(page.locator(`${lab} [data-headline]`)).toContainText('8');
      expect(problems.pageErrors).toEqual([]);
    });
  });
}

test('Pause holds the workers, Resume goes on, Stop ends the run as stopped (zh)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(page$('zh', '?w=cnn-depth-lab&v=1&depths=8&width=4&steps=400'));
  await waitMounted(page, lab);
  await page.locator(`${lab} [data-run="train"]`).click();
  await expect(page.locator(lab)).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
  await pauseAndHold(page, lab);
  await expect(page.locator(lab)).toHaveAttribute('data-run-state', 'paused');
  await page.locator(`${lab} [data-run="pause"]`).click();
  await expect(page.locator(lab)).toHaveAttribute('data-run-state', 'running');
  await page.locator(`${lab} [data-run="stop"]`).click();
  await expect(page.locator(lab)).toHaveAttribute('data-run-state', 'stopped', { timeout: 60_000 });
  // A stopped run is not a finished one: no row in the runs table.
  expect(await rows(page, 'runs')).toEqual([]);
});

test('a diverging run (Adam at learning rate 10) stops with an explanation in the reader’s language', async ({ page }) => {
  test.setTimeout(90_000);
  for (const [lang, words] of [['en', /diverged at iteration \d+/], ['zh', /第 \d+ 次迭代时发散/]] as const) {
    await page.goto(page$(lang, '?w=cnn-depth-lab&v=1&depths=8&width=4&steps=20&optimizer=adam&lr=10'));
    await trainAndWait(page, lab, 60_000);
    await expect(page.locator(lab)).toHaveAttribute('data-diverged', '');
    await expect(page.locator(`${lab} [data-message]`)).toBeVisible();
    await expect(page.locator(`${lab} [data-message]`)).toHaveText(words);
    expect(await rows(page, 'runs')).toEqual([]);
  }
});

test('Copy link reopens the same state, in the other language too', async ({ page, context }) => {
  await page.goto(page$('en'));
  await expect(page.locator(`${lab}[data-state]`)).toHaveCount(1);
  await page.locator(`${lab} input[data-field="seed"]`).fill('7');
  await page.locator(`${lab} input[data-field="seed"]`).press('Tab');
  await page.locator(`${lab} select[data-field="shortcut"]`).selectOption('B');
  await page.locator(`${lab} select[data-field="optimizer"]`).selectOption('adam');
  await page.locator(`${lab} input[data-field="depths"][value="56"]`).check();
  await expect(page.locator(`${lab} [data-recorded-note]`)).toBeHidden();
  await page.locator(`${lab} [data-action="copy-link"]`).click();
  const link = await page.locator(`${lab} [data-link-output]`).inputValue();
  const url = new URL(link);
  expect(url.hash).toBe('#cnn-depth-lab');
  expect(Object.fromEntries(url.searchParams)).toMatchObject({ w: 'cnn-depth-lab', v: '1', seed: '7', shortcut: 'B', optimizer: 'adam' });
  for (const target of [link, link.replace('/en/', '/zh/')]) {
    const other = await context.newPage();
    await other.goto(target);
    await expect(other.locator(`${lab} input[data-field="seed"]`)).toHaveValue('7');
    await expect(other.locator(`${lab} select[data-field="shortcut"]`)).toHaveValue('B');
    await expect(other.locator(`${lab} select[data-field="optimizer"]`)).toHaveValue('adam');
    await expect(other.locator(`${lab} input[data-field="depths"][value="56"]`)).toBeChecked();
    await expect(other.locator(`${lab} input[data-field="depths"][value="20"]`)).toBeChecked();
    await expect(other.locator(`${lab} [data-notice="url"]`)).toBeHidden();
    await other.close();
  }
});

test('Train pressed while the recorded feature maps are still loading: the live run keeps the view, its maps and its status (en)', async ({ page, problems }) => {
  test.setTimeout(150_000);
  // The recorded maps are their own chunk, fetched when the widget mounts; hold it back so the
  // press certainly comes first (on a slow connection it does anyway).
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/recorded-features\.[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  // The recorded settings, one depth: the recording applies, so the widget fetches the maps.
  await page.goto(page$('en', '?w=cnn-depth-lab&v=1&depths=8'));
  const root = page.locator(lab);
  await root.scrollIntoViewIfNeeded();
  // The runtime is up (state read from the link, Train wired) while the maps are still held back.
  await expect(root).toHaveAttribute('data-state', /depths=8/, { timeout: 30_000 });
  await expect(root).not.toHaveAttribute('data-mounted', '');
  await root.locator('button[data-run="train"]').click();
  await expect(root).toHaveAttribute('data-status', /loading|running/);
  release();
  await expect(root).toHaveAttribute('data-mounted', '', { timeout: 30_000 });
  await expect(root).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(root).toHaveAttribute('data-run-state', 'done');
  await expect(root.locator('[data-recorded-note]')).toBeHidden();
  // The 8-layer rows are this run's; the maps are those of this run's deepest pair (8 layers).
  const runs = await rows(page, 'runs');
  expect(runs.filter((r) => r.cells[1] === '8').map((r) => r.recorded)).toEqual([false, false]);
  const features = await rows(page, 'features');
  expect(features.length).toBeGreaterThan(0);
  for (const f of features) expect([f.recorded, f.cells[1]]).toEqual([false, '8']);
  expect(problems.pageErrors).toEqual([]);
});
