/**
 * Offline after the first visit: the service worker precaches the site, so with the network gone a
 * reader opens another chapter in the other language, searches, and trains a widget to the end.
 * A new deploy is offered with a prompt in the reader's language; accepting it reloads the page.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { offlineStrings } from '../src/lib/i18n/offline';
import { expect, openSearch, test } from './site';

test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker has precached everything and controls the page. */
async function offlineReady(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 90_000 });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
}

test('after one visit the site works offline: another chapter in the other language, search, a training run', async ({ page, context, problems }) => {
  test.setTimeout(240_000);
  await page.goto('/zh/intro/');
  await offlineReady(page);
  await expect(page.locator('[data-offline-banner]')).toContainText(offlineStrings.zh['offline.ready']);
  await context.setOffline(true);

  // Another chapter, in the other language, with a widget link in its query.
  await page.goto('/en/resnet-principles/?w=degradation-lab&depth=8&steps=100#degradation-lab');
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Search (Pagefind's index and WASM come from the cache).
  await (await openSearch(page)).pressSequentially('bottleneck', { delay: 40 });
  const results = page.locator('#starlight__search .pagefind-ui__result-link');
  await expect(results.first()).toBeVisible({ timeout: 15_000 });
  for (const href of await results.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''))) expect(href).toContain('/en/');
  await page.keyboard.press('Escape');

  // Train to the end: the worker, the WASM binary and the data come from the cache.
  const lab = page.locator('#degradation-lab');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-status', /idle|done/, { timeout: 30_000 });
  await lab.locator('[data-run="train"]').click();
  await expect(lab).toHaveAttribute('data-status', /loading|running|done/);
  await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector<HTMLElement>('#degradation-lab')!.dataset.status!), undefined, { timeout: 150_000 });
  await expect(lab).toHaveAttribute('data-status', 'done');
  await expect(lab).toHaveAttribute('data-backend', 'wasm');
  const rows = await lab.locator('table[data-metrics="runs"] tbody tr:not([data-recorded])').count();
  expect(rows).toBeGreaterThan(0);

  // The CNN trainer's digits (a data file fetched by its worker) are there too.
  await page.goto('/zh/cnn-anatomy/?w=cnn-trainer&epochs=1#cnn-trainer');
  const cnn = page.locator('#cnn-trainer');
  await expect(cnn).toHaveAttribute('data-status', /idle|done/, { timeout: 30_000 });
  await cnn.locator('[data-run="train"]').click();
  await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector<HTMLElement>('#cnn-trainer')!.dataset.status!), undefined, { timeout: 150_000 });
  await expect(cnn).toHaveAttribute('data-status', 'done');
  expect(problems.pageErrors).toEqual([]);
});

/**
 * A copy of the built site on its own server (a temporary folder, a free port), so a test can
 * deploy a "new version" into it without touching `dist/`.
 */
async function ownCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'nb-deploy-'));
  cpSync('dist', dir, { recursive: true });
  const server = spawn(process.execPath, ['scripts/serve.mjs'], { env: { ...process.env, NB_OUT_DIR: dir, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const m = /http:\/\/localhost:(\d+)\//.exec(String(chunk));
      if (m) resolve(`http://localhost:${m[1]}`);
    });
    server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return {
    origin,
    /** A new deploy: the same files, a service worker that differs by one comment. */
    deploy: () => appendFileSync(join(dir, 'sw.js'), '\n// next deploy\n'),
    close: () => {
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

for (const lang of ['en', 'zh'] as const) {
  test(`a new version is offered in the reader’s language, and Reload switches to it (${lang})`, async ({ page }) => {
    test.setTimeout(180_000);
    const site = await ownCopy();
    try {
      const t = offlineStrings[lang];
      await page.goto(`${site.origin}/${lang}/summary/`);
      await offlineReady(page);
      site.deploy();
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      const prompt = page.locator('[data-offline-banner]');
      await expect(prompt).toContainText(t['offline.update'], { timeout: 60_000 });
      await expect(page.locator('html')).toHaveAttribute('data-offline', 'update');
      await expect(prompt.getByRole('button', { name: t['offline.later'] })).toBeVisible();
      const before = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting));
      expect(before).toBe(true);
      const reloaded = page.waitForEvent('load');
      await prompt.getByRole('button', { name: t['offline.reload'] }).click();
      await reloaded;
      // The new worker took over: nothing waits any more, and it controls the reloaded page.
      await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(false);
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
    } finally {
      site.close();
    }
  });
}
