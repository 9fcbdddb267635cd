/**
 * Binds a widget's form controls to its state, driven by the schema: any element inside the
 * widget with `data-field="<key>"` is a control for that setting.
 * - int/float: `<input type="range">` (live while dragged; min/max come from the schema), a
 *   `<select>`, or a number field `<input type="text" inputmode="decimal">` that takes free typing
 *   and applies on Enter, blur or a pause (`bindNumberFields`, `number-field.ts`)
 * - bool: `<input type="checkbox">`
 * - enum: `<select>` or a group of `<input type="radio" value>`
 * - set: a group of `<input type="checkbox" value>`
 * - list: an `<input type="text">` holding comma-separated numbers (or no control: set it from code)
 * An element with `data-output="<key>"` shows the current value.
 */
import type { StringKey } from '../../lib/i18n/strings';
import type { FieldSpec, WidgetSchema } from '../../lib/state/schema';
import { bindNumberField, numberFieldOf } from './number-field';

type AnyState = Record<string, unknown>;

export function controlsFor(root: HTMLElement, key: string): HTMLInputElement[] | HTMLSelectElement[] {
  return [...root.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[data-field="${CSS.escape(key)}"]`)] as HTMLInputElement[];
}

/** Puts state values into the controls (no events fired). */
export function writeControls(root: HTMLElement, schema: WidgetSchema, state: AnyState, format?: (key: string, value: unknown) => string) {
  for (const [key, spec] of Object.entries(schema.fields)) {
    const value = state[key];
    for (const el of controlsFor(root, key)) {
      if (el instanceof HTMLSelectElement) el.value = String(value);
      else if (el.type === 'checkbox') el.checked = spec.kind === 'set' ? (value as string[]).includes(el.value) : Boolean(value);
      else if (el.type === 'radio') el.checked = el.value === String(value);
      else if (numberFieldOf(el)) numberFieldOf(el)!.sync();
      else el.value = Array.isArray(value) ? value.join(',') : String(value);
    }
    for (const out of root.querySelectorAll<HTMLElement>(`[data-output="${key}"]`)) {
      out.textContent = format ? format(key, value) : String(value);
    }
  }
}

/** Reads one control's current value as the field's type (or undefined when unusable). */
function readControl(root: HTMLElement, key: string, spec: FieldSpec, el: HTMLInputElement | HTMLSelectElement): unknown {
  switch (spec.kind) {
    case 'int':
    case 'float': {
      const n = Number(el.value);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'bool':
      return (el as HTMLInputElement).checked;
    case 'enum':
      return el.value;
    case 'set':
      return [...root.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][data-field="${key}"]`)].filter((c) => c.checked).map((c) => c.value);
    case 'list': {
      const values = el.value.split(',').map((v) => Number(v.trim()));
      return values.every(Number.isFinite) ? values : undefined;
    }
    case 'text':
      return el.value;
  }
}

/** Sets min/max on numeric inputs from the schema, so the UI and links share one set of limits. */
export function applyLimits(root: HTMLElement, schema: WidgetSchema) {
  for (const [key, spec] of Object.entries(schema.fields)) {
    if (spec.kind !== 'int' && spec.kind !== 'float') continue;
    for (const el of controlsFor(root, key)) {
      if (el instanceof HTMLInputElement && el.type === 'range') {
        if (!('allowed' in spec && spec.allowed)) {
          el.min = String(spec.min);
          el.max = String(spec.max);
        }
      }
    }
  }
}

/** Calls `onInput(key, value)` whenever the reader changes a control. */
export function listenControls(root: HTMLElement, schema: WidgetSchema, onInput: (key: string, value: unknown, final: boolean) => void) {
  const handler = (event: Event) => {
    const el = event.target as HTMLInputElement | HTMLSelectElement;
    const key = el?.dataset?.field;
    if (!key || !(key in schema.fields)) return;
    if ('numberField' in el.dataset) return; // applied by its own binding
    const value = readControl(root, key, schema.fields[key]!, el);
    if (value !== undefined) onInput(key, value, event.type === 'change');
  };
  root.addEventListener('input', handler);
  root.addEventListener('change', handler);
  return () => {
    root.removeEventListener('input', handler);
    root.removeEventListener('change', handler);
  };
}

/**
 * Binds every number field (`input[type="text"][data-field]` of an int/float setting) to the state:
 * `current(key)` is the value in use, `apply(key, value)` sets it and returns the value in use after.
 */
export function bindNumberFields(
  root: HTMLElement,
  schema: WidgetSchema,
  t: (key: StringKey) => string,
  current: (key: string) => number,
  apply: (key: string, value: number) => number,
) {
  for (const [key, spec] of Object.entries(schema.fields)) {
    if (spec.kind !== 'int' && spec.kind !== 'float') continue;
    for (const el of controlsFor(root, key)) {
      if (el instanceof HTMLInputElement && (el.type === 'text' || el.type === 'number')) {
        if (el.type === 'number') el.type = 'text';
        bindNumberField(el, { spec, t, current: () => current(key), apply: (v) => apply(key, v) });
      }
    }
  }
}
