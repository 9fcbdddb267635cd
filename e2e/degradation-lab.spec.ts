import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { collectDownloads, expect, langs, test, pauseAndHold, trainAndWait } from './site';

const recording = JSON.parse(readFileSync('src/widgets/degradation-lab/recorded.json', 'utf8'));
const lab = '#degradation-lab';

/** Rows of a metrics table as arrays of cell texts (header excluded). */
async function rows(page: Page, metrics: string) {
  return page.locator(`${lab} table[data-metrics="${metrics}"] tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
  );
}

for (const lang of langs) {
  test.describe(`degradation-lab (${lang})`, () => {
    test('the default view shows the recorded runs before any click', async ({ page, problems }) => {
      await page.goto(`/${lang}/resnet-principles/`);
      await page.locator(lab).scrollIntoViewIfNeeded();
      await expect(page.locator(lab)).toHaveAttribute('data-status', 'idle');
      await expect(page.locator(`${lab} [data-recorded-note]`)).toBeVisible();
      const runs = await rows(page, 'runs');
      expect(runs.map((r) => r[0])).toEqual(['plain', 'residual']);
      expect(Number(runs[0]![3])).toBeCloseTo(recording.runs[0].finalLoss, 4);
      // the recorded curves are drawn: both series have a path
      for (const arch of ['plain', 'residual']) {
        const d = await page.locator(`${lab} svg[data-chart="loss"] g.series[data-series="${arch}"] path`).getAttribute('d');
        expect((d ?? '').length).toBeGreaterThan(200);
      }
      expect(problems.pageErrors).toEqual([]);
    });

    test('moving the slider to 32 and training: the plain net’s loss stays far above the residual one’s', async ({ page, problems }) => {
      test.setTimeout(180_000);
      await page.goto(`/${lang}/resnet-principles/?w=degradation-lab&v=1&depth=8&steps=200#degradation-lab`);
      const slider = page.locator(`${lab} input[data-field="depth"]`);
      await expect(slider).toHaveValue('8');
      await slider.focus();
      for (let i = 0; i < 12; i++) await slider.press('ArrowRight');
      await expect(slider).toHaveValue('32');
      await expect(page.locator(`${lab} output[data-output="depth"]`)).toHaveText('32');
      await trainAndWait(page, lab);
      await expect(page.locator(lab)).toHaveAttribute('data-status', 'done');
      const runs = await rows(page, 'runs');
      const plain = runs.find((r) => r[0] === 'plain' && r[1] === '32')!;
      const residual = runs.find((r) => r[0] === 'residual' && r[1] === '32')!;
      expect(Number(plain[3])).toBeGreaterThan(0.5);
      expect(Number(residual[3])).toBeLessThan(0.25);
      expect(Number(plain[3])).toBeGreaterThan(3 * Number(residual[3]));
      expect(await page.locator(`${lab} [data-backend]`).textContent()).toMatch(/WASM|CPU/);
      // the address bar carries the state (replaceState, no reload)
      await expect.poll(() => new URL(page.url()).searchParams.get('depth')).toBe('32');
      expect(problems.pageErrors).toEqual([]);
    });

    test('a live run of the default state reproduces its recording', async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto(`/${lang}/resnet-principles/?w=degradation-lab#degradation-lab`);
      await trainAndWait(page, lab);
      expect(await page.locator(lab).getAttribute('data-backend')).toBe(recording.backend);
      const runs = await rows(page, 'runs');
      for (const rec of recording.runs) {
        const live = runs.find((r) => r[0] === rec.arch)!;
        expect(Number(live[3])).toBeCloseTo(rec.finalLoss, 3);
        expect(Number(live[4])).toBeCloseTo(rec.finalAccuracy, 3);
      }
    });
  });
}

