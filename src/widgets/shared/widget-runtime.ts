/**
 * The runtime every widget mounts through. It owns the widget contract that is the same for all
 * widgets — state from the link (validated, corrections shown in the URL notice), controls bound
 * to the schema, debounced URL updates, teacher locks and hidden controls, Copy link, Reset,
 * Export, the print view, a classroom task (`task=`), scrolling to the widget and starting its run
 * when the link says `run=1`, and the `data-status` attribute — so a widget only wires
 * state → worker → charts, and every classroom feature works for every registered widget.
 *
 * Test and embedding interface it adds to the root: `data-state` (the state as link parameters),
 * and a bubbling `nb:state` event (`detail: { id, query, labels }`) after every change.
 *
 * `mountWidget` keeps the state and composes the parts in `./runtime/`: the URL notice, teacher
 * options, control labels, the frame's buttons, the toast, the pin into view and `run=1`.
 */
import { parseState, normalizeState, serializeState } from '../../lib/state/codec';
import { parseLinkOptions, type LinkOptions } from '../../lib/state/link-options';
import { defaults, type StateOf, type WidgetSchema } from '../../lib/state/schema';
import { toLocale, type Locale } from '../../lib/i18n/locales';
import { useStrings, type StringKey } from '../../lib/i18n/strings';
import { applyLimits, bindNumberFields, listenControls, writeControls } from './controls';
import { urlWriter, widgetLink } from './url-sync';
import { createAutorun } from './runtime/autorun';
import { controlLabeller } from './runtime/control-label';
import { createLinkNotice } from './runtime/link-notice';
import { pinIntoView } from './runtime/pin-into-view';
import { applyTeacherOptions } from './runtime/teacher-options';
import { createToast } from './runtime/toast';
import { bindWidgetActions } from './runtime/widget-actions';

export type WidgetStatus = 'idle' | 'loading' | 'running' | 'done' | 'error';

export interface WidgetRuntime<S extends WidgetSchema> {
  root: HTMLElement;
  schema: S;
  locale: Locale;
  t: (key: StringKey) => string;
  /** The current, always-valid state. Treat as read-only; change it with `set`. */
  readonly state: StateOf<S>;
  options: LinkOptions;
  /** True when the page was opened with a link addressing this widget. */
  addressed: boolean;
  /** Changes settings (normalised and clamped like a link), updates controls and the address bar. */
  set(partial: Partial<StateOf<S>>): void;
  /** Called after every state change (from a control, `set` or Reset). */
  onChange(listener: (state: StateOf<S>, changed: (keyof StateOf<S>)[]) => void): void;
  setStatus(status: WidgetStatus): void;
  /** A short message in the widget's live region. */
  toast(message: string): void;
  /** Extra query parameters a widget keeps in its link (e.g. a classroom task). */
  extraParams: URLSearchParams;
}

export interface RuntimeOptions {
  /** Formats a value for `data-output` elements (e.g. learning rate as 1e-3). */
  format?: (key: string, value: unknown) => string;
  /** Visible names of settings, for the URL notice; defaults to the control's label text. */
  label?: (key: string) => string;
}

