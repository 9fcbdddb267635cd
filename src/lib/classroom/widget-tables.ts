import { blockVariantIds } from '../ml/block-variants';

/**
 * The numbers each widget shows, declared as data: per widget, every `<table data-metrics="name">`
 * it can render, with its columns — what a cell holds (`num`: a plain decimal or empty; `text`: a
 * word; `any`: either), the words a text column can hold where they are fixed machine values, and
 * the range a number column lies in where it is bounded. The condition checker reads this to
 * reject conditions that can never be met (a table that does not exist, a column past the last,
 * `min` of a column of words, accuracy above 1), and the print view to pick the tables worth
 * printing (`key`).
 *
 * Kept in sync with the markup by an e2e test (`e2e/classroom-tables.spec.ts`) that opens every
 * widget, reads each rendered table's name, column count and cells, and compares them with this
 * list. Pure: no DOM.
 */

export type ColumnType = 'num' | 'text' | 'any';

export interface ColumnSpec {
  type: ColumnType;
  /** For a text column of machine values (`plain`, `residual`): every word it can hold. */
  values?: readonly string[];
  /** For a number column: the smallest and largest value it can hold. */
  min?: number;
  max?: number;
}

export interface TableSpec {
  /** The columns, in order (column `[i]` of a condition). */
  columns: readonly ColumnSpec[];
  /**
   * Tables whose width follows the state (a feature map's columns): further columns like `column`,
   * up to `maxColumns` in all.
   */
  more?: { column: ColumnSpec; maxColumns: number };
  /** The widget's headline numbers: printed in the print view (small tables only). */
  key?: boolean;
}

const num = (min?: number, max?: number): ColumnSpec => ({ type: 'num', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) });
const text = (values?: readonly string[]): ColumnSpec => (values ? { type: 'text', values } : { type: 'text' });
const fraction = num(0, 1);
const count = num(0);
const arch = text(['plain', 'residual']);
const any: ColumnSpec = { type: 'any' };
const depth = num(2, 64);
const variant = text(blockVariantIds);

