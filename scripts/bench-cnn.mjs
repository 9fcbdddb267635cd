// The cnn-trainer's speed figures (chapter cnn-anatomy), measured in headless Chromium on this
// machine with the site's own worker; called by `npm run bench` after the degradation lab's table,
// or alone with `npm run bench:cnn`. Timings are only comparable within one run (shared machine).
//  1. the default run (4 epochs of 5,000 digits, batch 32, WASM): ms per epoch, wall time until the
//     test accuracy first reaches 95 %, final test accuracy
//  2. the conv-gradient methods compared (ms per epoch, extrapolated from a short run): on WASM
//     fwd-conv / im2col / conv3d / col2im (tfjs's own gradient has no WASM kernel); on the CPU
//     backend conv3d / fwd-conv / tfjs's own gradient (autodiff)
//  3. a cold 1-epoch run on the chapter page: click → done, and main-thread long tasks meanwhile
//  4. sizes: the shipped digits, the recorded weights, the worker bundle
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { coldRun, longTaskCell, openHarness } from './harness-browser.mjs';

const dist = process.env.NB_OUT_DIR ?? 'dist';

export async function benchCnn(port = 4385) {
  const h = await openHarness(port);
  const rows = [];
  const s = (ms) => (ms / 1000).toFixed(1) + ' s';
  try {
    const run = await h.page.evaluate(() => window.nbCnnHarness.bench('fwd-conv', 'wasm'));
    rows.push([`ms per epoch, default run (${run.backend}, fwd-conv, batch 32)`, run.msPerEpoch.toFixed(0), 'goal ≤ 10,000']);
    rows.push(['time to test accuracy ≥ 95 % (from the first step)', run.msTo95 === undefined ? 'not reached' : s(run.msTo95), '']);
    rows.push(['test accuracy after the default run (4 epochs)', (100 * run.finalTest).toFixed(1) + ' %', 'goal ≥ 95 %']);
    rows.push(['wall time of the default run (incl. evaluations, data load)', s(run.wallMs), '']);

    const methods = [
      ['fwd-conv', 'wasm', 80],
      ['im2col', 'wasm', 40],
      ['conv3d', 'wasm', 40],
      ['col2im', 'wasm', 10],
      ['conv3d', 'cpu', 10],
      ['fwd-conv', 'cpu', 5],
      ['autodiff', 'cpu', 5],
    ];
    for (const [method, backend, steps] of methods) {
      const r = await h.page.evaluate(([m, b, n]) => window.nbCnnHarness.bench(m, b, n), [method, backend, steps]);
      rows.push([`conv gradient: ${method} on ${r.backend} (ms per epoch, from ${steps} steps)`, r.msPerEpoch.toFixed(0), '']);
    }
    rows.push(['conv gradient: autodiff on wasm', 'n/a', 'no Conv2DBackpropFilter kernel']);

    const cold = await coldRun(h, '/en/cnn-anatomy/?w=cnn-trainer&epochs=1#cnn-trainer', 'cnn-trainer');
    const total = Number(cold.dataset.totalMs);
    const longTasks = cold.longTasks;
    rows.push(['cold 1-epoch run on the chapter page, click → done', s(total), '']);
    rows.push(['main-thread long tasks > 50 ms during it', longTaskCell(longTasks), 'goal 0']);
  } finally {
    await h.close();
  }

  const data = readFileSync('src/data/mnist/mnist-subset.bin');
  rows.push(['shipped digits (5,000 + 1,000, uint8), gzip file / inflated', `${data.length} B / ${gunzipSync(data).length} B`, '']);
  rows.push(['recorded weights (CNN + logistic regression, float32)', `${statSync('src/widgets/cnn-trainer/recorded-weights.bin').size} B`, '']);
  const worker = readdirSync(`${dist}/_astro`).find((f) => /^cnn\.worker-.*\.js$/.test(f));
  if (worker) {
    const buf = readFileSync(`${dist}/_astro/${worker}`);
    rows.push(['cnn training worker bundle (raw / gzip -9)', `${(buf.length / 1024).toFixed(0)} KB / ${(gzipSync(buf, { level: 9 }).length / 1024).toFixed(0)} KB`, '']);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchCnn();
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log('\n### cnn-trainer\n\n| measure | value | goal |\n|---|---|---|');
  for (const [k, v, g] of rows) console.log(`| ${k.padEnd(w)} | ${v} | ${g} |`);
}