test('Copy link reopens the same state, in the other language too', async ({ page, context }) => {
  await page.goto('/en/resnet-principles/#degradation-lab');
  // Wait for the runtime (it writes data-state when mounted): input before that would be overwritten.
  await expect(page.locator(`${lab}[data-state]`)).toHaveCount(1);
  await page.locator(`${lab} input[data-field="seed"]`).fill('7');
  await page.locator(`${lab} input[data-field="seed"]`).press('Tab');
  await page.locator(`${lab} select[data-field="width"]`).selectOption('16');
  await page.locator(`${lab} input[data-field="bn"]`).uncheck();
  await page.locator(`${lab} input[data-field="arch"][value="plain"]`).uncheck();
  await page.locator(`${lab} [data-action="copy-link"]`).click();
  const link = await page.locator(`${lab} [data-link-output]`).inputValue();
  const url = new URL(link);
  expect(url.hash).toBe('#degradation-lab');
  expect(Object.fromEntries(url.searchParams)).toMatchObject({ w: 'degradation-lab', v: '1', seed: '7', width: '16', bn: '0', arch: 'residual' });
  for (const target of [link, link.replace('/en/', '/zh/')]) {
    const other = await context.newPage();
    await other.goto(target);
    await expect(other.locator(`${lab} input[data-field="seed"]`)).toHaveValue('7');
    await expect(other.locator(`${lab} select[data-field="width"]`)).toHaveValue('16');
    await expect(other.locator(`${lab} input[data-field="bn"]`)).not.toBeChecked();
    await expect(other.locator(`${lab} input[data-field="arch"][value="plain"]`)).not.toBeChecked();
    await expect(other.locator(`${lab} [data-notice="url"]`)).toBeHidden();
    await other.close();
  }
});

test('Reset returns to the defaults and shows the recording again', async ({ page }) => {
  await page.goto('/zh/resnet-principles/?w=degradation-lab&depth=12&seed=3#degradation-lab');
  await expect(page.locator(`${lab} [data-recorded-note]`)).toBeHidden();
  await page.locator(`${lab} [data-action="reset"]`).click();
  await expect(page.locator(`${lab} input[data-field="depth"]`)).toHaveValue('32');
  await expect(page.locator(`${lab} input[data-field="seed"]`)).toHaveValue('0');
  await expect(page.locator(`${lab} [data-recorded-note]`)).toBeVisible();
});

for (const lang of langs) {
  test(`bad link values are clamped or dropped, with a notice (${lang})`, async ({ page, problems }) => {
    await page.goto(`/${lang}/resnet-principles/?w=degradation-lab&depth=1000&lr=abc&arch=foo&steps=-5&zz=1#degradation-lab`);
    const notice = page.locator(`${lab} [data-notice="url"]`);
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('1000');
    await expect(notice).toContainText('64');
    await expect(notice).toContainText('zz');
    await expect(page.locator(`${lab} input[data-field="depth"]`)).toHaveValue('64');
    await expect(page.locator(`${lab} input[data-field="lr"]`)).toHaveValue('0.001');
    await expect(page.locator(`${lab} input[data-field="steps"]`)).toHaveValue('50');
    expect(problems.pageErrors).toEqual([]);
  });
}

for (const lang of langs) {
  test(`a diverging run (lr = 10) stops with a message and no NaN reaches a chart (${lang})`, async ({ page, problems }) => {
    await page.goto(`/${lang}/resnet-principles/?w=degradation-lab&optimizer=sgd&lr=10&depth=8&steps=200&bn=0#degradation-lab`);
    await trainAndWait(page, lab);
    const message = page.locator(`${lab} [data-message]`);
    await expect(message).toBeVisible();
    await expect(message).toContainText(lang === 'zh' ? '发散' : 'diverged');
    const html = await page.locator(lab).innerHTML();
    expect(html).not.toMatch(/NaN|Infinity/);
    expect(problems.pageErrors).toEqual([]);
  });
}

test('pause holds the run, resume and stop work', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/en/resnet-principles/?w=degradation-lab&steps=2000&depth=16#degradation-lab');
  await page.locator(`${lab} [data-run="train"]`).click();
  await expect(page.locator(lab)).toHaveAttribute('data-status', 'running');
  await expect.poll(async () => Number(await page.locator(`${lab} progress`).getAttribute('value')), { timeout: 30_000 }).toBeGreaterThan(0);
  const held = await pauseAndHold(page, lab);
  await page.locator(`${lab} [data-run="pause"]`).click(); // resume
  await expect.poll(async () => page.locator(`${lab} progress`).evaluate((p: HTMLProgressElement) => p.value), { timeout: 30_000 }).toBeGreaterThan(held);
  await page.locator(`${lab} [data-run="stop"]`).click();
  await expect(page.locator(lab)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  expect(await page.locator(`${lab} progress`).evaluate((p: HTMLProgressElement) => p.value)).toBeLessThan(1);
  await expect(page.locator(`${lab} [data-run="train"]`)).toBeEnabled();
});

