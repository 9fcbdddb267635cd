// Shared by record.mjs and bench.mjs: serves dist/ on a free port and opens the harness page
// (src/pages/dev/harness.astro) in the system Chromium.
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
  await page.goto(base + '/dev/harness/');
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
