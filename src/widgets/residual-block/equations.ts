/**
 * The equation of each residual-block variant, as LaTeX (pre-rendered with KaTeX at build time;
 * the page ships no maths JavaScript). Notation of He et al.: biases omitted, σ = ReLU,
 * W x = convolution, W_s x = projection shortcut.
 */
import type { Activation, BlockKind, ShortcutKind } from '../../lib/explorer/residual-block';

export const blockKinds: readonly BlockKind[] = ['basic', 'bottleneck'];
export const shortcutKinds: readonly ShortcutKind[] = ['identity', 'zero-pad', 'projection'];
export const activations: readonly Activation[] = ['post', 'pre'];

export const variantKey = (block: BlockKind, shortcut: ShortcutKind, act: Activation) => `${block}-${shortcut}-${act}`;

const residualFunction: Record<BlockKind, Record<Activation, string>> = {
  basic: {
    post: String.raw`\mathrm{BN}_2\big(W_2\,\sigma(\mathrm{BN}_1(W_1 x))\big)`,
    pre: String.raw`W_2\,\sigma\big(\mathrm{BN}_2(W_1\,\sigma(\mathrm{BN}_1(x)))\big)`,
  },
  bottleneck: {
    post: String.raw`\mathrm{BN}_3\Big(W_3\,\sigma\big(\mathrm{BN}_2(W_2\,\sigma(\mathrm{BN}_1(W_1 x)))\big)\Big)`,
    pre: String.raw`W_3\,\sigma\Big(\mathrm{BN}_3\big(W_2\,\sigma(\mathrm{BN}_2(W_1\,\sigma(\mathrm{BN}_1(x))))\big)\Big)`,
  },
};

const shortcutTerm: Record<ShortcutKind, Record<Activation, string>> = {
  identity: { post: 'x', pre: 'x' },
  'zero-pad': {
    post: String.raw`\begin{bmatrix} x_{\downarrow 2} \\ \mathbf{0} \end{bmatrix}`,
    pre: String.raw`\begin{bmatrix} x_{\downarrow 2} \\ \mathbf{0} \end{bmatrix}`,
  },
  projection: { post: String.raw`\mathrm{BN}_s(W_s x)`, pre: String.raw`W_s x` },
};

/** The two-line equation of a variant: the output y, then the residual function F. */
export function blockEquation(block: BlockKind, shortcut: ShortcutKind, act: Activation): string {
  const sum = String.raw`\mathcal{F}(x) + ${shortcutTerm[shortcut][act]}`;
  const y = act === 'post' ? String.raw`\sigma\Big(${sum}\Big)` : sum;
  return String.raw`\begin{aligned} y &= ${y} \\ \mathcal{F}(x) &= ${residualFunction[block][act]} \end{aligned}`;
}

/** Every variant's key and LaTeX (2 blocks × 3 shortcuts × 2 orders). */
export function allEquations(): { key: string; latex: string }[] {
  return blockKinds.flatMap((b) =>
    shortcutKinds.flatMap((s) => activations.map((a) => ({ key: variantKey(b, s, a), latex: blockEquation(b, s, a) }))),
  );
}
