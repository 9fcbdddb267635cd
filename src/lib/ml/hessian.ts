import type { Rng } from './prng.ts';

/**
 * The extreme eigenvalues of a loss's Hessian H without forming it (P² numbers): only
 * Hessian-vector products Hv are needed (`LandscapeEvaluator.hessianVector`). Lanczos iteration —
 * power iteration that keeps every vector it has seen — gives both the largest and the most
 * negative eigenvalue from one run of a few dozen products, as Li et al. 2018 (Fig. 7) did with
 * implicitly restarted Lanczos.
 */

/** Hv for a vector v (length P). */
export type HessianVectorProduct = (v: Float64Array) => Float64Array;

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** Eigenvalues of a symmetric matrix (row-major n×n) by cyclic Jacobi rotations, ascending. */
export function symmetricEigenvalues(matrix: readonly number[], n: number): number[] {
  if (matrix.length !== n * n) throw new RangeError(`eigenvalues: ${matrix.length} entries for ${n}×${n}`);
  const a = Float64Array.from(matrix);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => a[i * n + i]!).sort((x, y) => x - y);
}

/** Result of a Lanczos run: the Ritz values (estimates of H's eigenvalues), smallest and largest. */
export interface ExtremeEigenvalues {
  min: number;
  max: number;
  /** All Ritz values, ascending. */
  ritz: number[];
  /** Hessian-vector products used. */
  products: number;
}

/**
 * Lanczos with full reorthogonalisation from a random start, one product at a time: the generator
 * yields each vector v to multiply, the caller sends back Hv (so it can pause between products),
 * and it returns the Ritz values after `steps` products. The extreme Ritz values approach H's
 * extreme eigenvalues from inside and converge first. Stops early if the Krylov space is exhausted.
 * @example
 * const run = lanczos(size, 20, rng);
 * let r = run.next();
 * while (!r.done) r = run.next(hvp(r.value));
 * const { min, max } = r.value;
 */
export function* lanczos(size: number, steps: number, rng: Rng): Generator<Float64Array, ExtremeEigenvalues, Float64Array> {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`lanczos: steps must be a positive integer, got ${steps}`);
  const last = Math.min(steps, size);
  const q: Float64Array[] = [];
  let v = Float64Array.from({ length: size }, () => rng.normal());
  let norm = Math.sqrt(dot(v, v));
  v = v.map((x) => x / norm);
  const alpha: number[] = [];
  const beta: number[] = [];
  for (let j = 0; j < last; j++) {
    q.push(v);
    const w = Float64Array.from(yield v);
    alpha.push(dot(w, v));
    // Full reorthogonalisation (twice is enough): keeps the Ritz values free of ghost copies.
    for (let pass = 0; pass < 2; pass++) {
      for (const qi of q) {
        const c = dot(w, qi);
        for (let i = 0; i < size; i++) w[i]! -= c * qi[i]!;
      }
    }
    norm = Math.sqrt(dot(w, w));
    if (norm < 1e-10 || j === last - 1) break;
    beta.push(norm);
    v = w.map((x) => x / norm);
  }
  const m = alpha.length;
  const t = new Array<number>(m * m).fill(0);
  for (let i = 0; i < m; i++) {
    t[i * m + i] = alpha[i]!;
    if (i + 1 < m) t[i * m + i + 1] = t[(i + 1) * m + i] = beta[i]!;
  }
  const ritz = symmetricEigenvalues(t, m);
  return { min: ritz[0]!, max: ritz[m - 1]!, ritz, products: m };
}

/** `lanczos` run to the end with a synchronous product. */
export function lanczosExtremes(hvp: HessianVectorProduct, size: number, steps: number, rng: Rng): ExtremeEigenvalues {
  const run = lanczos(size, steps, rng);
  let r = run.next();
  while (!r.done) r = run.next(hvp(r.value));
  return r.value;
}
