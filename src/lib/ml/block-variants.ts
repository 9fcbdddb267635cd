/**
 * The residual-block variants of He, Zhang, Ren & Sun, "Identity Mappings in Deep Residual
 * Networks" (ECCV 2016), transcribed for the fully connected nets of this notebook: what each one
 * does to the shortcut, to the residual branch F and to the activations around the addition, and
 * what the paper measured for it (ResNet-110 on CIFAR-10, test error, median of 5 runs).
 *
 * Every block has the same weights: two W×W Dense layers (the paper's two 3×3 convolutions) and two
 * batch normalisations. Shortcut variants (Fig. 2) keep the original activation placement
 * (Dense → BN → ReLU → Dense → BN, add, ReLU); activation variants (Fig. 4) keep the identity shortcut.
 */

/** What multiplies (or replaces) the shortcut x of a block. */
export type ShortcutKind =
  /** x (the original ResNet). */
  | 'identity'
  /** 0·x: no shortcut, a plain net (Table 1's first constant-scaling row). */
  | 'zero'
  /** λ·x with λ = 0.5. */
  | 'scale'
  /** (1 − g(x)) ⊙ x, g(x) = σ(x·W_g + b_g). */
  | 'gate'
  /** BN(x·W_s): the paper's 1×1 convolution, which for a Dense net is a full W×W matrix. */
  | 'projection'
  /** m ⊙ x, m ~ Bernoulli(0.5) in training; 0.5·x at test time (the expectation). */
  | 'dropout';

/** What multiplies the residual branch F(x) before the addition. */
export type BranchScale = 'one' | 'half' | 'gate';

/**
 * Where BN and ReLU sit (Fig. 4). With x the block input, W₁, W₂ the two Dense layers:
 * - `post` (a, original): ReLU(x + BN(W₂·ReLU(BN(W₁·x))))
 * - `bn-after-add` (b): ReLU(BN(x + W₂·ReLU(BN(W₁·x))))
 * - `relu-before-add` (c): x + ReLU(BN(W₂·ReLU(BN(W₁·x))))
 * - `relu-preact` (d): x + BN(W₂·ReLU(BN(W₁·ReLU(x))))
 * - `full-preact` (e): x + W₂·ReLU(BN(W₁·ReLU(BN(x))))
 */
export type Placement = 'post' | 'bn-after-add' | 'relu-before-add' | 'relu-preact' | 'full-preact';

export const blockVariantIds = [
  'original',
  'zero-shortcut',
  'scale-shortcut',
  'scale-both',
  'exclusive-gate',
  'shortcut-gate',
  'projection',
  'dropout-shortcut',
  'bn-after-add',
  'relu-before-add',
  'relu-preact',
  'full-preact',
] as const;
export type BlockVariantId = (typeof blockVariantIds)[number];

/** A test error in per cent, or `fail` (the paper's word for a test error above 20 %). */
export type PaperError = number | 'fail';

/** One row of He et al. 2016's Table 1 or 2 (ResNet-110 on CIFAR-10, test error, median of 5 runs). */
export interface PaperRow {
  table: 1 | 2;
  /** The figure panel the paper draws the unit in, e.g. '2(c)'. */
  figure: string;
  /** Test error of ResNet-110; for gated variants one value per initial gate bias b_g. */
  error: PaperError | { gateBias: number; error: PaperError }[];
  /** Table 2 only: ResNet-164 (bottleneck units). */
  error164?: number;
}

export interface BlockVariant {
  id: BlockVariantId;
  /** Which figure's question it answers: the shortcut (Fig. 2) or the activation placement (Fig. 4). */
  family: 'shortcut' | 'activation';
  shortcut: ShortcutKind;
  branch: BranchScale;
  placement: Placement;
  paper: PaperRow;
}

/** Gate biases the paper reports for both gated variants, in the order of its Table 1. */
export const paperGateBiases = [0, -6] as const;

/**
 * The variants, in the order of the paper's Tables 1 and 2 (numbers checked against the paper;
 * "fail" = test error above 20 %). The exclusive gate failed for every b_g from 0 to −5 and gave
 * 9.81 % at −7; only the two biases the widget offers by default are listed per gate.
 */
export const blockVariants: readonly BlockVariant[] = [
  { id: 'original', family: 'shortcut', shortcut: 'identity', branch: 'one', placement: 'post', paper: { table: 1, figure: '2(a)', error: 6.61, error164: 5.93 } },
  { id: 'zero-shortcut', family: 'shortcut', shortcut: 'zero', branch: 'one', placement: 'post', paper: { table: 1, figure: '2(b)', error: 'fail' } },
  { id: 'scale-shortcut', family: 'shortcut', shortcut: 'scale', branch: 'one', placement: 'post', paper: { table: 1, figure: '2(b)', error: 'fail' } },
  { id: 'scale-both', family: 'shortcut', shortcut: 'scale', branch: 'half', placement: 'post', paper: { table: 1, figure: '2(b)', error: 12.35 } },
  {
    id: 'exclusive-gate',
    family: 'shortcut',
    shortcut: 'gate',
    branch: 'gate',
    placement: 'post',
    paper: { table: 1, figure: '2(c)', error: [{ gateBias: 0, error: 'fail' }, { gateBias: -6, error: 8.7 }] },
  },
  {
    id: 'shortcut-gate',
    family: 'shortcut',
    shortcut: 'gate',
    branch: 'one',
    placement: 'post',
    paper: { table: 1, figure: '2(d)', error: [{ gateBias: 0, error: 12.86 }, { gateBias: -6, error: 6.91 }] },
  },
  { id: 'projection', family: 'shortcut', shortcut: 'projection', branch: 'one', placement: 'post', paper: { table: 1, figure: '2(e)', error: 12.22 } },
  { id: 'dropout-shortcut', family: 'shortcut', shortcut: 'dropout', branch: 'one', placement: 'post', paper: { table: 1, figure: '2(f)', error: 'fail' } },
  { id: 'bn-after-add', family: 'activation', shortcut: 'identity', branch: 'one', placement: 'bn-after-add', paper: { table: 2, figure: '4(b)', error: 8.17, error164: 6.5 } },
  { id: 'relu-before-add', family: 'activation', shortcut: 'identity', branch: 'one', placement: 'relu-before-add', paper: { table: 2, figure: '4(c)', error: 7.84, error164: 6.14 } },
  { id: 'relu-preact', family: 'activation', shortcut: 'identity', branch: 'one', placement: 'relu-preact', paper: { table: 2, figure: '4(d)', error: 6.71, error164: 5.91 } },
  { id: 'full-preact', family: 'activation', shortcut: 'identity', branch: 'one', placement: 'full-preact', paper: { table: 2, figure: '4(e)', error: 6.37, error164: 5.46 } },
];

/** The variant with this id (throws a RangeError for an unknown one). */
export function blockVariant(id: BlockVariantId): BlockVariant {
  const v = blockVariants.find((b) => b.id === id);
  if (!v) throw new RangeError(`unknown block variant ${String(id)}`);
  return v;
}

/** Whether the variant has a learnt gate (its initial bias b_g is then a setting). */
export const isGated = (v: BlockVariant) => v.shortcut === 'gate';

/** The paper's ResNet-110 test error for a variant (and, for a gated one, an initial gate bias), or undefined if the paper has no such row. */
export function paperError(v: BlockVariant, gateBias?: number): PaperError | undefined {
  const e = v.paper.error;
  if (!Array.isArray(e)) return e;
  return e.find((r) => r.gateBias === gateBias)?.error;
}
