/**
 * MNIST's own normalisation, applied to a digit the reader draws: the digits of the database were
 * scaled (keeping their aspect ratio) to fit a 20×20 box and then placed in the 28×28 image so
 * that their centre of mass sits at the centre (LeCun et al. 1998; the MNIST page). A network
 * trained on MNIST expects exactly that, so a digit drawn small or in a corner is first moved
 * and resized the same way.
 */

/** Ink below this fraction of the darkest pixel does not count for the bounding box. */
const INK = 0.1;

/** Bilinear sample of img [h, w] at (y, x) in pixel units (pixel centres at integers); 0 outside. */
function sample(img: ArrayLike<number>, h: number, w: number, y: number, x: number): number {
  const y0 = Math.floor(y), x0 = Math.floor(x);
  const fy = y - y0, fx = x - x0;
  const at = (yy: number, xx: number) => (yy >= 0 && yy < h && xx >= 0 && xx < w ? img[yy * w + xx]! : 0);
  return (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) + fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1));
}

/**
 * The digit in `pixels` ([size, size], ink in [0, 1], row-major) rescaled so that its bounding box
 * fits `box`×`box` and shifted so that its centre of mass is at the image centre. An empty image
 * stays empty. Returns a new [size, size] array, values clipped to [0, 1].
 * @example centerDigit(strokeInTheCorner) // the same stroke, 20 px tall, in the middle
 */
export function centerDigit(pixels: ArrayLike<number>, size = 28, box = 20): Float32Array {
  let max = 0;
  for (let i = 0; i < size * size; i++) max = Math.max(max, pixels[i]!);
  const out = new Float32Array(size * size);
  if (max <= 0) return out;
  let top = size, bottom = -1, left = size, right = -1;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      if (pixels[y * size + x]! > INK * max) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
  const h = bottom - top + 1, w = right - left + 1;
  const scale = box / Math.max(h, w);
  const nh = Math.max(1, Math.round(h * scale)), nw = Math.max(1, Math.round(w * scale));
  // Resample the bounding box to nh × nw (pixel centres mapped onto each other).
  const patch = new Float32Array(nh * nw);
  for (let i = 0; i < nh; i++)
    for (let j = 0; j < nw; j++) {
      const sy = top + ((i + 0.5) * h) / nh - 0.5;
      const sx = left + ((j + 0.5) * w) / nw - 0.5;
      patch[i * nw + j] = sample(pixels, size, size, sy, sx);
    }
  let mass = 0, cy = 0, cx = 0;
  for (let i = 0; i < nh; i++)
    for (let j = 0; j < nw; j++) {
      const v = patch[i * nw + j]!;
      mass += v;
      cy += v * i;
      cx += v * j;
    }
  const oy = Math.round((size - 1) / 2 - cy / mass);
  const ox = Math.round((size - 1) / 2 - cx / mass);
  for (let i = 0; i < nh; i++)
    for (let j = 0; j < nw; j++) {
      const y = i + oy, x = j + ox;
      if (y >= 0 && y < size && x >= 0 && x < size) out[y * size + x] = Math.min(1, Math.max(0, patch[i * nw + j]!));
    }
  return out;
}
