import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { classCounts, decodeDigitSubset } from '../../lib/ml/mnist-subset';

// The data file written by scripts/make-mnist.mjs (npm run data), as the cnn-trainer's worker reads it.
const file = readFileSync('src/data/mnist/mnist-subset.bin');
const data = decodeDigitSubset(gunzipSync(file));

describe('the shipped MNIST subset (src/data/mnist/mnist-subset.bin)', () => {
  it('is a gzip file under 1 MB holding 5,000 training and 1,000 test digits of 28×28', () => {
    expect([file[0], file[1]]).toEqual([0x1f, 0x8b]);
    expect(file.length).toBeLessThan(1_000_000);
    expect([data.rows, data.cols, data.classes]).toEqual([28, 28, 10]);
    expect(data.train.n).toBe(5000);
    expect(data.test.n).toBe(1000);
    expect(data.train.images.length).toBe(5000 * 784);
    expect(data.test.labels.length).toBe(1000);
  });

  it('is class-balanced: 500 training and 100 test digits of every class 0–9', () => {
    expect(classCounts(data.train)).toEqual(new Array(10).fill(500));
    expect(classCounts(data.test)).toEqual(new Array(10).fill(100));
  });

  it('stores pixels as uint8 spanning 0–255, mostly background, every digit with ink', () => {
    for (const split of [data.train, data.test]) {
      let min = 255, max = 0, zeros = 0;
      for (const v of split.images) {
        if (v < min) min = v;
        if (v > max) max = v;
        if (v === 0) zeros++;
      }
      expect([min, max]).toEqual([0, 255]);
      expect(zeros / split.images.length).toBeGreaterThan(0.7);
      for (let i = 0; i < split.n; i++) {
        const ink = split.images.subarray(i * 784, (i + 1) * 784).reduce((a, b) => a + b, 0);
        expect(ink).toBeGreaterThan(255 * 20);
      }
    }
  });

  it('has disjoint training and test splits and no repeated image within a split', () => {
    const key = (s: typeof data.train, i: number) => Buffer.from(s.images.subarray(i * 784, (i + 1) * 784)).toString('base64');
    const trainKeys = new Set(Array.from({ length: data.train.n }, (_, i) => key(data.train, i)));
    expect(trainKeys.size).toBe(data.train.n);
    const testKeys = new Set(Array.from({ length: data.test.n }, (_, i) => key(data.test, i)));
    expect(testKeys.size).toBe(data.test.n);
    for (const k of testKeys) expect(trainKeys.has(k)).toBe(false);
  });

  it('is shuffled: the first 1,000 training digits (the tracked sample) hold every class', () => {
    const first = { n: 1000, images: data.train.images.subarray(0, 784000), labels: data.train.labels.subarray(0, 1000) };
    for (const c of classCounts(first)) expect(c).toBeGreaterThan(70);
  });
});
