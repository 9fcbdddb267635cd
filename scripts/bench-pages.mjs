// Page weight and mount cost, for `npm run bench` (or alone: `node scripts/bench-pages.mjs`).
// Served by scripts/serve.mjs (compressed like a real host), in the system Chromium, phone-sized
// viewport, service worker off (its background precache is not page weight):
//  - JavaScript a page loads, per page type: a chapter without widgets; a chapter with widgets
//    before any widget has mounted (at the load event) and after every widget on it has mounted
//    (scrolled through); bytes over the wire (compressed) and decoded;
//  - each training worker: its script and everything it imports, raw and gzip (read from dist/);
//  - per widget: how long its mount took and the longest main-thread task during it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumArgs } from './chromium-args.mjs';

const dist = process.env.NB_OUT_DIR ?? 'dist';
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function serve() {
  const server = spawn(process.execPath, ['scripts/serve.mjs'], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      const m = /http:\/\/localhost:(\d+)\//.exec(String(chunk));
      if (m) resolve({ origin: `http://localhost:${m[1]}`, close: () => server.kill() });
    });
    server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
}

/** JS resources the page has fetched so far: count, bytes over the wire, decoded bytes. */
const jsSoFar = (page) =>
  page.evaluate(() => {
    const js = performance.getEntriesByType('resource').filter((r) => /\.m?js(\?|$)/.test(r.name));
    return { files: js.length, wire: js.reduce((a, r) => a + r.encodedBodySize, 0), decoded: js.reduce((a, r) => a + r.decodedBodySize, 0) };
  });

/** A worker file and its static imports, as in dist/_astro. */
function workerBytes(file) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    const p = join(dist, '_astro', name);
    if (!existsSync(p)) return;
    seen.add(name);
    for (const m of readFileSync(p, 'utf8').matchAll(/(?:\bimport|\bfrom)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) visit(m[1]);
  };
  visit(file);
  let raw = 0;
  let gz = 0;
  for (const name of seen) {
    const buf = readFileSync(join(dist, '_astro', name));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { files: seen.size, raw, gz };
}

export async function benchPages({ noWidget = '/en/intro/', chapters = ['/en/ml-vs-dl/', '/en/cnn-anatomy/', '/en/resnet-principles/', '/en/case-studies/vgg/'] } = {}) {
  const server = await serve();
  const browser = await chromium.launch({ executablePath: process.env.PW_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
  const rows = [];
  const mounts = [];
  try {
    const open = async (path) => {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
        }).observe({ type: 'longtask', buffered: true });
        // JS fetched up to the moment the first widget starts to mount.
        window.__beforeMount = undefined;
        new PerformanceObserver((list) => {
          if (window.__beforeMount) return;
          if (list.getEntries().some((e) => e.name.startsWith('nb:mount:'))) {
            const js = performance.getEntriesByType('resource').filter((r) => /\.m?js(\?|$)/.test(r.name));
            window.__beforeMount = { files: js.length, wire: js.reduce((a, r) => a + r.encodedBodySize, 0), decoded: js.reduce((a, r) => a + r.decodedBodySize, 0) };
          }
        }).observe({ type: 'mark', buffered: true });
      });
      await page.goto(server.origin + path);
      await page.waitForLoadState('load');
      return { context, page };
    };

    {
      const { context, page } = await open(noWidget);
      await page.waitForTimeout(1500);
      const js = await jsSoFar(page);
      rows.push([`JS, chapter without widgets (${noWidget})`, `${js.files} files, ${kb(js.wire)} over the wire / ${kb(js.decoded)}`, '']);
      await context.close();
    }
    for (const path of chapters) {
      const { context, page } = await open(path);
      const ids = await page.locator('[data-widget][data-status][id]').evaluateAll((els) => els.map((e) => e.id));
      for (const id of ids) {
        await page.locator(`#${id}`).scrollIntoViewIfNeeded();
        await page.waitForSelector(`#${id}[data-mounted]`, { timeout: 60_000 });
      }
      await page.waitForTimeout(500);
      const before = await page.evaluate(() => window.__beforeMount);
      const after = await jsSoFar(page);
      rows.push([`JS, ${path} before its widgets mount`, before ? `${before.files} files, ${kb(before.wire)} / ${kb(before.decoded)}` : 'n/a', '']);
      rows.push([`JS, ${path} with all ${ids.length} widgets mounted`, `${after.files} files, ${kb(after.wire)} / ${kb(after.decoded)}`, '']);
      const perWidget = await page.evaluate(() =>
        performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('nb:mount:'))
          .map((m) => {
            const end = m.startTime + m.duration;
            const tasks = window.__longTasks.filter(([s, d]) => s < end && s + d > m.startTime).map(([, d]) => d);
            return { id: m.name.slice(9), ms: m.duration, longest: tasks.length ? Math.max(...tasks) : 0, long: tasks.length };
          }),
      );
      for (const w of perWidget) mounts.push({ page: path, ...w });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  for (const m of mounts) {
    rows.push([`mount ${m.id} (${m.page}): wall time, main-thread tasks > 50 ms (longest)`, `${m.ms.toFixed(0)} ms, ${m.long}${m.long ? ` (${m.longest.toFixed(0)} ms)` : ''}`, 'goal 0']);
  }
  for (const file of readdirSync(join(dist, '_astro')).filter((f) => /\.worker-[^.]+\.js$/.test(f)).sort()) {
    const w = workerBytes(file);
    rows.push([`worker ${file.replace(/-[^-.]+\.js$/, '')} (${w.files} file${w.files > 1 ? 's' : ''}), raw / gzip -9`, `${kb(w.raw)} / ${kb(w.gz)}`, file.startsWith('bench.') ? 'bench page only' : '']);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchPages();
  console.log('| measure | value | goal |\n|---|---|---|');
  for (const [k, v, g] of rows) console.log(`| ${k} | ${v} | ${g} |`);
}
