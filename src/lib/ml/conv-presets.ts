import type { Grid } from './conv-reference.ts';

/** Named kernels of the convolution explorer; `custom` means the reader's own cells. */
export const kernelPresets = ['identity', 'edge-v', 'edge-h', 'edge-d1', 'edge-d2', 'blur', 'sharpen'] as const;
export type KernelPreset = (typeof kernelPresets)[number];

/** Kernel sizes the explorer offers. */
export const kernelSizes = [3, 5] as const;
export type KernelSize = (typeof kernelSizes)[number];

const square = (k: number, f: (u: number, v: number) => number): Grid =>
  Array.from({ length: k }, (_, u) => Array.from({ length: k }, (_, v) => clean(f(u, v))));
/** Rounds away float noise (0.30000000000000004 → 0.3) and −0 so presets print cleanly. */
const clean = (x: number) => {
  const r = Number(x.toPrecision(12));
  return r === 0 ? 0 : r;
};
const outer = (a: number[], b: number[], scale = 1) => square(a.length, (u, v) => (a[u]! * b[v]!) / scale);

/**
 * The kernel of a preset at size k (3 or 5). Edge kernels follow the chapter's sign convention
 * (positive where the first side is brighter) and have positive weights summing to 4 at both
 * sizes, so the two sizes give feature maps of similar range:
 * - `identity`: 1 at the centre — the output copies the input.
 * - `edge-v`: Sobel, vertical edges (left brighter than right → positive).
 * - `edge-h`: its transpose, horizontal edges (top brighter than bottom → positive).
 * - `edge-d1`, `edge-d2`: diagonal edges (top-left resp. top-right brighter → positive).
 * - `blur`: binomial (Gaussian-like) smoothing, weights summing to 1.
 * - `sharpen`: 2·identity − box blur (3×3: the classic 5 / −1 cross), weights summing to 1.
 * @example presetKernel('edge-v', 3) // [[1, 0, -1], [2, 0, -2], [1, 0, -1]]
 */
export function presetKernel(name: KernelPreset, k: KernelSize): Grid {
  const c = (k - 1) / 2;
  switch (name) {
    case 'identity':
      return square(k, (u, v) => (u === c && v === c ? 1 : 0));
    case 'edge-v':
      return k === 3 ? outer([1, 2, 1], [1, 0, -1]) : outer([1, 2, 2, 2, 1], [1, 1, 0, -1, -1], 4);
    case 'edge-h':
      return k === 3 ? outer([1, 0, -1], [1, 2, 1]) : outer([1, 1, 0, -1, -1], [1, 2, 2, 2, 1], 4);
    case 'edge-d1':
      return square(k, (u, v) => (c - u + (c - v)) / (k === 3 ? 1 : 5));
    case 'edge-d2':
      return square(k, (u, v) => (c - u - (c - v)) / (k === 3 ? 1 : 5));
    case 'blur':
      return k === 3 ? outer([1, 2, 1], [1, 2, 1], 16) : outer([1, 4, 6, 4, 1], [1, 4, 6, 4, 1], 256);
    case 'sharpen':
      return k === 3
        ? [
            [0, -1, 0],
            [-1, 5, -1],
            [0, -1, 0],
          ]
        : square(k, (u, v) => (u === c && v === c ? 2 : 0) - 1 / 25);
  }
}

/** Row-major flat list of a square kernel's cells. */
export const flattenKernel = (kernel: Grid): number[] => kernel.flat();

/** A k×k kernel from k² row-major cells. */
export function kernelFromCells(cells: readonly number[], k: number): Grid {
  if (cells.length !== k * k) throw new RangeError(`a ${k}×${k} kernel needs ${k * k} cells, got ${cells.length}`);
  return Array.from({ length: k }, (_, u) => cells.slice(u * k, u * k + k));
}

/**
 * Changes a kernel's size keeping it centred: growing pads with zeros around it, shrinking keeps
 * the central k×k block. (3×3 → 5×5 → 3×3 gives the original back.)
 */
export function resizeKernel(kernel: Grid, k: number): Grid {
  const from = kernel.length;
  const shift = (k - from) / 2;
  return square(k, (u, v) => kernel[u - shift]?.[v - shift] ?? 0);
}

/** The preset a kernel equals at size k, if any (cell by cell within 1e-9). */
export function matchPreset(kernel: Grid, k: KernelSize): KernelPreset | undefined {
  return kernelPresets.find((p) => presetKernel(p, k).every((row, u) => row.every((x, v) => Math.abs(x - (kernel[u]?.[v] ?? NaN)) < 1e-9)));
}
