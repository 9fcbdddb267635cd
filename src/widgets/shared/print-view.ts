/**
 * The print view of a widget in its current state, for a handout or a projector: its title, the
 * task (prompt, status, key numbers) when the link carries one, its charts as static figures
 * (drawn in the light theme, for paper), each with its caption — or, before any run, a note that
 * the widget has not been run in place of each empty panel — the widget's key numbers (its `key` tables in
 * `src/lib/classroom/widget-tables.ts`), the link to this state as text, its QR code (made locally,
 * see `qr-code.ts`, holding the link's compact form), and the settings in the reader's language.
 * Shown in a modal dialog with Print and Close; while it is open, the print stylesheet prints only
 * the dialog.
 */
import { qrLink } from '../../lib/classroom/links';
import { settingName, settingValue } from '../../lib/classroom/setting-labels';
import { tablesOf } from '../../lib/classroom/widget-tables';
import { classroomT } from '../../lib/i18n/classroom';
import type { Locale } from '../../lib/i18n/locales';
import type { WidgetSchema } from '../../lib/state/schema';
import { standaloneSvg } from './export';
import { drawQr } from './qr-code';

export interface PrintRequest {
  root: HTMLElement;
  schema: WidgetSchema;
  locale: Locale;
  state: Record<string, unknown>;
  link: string;
  /** The widget's own names for its settings (used where the classroom labels have none). */
  label: (key: string) => string;
  /** Settings hidden by the link are left out of the printed list too. */
  hidden: readonly string[];
}

/** Rows a printed key table keeps (the latest ones). */
const maxPrintedRows = 12;

/** True when a chart has something drawn: an image, a plotted series, dots, or cells of a map. */
function hasData(svg: SVGSVGElement): boolean {
  if ([...svg.querySelectorAll('image')].some((i) => (i.getAttribute('href') ?? '') !== '')) return true;
  for (const p of svg.querySelectorAll('[data-series] path, .series path')) if ((p.getAttribute('d') ?? '').length > 12) return true;
  if (svg.querySelector('circle')) return true;
  const cells = [...svg.querySelectorAll('rect')].filter((r) => !r.closest('.legend, .axis, .reference'));
  return cells.length > 3;
}

/** The visible charts, each with its caption and, if it shows something, its standalone SVG (light theme). */
function figures(root: HTMLElement): { caption: string; svg?: string }[] {
  const html = document.documentElement;
  const theme = html.dataset.theme;
  html.dataset.theme = 'light';
  try {
    return [...root.querySelectorAll<SVGSVGElement>('svg.nb-chart')]
      .filter((s) => s.getClientRects().length > 0)
      .map((s) => {
        const heading = s.closest('.nb-chart-box')?.querySelector('h4')?.textContent?.trim();
        const caption = (heading || s.getAttribute('aria-label') || s.querySelector('title')?.textContent || '').trim().replace(/\s+/g, ' ');
        return { caption, svg: hasData(s) ? standaloneSvg(s) : undefined };
      });
  } finally {
    if (theme === undefined) delete html.dataset.theme;
    else html.dataset.theme = theme;
  }
}

/** Prefixes every id in an SVG string (and the references to it), so copies never clash with the page. */
function uniqueIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  let out = svg;
  for (const id of ids) {
    const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out
      .replace(new RegExp(`(\\sid=")${esc}"`, 'g'), `$1${prefix}${id}"`)
      .replace(new RegExp(`#${esc}(?=[)"])`, 'g'), `#${prefix}${id}`)
      .replace(new RegExp(`(aria-(?:labelledby|describedby)="[^"]*)\\b${esc}\\b`, 'g'), `$1${prefix}${id}`);
  }
  return out;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The widget's key tables with rows, as plain copies (latest rows only). Rows of a recorded run
 * count only while the widget shows that recording (its settings are the recorded ones).
 */
function keyTables(root: HTMLElement, widget: string, showsRecording: boolean): HTMLTableElement[] {
  const out: HTMLTableElement[] = [];
  for (const [name, spec] of Object.entries(tablesOf(widget))) {
    if (!spec.key) continue;
    const table = root.querySelector<HTMLTableElement>(`table[data-metrics="${CSS.escape(name)}"]`);
    const rows = table?.tBodies[0] ? [...table.tBodies[0].rows].filter((r) => showsRecording || !r.hasAttribute('data-recorded')) : [];
    if (!table || rows.length === 0) continue;
    const copy = table.cloneNode(true) as HTMLTableElement;
    if (!showsRecording) for (const r of [...copy.tBodies[0]!.rows]) if (r.hasAttribute('data-recorded')) r.remove();
    copy.removeAttribute('data-metrics');
    copy.removeAttribute('id');
    copy.className = 'nb-print__table';
    copy.dataset.printTable = name;
    const body = copy.tBodies[0]!;
    while (body.rows.length > maxPrintedRows) body.deleteRow(0);
    for (const r of body.rows) r.removeAttribute('data-recorded');
    for (const tag of copy.querySelectorAll('[id]')) tag.removeAttribute('id');
    out.push(copy);
  }
  return out;
}

