import { defaults, reservedKeys, type FieldSpec, type StateOf, type WidgetSchema } from './schema';

/**
 * The one URL codec for every widget. Pure: no DOM, never throws.
 *
 * Link format: `?w=<widget-id>&v=<version>&<field>=<value>…#<widget-id>`; every field is written
 * explicitly (not only the ones that differ from the defaults) so that a link keeps its meaning
 * even if a default changes later. Numbers are plain decimals, booleans `1`/`0`, sets
 * comma-separated in schema order, number lists comma-separated in their own order.
 */

/** What the parser changed in a link, so the widget can say so in its notice. */
export interface UrlCorrection {
  key: string;
  /** `clamped`: out of range, moved to the nearest allowed value; `dropped`: malformed, default used;
   *  `unknown`: not a setting of this widget, ignored; `repeated`: given twice, last one used;
   *  `version`: the link was written by a newer format than this page knows. */
  kind: 'clamped' | 'dropped' | 'unknown' | 'repeated' | 'version';
  /** The text found in the link (truncated to 40 characters). */
  raw: string;
  /** The value used instead, as it would be written in a link ('' for `unknown`). */
  used: string;
}

export interface ParseResult<S extends WidgetSchema> {
  state: StateOf<S>;
  corrections: UrlCorrection[];
  /** True when the link addresses this widget (`w=<id>`); otherwise state is the defaults. */
  addressed: boolean;
}

const truncate = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

/** Formats one field value the way links carry it. */
export function formatValue(spec: FieldSpec, value: unknown): string {
  switch (spec.kind) {
    case 'int':
      return String(Math.round(value as number));
    case 'float': {
      const v = value as number;
      return String(Number(v.toPrecision(spec.digits ?? 4)));
    }
    case 'bool':
      return value ? '1' : '0';
    case 'enum':
    case 'text':
      return String(value);
    case 'set': {
      const members = new Set(value as string[]);
      return spec.values.filter((v) => members.has(v)).join(',');
    }
    case 'list':
      return (value as number[]).map((v) => String(Number(v.toPrecision(spec.digits ?? 4)))).join(',');
  }
}

/** A strict decimal number: `32`, `-1.5`, `1e-3`, `.5`; not `0x10`, `''`, `1,5`, `Infinity`. */
const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses one raw value; returns the value to use and whether it was clamped, or undefined if malformed. */
function parseValue(spec: FieldSpec, raw: string): { value: unknown; clamped: boolean } | undefined {
  const text = raw.trim();
  switch (spec.kind) {
    case 'int':
    case 'float': {
      if (!decimal.test(text)) return undefined;
      let n = Number(text);
      if (!Number.isFinite(n)) return undefined;
      let clamped = false;
      if (spec.kind === 'int' && !Number.isInteger(n)) {
        n = Math.round(n);
        clamped = true;
      }
      if (n < spec.min || n > spec.max) {
        n = Math.min(spec.max, Math.max(spec.min, n));
        clamped = true;
      }
      if (spec.kind === 'int' && spec.allowed && !spec.allowed.includes(n)) {
        const target = n;
        n = spec.allowed.reduce((best, a) => (Math.abs(a - target) < Math.abs(best - target) ? a : best));
        clamped = true;
      }
      if (spec.kind === 'float') {
        const rounded = Number(n.toPrecision(spec.digits ?? 4));
        if (rounded !== n) n = rounded;
      }
      return { value: n, clamped };
    }
    case 'bool':
      if (['1', 'true', 'on', 'yes'].includes(text.toLowerCase())) return { value: true, clamped: false };
      if (['0', 'false', 'off', 'no'].includes(text.toLowerCase())) return { value: false, clamped: false };
      return undefined;
    case 'enum':
      return spec.values.includes(text) ? { value: text, clamped: false } : undefined;
    case 'set': {
      const parts = text === '' ? [] : text.split(',').map((p) => p.trim());
      if (parts.some((p) => !spec.values.includes(p))) return undefined;
      const members = spec.values.filter((v) => parts.includes(v));
      if (members.length < (spec.minSize ?? 0)) return undefined;
      const max = spec.maxSize ?? members.length;
      return members.length > max ? { value: members.slice(0, max), clamped: true } : { value: members, clamped: false };
    }
    case 'list': {
      const parts = text === '' ? [] : text.split(',').map((p) => p.trim());
      if (!spec.lengths.includes(parts.length) || parts.some((p) => !decimal.test(p))) return undefined;
      let clamped = false;
      const values = parts.map((p) => {
        let n = Number(p);
        if (!Number.isFinite(n)) n = n > 0 ? spec.max : spec.min;
        if (n < spec.min || n > spec.max) {
          n = Math.min(spec.max, Math.max(spec.min, n));
          clamped = true;
        }
        return Number(n.toPrecision(spec.digits ?? 4));
      });
      return { value: values, clamped };
    }
    case 'text': {
      // Visible characters only: no control characters, no markup delimiters.
      if (/[\u0000-\u001f\u007f<>]/.test(raw)) return undefined;
      if (raw.length > spec.maxLength) return { value: raw.slice(0, spec.maxLength), clamped: true };
      return { value: raw, clamped: false };
    }
  }
}

function toParams(input: string | URLSearchParams): URLSearchParams {
  if (typeof input !== 'string') return input;
  try {
    return new URLSearchParams(input.startsWith('?') ? input.slice(1) : input);
  } catch {
    return new URLSearchParams();
  }
}

