// Local screenshot helper (not committed): node .shots.mjs <path> <name> [width] [dark]
import { chromium } from '@playwright/test';
import { chromiumArgs } from './scripts/chromium-args.mjs';
const [path, name, width = '1280', scheme = 'light', sel = ''] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await page.goto('http://localhost:4407' + path);
if (sel) {
  await page.locator(sel).scrollIntoViewIfNeeded();
  await page.waitForFunction((s) => ['idle', 'done'].includes(document.querySelector(s)?.dataset.status ?? ''), sel, { timeout: 60000 }).catch(() => {});
  await page.locator(sel).screenshot({ path: `/tmp/bv/shots/${name}.png` });
} else await page.screenshot({ path: `/tmp/bv/shots/${name}.png`, fullPage: true });
console.log('errors:', JSON.stringify(errors));
await browser.close();
