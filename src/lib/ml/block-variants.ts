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

/**
 * How a variant compares with the original ResNet unit: it fails to train, is worse, shows no
 * clear difference, or is better.
 */
export type Verdict = 'fails' | 'worse' | 'same' | 'better';

/** The paper's verdict on a row, in its own words (quoted from §3.1 and §4.1). */
export interface PaperVerdict {
  verdict: Verdict;
  says: string;
}

export interface BlockVariant {
  id: BlockVariantId;
  /** Which figure's question it answers: the shortcut (Fig. 2) or the activation placement (Fig. 4). */
  family: 'shortcut' | 'activation';
  shortcut: ShortcutKind;
  branch: BranchScale;
  placement: Placement;
  /** The panel of He et al. 2016b that draws the unit, e.g. '2(c)'. */
  figure: string;
}

/** Gate biases the widget's recording covers for both gated variants: the paper's 0 and −6. */
export const paperGateBiases = [0, -6] as const;

/** The variants, in the order of the paper's Tables 1 and 2. */
export const blockVariants: readonly BlockVariant[] = [
  { id: 'original', family: 'shortcut', shortcut: 'identity', branch: 'one', placement: 'post', figure: '2(a)' },
  { id: 'zero-shortcut', family: 'shortcut', shortcut: 'zero', branch: 'one', placement: 'post', figure: '2(b)' },
  { id: 'scale-shortcut', family: 'shortcut', shortcut: 'scale', branch: 'one', placement: 'post', figure: '2(b)' },
  { id: 'scale-both', family: 'shortcut', shortcut: 'scale', branch: 'half', placement: 'post', figure: '2(b)' },
  { id: 'exclusive-gate', family: 'shortcut', shortcut: 'gate', branch: 'gate', placement: 'post', figure: '2(c)' },
  { id: 'shortcut-gate', family: 'shortcut', shortcut: 'gate', branch: 'one', placement: 'post', figure: '2(d)' },
  { id: 'projection', family: 'shortcut', shortcut: 'projection', branch: 'one', placement: 'post', figure: '2(e)' },
  { id: 'dropout-shortcut', family: 'shortcut', shortcut: 'dropout', branch: 'one', placement: 'post', figure: '2(f)' },
  { id: 'bn-after-add', family: 'activation', shortcut: 'identity', branch: 'one', placement: 'bn-after-add', figure: '4(b)' },
  { id: 'relu-before-add', family: 'activation', shortcut: 'identity', branch: 'one', placement: 'relu-before-add', figure: '4(c)' },
  { id: 'relu-preact', family: 'activation', shortcut: 'identity', branch: 'one', placement: 'relu-preact', figure: '4(d)' },
  { id: 'full-preact', family: 'activation', shortcut: 'identity', branch: 'one', placement: 'full-preact', figure: '4(e)' },
];

/** The variant with this id (throws a RangeError for an unknown one). */
export function blockVariant(id: BlockVariantId): BlockVariant {
  const v = blockVariants.find((b) => b.id === id);
  if (!v) throw new RangeError(`unknown block variant ${String(id)}`);
  return v;
}

/** Whether the variant has a learnt gate (its initial bias b_g is then a setting). */
export const isGated = (v: BlockVariant) => v.shortcut === 'gate';

/**
 * He et al. 2016b, Table 1, row by row as printed (ResNet-110, CIFAR-10, test error %, median of
 * 5 runs; "fail" = above 20 %). `variant`/`gateBias` name the variant of this notebook that the
 * row describes, where there is one (the rows for b_g from 0 to −5 and for −7 are the paper's
 * gate-bias search; the widget offers any b_g from 0 to −10).
 */
