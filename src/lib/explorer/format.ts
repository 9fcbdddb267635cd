/**
 * Number formatting for the explorer widgets, the same at build time and in the browser.
 * Tables (`<table data-metrics>`) carry plain decimals (`plain`); prose and labels use
 * separators and short units.
 */
import { count } from '../i18n/number-format';

export { plain, percent } from '../i18n/number-format';

/** `25,557,032` (thousands separators; the same in zh and en): the notebook's one `count` formatter. */
export const grouped = count;

/** Three significant figures, as a plain decimal: 15470264320 / 1e9 → `15.5`; 0.7243 → `0.724`. */
export function sig3(n: number): string {
  if (n === 0) return '0';
  return String(Number(n.toPrecision(3)));
}

/** Short count with unit: `138 M`, `25.6 M`, `15.5 G`, `73.7 K`, `964`. */
export function short(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `${sig3(n / 1e9)}\u00a0G`;
  if (a >= 1e6) return `${sig3(n / 1e6)}\u00a0M`;
  if (a >= 1e4) return `${sig3(n / 1e3)}\u00a0K`;
  return grouped(n);
}

/** `[56, 56, 64]` → `56×56×64` (vectors too: `1×1×4096`). */
export function shape(s: readonly [number, number, number]): string {
  return `${s[0]}×${s[1]}×${s[2]}`;
}
