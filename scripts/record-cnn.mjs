// `npm run record:cnn`: trains the cnn-trainer's default state with the site's own worker in
// headless Chromium (WASM backend) and writes src/widgets/cnn-trainer/recorded.json (curves,
// confusion matrices, ten sample test digits) and recorded-weights.bin (the trained CNN and
// logistic-regression weights, float32), which ship with the site so the widget shows a trained
// model before any click. Rebuild afterwards (npm run build).
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeDigitSubset } from '../src/lib/ml/mnist-subset.ts';
import { softmaxRegressionProbabilities, tinyCnnTrace } from '../src/lib/ml/tiny-cnn-reference.ts';
import { openHarness } from './harness-browser.mjs';

/** The first test digit of each class, [10, 784] uint8. */
function samples() {
  const data = decodeDigitSubset(gunzipSync(readFileSync('src/data/mnist/mnist-subset.bin')));
  const out = new Uint8Array(10 * 784);
  for (let d = 0; d < 10; d++) {
    const i = data.test.labels.indexOf(d);
    out.set(data.test.images.subarray(i * 784, (i + 1) * 784), d * 784);
  }
  return out;
}

const round = (v) => Number(v.toFixed(5));

const h = await openHarness(4383);
try {
  const t0 = Date.now();
  const { recording, weights } = await h.page.evaluate(() => window.nbCnnHarness.record());
  const bin = Buffer.from(weights, 'base64');
  const all = new Float32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length));
  const cnn = all.subarray(0, recording.weightCounts.cnn);
  const logistic = all.subarray(recording.weightCounts.cnn);
  const { filters1: c1, filters2: c2 } = recording.state;
  // The build-time tables: first-layer filters, and the sample digits' class probabilities.
  recording.filters = Array.from({ length: c1 }, (_, k) => [...Array.from({ length: 9 }, (_, i) => round(cnn[i * c1 + k])), round(cnn[9 * c1 + k])]);
  const digits = samples();
  const pixels = (d) => Float32Array.from(digits.subarray(d * 784, (d + 1) * 784), (v) => v / 255);
  recording.predictions = {
    cnn: Array.from({ length: 10 }, (_, d) => Array.from(tinyCnnTrace(cnn, pixels(d), c1, c2).probabilities, round)),
    logistic: Array.from({ length: 10 }, (_, d) => (logistic.length ? Array.from(softmaxRegressionProbabilities(logistic, pixels(d)), round) : [])),
  };
  recording.samples = Buffer.from(digits).toString('base64');
  recording.recordedWith = 'npm run record:cnn';
  writeFileSync('src/widgets/cnn-trainer/recorded.json', JSON.stringify(recording) + '\n');
  writeFileSync('src/widgets/cnn-trainer/recorded-weights.bin', bin);
  const last = recording.curve.at(-1);
  console.log(`recorded on ${recording.backend} in ${((Date.now() - t0) / 1000).toFixed(1)} s (${recording.msPerEpoch} ms per epoch)`);
  console.log(`  CNN: train ${last.train.toFixed(3)}, test ${last.test.toFixed(3)}; logistic regression: train ${last.logisticTrain?.toFixed(3)}, test ${last.logisticTest?.toFixed(3)}`);
  console.log(`  weights: ${bin.length} bytes → src/widgets/cnn-trainer/recorded-weights.bin`);
} finally {
  await h.close();
}
