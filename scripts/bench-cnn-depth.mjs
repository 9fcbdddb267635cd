// The cnn-depth lab's speed figures (chapter case-studies/resnet), in headless Chromium with the
// site's own workers; called by `npm run bench`, or alone with `npm run bench:cnn-depth`. Timings
// are only comparable within one run (shared machine).
//  1. ms per iteration of plain-56 and ResNet-56 at the default width (WASM, one worker, 20
//     iterations each), tfjs tensors after each evaluation (constant = no leak), WASM heap
//  2. the hand-written training step against tfjs autodiff (tf.variableGrads + tf.train.momentum),
//     same net (20 layers), same backend (CPU: tfjs has no WASM kernel for the convolution's
//     filter gradient), same worker, 3 steps each
//  3. the default run (the pair one click trains) cold on the chapter page: click → first plotted
//     point, click → first point after training began, click → done, main-thread long tasks meanwhile
//  4. the training worker's bundle size
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { coldRun, longTaskCell, openHarness } from './harness-browser.mjs';

const dist = process.env.NB_OUT_DIR ?? 'dist';

export async function benchCnnDepth(port = 4386) {
  const h = await openHarness(port);
  const rows = [];
  const s = (ms) => (ms / 1000).toFixed(1) + ' s';
  try {
    for (const arch of ['plain', 'residual']) {
      const r = await h.page.evaluate((a) => window.nbCnnDepthHarness.speed(a, 56, 20), arch);
      const constant = new Set(r.tensorCounts).size === 1;
      rows.push([`${arch}-56, ms per iteration (${r.backend}, width 8, 14×14, batch 128)`, r.msPerStep.toFixed(0), '']);
      rows.push([`${arch}-56, tfjs tensors after each evaluation`, `${r.tensorCounts.join(', ')}${constant ? ' (constant)' : ' (GROWING)'}`, 'constant']);
      if (r.wasmHeapBytes) rows.push([`${arch}-56, worker WASM heap`, `${(r.wasmHeapBytes / 2 ** 20).toFixed(0)} MB`, '']);
    }
    const ad = await h.page.evaluate(() => window.nbCnnDepthHarness.autodiff('residual', 20, 3, 'cpu'));
    rows.push([`ResNet-20, ms per step on ${ad.backend}: hand-written backward / tfjs autodiff`, `${ad.handMsPerStep.toFixed(0)} / ${ad.autodiffMsPerStep?.toFixed(0) ?? ad.autodiffError}`, '']);
    if (ad.autodiffMsPerStep) rows.push(['speed-up of the hand-written step over autodiff (same run)', `${(ad.autodiffMsPerStep / ad.handMsPerStep).toFixed(2)}×`, '']);
    const cold = await coldRun(h, '/en/case-studies/resnet/#cnn-depth-lab', 'cnn-depth-lab');
    rows.push(['default run (plain-20 + ResNet-20, 160 iterations), click → first plotted point (errors of the initialised nets, iteration 0)', s(Number(cold.dataset.firstLossMs)), 'goal ≤ 2 s']);
    rows.push(['default run, click → first point after training began (errors after iteration 3)', s(Number(cold.dataset.firstTrainedMs)), '']);
    rows.push(['default run, click → done', s(Number(cold.dataset.runMs)), 'goal ≤ 60 s']);
    rows.push(['main-thread long tasks > 50 ms during it', longTaskCell(cold.longTasks), 'goal 0']);
  } finally {
    await h.close();
  }
  const worker = readdirSync(`${dist}/_astro`).find((f) => /^cnn-depth\.worker-.*\.js$/.test(f));
  if (worker) {
    const buf = readFileSync(`${dist}/_astro/${worker}`);
    rows.push(['cnn-depth training worker bundle (raw / gzip -9)', `${(buf.length / 1024).toFixed(0)} KB / ${(gzipSync(buf, { level: 9 }).length / 1024).toFixed(0)} KB`, '']);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v, g] of await benchCnnDepth()) console.log(`| ${k} | ${v} | ${g} |`);
}
