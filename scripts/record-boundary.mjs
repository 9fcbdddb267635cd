// `npm run record` (also `npm run record:boundary`): trains the boundary lab's three learners with
// the default settings on every dataset, with the site's own workers in headless Chromium, and
// writes src/widgets/boundary-lab/recorded.json, which ships with the site so the maps, curves and
// tables are on screen before any click. Rebuild afterwards (npm run build).
import { writeFileSync } from 'node:fs';
import { openHarness } from './harness-browser.mjs';

const h = await openHarness(4382);
try {
  await h.page.waitForFunction(() => 'nbBoundaryHarness' in window);
  const { ms, ...recording } = await h.page.evaluate(() => window.nbBoundaryHarness.record());
  recording.recordedWith = 'npm run record';
  const out = 'src/widgets/boundary-lab/recorded.json';
  writeFileSync(out, JSON.stringify(recording) + '\n');
  console.log(`recorded on ${recording.backend} in ${(ms / 1000).toFixed(1)} s → ${out}`);
  for (const [dataset, runs] of Object.entries(recording.datasets))
    for (const r of runs) console.log(`  ${dataset.padEnd(8)} ${r.learner.padEnd(9)} loss ${r.finalLoss.toFixed(4)}, accuracy ${r.finalAccuracy.toFixed(4)}`);
} finally {
  await h.close();
}
