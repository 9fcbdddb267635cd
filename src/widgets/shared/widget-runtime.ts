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
 */
import { parseState, normalizeState, serializeState, type UrlCorrection } from '../../lib/state/codec';
import { parseLinkOptions, type LinkOptions } from '../../lib/state/link-options';
import { defaults, type StateOf, type WidgetSchema } from '../../lib/state/schema';
import { toLocale, type Locale } from '../../lib/i18n/locales';
import { useStrings, type StringKey } from '../../lib/i18n/strings';
import { urlNotice } from '../../lib/i18n/url-notice';
import { applyLimits, controlsFor, listenControls, writeControls } from './controls';
import { download, standaloneSvg, svgToPng, tableToCsv } from './export';
import { urlWriter, widgetLink } from './url-sync';

/** The name of the `task=` parameter in notices (the rest of the classroom strings load with the task panel). */
const taskLabel = { zh: '作业', en: 'task' } as const;

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

  const labelOf =
    opts.label ??
    ((key: string) => {
      if (key === 'task') return taskLabel[locale];
      // A group (radios, checkboxes) is named by its legend (`data-label-for`), a single control by its label.
      const el = controlsFor(root, key)[0];
      const group = root.querySelector(`[data-label-for="${CSS.escape(key)}"]`)?.textContent;
      const text = group ?? el?.labels?.[0]?.querySelector('[data-label]')?.textContent ?? el?.labels?.[0]?.textContent;
      return (text ?? key).trim().replace(/\s+/g, ' ');
    });

  // The notice: every correction made to the link, in the reader's language.
  const notice = root.querySelector<HTMLElement>('[data-notice="url"]');
  const corrections: UrlCorrection[] = [...parsed.corrections, ...link.corrections];
  const extraClauses: string[] = [];
  const showNotice = () => {
    if (!notice || (!corrections.length && !extraClauses.length)) return;
    notice.textContent = urlNotice(corrections, locale, labelOf, extraClauses);
    notice.hidden = false;
  };
  showNotice();

  // Teacher options: hidden and locked controls.
  for (const key of options.hide) {
    for (const el of controlsFor(root, key)) {
      const wrap = el.closest<HTMLElement>('[data-control]') ?? el;
      wrap.hidden = true;
      wrap.dataset.hiddenByLink = '';
    }
  }
  for (const key of options.lock) {
    for (const el of controlsFor(root, key)) {
      el.disabled = true;
      const wrap = el.closest<HTMLElement>('[data-control]');
      if (wrap && !wrap.querySelector('.nb-locked')) {
        wrap.dataset.locked = '';
        const badge = document.createElement('span');
        badge.className = 'nb-locked';
        badge.textContent = t('widget.locked');
        wrap.append(badge);
      }
    }
  }

  applyLimits(root, schema);
  writeControls(root, schema, state as Record<string, unknown>, opts.format);
  const writeUrl = urlWriter(schema, () => options, () => extraParams);

  const announce = () => {
    const params = serializeState(schema, state);
    root.dataset.state = params.toString();
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

  listenControls(root, schema, (key, value) => {
    if (options.lock.includes(key)) return;
    const next = normalizeState(schema, { ...state, [key]: value } as Partial<StateOf<S>>);
    const before = (state as Record<string, unknown>)[key];
    const after = (next as Record<string, unknown>)[key];
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    commit(next, [key as keyof StateOf<S>], true);
  });

  const linkOutput = root.querySelector<HTMLInputElement>('[data-link-output]');
  const toastEl = root.querySelector<HTMLElement>('[data-toast]');
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  const toast = (message: string) => {
    if (!toastEl) return;
    toastEl.textContent = message;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => (toastEl.textContent = ''), 6000);
  };

  root.addEventListener('click', async (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (!button || !root.contains(button)) return;
    const action = button.dataset.action;
    if (action === 'copy-link') {
      const href = widgetLink(schema, state, options, extraParams);
      if (linkOutput) {
        linkOutput.value = href;
        linkOutput.closest('label')!.hidden = false;
      }
      try {
        await navigator.clipboard.writeText(href);
        toast(t('widget.copied'));
      } catch {
        linkOutput?.select();
        toast(t('widget.copyFailed'));
      }
    } else if (action === 'print') {
      const { openPrintView } = await import('./print-view');
      openPrintView({ root, schema, locale, state: state as Record<string, unknown>, link: widgetLink(schema, state, options, extraParams), label: labelOf, hidden: options.hide });
    } else if (action === 'reset') {
      const fresh = defaults(schema) as Record<string, unknown>;
      // Locked and hidden settings stay as the teacher set them.
      for (const key of [...options.lock, ...options.hide]) fresh[key] = (state as Record<string, unknown>)[key];
      commit(normalizeState(schema, fresh as Partial<StateOf<S>>), Object.keys(schema.fields) as (keyof StateOf<S>)[], true);
      if (notice) notice.hidden = true;
    } else if (action === 'export-csv') {
      for (const table of root.querySelectorAll<HTMLTableElement>('table[data-metrics]')) {
        if (table.rows.length > 1) download(`${schema.id}-${table.dataset.metrics}.csv`, new Blob([tableToCsv(table)], { type: 'text/csv' }));
      }
    } else if (action === 'export-notebook') {
      const { notebookAction } = await import('./notebook-export');
      toast(await notebookAction(schema, state as Record<string, unknown>, locale));
    } else if (action === 'export-svg' || action === 'export-png') {
      const charts = [...root.querySelectorAll<SVGSVGElement>('svg.nb-chart')].filter((s) => s.getClientRects().length > 0);
      if (!charts.length) toast(t('widget.noFigure'));
      for (const [i, svg] of charts.entries()) {
        const text = standaloneSvg(svg);
        const name = `${schema.id}-${svg.dataset.chart ?? i + 1}`;
        if (action === 'export-svg') download(`${name}.svg`, new Blob([text], { type: 'image/svg+xml' }));
        else {
          const vb = svg.viewBox.baseVal;
          download(`${name}.png`, await svgToPng(text, vb.width || 560, vb.height || 300));
        }
      }
    }
  });

  // A classroom task in the link: the panel and its checks load only when there is one.
  const taskRaw = extraParams.get('task');
  if (taskRaw !== null) {
    void import('./task-panel').then((m) =>
      m.mountTask(
        {
          root,
          schema,
          locale,
          state: () => state as StateOf<WidgetSchema>,
          onChange: (l) => listeners.push(l),
          notice: (clause) => {
            extraClauses.push(clause);
            showNotice();
          },
          dropTask: () => extraParams.delete('task'),
        },
        taskRaw,
      ),
    );
  }

  // Opening a link to this widget: bring it into view (not inside an embed, where it is the page),
  // and keep it there while the page above settles (fonts, other widgets drawing), until the
  // reader scrolls, types or presses a pointer, or 4 s have passed.
  const embedded = document.documentElement.hasAttribute('data-embed');
  if (parsed.addressed && !embedded) {
    const pin = () => root.scrollIntoView({ block: 'start', behavior: 'instant' });
    const ro = new ResizeObserver(() => pin());
    // `data-pinned` is there while the pin holds: tests that aim the mouse wait for it to go.
    root.dataset.pinned = 'true';
    const release = () => {
      ro.disconnect();
      delete root.dataset.pinned;
      for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) removeEventListener(type, release);
    };
    for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) addEventListener(type, release, { passive: true, once: true });
    requestAnimationFrame(() => {
      pin();
      ro.observe(document.body);
    });
    setTimeout(release, 4000);
  }

  // `run=1`: start the run once the widget is ready — the first time it reports idle/done (widgets
  // call setStatus at the end of their start), or after a grace period — by pressing its Train button.
  let autorun = parsed.addressed && options.run;
  const startRun = () => {
    if (!autorun) return;
    autorun = false;
    setTimeout(() => {
      const status = root.dataset.status;
      const train = root.querySelector<HTMLButtonElement>('button[data-run="train"]');
      if (train && !train.disabled && status !== 'running' && status !== 'loading') train.click();
    }, 0);
  };
  if (autorun) setTimeout(startRun, 3000);

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
      if (status === 'idle' || status === 'done') startRun();
    },
    toast,
  };
}
