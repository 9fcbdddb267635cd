/**
 * The print view of a widget in its current state: its title, settings, its charts as static
 * figures (drawn in the light theme, for paper), and the link to this state as text and as a QR
 * code made locally (`uqr`, nothing leaves the page). Shown in a modal dialog with Print and Close;
 * while it is open, the print stylesheet prints only the dialog.
 */
import { renderSVG } from 'uqr';
import { classroomT } from '../../lib/i18n/classroom';
import type { Locale } from '../../lib/i18n/locales';
import { formatValue } from '../../lib/state/codec';
import type { WidgetSchema } from '../../lib/state/schema';
import { standaloneSvg } from './export';

export interface PrintRequest {
  root: HTMLElement;
  schema: WidgetSchema;
  locale: Locale;
  state: Record<string, unknown>;
  link: string;
  label: (key: string) => string;
  /** Settings hidden by the link are left out of the printed list too. */
  hidden: readonly string[];
}

/** Chart SVGs as standalone markup, computed with the light theme in force. */
function figures(root: HTMLElement): string[] {
  const html = document.documentElement;
  const theme = html.dataset.theme;
  html.dataset.theme = 'light';
  try {
    return [...root.querySelectorAll<SVGSVGElement>('svg.nb-chart')].filter((s) => s.getClientRects().length > 0).map((s) => standaloneSvg(s));
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

export function openPrintView(req: PrintRequest): HTMLDialogElement {
  const t = classroomT(req.locale);
  document.querySelector('dialog.nb-print')?.remove();
  const dialog = document.createElement('dialog');
  dialog.className = 'nb-print';
  dialog.dataset.printFor = req.schema.id;
  const headingId = `${req.schema.id}-print-title`;
  dialog.setAttribute('aria-labelledby', headingId);

  const title = req.root.querySelector('.nb-widget__title')?.textContent?.trim() ?? req.schema.id;
  const h2 = document.createElement('h2');
  h2.id = headingId;
  h2.textContent = title;

  const settings = document.createElement('table');
  settings.className = 'nb-print__settings';
  const caption = settings.createCaption();
  caption.textContent = t('print.settings');
  const body = settings.createTBody();
  for (const [key, spec] of Object.entries(req.schema.fields)) {
    if (req.hidden.includes(key)) continue;
    const row = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = req.label(key);
    row.append(th);
    row.insertCell().textContent = formatValue(spec, req.state[key]).replace(/,/g, ', ');
  }

  const figs = document.createElement('div');
  figs.className = 'nb-print__figures';
  const svgs = figures(req.root);
  if (svgs.length === 0) {
    const p = document.createElement('p');
    p.textContent = t('print.noFigure');
    figs.append(p);
  }
  for (const svg of svgs) {
    const fig = document.createElement('figure');
    fig.innerHTML = uniqueIds(svg, 'print-');
    figs.append(fig);
  }

  const linkBox = document.createElement('div');
  linkBox.className = 'nb-print__link';
  const qr = document.createElement('div');
  qr.className = 'nb-print__qr';
  qr.setAttribute('role', 'img');
  qr.setAttribute('aria-label', t('print.qr'));
  qr.dataset.qr = '';
  qr.innerHTML = renderSVG(req.link, { border: 2, ecc: 'M' });
  const linkText = document.createElement('div');
  const linkHead = document.createElement('p');
  linkHead.className = 'nb-print__label';
  linkHead.textContent = t('print.link');
  const a = document.createElement('a');
  a.href = req.link;
  a.textContent = req.link;
  a.dataset.printLink = '';
  const note = document.createElement('p');
  note.className = 'nb-caption';
  note.textContent = t('print.note');
  linkText.append(linkHead, a, note);
  linkBox.append(qr, linkText);

  const actions = document.createElement('div');
  actions.className = 'nb-print__actions';
  const print = document.createElement('button');
  print.type = 'button';
  print.className = 'nb-primary';
  print.textContent = t('print.print');
  print.addEventListener('click', () => window.print());
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t('print.close');
  close.addEventListener('click', () => dialog.close());
  actions.append(print, close);

  dialog.append(h2, actions, figs, linkBox, settings);
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
