// The speed figures of the lesion-study and loss-landscape widgets (chapter why-residuals-work),
// measured in headless Chromium on this machine with the site's own workers; called by
// `npm run bench` after the other tables, or alone with `node scripts/bench-why.mjs` after a build.
// Timings are only comparable within one run (shared machine).
//  1. lesion study, default run (two nets, two workers): wall time and ms per training step
//  2. loss landscape: a 31 × 31 slice at depth 32 of both nets on two workers (goal ≤ 10 s), and
//     ms per slice point in each worker
//  3. a cold default run of each widget on its page: click → done, main-thread long tasks meanwhile
//  4. the two workers' bundle sizes
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { coldRun, longTaskCell, openHarness } from './harness-browser.mjs';

const dist = process.env.NB_OUT_DIR ?? 'dist';
/** The chapter page when it is built, else the widget's embed page. */
const pageOf = (id) => (existsSync(`${dist}/en/why-residuals-work/index.html`) ? `/en/why-residuals-work/?w=${id}#${id}` : `/en/embed/${id}/`);

export async function benchWhy(port = 4387) {
  const h = await openHarness(port);
  const rows = [];
  const s = (ms) => (ms / 1000).toFixed(1) + ' s';
  try {
    await h.page.waitForFunction(() => 'nbLesionHarness' in window && 'nbLandscapeHarness' in window);
    const lesion = await h.page.evaluate(() => window.nbLesionHarness.bench());
    rows.push([`lesion study, default run: 2 nets × (400 steps + lesions + paths), 2 workers (${lesion.backend})`, s(lesion.ms), '']);
    rows.push(['lesion study, ms per training step (plain / residual worker)', lesion.msPerStep.map((v) => v.toFixed(2)).join(' / '), '']);
    const slice = await h.page.evaluate(() => window.nbLandscapeHarness.bench(32));
    rows.push([`loss landscape, ${slice.resolution} × ${slice.resolution} slice at depth ${slice.depth}, both nets, 2 workers (${slice.backend})`, s(slice.sliceMs), 'goal ≤ 10 s']);
    rows.push(['loss landscape, ms per slice point (plain / residual worker)', slice.msPerPoint.map((v) => v.toFixed(2)).join(' / '), '']);
    for (const id of ['lesion-study', 'loss-landscape']) {
      const cold = await coldRun(h, pageOf(id), id);
      rows.push([`${id}: cold default run on its page, click → done`, s(Number(cold.dataset.runMs)), '']);
      rows.push([`${id}: main-thread long tasks > 50 ms during it`, longTaskCell(cold.longTasks), 'goal 0']);
    }
    // Control, in the same run: the degradation lab's default run (0 long tasks on a quiet machine).
    const control = await coldRun(h, '/en/resnet-principles/#degradation-lab', 'degradation-lab');
    rows.push(['control: degradation-lab default run, main-thread long tasks > 50 ms', longTaskCell(control.longTasks), '']);
  } finally {
    await h.close();
  }
  for (const name of ['lesion', 'landscape']) {
    const file = readdirSync(`${dist}/_astro`).find((f) => new RegExp(`^${name}\\.worker-.*\\.js$`).test(f));
    if (!file) continue;
    const buf = readFileSync(`${dist}/_astro/${file}`);
    rows.push([`${name} worker bundle (raw / gzip -9)`, `${(buf.length / 1024).toFixed(0)} KB / ${(gzipSync(buf, { level: 9 }).length / 1024).toFixed(0)} KB`, '']);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchWhy();
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log('\n### lesion-study and loss-landscape\n\n| measure | value | goal |\n|---|---|---|');
  for (const [k, v, g] of rows) console.log(`| ${k.padEnd(w)} | ${v} | ${g} |`);
}
