/**
 * Number formatting for the explorer widgets, the same at build time and in the browser.
 * Tables (`<table data-metrics>`) carry plain decimals (`plain`); prose and labels use
 * separators and short units.
 */
import type { Locale } from '../i18n/locales';

/** A plain decimal, as tables and CSV carry it: `25557032`, `15.5`. */
export function plain(n: number): string {
  return String(n);
}

/** `25,557,032` (thousands separators; the same in zh and en). */
export function grouped(n: number): string {
  const [int, frac] = String(n).split('.');
  const g = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${g}.${frac}` : g;
}

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

/**
 * A share 0…1 as a percentage with one decimal, `74.3 %` (en) / `74.3%` (zh); more decimals
 * when one would round a share that is not 0 or 100 % to 0.0 or 100.0 (`0.01 %`, `99.99 %`).
 */
export function percent(fraction: number, locale: Locale): string {
  const p = fraction * 100;
  let digits = 1;
  while (digits < 4 && p > 0 && p < 100 && (Number(p.toFixed(digits)) === 0 || Number(p.toFixed(digits)) === 100)) digits++;
  const v = p.toFixed(digits);
  return locale === 'zh' ? `${v}%` : `${v}\u00a0%`;
}

/** `[56, 56, 64]` → `56×56×64` (vectors too: `1×1×4096`). */
export function shape(s: readonly [number, number, number]): string {
  return `${s[0]}×${s[1]}×${s[2]}`;
}
