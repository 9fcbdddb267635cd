import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, langs, settle, test, pauseAndHold, trainAndWait } from './site';

const recording = JSON.parse(readFileSync('src/widgets/boundary-lab/recorded.json', 'utf8'));
const bl = '#boundary-lab';

/** Trains with the current settings and expects the run to end well. */
async function trainToDone(page: Page) {
  await trainAndWait(page, bl);
  await expect(page.locator(bl)).toHaveAttribute('data-status', 'done');
}

/** The learners table as { learner → [features, params, loss, accuracy] }. */
async function learners(page: Page) {
  const rows = await page.locator(`${bl} table[data-metrics="learners"] tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
  );
  return Object.fromEntries(rows.map((r) => [r[0], { features: r[1]!, params: Number(r[2]), loss: Number(r[3]), accuracy: Number(r[4]) }]));
}

for (const lang of langs) {
  test.describe(`boundary-lab (${lang})`, () => {
    test('the default view shows the recorded runs on circles: hand features beat raw logistic regression, the MLP gets there too', async ({ page, problems }) => {
      await page.goto(`/${lang}/ml-vs-dl/`);
      const built = await learners(page); // filled at build time, before any script
      expect(Object.keys(built)).toEqual(['raw', 'features', 'mlp']);
      await page.locator(bl).scrollIntoViewIfNeeded();
      await expect(page.locator(bl)).toHaveAttribute('data-status', 'idle');
      await expect(page.locator(`${bl} [data-recorded-note]`)).toBeVisible();
      const t = await learners(page);
      expect(t.raw!.features).toBe('x, y');
      expect(t.features!.features).toBe('x, y, x², y²');
      expect(t.raw!.accuracy).toBeLessThan(0.7);
      expect(t.features!.accuracy).toBeGreaterThan(0.95);
      expect(t.mlp!.accuracy).toBeGreaterThan(0.95);
      expect(t.features!.loss).toBeLessThan(t.raw!.loss);
      for (const l of ['raw', 'features', 'mlp']) {
        await expect(page.locator(`${bl} svg[data-chart="boundary-${l}"] image`)).toHaveAttribute('href', /^data:image\/png/);
        const d = await page.locator(`${bl} svg[data-chart="loss"] g.series[data-series="${l}"] path`).getAttribute('d');
        expect((d ?? '').length).toBeGreaterThan(100);
      }
      // switching the dataset shows that dataset's recording at once
      await page.locator(`${bl} select[data-field="dataset"]`).selectOption('spiral');
      await expect.poll(async () => (await learners(page)).mlp?.accuracy ?? 0).toBeGreaterThan(0.9);
      expect((await learners(page)).raw!.accuracy).toBeLessThan(0.7);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    });

    test('training live on circles reproduces the recording', async ({ page, problems }) => {
      test.setTimeout(120_000);
      await page.goto(`/${lang}/ml-vs-dl/?w=boundary-lab#boundary-lab`);
      await trainToDone(page);
      expect(await page.locator(bl).getAttribute('data-backend')).toBe(recording.backend);
      const t = await learners(page);
      for (const rec of recording.datasets.circles) {
        expect(t[rec.learner]!.loss).toBeCloseTo(rec.finalLoss, 3);
        expect(t[rec.learner]!.accuracy).toBeCloseTo(rec.finalAccuracy, 3);
      }
      await expect(page.locator(`${bl} [data-progress]`)).toHaveJSProperty('value', 1);
      expect(problems.pageErrors).toEqual([]);
    });
  });
}

test('the right hand-made feature depends on the problem: on XOR, xy works where x², y² do not', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/en/ml-vs-dl/?w=boundary-lab&dataset=xor&learners=features#boundary-lab');
  await expect(page.locator(`${bl} [data-recorded-note]`)).toBeVisible(); // XOR with the default features was recorded
  await expect(page.locator(`${bl} [data-learner-box="raw"]`)).toBeHidden();
  await trainToDone(page);
  const squares = (await learners(page)).features!;
  expect(squares.accuracy).toBeLessThan(0.7);
  await page.locator(`${bl} input[data-field="features"][value="xy"]`).check();
  await expect(page.locator(`${bl} [data-map-title="features"]`)).toContainText('xy');
  await trainToDone(page);
  const product = (await learners(page)).features!;
  expect(product.features).toBe('x, y, x², y², xy');
  expect(product.accuracy).toBeGreaterThan(0.9);
  expect(product.params).toBe(5 * 2 + 2);
  await expect.poll(() => new URL(page.url()).searchParams.get('features')).toBe('x,y,x2,y2,xy');
});

