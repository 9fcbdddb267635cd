// Shared by record.mjs and bench.mjs: serves dist/ on a free port and opens the harness page
// (src/dev/harness.astro, in dist/ only after a build with NB_DEV_PAGES=1) in the system Chromium.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumArgs } from './chromium-args.mjs';


export async function openHarness(port = 4380) {
  const server = spawn(process.execPath, ['scripts/serve.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(base + '/')).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({ executablePath: process.env.PW_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const res = await page.goto(base + '/dev/harness/');
  if (!res?.ok()) {
    await browser.close();
    server.kill();
    throw new Error('dist/ has no /dev/harness/: build it with NB_DEV_PAGES=1 astro build (the production build leaves the harness out)');
  }
  await page.waitForFunction(() => 'nbHarness' in window);
  return {
    base,
    browser,
    page,
    close: async () => {
      await browser.close();
      server.kill();
    },
  };
}

/**
 * A cold run on a chapter page, as a reader does it: opens `path` in a fresh page that records
 * main-thread long tasks, waits for widget `id` to be mounted, presses Train and waits for the run
 * to end. Returns the widget root's data attributes at the end and the long tasks (ms each).
 */
export async function coldRun(h, path, id) {
  const page = await h.browser.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(h.base + path);
  await page.waitForFunction((i) => document.getElementById(i)?.dataset.status === 'idle', id);
  await page.waitForTimeout(500);
  await page.evaluate(() => (window.__longTasks = []));
  await page.click(`#${id} [data-run="train"]`);
  await page.waitForFunction((i) => document.getElementById(i)?.dataset.status === 'done', id, { timeout: 300_000 });
  const result = await page.evaluate((i) => ({ dataset: { ...document.getElementById(i).dataset }, longTasks: window.__longTasks }), id);
  await page.close();
  return result;
}

/** A bench table cell for long tasks: their count, and the longest. */
export const longTaskCell = (longTasks) => String(longTasks.length) + (longTasks.length ? ` (max ${Math.max(...longTasks).toFixed(0)} ms)` : '');
