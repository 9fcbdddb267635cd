// `npm run record`: trains the degradation lab's default state (both nets at the default depth,
// and the depth sweep) with the site's own workers in headless Chromium, and writes the result to
// src/widgets/degradation-lab/recorded.json, which ships with the site so the curves are on
// screen before any click. Rebuild afterwards (npm run build).
import { writeFileSync } from 'node:fs';
import { openHarness } from './harness-browser.mjs';

const h = await openHarness(4381);
try {
  const t0 = Date.now();
  const recording = await h.page.evaluate(() => window.nbHarness.record());
  recording.recordedWith = 'npm run record';
  const out = 'src/widgets/degradation-lab/recorded.json';
  writeFileSync(out, JSON.stringify(recording) + '\n');
  console.log(`recorded on ${recording.backend} in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${out}`);
  for (const r of recording.runs) console.log(`  ${r.arch.padEnd(8)} depth ${r.depth}: loss ${r.finalLoss.toFixed(4)}, accuracy ${r.finalAccuracy.toFixed(4)}`);
  for (const r of recording.sweep) console.log(`  sweep ${r.arch.padEnd(8)} depth ${String(r.depth).padStart(2)}: loss ${r.finalLoss.toFixed(4)}`);
} finally {
  await h.close();
}