/**
 * Reads a widget's state from a query string (or URLSearchParams). Never throws: out-of-range
 * numbers are clamped, malformed values replaced by the default, unknown keys ignored — each
 * listed in `corrections`. If the link addresses another widget (`w=` ≠ this id), the state is the
 * default and nothing is reported.
 */
export function parseState<S extends WidgetSchema>(schema: S, input: string | URLSearchParams): ParseResult<S> {
  const state = defaults(schema) as Record<string, unknown>;
  const corrections: UrlCorrection[] = [];
  let params: URLSearchParams;
  try {
    params = toParams(input);
  } catch {
    params = new URLSearchParams();
  }
  const widget = params.getAll('w');
  if (!widget.includes(schema.id)) return { state: state as StateOf<S>, corrections, addressed: false };

  params = expandCompact(schema, params, corrections);
  const version = params.get('v');
  if (version !== null && (!/^\d+$/.test(version) || Number(version) > schema.version)) {
    corrections.push({ key: 'v', kind: 'version', raw: truncate(version), used: String(schema.version) });
  }
  const seen = new Set<string>();
  for (const [key, raw] of params) {
    if ((reservedKeys as readonly string[]).includes(key)) continue;
    const spec = Object.prototype.hasOwnProperty.call(schema.fields, key) ? schema.fields[key] : undefined;
    if (!spec) {
      corrections.push({ key: truncate(key), kind: 'unknown', raw: truncate(raw), used: '' });
      continue;
    }
    if (seen.has(key)) corrections.push({ key, kind: 'repeated', raw: truncate(raw), used: '' });
    seen.add(key);
    const parsed = parseValue(spec, raw);
    if (!parsed) {
      state[key] = spec.kind === 'set' || spec.kind === 'list' ? [...spec.default] : spec.default;
      corrections.push({ key, kind: 'dropped', raw: truncate(raw), used: formatValue(spec, state[key]) });
      continue;
    }
    state[key] = parsed.value;
    if (parsed.clamped) corrections.push({ key, kind: 'clamped', raw: truncate(raw), used: formatValue(spec, parsed.value) });
  }
  // A repeated key reports the value finally used.
  for (const c of corrections) {
    const spec = schema.fields[c.key];
    if (c.kind === 'repeated' && spec) c.used = formatValue(spec, state[c.key]);
  }
  return { state: state as StateOf<S>, corrections, addressed: true };
}

/** Writes a widget's full state as query parameters: `w`, `v`, then every field in schema order. */
export function serializeState<S extends WidgetSchema>(schema: S, state: StateOf<S>): URLSearchParams {
  const params = new URLSearchParams();
  params.set('w', schema.id);
  params.set('v', String(schema.version));
  for (const [key, spec] of Object.entries(schema.fields)) {
    params.set(key, formatValue(spec, (state as Record<string, unknown>)[key]));
  }
  return params;
}

/**
 * Normalises a state that came from the UI or code (not a link): every field valid, clamped,
 * rounded as a link would carry it. `serializeState(parse(x))` round-trips for any such state.
 */
export function normalizeState<S extends WidgetSchema>(schema: S, state: Partial<StateOf<S>>): StateOf<S> {
  const params = new URLSearchParams({ w: schema.id });
  for (const [key, spec] of Object.entries(schema.fields)) {
    const value = (state as Record<string, unknown>)[key];
    if (value !== undefined) params.set(key, formatValue(spec, value));
  }
  return parseState(schema, params).state;
}

/**
 * The compact form of a link, for QR codes, where every character counts: the settings as one
 * parameter of their values in schema order, `s=32~32~1~adam~0.001~400~0~spiral~plain,residual~single`,
 * instead of `depth=32&width=32&…`. Same values, same parser: `parseState` expands `s` into the
 * named parameters (a named one given as well wins) and reads them as it reads any link, so the
 * compact link opens exactly the state of the full one.
 *
 * The order of a schema's fields is therefore part of its format version: new fields go at the
 * end (a compact link without them gets their defaults, as a full link without them does), and
 * reordering or removing fields needs a new version (a unit test freezes the order). Returns
 * `undefined` when a value contains the separator `~` (a free-text field), where only the full
 * form is exact.
 */
export function compactQuery<S extends WidgetSchema>(schema: S, state: StateOf<S>): string | undefined {
  const values = Object.entries(schema.fields).map(([key, spec]) => formatValue(spec, (state as Record<string, unknown>)[key]));
  if (values.some((v) => v.includes(compactSeparator))) return undefined;
  // Only characters a query may carry as they are (RFC 3986 unreserved and sub-delims, no & or =).
  const safe = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',');
  return `w=${encodeURIComponent(schema.id)}&v=${schema.version}&s=${values.map(safe).join(compactSeparator)}`;
}

const compactSeparator = '~';

/** `s=` spread into named parameters (see `compactQuery`); surplus values are reported and ignored. */
function expandCompact(schema: WidgetSchema, params: URLSearchParams, corrections: UrlCorrection[]): URLSearchParams {
  const compact = params.get('s');
  if (compact === null) return params;
  const out = new URLSearchParams(params);
  out.delete('s');
  const keys = Object.keys(schema.fields);
  const values = compact.split(compactSeparator);
  values.forEach((value, i) => {
    const key = keys[i];
    if (key === undefined) return;
    if (!out.has(key)) out.set(key, value);
  });
  if (values.length > keys.length) corrections.push({ key: 's', kind: 'unknown', raw: truncate(values.slice(keys.length).join(compactSeparator)), used: '' });
  return out;
}