test('a wider, deeper MLP is trained and counted (zh)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/zh/ml-vs-dl/?w=boundary-lab&dataset=moons&learners=mlp,raw&layers=3&width=16#boundary-lab');
  await expect(page.locator(`${bl} [data-map-title="mlp"]`)).toContainText('3 个隐藏层 × 16 个单元');
  await trainToDone(page);
  const t = await learners(page);
  expect(Object.keys(t)).toEqual(['raw', 'mlp']);
  expect(t.mlp!.accuracy).toBeGreaterThan(0.95);
  expect(t.mlp!.accuracy).toBeGreaterThan(t.raw!.accuracy);
  // 2→16 stem, two 16→16 body layers, BN γ/β on each hidden layer, 16→2 head with bias
  expect(t.mlp!.params).toBe(2 * 16 + 2 * 16 * 16 + 3 * 2 * 16 + 16 * 2 + 2);
});

test('pause holds the run, resume and stop work', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/en/ml-vs-dl/?w=boundary-lab&steps=3000&learners=mlp&width=32&layers=6#boundary-lab');
  await page.locator(`${bl} [data-run="train"]`).click();
  await expect(page.locator(bl)).toHaveAttribute('data-status', 'running');
  await expect.poll(async () => page.locator(`${bl} progress`).evaluate((p: HTMLProgressElement) => p.value), { timeout: 30_000 }).toBeGreaterThan(0);
  const held = await pauseAndHold(page, bl);
  await page.locator(`${bl} [data-run="pause"]`).click();
  await expect.poll(async () => page.locator(`${bl} progress`).evaluate((p: HTMLProgressElement) => p.value), { timeout: 30_000 }).toBeGreaterThan(held);
  await page.locator(`${bl} [data-run="stop"]`).click();
  await expect(page.locator(bl)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  expect(await page.locator(`${bl} progress`).evaluate((p: HTMLProgressElement) => p.value)).toBeLessThan(1);
});

for (const lang of langs) {
  test(`bad link values are clamped or dropped, with a notice (${lang})`, async ({ page, problems }) => {
    await page.goto(`/${lang}/ml-vs-dl/?w=boundary-lab&layers=99&width=5&features=foo&lr=abc&dataset=mnist&qq=1#boundary-lab`);
    const notice = page.locator(`${bl} [data-notice="url"]`);
    await expect(notice).toBeVisible();
    for (const text of ['99', '6', 'foo', 'abc', 'mnist', 'qq']) await expect(notice).toContainText(text);
    await expect(page.locator(`${bl} input[data-field="layers"]`)).toHaveValue('6');
    await expect(page.locator(`${bl} select[data-field="width"]`)).toHaveValue('4');
    await expect(page.locator(`${bl} input[data-field="lr"]`)).toHaveValue('0.01');
    await expect(page.locator(`${bl} select[data-field="dataset"]`)).toHaveValue('circles');
    await expect(page.locator(`${bl} input[data-field="features"][value="x2"]`)).toBeChecked();
    expect(problems.pageErrors).toEqual([]);
  });

  test(`axe: the lab, after a run, with its tables open, has no violations (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/${lang}/ml-vs-dl/?w=boundary-lab&steps=100#boundary-lab`);
    await trainToDone(page);
    await settle(page);
    await page.locator(`${bl} details summary`).click();
    const results = await new AxeBuilder({ page }).include(bl).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('Export CSV gives the learners table', async ({ page }) => {
  await page.goto('/en/ml-vs-dl/#boundary-lab');
  await page.locator(bl).scrollIntoViewIfNeeded();
  await expect(page.locator(bl)).toHaveAttribute('data-status', 'idle');
  const download = page.waitForEvent('download', { predicate: (d) => d.suggestedFilename() === 'boundary-lab-learners.csv' });
  await page.locator(`${bl} [data-action="export-csv"]`).click();
  const stream = await (await download).createReadStream();
  let text = '';
  for await (const chunk of stream) text += chunk;
  expect(text.split('\n')[0]).toBe('learner,features,parameters,final training loss,final training accuracy');
  expect(text).toContain('features,"x, y, x², y²",10,');
});

test('what a reader does while the widget code is still loading is not lost: a changed setting, then Train', async ({ page, problems }) => {
  test.setTimeout(120_000);
  // Hold the widget's code back for a moment, so that the reader acts before it is mounted.
  await page.route('**/_astro/client.*.js', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto('/en/ml-vs-dl/?w=boundary-lab#boundary-lab');
  await expect(page.locator(bl)).toHaveAttribute('data-status', 'loading');
  await page.locator(`${bl} input[data-field="steps"]`).fill('100');
  await page.locator(`${bl} [data-run="train"]`).click();
  await page.waitForFunction((sel) => ['done', 'error'].includes(document.querySelector<HTMLElement>(sel)!.dataset.status!), bl, { timeout: 90_000 });
  await expect(page.locator(bl)).toHaveAttribute('data-status', 'done');
  await expect(page.locator(bl)).toHaveAttribute('data-state', /&steps=100&/);
  await expect(page.locator(`${bl} [data-progress-text]`)).toHaveText(/^300 \/ 300/);
  expect((await learners(page)).mlp?.accuracy).toBeGreaterThan(0);
  expect(problems.pageErrors).toEqual([]);
});
