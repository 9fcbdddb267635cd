// `npm run record:cnn`: trains the cnn-trainer's default state with the site's own worker in
// headless Chromium (WASM backend) and writes src/widgets/cnn-trainer/recorded.json (curves,
// confusion matrices, ten sample test digits) and recorded-weights.bin (the trained CNN and
// logistic-regression weights, float32), which ship with the site so the widget shows a trained
// model before any click. Rebuild afterwards (npm run build).
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeDigitSubset } from '../src/lib/ml/mnist-subset.ts';
import { openHarness } from './harness-browser.mjs';

/** The first test digit of each class, [10, 784] uint8, base64. */
function samples() {
  const data = decodeDigitSubset(gunzipSync(readFileSync('src/data/mnist/mnist-subset.bin')));
  const out = new Uint8Array(10 * 784);
  for (let d = 0; d < 10; d++) {
    const i = data.test.labels.indexOf(d);
    out.set(data.test.images.subarray(i * 784, (i + 1) * 784), d * 784);
  }
  return Buffer.from(out).toString('base64');
}

const h = await openHarness(4383);
try {
  const t0 = Date.now();
  const { recording, weights } = await h.page.evaluate(() => window.nbCnnHarness.record());
  recording.samples = samples();
  recording.recordedWith = 'npm run record:cnn';
  writeFileSync('src/widgets/cnn-trainer/recorded.json', JSON.stringify(recording) + '\n');
  const bin = Buffer.from(weights, 'base64');
  writeFileSync('src/widgets/cnn-trainer/recorded-weights.bin', bin);
  const last = recording.curve.at(-1);
  console.log(`recorded on ${recording.backend} in ${((Date.now() - t0) / 1000).toFixed(1)} s (${recording.msPerEpoch} ms per epoch)`);
  console.log(`  CNN: train ${last.train.toFixed(3)}, test ${last.test.toFixed(3)}; logistic regression: train ${last.logisticTrain?.toFixed(3)}, test ${last.logisticTest?.toFixed(3)}`);
  console.log(`  weights: ${bin.length} bytes → src/widgets/cnn-trainer/recorded-weights.bin`);
} finally {
  await h.close();
}
