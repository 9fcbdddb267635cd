// `npm run record:landscape`: trains the loss-landscape widget's nets at each recorded depth (other
// settings at their defaults) with the site's own worker in headless Chromium, evaluates the line,
// the slice and the curvature exactly as a reader's click does, and writes
// src/widgets/loss-landscape/recorded.json. Rebuild afterwards (npm run build).
import { writeFileSync } from 'node:fs';
import { openHarness } from './harness-browser.mjs';

const h = await openHarness(4419);
try {
  await h.page.waitForFunction(() => 'nbLandscapeHarness' in window);
  const t0 = Date.now();
  const recording = await h.page.evaluate(() => window.nbLandscapeHarness.record());
  recording.recordedWith = 'npm run record:landscape';
  const out = 'src/widgets/loss-landscape/recorded.json';
  writeFileSync(out, JSON.stringify(recording) + '\n');
  console.log(`recorded on ${recording.backend} in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${out}`);
  for (const d of recording.depths) {
    for (const [arch, n] of Object.entries(d.nets)) {
      const c = n.curvature;
      console.log(
        `  depth ${String(d.depth).padStart(2)} ${arch.padEnd(8)} loss ${n.trainLoss.toFixed(4)} acc ${n.trainAccuracy.toFixed(3)} | up-and-down ${n.roughness.upDown.toFixed(2)}, minima ${n.roughness.localMinima} | λmax ${c.max.toPrecision(4)} λmin ${c.min.toPrecision(4)} ratio ${c.ratio.toFixed(3)} | ${n.msPerPoint.toFixed(2)} ms/point`,
      );
    }
  }
} finally {
  await h.close();
}
