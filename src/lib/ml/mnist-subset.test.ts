import { describe, expect, it } from 'vitest';
import { decodeDigitSubset, digitPixels, encodeDigitSubset } from './mnist-subset.ts';

describe('encodeDigitSubset / decodeDigitSubset', () => {
  const tiny = {
    rows: 2,
    cols: 2,
    classes: 10,
    train: { n: 2, images: Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 255]), labels: Uint8Array.from([7, 1]) },
    test: { n: 1, images: Uint8Array.from([9, 8, 7, 6]), labels: Uint8Array.from([3]) },
  };

  it('round-trips a subset', () => {
    const back = decodeDigitSubset(encodeDigitSubset(tiny));
    expect(back.train.labels).toEqual(tiny.train.labels);
    expect(back.train.images).toEqual(tiny.train.images);
    expect(back.test.images).toEqual(tiny.test.images);
    expect([back.rows, back.cols, back.test.n]).toEqual([2, 2, 1]);
  });

  it('rejects a wrong magic, version or length', () => {
    const bytes = encodeDigitSubset(tiny);
    expect(() => decodeDigitSubset(bytes.subarray(0, bytes.length - 1))).toThrow(/expected/);
    const badMagic = bytes.slice();
    badMagic[0] = 0;
    expect(() => decodeDigitSubset(badMagic)).toThrow(/magic/);
    const badVersion = bytes.slice();
    badVersion[4] = 9;
    expect(() => decodeDigitSubset(badVersion)).toThrow(/version/);
  });

  it('digitPixels scales an image to [0, 1]', () => {
    expect(Array.from(digitPixels(tiny.train, 1, 4))).toEqual(Array.from(Float32Array.from([4 / 255, 5 / 255, 6 / 255, 1])));
  });
});