export function openPrintView(req: PrintRequest): HTMLDialogElement {
  const t = classroomT(req.locale);
  const widget = req.schema.id;
  document.querySelector('dialog.nb-print')?.remove();
  const dialog = document.createElement('dialog');
  dialog.className = 'nb-print';
  dialog.dataset.printFor = widget;
  const headingId = `${widget}-print-title`;
  dialog.setAttribute('aria-labelledby', headingId);

  const title = req.root.querySelector('.nb-widget__title')?.textContent?.trim() ?? widget;
  const h2 = el('h2', '', title);
  h2.id = headingId;

  // The task, as the student's panel shows it.
  const taskPanel = req.root.querySelector<HTMLElement>('.nb-task');
  const task = el('section', 'nb-print__task');
  if (taskPanel) {
    task.dataset.printTask = taskPanel.dataset.task ?? '';
    task.append(el('h3', '', t('task.heading')), el('p', '', taskPanel.querySelector('.nb-task__prompt')?.textContent ?? ''));
    const status = taskPanel.querySelector('.nb-task__status')?.textContent?.trim();
    if (status) task.append(el('p', 'nb-print__status', status));
    const numbers = taskPanel.querySelector('.nb-task__numbers');
    if (numbers && !numbers.closest('[hidden]')) {
      const copy = numbers.cloneNode(true) as HTMLElement;
      copy.removeAttribute('hidden');
      task.append(copy);
    }
  } else task.hidden = true;

  // Figures, each captioned; a chart with nothing drawn says so instead of printing an empty frame.
  const figs = el('div', 'nb-print__figures');
  const all = figures(req.root);
  // Once something is drawn, a panel still empty is not part of this run (a net not selected): leave it out.
  const shown = all.some((f) => f.svg) ? all.filter((f) => f.svg) : all;
  if (shown.length === 0) figs.append(el('p', '', t('print.noFigure')));
  for (const [i, f] of shown.entries()) {
    const fig = el('figure');
    if (f.svg) fig.innerHTML = uniqueIds(f.svg, `print-${i}-`);
    else {
      fig.dataset.empty = '';
      fig.append(el('p', 'nb-print__empty', t('print.notRun')));
    }
    fig.append(el('figcaption', '', f.caption));
    figs.append(fig);
  }
  const recordedNote = req.root.querySelector<HTMLElement>('[data-recorded-note]');
  const showsRecording = !!recordedNote && !recordedNote.hidden;
  const recorded = showsRecording && shown.some((f) => f.svg) ? el('p', 'nb-caption', recordedNote!.textContent?.trim() ?? '') : undefined;

  // Key numbers: the widget's headline tables.
  const numbers = el('section', 'nb-print__numbers');
  const tables = keyTables(req.root, widget, showsRecording || !recordedNote);
  if (tables.length) numbers.append(el('h3', '', t('print.numbers')), ...tables);
  else numbers.hidden = true;

  // Link and QR code (the QR holds the compact form of the same link).
  const linkBox = el('div', 'nb-print__link');
  const qr = el('div', 'nb-print__qr');
  qr.dataset.qr = '';
  drawQr(qr, qrLink(req.link), { modulePx: 4, label: t('print.qr') });
  const linkText = el('div');
  const a = el('a', '', req.link);
  a.href = req.link;
  a.dataset.printLink = '';
  linkText.append(el('p', 'nb-print__label', t('print.link')), a, el('p', 'nb-caption', t('print.note')));
  linkBox.append(qr, linkText);

  const settings = el('table', 'nb-print__settings');
  settings.createCaption().textContent = t('print.settings');
  const body = settings.createTBody();
  for (const key of Object.keys(req.schema.fields)) {
    if (req.hidden.includes(key)) continue;
    const row = body.insertRow();
    row.dataset.key = key;
    const th = el('th', '', settingName(widget, key, req.locale));
    th.scope = 'row';
    row.append(th);
    row.insertCell().textContent = settingValue(widget, key, req.state[key], req.locale);
  }

  const actions = el('div', 'nb-print__actions');
  const print = el('button', 'nb-primary', t('print.print'));
  print.type = 'button';
  print.addEventListener('click', () => window.print());
  const close = el('button', '', t('print.close'));
  close.type = 'button';
  close.addEventListener('click', () => dialog.close());
  actions.append(print, close);

  dialog.append(h2, actions, task, figs, ...(recorded ? [recorded] : []), numbers, linkBox, settings);
  dialog.addEventListener('close', () => {
    document.documentElement.classList.remove('nb-printing');
    dialog.remove();
    req.root.querySelector<HTMLButtonElement>('button[data-action="print"]')?.focus();
  });
  document.body.append(dialog);
  document.documentElement.classList.add('nb-printing');
  dialog.showModal();
  print.focus();
  return dialog;
}
