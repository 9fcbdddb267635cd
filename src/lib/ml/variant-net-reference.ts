/**
 * The block-variant net's training-mode forward pass in plain float64 arrays (no tfjs): the test
 * oracle for `variant-net.ts`, written independently of it from the formulas in
 * `block-variants.ts`, and precise enough to take finite differences through.
 */
import { blockVariant, type BlockVariantId } from './block-variants.ts';
import { batchNormEpsilon } from './batch-norm.ts';
import { variantLayout } from './variant-net.ts';

/** A row-major [rows, cols] matrix. */
interface M {
  r: number;
  c: number;
  v: Float64Array;
}

const mat = (r: number, c: number, v = new Float64Array(r * c)): M => ({ r, c, v });
const map = (a: M, f: (x: number, i: number) => number): M => mat(a.r, a.c, a.v.map(f));
const zip = (a: M, b: M, f: (x: number, y: number) => number): M => map(a, (x, i) => f(x, b.v[i]!));

function matMul(a: M, b: ArrayLike<number>, cols: number): M {
  const out = mat(a.r, cols);
  for (let i = 0; i < a.r; i++)
    for (let k = 0; k < a.c; k++) {
      const x = a.v[i * a.c + k]!;
      for (let j = 0; j < cols; j++) out.v[i * cols + j]! += x * b[k * cols + j]!;
    }
  return out;
}

/** Batch normalisation with the batch's own (biased) statistics. */
function batchNorm(z: M, gamma: ArrayLike<number>, beta: ArrayLike<number>): M {
  const out = mat(z.r, z.c);
  for (let j = 0; j < z.c; j++) {
    let mean = 0;
    for (let i = 0; i < z.r; i++) mean += z.v[i * z.c + j]!;
    mean /= z.r;
    let variance = 0;
    for (let i = 0; i < z.r; i++) variance += (z.v[i * z.c + j]! - mean) ** 2;
    variance /= z.r;
    const rstd = 1 / Math.sqrt(variance + batchNormEpsilon);
    for (let i = 0; i < z.r; i++) out.v[i * z.c + j] = gamma[j]! * (z.v[i * z.c + j]! - mean) * rstd + beta[j]!;
  }
  return out;
}

const relu = (a: M) => map(a, (x) => Math.max(0, x));

export interface ReferenceParams {
  stem: Float64Array;
  kernels: Float64Array;
  vectors: Float64Array;
  head: Float64Array;
}

/**
 * Mean cross-entropy of the batch (training-mode BN; dropout multiplies by `mask`, [n, B, W]).
 * `x` is [B, inputDim] row-major, `labels` [B].
 */
export function referenceLoss(
  id: BlockVariantId,
  p: ReferenceParams,
  shape: { depth: number; width: number; inputDim: number; classes: number },
  x: ArrayLike<number>,
  labels: ArrayLike<number>,
  mask?: ArrayLike<number>,
): number {
  const { shortcut, branch, placement } = blockVariant(id);
  const { depth, width: W, inputDim, classes } = shape;
  const B = labels.length;
  const blocks = depth / 2;
  const layout = variantLayout(blockVariant(id), blocks);
  const row = (r: number) => p.vectors.subarray(r * W, (r + 1) * W);
  const kernel = (r: number) => p.kernels.subarray(r * W * W, (r + 1) * W * W);

  let a = relu(batchNorm(matMul(mat(B, inputDim, Float64Array.from(x)), p.stem, W), row(0), row(1)));
  for (let b = 0; b < blocks; b++) {
    const v = 2 + 4 * b;
    const x0 = a;
    let aIn = x0;
    if (placement === 'full-preact') aIn = relu(batchNorm(x0, row(v), row(v + 1)));
    if (placement === 'relu-preact') aIn = relu(x0);
    const h1 = relu(placement === 'full-preact' ? batchNorm(matMul(aIn, kernel(2 * b), W), row(v + 2), row(v + 3)) : batchNorm(matMul(aIn, kernel(2 * b), W), row(v), row(v + 1)));
    const z2 = matMul(h1, kernel(2 * b + 1), W);
    let f = placement === 'full-preact' || placement === 'bn-after-add' ? z2 : batchNorm(z2, row(v + 2), row(v + 3));
    if (placement === 'relu-before-add') f = relu(f);
    let g: M | null = null;
    let s: M;
    switch (shortcut) {
      case 'identity':
        s = x0;
        break;
      case 'zero':
        s = map(x0, () => 0);
        break;
      case 'scale':
        s = map(x0, (t) => 0.5 * t);
        break;
      case 'dropout':
        s = map(x0, (t, i) => t * mask![b * B * W + i]!);
        break;
      case 'projection': {
        const r = layout.extraVectorRow(b);
        s = batchNorm(matMul(x0, kernel(layout.extraKernelRow(b)), W), row(r), row(r + 1));
        break;
      }
      case 'gate': {
        const bias = row(layout.extraVectorRow(b));
        g = map(matMul(x0, kernel(layout.extraKernelRow(b)), W), (t, i) => 1 / (1 + Math.exp(-(t + bias[i % W]!))));
        s = zip(g, x0, (gi, t) => (1 - gi) * t);
        break;
      }
    }
    const scaled = branch === 'half' ? map(f, (t) => 0.5 * t) : branch === 'gate' ? zip(g!, f, (gi, t) => gi * t) : f;
    const sum = zip(s, scaled, (p1, p2) => p1 + p2);
    if (placement === 'post') a = relu(sum);
    else if (placement === 'bn-after-add') a = relu(batchNorm(sum, row(v + 2), row(v + 3)));
    else a = sum;
  }
  if (placement === 'full-preact') a = relu(batchNorm(a, row(layout.finalBnRow), row(layout.finalBnRow + 1)));
  if (placement === 'relu-preact') a = relu(a);
  const logits = matMul(a, p.head.subarray(0, W * classes), classes);
  let loss = 0;
  for (let i = 0; i < B; i++) {
    const z = Array.from({ length: classes }, (_, j) => logits.v[i * classes + j]! + p.head[W * classes + j]!);
    const max = Math.max(...z);
    const lse = max + Math.log(z.reduce((acc, t) => acc + Math.exp(t - max), 0));
    loss += lse - z[labels[i]!]!;
  }
  return loss / B;
}
