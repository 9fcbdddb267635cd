/**
 * Published figures (papers, framework docs) and how a computed number is compared with them.
 * A printed "3.8 G" carries one decimal: the computed value agrees when it rounds or truncates
 * to 3.8 at that precision (papers of the period do both: He et al. print ResNet-50's 3.86 G as
 * 3.8 G and ResNet-152's 11.28 G as 11.3 G). An exact count (step 1) must match exactly.
 */
import type { ArchitectureReport } from './report';

export interface PublishedFigure {
  /** `params`: trainable parameters of the inference network; `macs`: multiply-adds per image. */
  quantity: 'params' | 'macs';
  /** The printed value in plain units, e.g. `3.8e9` for "3.8 G", `25_557_032` for an exact count. */
  value: number;
  /** Place value of the last printed digit: 1 for an exact count, `1e8` for "3.8 G", `1e6` for "138 M". */
  step: number;
  /** Where it is printed, e.g. `He et al. 2016a, Table 1`. */
  source: string;
  /** Key in `src/data/bibliography.ts` when the source is a paper. */
  cite?: string;
  /** Why the computed value does not agree with the printed one, when it does not. */
  discrepancy?: string;
}

export interface Comparison {
  figure: PublishedFigure;
  computed: number;
  /** True when `computed` rounds or truncates to the printed value at its precision. */
  agrees: boolean;
  /** `(computed − printed) / printed`. */
  relativeDifference: number;
}

/**
 * Does `computed` agree with a value printed to the precision `step`?
 *
 * @example agreesWithPrinted(3_858_026_496, 3.8e9, 1e8) // → true (truncated)
 * @example agreesWithPrinted(6_998_552, 6.8e6, 1e5) // → false
 */
export function agreesWithPrinted(computed: number, printed: number, step: number): boolean {
  // Work in units of `step` so that 3.8e9 / 1e8 is an integer-valued float, not 37.999….
  const units = computed / step;
  const target = Math.round(printed / step);
  return Math.round(units) === target || Math.floor(units) === target;
}

/** Compares one analysed architecture with one published figure. */
export function compareWithPublished(report: ArchitectureReport, figure: PublishedFigure): Comparison {
  const computed = figure.quantity === 'params' ? report.totals.params : report.totals.macs;
  return {
    figure,
    computed,
    agrees: agreesWithPrinted(computed, figure.value, figure.step),
    relativeDifference: (computed - figure.value) / figure.value,
  };
}