export const widgetTables: Readonly<Record<string, Readonly<Record<string, TableSpec>>>> = {
  'degradation-lab': {
    // architecture, depth, steps, final training loss, final training accuracy
    runs: { columns: [arch, num(2, 64), num(50, 2000), count, fraction], key: true },
    // step, plain loss, residual loss, plain accuracy, residual accuracy
    curve: { columns: [count, count, count, fraction, fraction] },
    // depth, plain loss, residual loss
    sweep: { columns: [num(2, 64), count, count], key: true },
  },
  'gradient-flow': {
    // layer (1 = next to the input), plain and residual at init, plain and residual at the step shown
    gradients: { columns: [num(1, 64), count, count, count, count] },
    // architecture, step, first ÷ last layer, factor per layer
    'gradient-growth': { columns: [arch, count, count, count], key: true },
  },
  'boundary-lab': {
    // learner, features, parameters, final training loss, final training accuracy
    learners: { columns: [text(['raw', 'features', 'mlp']), text(), count, count, fraction], key: true },
    // step, loss of raw / features / MLP, accuracy of raw / features / MLP
    curve: { columns: [count, count, count, count, fraction, fraction, fraction] },
  },
  'conv-explorer': {
    // layer, input side n, window k, stride s, padding p, dilation d, output side, parameters
    layer: { columns: [text(), count, count, count, count, count, count, count], key: true },
    // row, then one column per output column (up to 28 + 2·3 − 2 = 32)
    'feature-map': { columns: [count], more: { column: num(), maxColumns: 33 } },
    pooled: { columns: [count], more: { column: num(), maxColumns: 33 } },
  },
  'residual-block': {
    // layer, type, kernel, stride, output (H×W×C), parameters, multiply-adds
    block: { columns: [text(), text(), count, count, text(), count, count], key: true },
    // block, channels in → out, convolution weights, parameters (with BN), multiply-adds at 56×56
    'bottleneck-vs-basic': { columns: [text(), text(), count, count, count] },
  },
  'architecture-explorer': {
    // network, parameters, BN statistics, multiply-adds, conv layers, fc layers, depth
    totals: { columns: [text(), count, count, count, count, count, count], key: true },
    // stage, parameters, share of parameters (%), multiply-adds, share of multiply-adds (%)
    share: { columns: [text(), count, num(0, 100), count, num(0, 100)] },
    // stage, layer, type, kernel, stride, output, parameters, BN statistics, multiply-adds, receptive field
    layers: { columns: [text(), text(), text(), count, count, text(), count, count, count, count] },
    'layers-compare': { columns: [text(), text(), text(), count, count, text(), count, count, count, count] },
    // branch, parameters and multiply-adds with and without 1×1 reductions, output channels with and without
    inception: { columns: [text(), count, count, count, count, count, count] },
    // network, parameters, multiply-adds (G), published parameters (M), published multiply-adds (G), single-model error, ensemble error, sources
    comparison: { columns: [text(), count, count, count, count, num(0, 100), num(0, 100), text()] },
  },
  'cnn-trainer': {
    // epoch, train accuracy, test accuracy
    accuracy: { columns: [num(0, 10), fraction, fraction], key: true },
    'logistic-accuracy': { columns: [num(0, 10), fraction, fraction], key: true },
    // true digit, then the count predicted as 0…9
    confusion: { columns: [num(0, 9), ...Array.from({ length: 10 }, () => count)] },
    // filter, nine weights row by row, bias
    filters: { columns: [num(1, 16), ...Array.from({ length: 10 }, () => num())] },
    // digit, CNN probability, logistic-regression probability
    prediction: { columns: [num(0, 9), fraction, fraction] },
  },
  'block-variants': {
    // variant, b_g (gated variants only), depth, steps, seed, final training loss, training accuracy, test accuracy
    runs: { columns: [variant, num(-10, 0), depth, num(50, 2000), num(0, 9999), count, fraction, fraction], key: true },
    // step, variant, training loss, training accuracy, test loss, test accuracy
    curve: { columns: [count, variant, count, fraction, count, fraction] },
    // recorded, per config: variant, b_g, median / lowest / highest test error (%), median training loss,
    // median paired difference to the original (points), verdict here, the paper's error (% or "fail"), the paper's verdict
    variants: { columns: [variant, num(-10, 0), num(0, 100), num(0, 100), num(0, 100), count, num(-100, 100), text(), any, text()] },
    // the paper's Table 1: case, figure, on the shortcut, on F, error (% or "fail"), remark
    'paper-1': { columns: [text(), text(), any, any, any, text()] },
    // the paper's Table 2: case, figure, ResNet-110 error (%), ResNet-164 error (%)
    'paper-2': { columns: [text(), text(), num(0, 100), num(0, 100)] },
  },
  'lesion-study': {
    // architecture, depth, training accuracy, held-out accuracy (intact)
    nets: { columns: [arch, depth, fraction, fraction], key: true },
    // deleted block (1 … n), plain and residual held-out accuracy
    single: { columns: [num(1, 32), fraction, fraction] },
    // architecture, blocks deleted k, mean / lowest / highest accuracy over the random subsets
    lesion: { columns: [arch, num(0, 32), fraction, fraction, fraction], key: true },
    // path length k, paths C(n, k), share of paths, gradient through one path, all paths of length k, share of the gradient, effective (1/0)
    paths: { columns: [num(0, 32), count, fraction, count, count, fraction, num(0, 1)] },
  },
  'loss-landscape': {
    // architecture, depth, training loss at θ*, λmax, λmin, |λmin/λmax|, up-and-down ratio of the cuts, local minima in the slice
    roughness: { columns: [arch, depth, count, num(), num(), count, count, count], key: true },
    // t (0 = initial, 1 = trained weights), plain and residual loss, plain and residual accuracy
    line: { columns: [num(), count, count, fraction, fraction] },
    // α, plain and residual loss at the cut's β
    cut: { columns: [num(-2, 2), count, count] },
    // β, then the loss at each α of the grid (up to 51 points per side)
    'slice-plain': { columns: [num(-2, 2)], more: { column: count, maxColumns: 52 } },
    'slice-residual': { columns: [num(-2, 2)], more: { column: count, maxColumns: 52 } },
  },
};

/** The declared tables of a widget (an empty list for a widget without tables). */
export function tablesOf(widget: string): Readonly<Record<string, TableSpec>> {
  return Object.prototype.hasOwnProperty.call(widgetTables, widget) ? widgetTables[widget]! : {};
}

/** How many columns a table can have at most. */
export function maxColumns(spec: TableSpec): number {
  return spec.more ? Math.max(spec.more.maxColumns, spec.columns.length) : spec.columns.length;
}

/** Column `i` of a table (a `more` column past the fixed ones), or undefined past the last. */
export function columnOf(spec: TableSpec, i: number): ColumnSpec | undefined {
  if (i < spec.columns.length) return spec.columns[i];
  return spec.more && i < spec.more.maxColumns ? spec.more.column : undefined;
}
