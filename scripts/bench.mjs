// `npm run bench`: the degradation lab's speed figures, measured in one run in headless Chromium
// on this machine (timings are only comparable within one run: the machine is shared).
//  1. ms/step at depth 32: the notebook's own training loop vs tfjs Layers trainOnBatch, same backend
//  2. wall time of the full depth sweep (2…64 × plain/residual, 400 steps): 2 workers vs 1 worker
//  3. cold latency from Train to the first plotted loss, on the real chapter page
//  4. main-thread long tasks (> 50 ms) while training on the chapter page
//  5. the training worker's bundle size, raw and gzipped
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { coldRun, longTaskCell, openHarness } from './harness-browser.mjs';
import { benchCnn } from './bench-cnn.mjs';
import { benchWhy } from './bench-why.mjs';

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
const w = Math.max(...rows.map((r) => r[0].length));
console.log('\n| measure | value | goal |\n|---|---|---|');
for (const [k, v, g] of rows) console.log(`| ${k.padEnd(w)} | ${v} | ${g} |`);

// ── cnn-trainer (chapter cnn-anatomy) ─────────────────────────────────────────────────────────
// Its own harness session and its own table: see scripts/bench-cnn.mjs.
await benchCnn();

// ── block-variants (chapter why-residuals-work) ───────────────────────────────────────────────
const { benchBlockVariants } = await import('./bench-block-variants.mjs');
await benchBlockVariants();

// ── lesion-study and loss-landscape (chapter why-residuals-work): scripts/bench-why.mjs ─────────
await benchWhy();
