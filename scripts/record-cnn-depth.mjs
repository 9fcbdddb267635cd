// `npm run record:cnn-depth`: trains the cnn-depth lab's default settings at every depth (8–56
// layers, plain and residual: 12 runs on two workers) with the site's own worker in headless
// Chromium (WASM backend), and writes src/widgets/cnn-depth-lab/recorded.json (curves and final
// errors) and recorded-features.json (feature maps of the 56-layer pair, one test digit per
// class), which ship with the site so He et al.'s Fig. 6 is on screen before any click. Takes
// ~15 min on an idle 2-core machine. Rebuild afterwards (npm run build).
import { writeFileSync } from 'node:fs';
import { openHarness } from './harness-browser.mjs';

const h = await openHarness(4407);
h.page.on('console', (m) => console.log('  ' + m.text()));
try {
  const t0 = Date.now();
  const { recording, features } = await h.page.evaluate(() => window.nbCnnDepthHarness.record());
  writeFileSync('src/widgets/cnn-depth-lab/recorded.json', JSON.stringify(recording) + '\n');
  writeFileSync('src/widgets/cnn-depth-lab/recorded-features.json', JSON.stringify(features) + '\n');
  console.log(`recorded on ${recording.backend} in ${((Date.now() - t0) / 60000).toFixed(1)} min`);
  console.log('| net | layers | steps | training error | test error | ms/step |\n|---|---|---|---|---|---|');
  for (const r of recording.runs) console.log(`| ${r.arch} | ${r.layers} | ${r.steps} | ${(100 * r.trainError).toFixed(2)} % | ${(100 * r.testError).toFixed(2)} % | ${r.msPerStep} |`);
} finally {
  await h.close();
}