export const paperTable1: readonly {
  case: 'original' | 'constant scaling' | 'exclusive gating' | 'shortcut-only gating' | '1×1 conv shortcut' | 'dropout shortcut';
  figure: string;
  onShortcut: string;
  onF: string;
  error: PaperError;
  remark: '' | 'plain net' | 'frozen gating' | 'b_g = 0 to −5' | 'b_g = −6' | 'b_g = −7' | 'b_g = 0';
  variant: BlockVariantId;
  gateBias?: number;
  paper: PaperVerdict;
}[] = [
  { case: 'original', figure: '2(a)', onShortcut: '1', onF: '1', error: 6.61, remark: '', variant: 'original', paper: { verdict: 'same', says: 'Our baseline ResNet-110 has 6.61% error on the test set.' } },
  { case: 'constant scaling', figure: '2(b)', onShortcut: '0', onF: '1', error: 'fail', remark: 'plain net', variant: 'zero-shortcut', paper: { verdict: 'fails', says: 'This is a plain net' } },
  { case: 'constant scaling', figure: '2(b)', onShortcut: '0.5', onF: '1', error: 'fail', remark: '', variant: 'scale-shortcut', paper: { verdict: 'fails', says: 'The former case does not converge well' } },
  { case: 'constant scaling', figure: '2(b)', onShortcut: '0.5', onF: '0.5', error: 12.35, remark: 'frozen gating', variant: 'scale-both', paper: { verdict: 'worse', says: 'the test error (Table 1, 12.35%) is substantially higher than the original ResNet-110' } },
  { case: 'exclusive gating', figure: '2(c)', onShortcut: '1 − g(x)', onF: 'g(x)', error: 'fail', remark: 'b_g = 0 to −5', variant: 'exclusive-gate', gateBias: 0, paper: { verdict: 'fails', says: 'the exclusive gating network does not converge to a good solution when b_g is not appropriately initialized' } },
  { case: 'exclusive gating', figure: '2(c)', onShortcut: '1 − g(x)', onF: 'g(x)', error: 8.7, remark: 'b_g = −6', variant: 'exclusive-gate', gateBias: -6, paper: { verdict: 'worse', says: 'a test result of 8.70% (Table 1), which still lags far behind the ResNet-110 baseline' } },
  { case: 'exclusive gating', figure: '2(c)', onShortcut: '1 − g(x)', onF: 'g(x)', error: 9.81, remark: 'b_g = −7', variant: 'exclusive-gate', gateBias: -7, paper: { verdict: 'worse', says: 'Table 1 also reports the results of using other initialized values' } },
  { case: 'shortcut-only gating', figure: '2(d)', onShortcut: '1 − g(x)', onF: '1', error: 12.86, remark: 'b_g = 0', variant: 'shortcut-gate', gateBias: 0, paper: { verdict: 'worse', says: 'the network converges to a poor result of 12.86% (Table 1)' } },
  { case: 'shortcut-only gating', figure: '2(d)', onShortcut: '1 − g(x)', onF: '1', error: 6.91, remark: 'b_g = −6', variant: 'shortcut-gate', gateBias: -6, paper: { verdict: 'same', says: 'the result (6.91%, Table 1) is much closer to the ResNet-110 baseline' } },
  { case: '1×1 conv shortcut', figure: '2(e)', onShortcut: '1×1 conv', onF: '1', error: 12.22, remark: '', variant: 'projection', paper: { verdict: 'worse', says: 'The 110-layer ResNet has a poorer result (12.22%, Table 1) when using 1×1 convolutional shortcuts.' } },
  { case: 'dropout shortcut', figure: '2(f)', onShortcut: 'dropout 0.5', onF: '1', error: 'fail', remark: '', variant: 'dropout-shortcut', paper: { verdict: 'fails', says: 'The network fails to converge to a good solution.' } },
];

/** He et al. 2016b, Table 2 as printed: CIFAR-10 test error (%) of ResNet-110 and ResNet-164 (bottleneck units). */
export const paperTable2: readonly { variant: BlockVariantId; figure: string; error110: number; error164: number; paper: PaperVerdict }[] = [
  { variant: 'original', figure: '4(a)', error110: 6.61, error164: 5.93, paper: { verdict: 'same', says: 'the baseline' } },
  { variant: 'bn-after-add', figure: '4(b)', error110: 8.17, error164: 6.5, paper: { verdict: 'worse', says: 'the results become considerably worse than the baseline' } },
  { variant: 'relu-before-add', figure: '4(c)', error110: 7.84, error164: 6.14, paper: { verdict: 'worse', says: 'This may impact the representational ability, and the result is worse' } },
  { variant: 'relu-preact', figure: '4(d)', error110: 6.71, error164: 5.91, paper: { verdict: 'same', says: 'the ReLU-only pre-activation performs very similar to the baseline on ResNet-110/164' } },
  { variant: 'full-preact', figure: '4(e)', error110: 6.37, error164: 5.46, paper: { verdict: 'better', says: 'When BN and ReLU are both used as pre-activation, the results are improved by healthy margins' } },
];

/**
 * The paper's ResNet-110 test error for a variant (and, for a gated one, an initial gate bias),
 * from Table 1 or Table 2, or undefined if the paper has no such row.
 */
export function paperError(v: BlockVariant, gateBias?: number): PaperError | undefined {
  return paperRow(v, gateBias)?.error;
}

/** The paper's ResNet-110 error and its verdict against the original for a variant (and gate bias), if it has such a row. */
export function paperRow(v: BlockVariant, gateBias?: number): { error: PaperError; paper: PaperVerdict } | undefined {
  const row1 = paperTable1.find((r) => r.variant === v.id && (v.shortcut !== 'gate' || r.gateBias === gateBias));
  if (row1) return row1;
  const row2 = paperTable2.find((r) => r.variant === v.id);
  return row2 && { error: row2.error110, paper: row2.paper };
}
