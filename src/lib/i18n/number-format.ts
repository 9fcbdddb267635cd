/**
 * The one number formatter of the notebook, per locale — used for every number a reader sees in
 * prose, labels, summaries, run bars and chart text, at build time and in the browser alike.
 *
 * The rule (the same in both languages, as mainland technical writing does):
 * - counts ≥ 1,000 are grouped in threes with commas: `73,728`, `25,557,032`; below that plain;
 * - shares are percentages with one decimal: `96.8%` (zh, no space) / `96.8 %` (en, no-break space);
 * - measured values (losses, rates) keep a fixed number of decimals or significant digits, no grouping.
 *
 * Tables behind charts (`<table data-metrics>`) and CSV exports are the exception by contract:
 * plain machine decimals (`73728`, `0.9683`), so that tests, classroom conditions and spreadsheets
 * read them; that is what `plain` is for. Values shown inside an editable field are plain too
 * (`lib/state/number-entry.ts: fieldText`), as the reader types them.
 */
import type { Locale } from './locales';

/** A plain decimal, as tables and CSV carry it: `25557032`, `15.5`. */
export function plain(n: number): string {
  return String(n);
}

/**
 * Table cells (`table[data-metrics]`, CSV): machine decimals, no grouping, ASCII minus; '' for a
 * value not measured (yet). `decimals(0.12345, 4)` → `0.1235`; `precision(1.2e-7)` → `1.200e-7`
 * (as `toPrecision`); `significant(0.000123456)` → `0.0001235` (4 significant digits, trailing
 * zeros dropped); `rounded(0.30000001, 4)` → `0.3`.
 */
export const cell = {
  decimals: (v: number | null | undefined, digits = 4): string => (v === undefined || v === null ? '' : v.toFixed(digits)),
  precision: (v: number | null | undefined, digits = 4): string => (v === undefined || v === null ? '' : v.toPrecision(digits)),
  significant: (v: number | null | undefined, digits = 4): string => (v === undefined || v === null || !Number.isFinite(v) ? '' : String(Number(v.toPrecision(digits)))),
  rounded: (v: number, digits = 4): string => String(Number(v.toFixed(digits))),
};

/** `73,728`; decimals kept as given (`1,234.5`). The same in zh and en. */
export function count(n: number): string {
  const negative = n < 0;
  const [int, frac] = String(Math.abs(n)).split('.');
  const g = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${frac ? `${g}.${frac}` : g}`;
}

/** A number with `digits` decimals, grouped if ≥ 1,000: `0.1234`, `1,234.50`. */
export function fixed(n: number, digits: number): string {
  const [int, frac] = Math.abs(n).toFixed(digits).split('.');
  const g = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '−' : ''}${frac ? `${g}.${frac}` : g}`;
}

/**
 * A share 0…1 as a percentage with `digits` decimals (default 1): `96.8%` (zh) / `96.8 %` (en);
 * more decimals when they would round a share that is not 0 or 100 % to 0.0 or 100.0 (`0.01 %`).
 */
export function percent(fraction: number, locale: Locale, digits = 1): string {
  const p = fraction * 100;
  let d = digits;
  while (d < 4 && p > 0 && p < 100 && (Number(p.toFixed(d)) === 0 || Number(p.toFixed(d)) === 100)) d++;
  const v = p.toFixed(d);
  return locale === 'zh' ? `${v}%` : `${v}\u00a0%`;
}

/** A number that is already a percentage, written as given, with the locale's sign: `3.57%` / `3.57 %`. */
export function percentSign(p: number | string, locale: Locale): string {
  return locale === 'zh' ? `${p}%` : `${p}\u00a0%`;
}

/** A formatter bound to one locale: `const f = numberFormat('zh'); f.count(73728)`. */
export function numberFormat(locale: Locale) {
  return {
    plain,
    cell,
    count,
    fixed,
    percent: (fraction: number, digits = 1) => percent(fraction, locale, digits),
    percentSign: (p: number | string) => percentSign(p, locale),
  };
}
