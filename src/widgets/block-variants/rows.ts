/**
 * The cells of every `table[data-metrics]` of the block-variants widget, as plain strings: used by
 * `BlockVariants.astro` for the recorded rows at build time and by the client for live rows, so
 * both are written by the same code. Columns (0-based, as classroom conditions read them):
 * - runs: [0] variant, [1] b_g (gated variants only), [2] depth, [3] steps, [4] seed,
 *   [5] final training loss, [6] final training accuracy, [7] final test accuracy
 * - curve: [0] step, [1] variant, [2] training loss, [3] training accuracy, [4] test loss, [5] test accuracy
 * - variants (recorded): [0] variant, [1] b_g, [2] median test error %, [3] lowest %, [4] highest % (one decimal),
 *   [5] median training loss, [6] median paired difference to original (points), [7] verdict here,
 *   [8] paper's ResNet-110 error % (or "fail"), [9] the paper's verdict
 * - paper-1, paper-2: He et al. 2016b, Tables 1 and 2 as printed
 */
import { blockVariant, isGated, paperTable1, paperTable2, type BlockVariantId, type PaperError } from '../../lib/ml/block-variants';
import type { Locale } from '../../lib/i18n/locales';
import { blockVariantsStrings } from '../../lib/i18n/widgets/block-variants';
import type { VariantScores } from '../../workers/block-variants-job';
import type { SummaryRow, Verdict } from './recording';

const fix = (v: number, d: number) => v.toFixed(d);
/** Test errors over 1,000 test points are multiples of 0.1 %: one decimal is exact. */
const percent = (fraction: number) => fix(100 * fraction, 1);

/** One finished run: variant, b_g, depth, steps, seed and its final scores. */
export function runCells(r: { variant: BlockVariantId; gateBias: number; depth: number; steps: number; seed: number; final: VariantScores }): string[] {
  return [
    r.variant,
    isGated(blockVariant(r.variant)) ? String(r.gateBias) : '',
    String(r.depth),
    String(r.steps),
    String(r.seed),
    fix(r.final.loss, 4),
    fix(r.final.accuracy, 4),
    fix(r.final.testAccuracy, 4),
  ];
}

/** One evaluation of one variant. */
export function curveCells(variant: BlockVariantId, e: VariantScores): string[] {
  return [String(e.step), variant, fix(e.loss, 4), fix(e.accuracy, 4), fix(e.testLoss, 4), fix(e.testAccuracy, 4)];
}

const paperCell = (locale: Locale, e: PaperError | undefined) => (e === undefined ? '' : e === 'fail' ? blockVariantsStrings[locale].fail : fix(e, 2));
const verdictCell = (locale: Locale, v: Verdict | undefined) => (v ? blockVariantsStrings[locale][`verdict.${v}`] : '');

/** One config of the recorded comparison. */
export function variantCells(locale: Locale, r: SummaryRow): string[] {
  return [
    r.variant,
    r.gateBias === null ? '' : String(r.gateBias),
    percent(r.testError),
    percent(r.testErrorMin),
    percent(r.testErrorMax),
    Number.isFinite(r.trainLoss) ? fix(r.trainLoss, 4) : '',
    fix(100 * r.pairedDiff, 1),
    verdictCell(locale, r.verdict),
    paperCell(locale, r.paper),
    verdictCell(locale, r.paperVerdict),
  ];
}

/** He et al. 2016b, Table 1, row by row. */
export function paperTable1Cells(locale: Locale): string[][] {
  const s = blockVariantsStrings[locale];
  return paperTable1.map((r) => [s[`case.${r.case}`], r.figure, r.onShortcut, r.onF, paperCell(locale, r.error), r.remark ? s[`remark.${r.remark}`] : '']);
}

/** He et al. 2016b, Table 2, row by row. */
export function paperTable2Cells(locale: Locale): string[][] {
  const s = blockVariantsStrings[locale];
  const name = (id: BlockVariantId) => (id === 'original' ? s['case.original'] : s[`case.${id as 'bn-after-add' | 'relu-before-add' | 'relu-preact' | 'full-preact'}`]);
  return paperTable2.map((r) => [name(r.variant), r.figure, fix(r.error110, 2), fix(r.error164, 2)]);
}
