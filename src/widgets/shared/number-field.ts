/**
 * A number field that lets the reader type: the text is never rewritten while it is being typed.
 * The value is applied on Enter, on leaving the field, or after a pause in typing (`idleMs`,
 * default 700 ms) — but a pause never applies a number that is still being written (`0.`, `-`,
 * `1e`, or `2` on its way to `200` where the minimum is 50: `number-entry.ts: settled`).
 *
 * When the value used differs from what was typed (out of range, not a whole number, not one of
 * the allowed values, rounded), or the text is empty or not a number, a message in the reader's
 * language appears next to the field, the field gets `aria-invalid="true"` and is described by
 * the message (`aria-describedby`). On Enter or leaving the field, the field shows the value in
 * use. ↑/↓ step by `data-step` (default 1 for whole numbers, else a tenth of the value).
 *
 * Markup: `<input type="text" inputmode="decimal">` (a text field, so the browser neither
 * sanitises nor reformats what is typed).
 */
import { fill } from '../../lib/i18n/translate';
import type { StringKey } from '../../lib/i18n/strings';
import { fieldText, readEntry, settled, type Adjustment, type NumberSpec } from '../../lib/state/number-entry';

export interface NumberFieldOptions {
  spec: NumberSpec;
  t: (key: StringKey) => string;
  /** The value in use now. */
  current(): number;
  /** Applies `value` (already clamped to `spec`); returns the value in use afterwards. */
  apply(value: number): number;
  /** Where the message goes (default: a new element right after the field). */
  message?: HTMLElement;
  /** Quiet time after the last keystroke before a settled number is applied, ms (default 700). */
  idleMs?: number;
}

export interface NumberField {
  /** Shows the value in use (unless the reader is typing) and drops a message about an older value. */
  sync(): void;
  /** Shows the value in use and drops any message (after Reset). */
  clear(): void;
  destroy(): void;
}

const bound = new WeakMap<HTMLInputElement, NumberField>();
let uid = 0;

/** The binding of `el`, if it is a number field. */
export function numberFieldOf(el: Element): NumberField | undefined {
  return el instanceof HTMLInputElement ? bound.get(el) : undefined;
}

const reasonKey: Record<Adjustment, StringKey> = {
  min: 'field.min',
  max: 'field.max',
  integer: 'field.integer',
  allowed: 'field.allowed',
  digits: 'field.digits',
};

export function bindNumberField(el: HTMLInputElement, o: NumberFieldOptions): NumberField {
  const spec = o.spec;
  const idleMs = o.idleMs ?? 700;
  const text = (v: number) => fieldText(spec, v);
  el.dataset.numberField = '';
  el.autocomplete = 'off';
  el.spellcheck = false;
  if (!el.inputMode) el.inputMode = spec.min < 0 ? 'text' : spec.kind === 'int' ? 'numeric' : 'decimal';

  const msg = o.message ?? document.createElement('span');
  if (!o.message) {
    msg.className = 'nb-field-msg';
    el.after(msg);
  }
  msg.id ||= `nb-field-msg-${++uid}`;
  msg.setAttribute('aria-live', 'polite');
  msg.hidden = !msg.textContent;
  const describedBy = new Set((el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
  describedBy.add(msg.id);
  el.setAttribute('aria-describedby', [...describedBy].join(' '));

  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The value a shown message is about: a later change of the value from elsewhere drops it. */
  let messageFor: number | undefined;

  const say = (message: string, about?: number) => {
    msg.textContent = message;
    msg.hidden = !message;
    msg.dataset.for = message ? el.dataset.field ?? el.dataset.cell ?? '' : '';
    messageFor = message ? about : undefined;
    if (message) el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
  };

  const commit = (final: boolean) => {
    clearTimeout(timer);
    timer = undefined;
    if (!final && !settled(spec, el.value)) return;
    const entry = readEntry(spec, el.value);
    if (entry.kind === 'number') {
      const used = o.apply(entry.value);
      if (entry.adjusted) {
        const values = spec.kind === 'int' && spec.allowed ? spec.allowed.join(', ') : '';
        const n = spec.kind === 'float' ? spec.digits ?? 4 : 0;
        say(fill(o.t(reasonKey[entry.adjusted]), { min: text(spec.min), max: text(spec.max), used: text(used), values, n }), used);
      } else say('');
      if (final) {
        el.value = text(used);
        delete el.dataset.editing;
      }
      return;
    }
    if (!final) return;
    const used = o.current();
    say(entry.kind === 'empty' ? fill(o.t('field.empty'), { used: text(used) }) : fill(o.t('field.invalid'), { text: entry.text.trim(), used: text(used) }), used);
    el.value = text(used);
    delete el.dataset.editing;
  };

  const onInput = () => {
    el.dataset.editing = 'true';
    if (messageFor !== undefined || msg.textContent) say('');
    clearTimeout(timer);
    timer = settled(spec, el.value) ? setTimeout(() => commit(false), idleMs) : undefined;
  };
  const onCommit = () => {
    if (el.dataset.editing) commit(true);
  };
  // `change` comes with Enter and blur (handled there), and from lazyMount re-sending an edit made
  // before the widget's code arrived: that one is applied at once.
  const onChange = (e: Event) => {
    if (!e.isTrusted) el.dataset.editing = 'true';
    onCommit();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      el.dataset.editing = 'true';
      commit(true);
    } else if (e.key === 'Escape' && el.dataset.editing) {
      clearTimeout(timer);
      delete el.dataset.editing;
      el.value = text(o.current());
      say('');
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const entry = readEntry(spec, el.value);
      const from = entry.kind === 'number' ? entry.value : o.current();
      const step = Number(el.dataset.step) || (spec.kind === 'int' ? 1 : Math.max(Math.abs(from) / 10, spec.min > 0 ? spec.min : 0.1));
      el.value = text(from + (e.key === 'ArrowUp' ? step : -step));
      el.dataset.editing = 'true';
      commit(true);
      el.select();
    }
  };
  el.addEventListener('input', onInput);
  el.addEventListener('change', onChange);
  el.addEventListener('blur', onCommit);
  el.addEventListener('keydown', onKey);

  const field: NumberField = {
    sync() {
      const v = o.current();
      if (messageFor !== undefined && messageFor !== v) say('');
      if (el.dataset.editing) return; // never rewrite what the reader is typing
      el.value = text(v);
    },
    clear() {
      clearTimeout(timer);
      delete el.dataset.editing;
      say('');
      el.value = text(o.current());
    },
    destroy() {
      clearTimeout(timer);
      el.removeEventListener('input', onInput);
      el.removeEventListener('change', onChange);
      el.removeEventListener('blur', onCommit);
      el.removeEventListener('keydown', onKey);
      bound.delete(el);
    },
  };
  bound.set(el, field);
  return field;
}
