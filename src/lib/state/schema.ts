/**
 * Typed widget-state schemas: one per widget, declaring every setting with its type, range or
 * allowed values and default. The URL codec (`codec.ts`) parses and serialises against these, so a
 * link can never smuggle in a value the UI would not allow.
 */

export interface IntField {
  kind: 'int';
  min: number;
  max: number;
  default: number;
  /** Optional whitelist (e.g. depths 2, 4, 8…): out-of-list values snap to the nearest allowed. */
  allowed?: readonly number[];
}
export interface FloatField {
  kind: 'float';
  min: number;
  max: number;
  default: number;
  /** Significant digits kept when serialising (default 4). */
  digits?: number;
}
export interface BoolField {
  kind: 'bool';
  default: boolean;
}
export interface EnumField<V extends string = string> {
  kind: 'enum';
  values: readonly V[];
  default: V;
}
export interface SetField<V extends string = string> {
  kind: 'set';
  values: readonly V[];
  default: readonly V[];
  /** Smallest number of members (default 0). */
  minSize?: number;
  /** Largest number of members (default: all); a link with more keeps the first ones in schema order. */
  maxSize?: number;
}
/**
 * A list of numbers of one of a few allowed lengths, e.g. the cells of a 3×3 or 5×5 kernel.
 * Links carry it comma-separated (`weights=1,0,-1,2,0,-2,1,0,-1`); each number is clamped to
 * [min, max] and rounded to `digits` significant digits; a list of another length is dropped.
 */
export interface ListField {
  kind: 'list';
  min: number;
  max: number;
  /** Allowed list lengths. */
  lengths: readonly number[];
  default: readonly number[];
  /** Significant digits kept per number (default 4). */
  digits?: number;
}
export interface TextField {
  kind: 'text';
  maxLength: number;
  default: string;
}

export type FieldSpec = IntField | FloatField | BoolField | EnumField | SetField | ListField | TextField;

/** The value type a field spec describes. */
export type FieldValue<F extends FieldSpec> = F extends IntField | FloatField
  ? number
  : F extends BoolField
    ? boolean
    : F extends EnumField<infer V>
      ? V
      : F extends SetField<infer V>
        ? V[]
        : F extends ListField
          ? number[]
          : F extends TextField
          ? string
          : never;

export interface WidgetSchema<Fields extends Record<string, FieldSpec> = Record<string, FieldSpec>> {
  /** The widget id, kebab-case; also its element id and `w=` value. */
  id: string;
  /**
   * State format version, written as `v=`. A link from a newer version is read as far as its keys
   * parse, with a notice. Links must reopen for years: bump this only when a key changes meaning,
   * and teach `parseState` to read the older form when you do.
   */
  version: number;
  fields: Fields;
}

export type StateOf<S extends WidgetSchema> = { [K in keyof S['fields']]: FieldValue<S['fields'][K]> };

/** Helper that keeps literal types: `defineSchema({ id: 'x', version: 1, fields: {…} })`. */
export function defineSchema<const F extends Record<string, FieldSpec>>(schema: WidgetSchema<F>): WidgetSchema<F> {
  return schema;
}

/** The default state of a schema (fresh arrays, safe to mutate). */
export function defaults<S extends WidgetSchema>(schema: S): StateOf<S> {
  const out: Record<string, unknown> = {};
  for (const [key, f] of Object.entries(schema.fields)) out[key] = f.kind === 'set' || f.kind === 'list' ? [...f.default] : f.default;
  return out as StateOf<S>;
}

/**
 * Query keys the codec reserves for itself (`s`: the compact form of the settings, see
 * `compactQuery` in codec.ts) and for classroom options; no field may use them.
 */
export const reservedKeys = ['w', 'v', 's', 'run', 'lock', 'hide', 'task'] as const;
