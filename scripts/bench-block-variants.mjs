// The block-variants widget's speed figures (chapter why-residuals-work), one harness session,
// a section of `npm run bench`'s report (timings are comparable only within one run):
//  1. wall time of the default comparison (the default variants × 400 steps at depth 32, 2 workers)
//  2. ms/step of every variant at depth 32 (100 steps each, one worker), and its ratio to the original
//  3. ms/step of the original at depths 8, 16, 32 and 64
//  4. a cold run on the chapter page: Train → first plotted loss, and main-thread long tasks
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { coldRun, longTaskCell, openHarness } from './harness-browser.mjs';

export async function benchBlockVariants() {
  const h = await openHarness(4386);
  const rows = [];
  try {
    await h.page.waitForFunction(() => 'nbBlockVariantsHarness' in window);
    const b = await h.page.evaluate(() => window.nbBlockVariantsHarness.bench());
    const c = b.comparison;
    rows.push([`default comparison: ${c.variants.length} variants × ${c.steps} steps, depth ${c.depth}, 2 workers (${b.backend})`, (c.wallMs / 1000).toFixed(1) + ' s', '']);
    const base = b.variants.find((v) => v.variant === 'original').msPerStep;
    for (const v of b.variants) rows.push([`ms/step at depth ${c.depth}: ${v.variant}`, v.msPerStep.toFixed(2), `${(v.msPerStep / base).toFixed(2)}× original`]);
    for (const d of b.depths) rows.push([`ms/step, original, depth ${d.depth}`, d.msPerStep.toFixed(2), '']);
    const cold = await coldRun(h, '/en/why-residuals-work/#block-variants', 'block-variants');
    rows.push(['cold latency, Train → first plotted loss', cold.dataset.firstLossMs + ' ms', 'goal ≤ 1000 ms']);
    rows.push(['main-thread long tasks > 50 ms during a default run', longTaskCell(cold.longTasks), 'goal 0']);
  } finally {
    await h.close();
  }
  const worker = readdirSync('dist/_astro').find((f) => /^block-variants\.worker-.*\.js$/.test(f));
  if (worker) {
    const buf = readFileSync('dist/_astro/' + worker);
    rows.push(['block-variants worker bundle (raw / gzip -9)', `${(buf.length / 1024).toFixed(0)} KB / ${(gzipSync(buf, { level: 9 }).length / 1024).toFixed(0)} KB`, 'goal ≤ 200 KB gz']);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchBlockVariants();
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log('\n### block-variants (why-residuals-work)\n\n| measure | value | note |\n|---|---|---|');
  for (const [k, v, g] of rows) console.log(`| ${k.padEnd(w)} | ${v} | ${g} |`);
}