test('the depth sweep draws final loss against depth for both nets', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/en/resnet-principles/?w=degradation-lab&mode=sweep&steps=150&seed=1#degradation-lab');
  await expect(page.locator(`${lab} [data-sweep]`)).toBeVisible();
  await trainAndWait(page, lab, 170_000);
  const sweep = await rows(page, 'sweep');
  expect(sweep.map((r) => r[0])).toEqual(['2', '4', '8', '16', '32', '64']);
  const at64 = sweep.find((r) => r[0] === '64')!;
  expect(Number(at64[1])).toBeGreaterThan(2 * Number(at64[2]));
  expect(await rows(page, 'runs')).toHaveLength(12);
});

test('when WASM cannot load, training falls back to the CPU backend and still trains', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/en/resnet-principles/?w=degradation-lab&depth=4&steps=50#degradation-lab');
  await trainAndWait(page, lab);
  await expect(page.locator(lab)).toHaveAttribute('data-status', 'done');
  await expect(page.locator(lab)).toHaveAttribute('data-backend', 'cpu');
  await expect(page.locator(`${lab} [data-backend]`)).toHaveText('CPU');
  await expect(page.locator(`${lab} [data-message]`)).toContainText('WASM');
  expect((await rows(page, 'runs')).length).toBe(2);
});

test('a worker that dies is reported and can be restarted', async ({ page }) => {
  await page.route('**/degradation.worker-*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("simulated crash")' }));
  await page.goto('/zh/resnet-principles/?w=degradation-lab&depth=4&steps=50#degradation-lab');
  await trainAndWait(page, lab);
  await expect(page.locator(lab)).toHaveAttribute('data-status', 'error');
  await expect(page.locator(`${lab} [data-message]`)).toBeVisible();
  const restart = page.locator(`${lab} [data-run="restart"]`);
  await expect(restart).toBeVisible();
  await page.unroute('**/degradation.worker-*.js');
  await restart.click();
  await trainAndWait(page, lab);
  await expect(page.locator(lab)).toHaveAttribute('data-status', 'done');
  expect((await rows(page, 'runs')).length).toBe(2);
});

test('Export CSV downloads the numbers behind the charts; SVG exports the figures', async ({ page }) => {
  await page.goto('/en/resnet-principles/#degradation-lab');
  await expect(page.locator(lab)).toHaveAttribute('data-status', 'idle');
  const downloads = collectDownloads(page);
  const files = downloads.files;
  await page.locator(`${lab} [data-action="export-csv"]`).click();
  await expect.poll(() => files.has('degradation-lab-runs.csv')).toBe(true);
  const csv = files.get('degradation-lab-runs.csv')!;
  expect(csv.split('\n')[0]).toBe('architecture,depth,steps,final training loss,final training accuracy');
  expect(csv).toContain('plain,32,400,');
  await expect.poll(() => files.has('degradation-lab-curve.csv')).toBe(true);
  await page.locator(`${lab} [data-action="export-svg"]`).click();
  await expect.poll(() => files.has('degradation-lab-loss.svg')).toBe(true);
  expect(files.get('degradation-lab-loss.svg')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  await downloads.settled();
});

for (const lang of langs) {
  test(`the random-guess line follows the data set: ln 2 for two classes, ln 3 for the spiral (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/resnet-principles/?w=degradation-lab&dataset=moons#degradation-lab`);
    await expect(page.locator(lab)).toHaveAttribute('data-status', /idle|done/);
    const line = page.locator(`${lab} [data-chart="loss"] .reference-line`);
    const label = page.locator(`${lab} [data-chart="loss"] .reference-label`);
    const value = async () => Number(await line.getAttribute('data-value'));
    await expect.poll(value).toBeCloseTo(Math.LN2, 12);
    await expect(label).toContainText('ln 2');
    await page.locator(`${lab} [data-field="dataset"]`).selectOption('spiral');
    await expect.poll(value).toBeCloseTo(Math.log(3), 12);
    await expect(label).toContainText('ln 3');
  });
}
