import { chromium } from '@playwright/test';
import { chromiumArgs } from '/work/wt/classroom/scripts/chromium-args.mjs';
const [,, url, out, width = '1280', theme = 'light', action = ''] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: theme });
page.on('pageerror', (e) => console.log('PAGEERROR', e));
page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()); });
await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
await page.goto(url);
await page.waitForLoadState('load');
if (action) { const fn = new Function('page', `return (async () => { ${action} })()`); await fn(page); }
if (process.env.SEL) await page.locator(process.env.SEL).first().screenshot({ path: out }); else await page.screenshot({ path: out, fullPage: !process.env.VIEWPORT });
await browser.close();