export function mountWidget<S extends WidgetSchema>(root: HTMLElement, schema: S, opts: RuntimeOptions = {}): WidgetRuntime<S> {
  const locale = toLocale(root.dataset.locale ?? (document.documentElement.lang.startsWith('en') ? 'en' : 'zh'));
  const t = useStrings(locale);
  const search = location.search;
  const parsed = parseState(schema, search);
  const link = parseLinkOptions(schema, search);
  let state = parsed.state;
  const options = link.options;
  const listeners: ((s: StateOf<S>, changed: (keyof StateOf<S>)[]) => void)[] = [];
  const extraParams = new URLSearchParams();
  if (parsed.addressed) {
    const task = new URLSearchParams(search).get('task');
    if (task !== null) extraParams.set('task', task);
  }
  const labelOf = opts.label ?? controlLabeller(root, locale);
  const notice = createLinkNotice(root, [...parsed.corrections, ...link.corrections], locale, labelOf);
  applyTeacherOptions(root, options, t('widget.locked'));

  // The state: controls, the address bar, listeners and the `nb:state` event follow every change.
  applyLimits(root, schema);
  writeControls(root, schema, state as Record<string, unknown>, opts.format);
  const writeUrl = urlWriter(schema, () => options, () => extraParams);
  const announce = () => {
    root.dataset.state = serializeState(schema, state).toString();
    const query = new URL(widgetLink(schema, state, options, extraParams)).search;
    const labels = Object.fromEntries(Object.keys(schema.fields).map((k) => [k, labelOf(k)]));
    root.dispatchEvent(new CustomEvent('nb:state', { bubbles: true, detail: { id: schema.id, query, labels } }));
  };
  const commit = (next: StateOf<S>, changed: (keyof StateOf<S>)[], touchUrl: boolean) => {
    state = next;
    writeControls(root, schema, state as Record<string, unknown>, opts.format);
    if (touchUrl) writeUrl(state);
    for (const l of listeners) l(state, changed);
    announce();
  };

  bindNumberFields(
    root,
    schema,
    t,
    (key) => (state as Record<string, number>)[key]!,
    (key, value) => {
      if (!options.lock.includes(key)) {
        const next = normalizeState(schema, { ...state, [key]: value } as Partial<StateOf<S>>);
        if ((next as Record<string, unknown>)[key] !== (state as Record<string, unknown>)[key]) commit(next, [key as keyof StateOf<S>], true);
      }
      return (state as Record<string, number>)[key]!;
    },
  );
  listenControls(root, schema, (key, value) => {
    if (options.lock.includes(key)) return;
    const next = normalizeState(schema, { ...state, [key]: value } as Partial<StateOf<S>>);
    const before = (state as Record<string, unknown>)[key];
    const after = (next as Record<string, unknown>)[key];
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    commit(next, [key as keyof StateOf<S>], true);
  });

  const toast = createToast(root);
  /** The classroom task panel's loading (below), when the link has a task. */
  let taskReady: Promise<unknown> = Promise.resolve();
  bindWidgetActions({
    root,
    schema,
    locale,
    t,
    options,
    state: () => state as Record<string, unknown>,
    link: () => widgetLink(schema, state, options, extraParams),
    labelOf,
    toast,
    defaults: () => defaults(schema) as Record<string, unknown>,
    taskReady: () => taskReady,
    reset: (fresh) => {
      commit(normalizeState(schema, fresh as Partial<StateOf<S>>), Object.keys(schema.fields) as (keyof StateOf<S>)[], true);
      notice.hide();
    },
  });

  // A classroom task in the link: the panel and its checks load only when there is one.
  const taskRaw = extraParams.get('task');
  if (taskRaw !== null) {
    taskReady = import('./task-panel').then((m) =>
      m.mountTask(
        {
          root,
          schema,
          locale,
          state: () => state as StateOf<WidgetSchema>,
          onChange: (l) => listeners.push(l),
          notice: (clause) => notice.addClause(clause),
          dropTask: () => extraParams.delete('task'),
        },
        taskRaw,
      ),
    );
  }

  if (parsed.addressed) pinIntoView(root);
  const autorun = createAutorun(root, parsed.addressed && options.run);
  announce();

  return {
    root,
    schema,
    locale,
    t,
    get state() {
      return state;
    },
    options,
    addressed: parsed.addressed,
    extraParams,
    set(partial) {
      if (Object.keys(partial).some((k) => options.lock.includes(k))) {
        partial = Object.fromEntries(Object.entries(partial).filter(([k]) => !options.lock.includes(k))) as Partial<StateOf<S>>;
      }
      commit(normalizeState(schema, { ...state, ...partial }), Object.keys(partial) as (keyof StateOf<S>)[], true);
    },
    onChange(listener) {
      listeners.push(listener);
    },
    setStatus(status) {
      root.dataset.status = status;
      if (status === 'idle' || status === 'done') autorun.ready();
    },
    toast,
  };
}
