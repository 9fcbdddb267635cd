// `npm run record:block-variants` (also part of `npm run record`): trains every block variant of
// He et al. 2016 (the gated ones at b_g = 0 and −6) with the block-variants widget's default
// settings, for seeds 0–4, with the site's own worker in headless Chromium, and writes
// src/widgets/block-variants/recorded.json, which ships with the site: the widget's curves and
// table before any click, and the chapter's comparison with the paper. Rebuild afterwards.
import { writeFileSync } from 'node:fs';
import { openHarness } from './harness-browser.mjs';

const h = await openHarness(4384);
try {
  await h.page.waitForFunction(() => 'nbBlockVariantsHarness' in window);
  const recording = await h.page.evaluate(() => window.nbBlockVariantsHarness.record());
  recording.recordedWith = 'npm run record:block-variants';
  const out = 'src/widgets/block-variants/recorded.json';
  writeFileSync(out, JSON.stringify(recording) + '\n');
  console.log(`recorded ${recording.runs.length} runs on ${recording.backend} in ${(recording.ms / 1000).toFixed(1)} s → ${out}`);
  for (const r of recording.runs.filter((r) => r.seed === recording.seeds[0])) {
    const name = r.gateBias === null ? r.variant : `${r.variant} (b_g ${r.gateBias})`;
    console.log(`  ${name.padEnd(28)} ${r.final ? `train loss ${r.final.loss.toFixed(4)}, test accuracy ${r.final.testAccuracy.toFixed(4)}` : `diverged at ${r.diverged?.atStep}`}`);
  }
} finally {
  await h.close();
}
