/**
 * Robust under long use:
 * - soak: the degradation lab trained 20 times in a row on one page, each time with other
 *   settings — the page's JS heap (after a forced GC) and the tfjs tensors left in each worker stay
 *   flat, and nothing errors;
 * - a WASM binary that cannot load: every training widget falls back to the CPU backend, says so in
 *   the reader's language, and trains to the end;
 * - a worker that dies in the middle of a run: the widget says so in the reader's language, offers
 *   a restart, and the next run trains to the end.
 */
import type { Page } from '@playwright/test';
import { fill } from '../src/lib/i18n/translate';
import { useStrings } from '../src/lib/i18n/strings';
import { widgets } from './classroom-helpers';
import { expect, langs, test } from './site';

/** Waits for the end of a run (done or error). */
async function runEnds(page: Page, sel: string, timeout = 150_000) {
  await page.waitForFunction((s) => ['done', 'error'].includes(document.querySelector<HTMLElement>(s)!.dataset.status!), sel, { timeout });
}

async function train(page: Page, sel: string) {
  const root = page.locator(sel);
  await expect(root).toHaveAttribute('data-status', /idle|done|error/, { timeout: 30_000 });
  await root.locator('[data-run="train"]').click();
  await expect(root).toHaveAttribute('data-status', /loading|running|done|error/);
  await runEnds(page, sel);
}

/** Used JS heap of the page after a full garbage collection, in bytes. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

test('soak: the degradation lab trained 20 times with different settings keeps heap and tensors flat', async ({ page, problems }) => {
  test.setTimeout(600_000);
  const lab = '#degradation-lab';
  await page.goto('/en/resnet-principles/?w=degradation-lab&steps=50#degradation-lab');
  await expect(page.locator(`${lab}[data-mounted]`)).toHaveCount(1, { timeout: 30_000 });
  const depths = ['2', '4', '8', '16'];
  const widths = ['8', '16', '32'];
  const datasets = ['spiral', 'moons', 'circles', 'xor'];
  const heaps: number[] = [];
  const tensors: string[] = [];
  for (let i = 0; i < 20; i++) {
    const root = page.locator(lab);
    // Other settings every run, set as a reader does: the controls.
    await root.locator('select[data-field="depth"], input[data-field="depth"]').first().evaluate((el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, depths[i % depths.length]!);
    await root.locator('[data-field="width"]').first().evaluate((el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, widths[i % widths.length]!);
    await root.locator('select[data-field="dataset"]').selectOption(datasets[i % datasets.length]!);
    const seed = root.locator('input[data-field="seed"]');
    await seed.fill(String(i + 1));
    await seed.press('Tab');
    await expect(root).toHaveAttribute('data-state', new RegExp(`seed=${i + 1}(&|$)`));
    await train(page, lab);
    await expect(root, `run ${i + 1}`).toHaveAttribute('data-status', 'done');
    tensors.push((await root.getAttribute('data-worker-tensors')) ?? '');
    heaps.push(await heapAfterGc(page));
  }
  // Every worker reported its tensors, and after the first run the count never grows.
  for (const t of tensors) expect(t).toMatch(/^\d+(,\d+)*$/);
  const perRun = tensors.map((t) => t.split(',').map(Number).reduce((a, b) => Math.max(a, b), 0));
  expect(Math.max(...perRun.slice(1))).toBeLessThanOrEqual(perRun[0]!);
  // The page's heap after GC: the last five runs are within 10 % (and 4 MB) of runs 2–6.
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const early = mean(heaps.slice(1, 6));
  const late = mean(heaps.slice(-5));
  console.log(`soak: heap after GC ${Math.round(early / 1024)} KB (runs 2–6) → ${Math.round(late / 1024)} KB (runs 16–20); worker tensors ${tensors.join(' | ')}`);
  expect(late).toBeLessThanOrEqual(Math.max(early * 1.1, early + 4 * 1024 * 1024));
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

/** The widgets that train in a worker: short settings, and long ones (a run a crash can interrupt). */
const training: [id: string, short: string, long: string][] = [
  ['degradation-lab', 'depth=4&steps=50', 'depth=32&steps=2000'],
  ['gradient-flow', 'depth=4&steps=50', 'depth=32&steps=2000'],
  ['boundary-lab', 'steps=50', 'steps=3000'],
  ['cnn-trainer', 'epochs=1', 'epochs=10'],
];

