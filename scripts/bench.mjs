// `npm run bench`: one report for everything measured, in one run in headless Chromium on this
// machine (timings are only comparable within one run: the machine is shared; the report records
// the load average and the host's benchmark index so a reader can tell a quiet run from a busy one).
//  build: wall time of `astro build` (skipped with --no-build), size of dist/ and of the offline precache
//  degradation lab:
//   1. ms/step at depth 32: the notebook's own training loop vs tfjs Layers trainOnBatch, same backend
//   2. wall time of the full depth sweep (2…64 × plain/residual, 400 steps): 2 workers vs 1 worker
//   3. cold latency from Train to the first plotted loss, on the real chapter page
//   4. main-thread long tasks (> 50 ms) while training on the chapter page
//   5. the training worker's bundle size, raw and gzipped
//  cnn-trainer: see scripts/bench-cnn.mjs
//  pages: JavaScript per page type, each worker's bytes, each widget's mount (scripts/bench-pages.mjs)
//  lighthouse (only with --lighthouse; extra arguments go to scripts/lighthouse.mjs, e.g. --ci)
// Writes bench/results.json and bench/results.md, and puts the table into the README between the
// `bench:start` / `bench:end` markers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { coldRun, longTaskCell, openHarness } from './harness-browser.mjs';
import { benchCnn } from './bench-cnn.mjs';
import { benchPages } from './bench-pages.mjs';
import { benchWhy } from './bench-why.mjs';

const args = process.argv.slice(2);
const withLighthouse = args.includes('--lighthouse');
const lighthouseArgs = args.filter((a) => a !== '--lighthouse' && a !== '--no-build');
const sections = {};
const startedAt = new Date();
const load = loadavg().map((x) => x.toFixed(1)).join(' / ');

