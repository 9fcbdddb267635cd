/**
 * What a reader typed into a number field, read against the field's schema — pure, no DOM, so the
 * rules can be unit-tested and are the same for every widget (`widgets/shared/number-field.ts`
 * binds them to inputs).
 *
 * - `readEntry(spec, text)`: the number the text stands for and the value that will be used (the
 *   same clamping and rounding as a link: `codec.ts`), with the reason when they differ.
 * - `settled(spec, text)`: whether a pause in typing may apply the text, or the reader is still in
 *   the middle of a number (`0.`, `-`, `1e`, or `2` on the way to `200` in a field whose minimum
 *   is 50): those wait for Enter or leaving the field.
 */
import type { FloatField, IntField } from './schema';

export type NumberSpec = IntField | FloatField;

/** Why the value used differs from the number typed. */
export type Adjustment = 'min' | 'max' | 'integer' | 'allowed' | 'digits';

export type Entry =
  /** Nothing typed (spaces only). */
  | { kind: 'empty' }
  /** Not a number, and no further typing makes it one (`abc`, `1.2.3`). */
  | { kind: 'invalid'; text: string }
  /** Not a number yet, but the start of one (`-`, `.`, `1e`, `1e-`). */
  | { kind: 'partial'; text: string }
  /** A number: `typed` as written, `value` the one used, `adjusted` when they differ. */
  | { kind: 'number'; typed: number; value: number; adjusted?: Adjustment };

/** A complete decimal number, as links accept it: `32`, `-1.5`, `1e-3`, `.5`, `5.`. */
const complete = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** The start of one: every prefix of a complete number that is not complete itself. */
const prefix = /^[+-]?(\d*\.?\d*)([eE][+-]?)?$/;

/**
 * Undoes what input methods do to digits: full-width digits and signs (Chinese IMEs in full-width
 * mode), the ideographic full stop 。 typed for a decimal point, thousands separators in groups of
 * three (`1,000`), and spaces.
 */
export function normalizeDigits(text: string): string {
  let t = text
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\uff0e\u3002]/g, '.')
    .replace(/[\uff0d\u2212]/g, '-')
    .replace(/\uff0b/g, '+')
    .replace(/[\uff45]/g, 'e')
    .replace(/\s+/g, '');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, '');
  return t;
}

/** The value a field keeps for `n` (clamped, rounded, snapped) and why it differs, if it does. */
export function adjust(spec: NumberSpec, n: number): { value: number; adjusted?: Adjustment } {
  let v = n;
  let adjusted: Adjustment | undefined;
  if (spec.kind === 'int' && !Number.isInteger(v)) {
    v = Math.round(v);
    adjusted = 'integer';
  }
  if (v < spec.min) {
    v = spec.min;
    adjusted = 'min';
  } else if (v > spec.max) {
    v = spec.max;
    adjusted = 'max';
  }
  if (spec.kind === 'int' && spec.allowed && !spec.allowed.includes(v)) {
    const target = v;
    v = spec.allowed.reduce((best, a) => (Math.abs(a - target) < Math.abs(best - target) ? a : best));
    adjusted = 'allowed';
  }
  if (spec.kind === 'float') {
    const rounded = Number(v.toPrecision(spec.digits ?? 4));
    if (rounded !== v) {
      v = rounded;
      adjusted ??= 'digits';
    }
  }
  return adjusted ? { value: v, adjusted } : { value: v };
}

export function readEntry(spec: NumberSpec, raw: string): Entry {
  const text = normalizeDigits(raw);
  if (text === '') return { kind: 'empty' };
  if (!complete.test(text)) return prefix.test(text) ? { kind: 'partial', text: raw } : { kind: 'invalid', text: raw };
  const typed = Number(text);
  if (!Number.isFinite(typed)) return { kind: 'invalid', text: raw };
  return { kind: 'number', typed, ...adjust(spec, typed) };
}

/**
 * True when a pause in typing may apply `raw`: it is a complete number, does not end in a decimal
 * point, and either needs no change or is out of range in a way that more digits cannot mend
 * (`-5` where the minimum is 0; `5000` where the maximum is 3000). Empty and half-typed text waits.
 */
export function settled(spec: NumberSpec, raw: string): boolean {
  const entry = readEntry(spec, raw);
  if (entry.kind !== 'number') return false;
  const text = normalizeDigits(raw);
  if (/\.$/.test(text)) return false;
  if (entry.adjusted !== 'min' && entry.adjusted !== 'max') return true;
  // Could typing on bring it into range? Try appending digits (and a first decimal digit).
  const tails = ['0', '00', '000', '0000', '1', '01', '001', '0001', '00001', '5', '9', '99', '999'];
  const heads = text.includes('.') || /[eE]/.test(text) ? [text] : [text, `${text}.`];
  for (const h of heads) {
    for (const t of tails) {
      const next = `${h}${t}`;
      if (!complete.test(next)) continue;
      const n = Number(next);
      if (n >= spec.min && n <= spec.max) return false;
    }
  }
  return true;
}

/** A value as the field shows it: plain decimal, as links carry it (`0.001`, `400`). */
export function fieldText(spec: NumberSpec, value: number): string {
  if (spec.kind === 'int') return String(Math.round(value));
  return String(Number(value.toPrecision(spec.digits ?? 4)));
}
