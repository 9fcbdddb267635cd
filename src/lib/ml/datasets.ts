import { createRng, type Rng } from './prng.ts';

/** Names of the built-in 2-D classification datasets. */
export const datasetNames = ['spiral', 'moons', 'circles', 'xor'] as const;
export type DatasetName = (typeof datasetNames)[number];

/**
 * A labelled 2-D point set. Points are grouped by class (class 0 first); training code shuffles.
 * All generators place the points roughly inside [-1, 1]² (unitless coordinates).
 */
export interface Dataset {
  readonly name: DatasetName;
  /** Number of points N. */
  readonly n: number;
  /** Input dimension (always 2 here). */
  readonly inputDim: 2;
  /** Number of classes C; labels are 0 … C−1. */
  readonly classes: number;
  /** Coordinates, row-major [N, 2]: point i is (x[2i], x[2i+1]). */
  readonly x: Float32Array;
  /** Class labels [N], int in [0, C). */
  readonly y: Int32Array;
}

export interface DatasetOptions {
  /** Number of points N (≥ number of classes). Default 1000. */
  n?: number;
  /** Seed of the point positions and noise. Default 0. */
  seed?: number;
  /**
   * Noise level; its meaning depends on the dataset. spiral: std of the angle jitter in radians
   * (default 0.2, as in the CS231n spiral); moons, circles, xor: std of Gaussian jitter of each
   * coordinate in output units (defaults 0.1, 0.05, 0.05).
   */
  noise?: number;
}

const defaultNoise: Record<DatasetName, number> = { spiral: 0.2, moons: 0.1, circles: 0.05, xor: 0.05 };
const classCount: Record<DatasetName, number> = { spiral: 3, moons: 2, circles: 2, xor: 2 };

/** Number of classes of a data set (spiral 3, the others 2). */
export const datasetClasses = (name: DatasetName): number => classCount[name];

/** Cross-entropy of a uniform guess over the data set's C classes: ln C nats (the "random guess" line of the loss charts). */
export const chanceLoss = (name: DatasetName): number => Math.log(classCount[name]);

/** How many of `n` points belong to class k of `classes`: n split as evenly as possible (first classes get the remainder). */
export function classSize(n: number, classes: number, k: number): number {
  return Math.floor(n / classes) + (k < n % classes ? 1 : 0);
}

type PointFn = (rng: Rng, k: number, i: number, count: number, noise: number) => [number, number];

/**
 * Three-arm spiral (CS231n): arm k has radius r = i/(m−1) ∈ [0, 1] and angle
 * t = 4k + 4r + N(0, noise²), point (r·sin t, r·cos t).
 */
const spiralPoint: PointFn = (rng, k, i, count, noise) => {
  const r = count > 1 ? i / (count - 1) : 0;
  const t = 4 * k + 4 * r + rng.normal(0, noise);
  return [r * Math.sin(t), r * Math.cos(t)];
};

/**
 * Two interleaved half circles (scikit-learn's make_moons), scaled and centred into [-1, 1]²:
 * upper moon (cos s, sin s), lower moon (1 − cos s, ½ − sin s), s evenly in [0, π], then
 * ((x − ½)/1.5, (y − ¼)/1.5) plus N(0, noise²) per coordinate.
 */
const moonsPoint: PointFn = (rng, k, i, count, noise) => {
  const s = count > 1 ? (Math.PI * i) / (count - 1) : 0;
  const [px, py] = k === 0 ? [Math.cos(s), Math.sin(s)] : [1 - Math.cos(s), 0.5 - Math.sin(s)];
  return [(px - 0.5) / 1.5 + rng.normal(0, noise), (py - 0.25) / 1.5 + rng.normal(0, noise)];
};

/** Two concentric circles (make_circles): class 0 radius 1, class 1 radius ½, uniform random angle, plus N(0, noise²). */
const circlesPoint: PointFn = (rng, k, _i, _count, noise) => {
  const radius = k === 0 ? 1 : 0.5;
  const a = rng.uniformRange(0, 2 * Math.PI);
  return [radius * Math.cos(a) + rng.normal(0, noise), radius * Math.sin(a) + rng.normal(0, noise)];
};

/**
 * XOR quadrants: uniform in [-1, 1]², class 0 where x·y > 0 (quadrants I, III), class 1
 * where x·y < 0, then N(0, noise²) jitter (the label is decided before the jitter).
 */
const xorPoint: PointFn = (rng, k, _i, _count, noise) => {
  const u = rng.uniformRange(0, 1);
  const v = rng.uniformRange(0, 1);
  const signX = rng.uniform() < 0.5 ? 1 : -1;
  const signY = k === 0 ? signX : -signX;
  return [signX * u + rng.normal(0, noise), signY * v + rng.normal(0, noise)];
};

const pointFns: Record<DatasetName, PointFn> = {
  spiral: spiralPoint,
  moons: moonsPoint,
  circles: circlesPoint,
  xor: xorPoint,
};

/**
 * Generates a dataset from a seed; the same (name, options) always gives the same points.
 * Classes are balanced: their sizes differ by at most one.
 * @example makeDataset('spiral', { n: 1000, seed: 0 }) // 3 classes of 334, 333, 333 points
 */
export function makeDataset(name: DatasetName, options: DatasetOptions = {}): Dataset {
  const { n = 1000, seed = 0, noise = defaultNoise[name] } = options;
  const classes = classCount[name];
  if (!Number.isInteger(n) || n < classes) throw new RangeError(`makeDataset: n must be an integer ≥ ${classes}, got ${n}`);
  if (!(noise >= 0)) throw new RangeError(`makeDataset: noise must be ≥ 0, got ${noise}`);
  const rng = createRng(seed);
  const x = new Float32Array(2 * n);
  const y = new Int32Array(n);
  const pointFn = pointFns[name];
  let row = 0;
  for (let k = 0; k < classes; k++) {
    const count = classSize(n, classes, k);
    for (let i = 0; i < count; i++, row++) {
      const [px, py] = pointFn(rng, k, i, count, noise);
      x[2 * row] = px;
      x[2 * row + 1] = py;
      y[row] = k;
    }
  }
  return { name, n, inputDim: 2, classes, x, y };
}

/** Axis-aligned bounds of a plane region (unitless data coordinates). */
export interface Extent {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The bounding box of a dataset's points, grown by `margin` × its larger side on every edge. */
export function datasetExtent(data: Dataset, margin = 0.1): Extent {
  let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
  for (let i = 0; i < data.n; i++) {
    const px = data.x[2 * i]!, py = data.x[2 * i + 1]!;
    if (px < xMin) xMin = px;
    if (px > xMax) xMax = px;
    if (py < yMin) yMin = py;
    if (py > yMax) yMax = py;
  }
  const pad = margin * Math.max(xMax - xMin, yMax - yMin);
  return { xMin: xMin - pad, xMax: xMax + pad, yMin: yMin - pad, yMax: yMax + pad };
}