// ── build ───────────────────────────────────────────────────────────────────────────────────────
{
  const rows = [];
  if (!args.includes('--no-build')) {
    const t0 = Date.now();
    const r = spawnSync('astro', ['build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NB_DEV_PAGES: '1' } });
    if (r.status !== 0) throw new Error('astro build failed');
    rows.push(['astro build, wall time (pages, Pagefind index, CSP check, service worker)', `${((Date.now() - t0) / 1000).toFixed(1)} s`, '']);
  }
  const du = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
  rows.push(['dist/ (every file)', `${(du('dist') / 1024 / 1024).toFixed(1)} MB`, '']);
  const sw = existsSync('dist/sw.js') ? readFileSync('dist/sw.js', 'utf8') : '';
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
  const bytes = precached.reduce((n, u) => n + (existsSync(join('dist', u)) ? statSync(join('dist', u)).size : 0), 0);
  rows.push(['offline precache (files, bytes before compression)', `${precached.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`, '']);
  sections.build = rows;
}

// ── degradation lab ───────────────────────────────────────────────────────────────────────────
const h = await openHarness(4382);
const rows = [];
try {
  const own = await h.page.evaluate(() => window.nbHarness.ownVsLayers({ depth: 32, width: 32, steps: 200, warmup: 20 }));
  rows.push(['ms/step, depth 32, own loop (' + own.backend + ')', own.ownMsPerStep.toFixed(2), '']);
  rows.push(['ms/step, depth 32, Layers trainOnBatch (' + own.backend + ')', own.layersMsPerStep.toFixed(2), '']);
  rows.push(['speed-up of the own loop', (own.layersMsPerStep / own.ownMsPerStep).toFixed(1) + '×', 'goal ≥ 3×']);

  const two = await h.page.evaluate(() => window.nbHarness.sweep(2));
  const one = await h.page.evaluate(() => window.nbHarness.sweep(1));
  rows.push([`depth sweep, 12 runs × 400 steps, 2 workers (${two.backend})`, (two.ms / 1000).toFixed(1) + ' s', 'goal ≤ 20 s']);
  rows.push([`depth sweep, 12 runs × 400 steps, 1 worker (${one.backend})`, (one.ms / 1000).toFixed(1) + ' s', '']);
  rows.push(['two workers vs one', (one.ms / two.ms).toFixed(2) + '×', '']);

  // The chapter page: a cold click on Train (worker not loaded yet).
  const cold = await coldRun(h, '/en/resnet-principles/#degradation-lab', 'degradation-lab');
  const firstLoss = Number(cold.dataset.firstLossMs);
  const longTasks = cold.longTasks;
  rows.push(['cold latency, Train → first plotted loss', firstLoss + ' ms', 'goal ≤ 1000 ms']);
  rows.push(['main-thread long tasks > 50 ms during a default run', longTaskCell(longTasks), 'goal 0']);
} finally {
  await h.close();
}
const worker = readdirSync('dist/_astro').find((f) => /^degradation\.worker-.*\.js$/.test(f));
if (worker) {
  const buf = readFileSync('dist/_astro/' + worker);
  rows.push(['training worker bundle (raw / gzip -9)', `${(buf.length / 1024).toFixed(0)} KB / ${(gzipSync(buf, { level: 9 }).length / 1024).toFixed(0)} KB`, 'goal ≤ 200 KB gz']);
}
const wasm = readdirSync('dist/_astro').find((f) => /tfjs-backend-wasm-simd-.*\.wasm$/.test(f));
if (wasm) {
  const buf = readFileSync('dist/_astro/' + wasm);
  rows.push(['WASM SIMD binary (raw / gzip -9), loaded once', `${(buf.length / 1024).toFixed(0)} KB / ${(gzipSync(buf, { level: 9 }).length / 1024).toFixed(0)} KB`, '']);
}
sections['degradation lab'] = rows;

// ── cnn-trainer, pages ─────────────────────────────────────────────────────────────────────────
sections['cnn-trainer'] = await benchCnn();
const { benchBlockVariants } = await import('./bench-block-variants.mjs');
sections['block-variants (why-residuals-work)'] = await benchBlockVariants();
sections['lesion-study and loss-landscape (why-residuals-work)'] = await benchWhy();
sections['pages (phone viewport, served compressed)'] = await benchPages();

// ── lighthouse ─────────────────────────────────────────────────────────────────────────────────
let lighthouse;
if (withLighthouse) {
  spawnSync(process.execPath, ['scripts/lighthouse.mjs', ...lighthouseArgs], { stdio: 'inherit' });
  if (existsSync('bench/lighthouse.json')) lighthouse = JSON.parse(readFileSync('bench/lighthouse.json', 'utf8'));
}

// ── report ─────────────────────────────────────────────────────────────────────────────────────
const table = (rows) => ['| measure | value | goal |', '|---|---|---|', ...rows.map(([k, v, g]) => `| ${k} | ${v} | ${g} |`)].join('\n');
const md = [
  `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'CPU'}), load average ${load} (1 / 5 / 15 min), headless Chromium, WASM backend.`,
  ...Object.entries(sections).flatMap(([name, rows]) => ['', `**${name}**`, '', table(rows)]),
  ...(lighthouse
    ? [
        '',
        `**Lighthouse** (mobile, median of ${lighthouse.runs}; CPU slowdown calibrated to the host, see \`scripts/lighthouse.mjs\`)`,
        '',
        '| page | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS | host index / CPU × |',
        '|---|---|---|---|---|---|---|---|---|',
        ...lighthouse.results.map((r) => `| ${r.path} | ${r.performance} | ${r.accessibility} | ${r['best-practices']} | ${r.seo} | ${r.lcpMs} | ${r.tbtMs} | ${r.cls} | ${r.benchmarkIndex} / ${r.cpuSlowdown}× |`),
      ]
    : []),
].join('\n');
console.log('\n' + md);
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify({ at: startedAt.toISOString(), loadAverage: loadavg(), cores: cpus().length, sections, lighthouse }, null, 2) + '\n');
writeFileSync('bench/results.md', md + '\n');
const readme = readFileSync('README.md', 'utf8');
const marked = /(<!-- bench:start -->)[\s\S]*?(<!-- bench:end -->)/;
if (marked.test(readme)) {
  writeFileSync('README.md', readme.replace(marked, `$1\n${md}\n$2`));
  console.log('\nREADME.md: the bench section now shows this run.');
}
