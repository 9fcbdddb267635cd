// `npm run record:lesion`: trains the lesion study's default state (plain and residual) with the
// site's own worker in headless Chromium, deletes blocks and measures path gradients exactly as a
// reader's click does, and writes src/widgets/lesion-study/recorded.json, which ships with the
// site so the results are on screen before any click. Rebuild afterwards (npm run build).
import { writeFileSync } from 'node:fs';
import { openHarness } from './harness-browser.mjs';

const h = await openHarness(4418);
try {
  await h.page.waitForFunction(() => 'nbLesionHarness' in window);
  const recording = await h.page.evaluate(() => window.nbLesionHarness.record());
  recording.recordedWith = 'npm run record:lesion';
  const out = 'src/widgets/lesion-study/recorded.json';
  writeFileSync(out, JSON.stringify(recording) + '\n');
  console.log(`recorded on ${recording.backend} in ${(recording.ms / 1000).toFixed(1)} s → ${out}`);
  for (const [arch, net] of Object.entries(recording.nets)) {
    console.log(`  ${arch.padEnd(8)} train ${net.trainAccuracy.toFixed(4)}, held-out ${net.testAccuracy.toFixed(4)}; ${net.msPerStep.toFixed(2)} ms/step`);
    console.log(`    k deleted → mean accuracy: ${net.curve.map((p) => `${p.k}: ${p.mean.toFixed(3)}`).join(', ')}`);
    if (net.effective) console.log(`    effective paths: lengths ${net.effective.from}–${net.effective.to} (${(100 * net.effective.share).toFixed(1)} % of the gradient)`);
  }
} finally {
  await h.close();
}