for (const lang of langs) {
  const t = useStrings(lang);
  for (const [id, query, long] of training) {
    const entry = widgets.find((w) => w.id === id)!;
    const sel = `#${id}`;

    test(`${id} (${lang}): WASM that cannot load → CPU backend, a message in the reader’s language, training on`, async ({ page, problems }) => {
      test.setTimeout(240_000);
      await page.route('**/*.wasm', (route) => route.abort());
      await page.goto(`/${lang}/${entry.chapter}/?w=${id}&${query}#${id}`);
      const root = page.locator(sel);
      await expect(root).toHaveAttribute('data-status', /idle|done/, { timeout: 30_000 });
      await root.locator('[data-run="train"]').click();
      await expect(root).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
      const before = fill(t('widget.fallback'), { msg: '\u0000' }).split('\u0000')[0]!;
      await expect(root.locator('[data-message]')).toBeVisible();
      expect(await root.locator('[data-message]').textContent()).toContain(before);
      await expect.poll(() => root.locator('[data-progress]').evaluate((p) => (p as HTMLProgressElement).value), { timeout: 120_000 }).toBeGreaterThan(0);
      // The small nets finish on the CPU; the CNN's epoch of 5,000 digits takes minutes there, so
      // it is stopped once it has shown that it trains.
      if (id === 'cnn-trainer') await root.locator('[data-run="stop"]').click();
      await runEnds(page, sel);
      await expect(root).toHaveAttribute('data-status', 'done');
      expect(problems.pageErrors).toEqual([]);
    });

    test(`${id} (${lang}): a worker that dies mid-run → a message in the reader’s language, Restart, training again`, async ({ page, problems }) => {
      test.setTimeout(240_000);
      await page.goto(`/${lang}/${entry.chapter}/?w=${id}&${long}#${id}`);
      const root = page.locator(sel);
      await expect(root).toHaveAttribute('data-status', /idle|done/, { timeout: 30_000 });
      const started = page.waitForEvent('worker');
      await root.locator('[data-run="train"]').click();
      const worker = await started;
      // Once it trains, the worker throws an uncaught error, as a crash inside tfjs would.
      await expect(root).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
      await worker
        .evaluate(() =>
          setTimeout(() => {
            throw new Error('simulated crash');
          }, 0),
        )
        .catch(() => undefined);
      await runEnds(page, sel);
      await expect(root).toHaveAttribute('data-status', 'error');
      const before = fill(t('widget.crashed'), { msg: '\u0000' }).split('\u0000')[0]!;
      expect(await root.locator('[data-message]').textContent()).toContain(before);
      const restart = root.locator('[data-run="restart"]');
      await expect(restart).toBeVisible();
      await expect(restart).toHaveText(t('widget.restart'));
      await restart.click();
      // Usable again: a new run starts on fresh workers and makes progress; Stop ends it cleanly.
      await root.locator('[data-run="train"]').click();
      await expect(root).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
      await expect.poll(() => root.locator('[data-progress]').evaluate((p) => (p as HTMLProgressElement).value), { timeout: 60_000 }).toBeGreaterThan(0);
      await root.locator('[data-run="stop"]').click();
      await runEnds(page, sel);
      await expect(root).toHaveAttribute('data-status', 'done');
      await expect(root.locator('[data-run="restart"]')).toBeHidden();
      expect(problems.pageErrors).toEqual([]);
    });
  }
}
