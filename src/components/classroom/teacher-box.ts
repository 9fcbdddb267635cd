/**
 * The checking box on the classroom page: finds every submission code in whatever text is pasted
 * (chat logs, e-mails, LMS exports — see `src/lib/classroom/find-codes.ts`), and shows the class
 * at a glance (one row per code found, downloadable as CSV for a gradebook) and, per code, the
 * student's name, the task, the widget's settings and key numbers in the teacher's language, when,
 * and a link that reopens the widget in that state and re-runs it; or why the code was rejected,
 * with its line number and the name written beside it.
 */
import { checkCodes, checkSummary, overviewCsv, type CheckedCode } from '../../lib/classroom/checking';
import { classroomT } from '../../lib/i18n/classroom';
import { toLocale, type Locale } from '../../lib/i18n/locales';
import { download } from '../../widgets/shared/export';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function table(caption: string, head: [string, string], rows: [string, string, Record<string, string>?][]) {
  const tbl = el('table');
  tbl.createCaption().textContent = caption;
  const hr = tbl.createTHead().insertRow();
  for (const h of head) hr.append(el('th', h, { scope: 'col' }));
  const body = tbl.createTBody();
  for (const [k, v, attrs] of rows) {
    const tr = body.insertRow();
    for (const [a, value] of Object.entries(attrs ?? {})) tr.setAttribute(a, value);
    tr.append(el('th', k, { scope: 'row' }));
    tr.insertCell().textContent = v;
  }
  return tbl;
}

const colon = (locale: Locale) => (locale === 'zh' ? '：' : ': ');
const short = (code: string) => (code.length > 28 ? `${code.slice(0, 24)}…` : code);
const valueText = (v: number | string | null) => (v === null ? '—' : String(v));

/** “Line 4” or “Lines 4–5” (a wrapped code). */
function where(c: CheckedCode, locale: Locale): string {
  const t = classroomT(locale);
  const { line, lines } = c.found;
  return lines > 1 ? t('teacher.lines', { from: line, to: line + lines - 1 }) : t('teacher.lineOne', { line });
}

/** One card for a code found: the submission, a repeat of one above, or why it was rejected. */
export function submissionCard(c: CheckedCode, locale: Locale, titles: Record<string, string>): HTMLElement {
  const t = classroomT(locale);
  const card = el('article', undefined, { class: 'nb-submission', 'data-line': String(c.found.line), 'data-status': c.status });
  const whereText = where(c, locale);
  if (c.status === 'rejected') {
    card.dataset.valid = 'false';
    const h = el('h4', `${t('teacher.rejected')}${colon(locale)}${whereText}${c.name ? ` · ${c.name}` : ''}`);
    card.append(h, el('p', c.problem ?? '', { 'data-error': c.error ?? '' }), el('p', undefined, { class: 'nb-caption' }));
    card.lastElementChild!.append(el('code', short(c.found.code)));
    return card;
  }
  const s = c.submission!;
  card.dataset.valid = 'true';
  card.dataset.widget = s.widget;
  card.append(el('h4', c.name || t('teacher.noName')));
  const meta = [whereText];
  if (s.name && c.found.name && c.found.name !== s.name) meta.push(t('teacher.nameBeside', { name: c.found.name }));
  card.append(el('p', meta.join(' · '), { class: 'nb-caption' }));
  if (c.status === 'duplicate') {
    card.dataset.duplicateOf = String(c.duplicateOf);
    card.append(el('p', t('teacher.duplicateOf', { line: c.duplicateOf ?? 0 }), { class: 'nb-problem', 'data-duplicate': '' }));
    return card;
  }
  const task = c.taskPrompt ? `${c.taskTitle} — ${c.taskPrompt}` : c.taskTitle;
  card.append(el('p', `${titles[s.widget] ?? s.widget} · ${t('teacher.task')}${colon(locale)}${task}`));
  if (c.corrected) card.append(el('p', t('teacher.corrected', { detail: c.corrected }), { class: 'nb-problem' }));
  card.append(table(t('teacher.state'), [t('teacher.setting'), t('teacher.value')], c.settings.map(([key, name, value]) => [name, value, { 'data-key': key }])));
  if (c.numbers.length) card.append(table(t('teacher.numbers'), [t('teacher.quantity'), t('teacher.value')], c.numbers.map(([k, v]) => [k, valueText(v)])));
  const when = new Date(s.at * 1000).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' });
  card.append(el('p', `${t('teacher.when')}${colon(locale)}${when}${s.backend ? ` · ${t('teacher.backend')}${colon(locale)}${s.backend}` : ''}`, { class: 'nb-caption' }));
  const actions = el('p');
  actions.append(el('a', t('teacher.rerun'), { href: c.link, target: '_blank', rel: 'noopener', 'data-rerun': '' }));
  card.append(actions);
  return card;
}

/** One row per code found: who, which line, read or not, the task, the key numbers, the re-run link. */
function overview(checked: CheckedCode[], locale: Locale): HTMLElement {
  const t = classroomT(locale);
  const wrap = el('div', undefined, { class: 'nb-table-wrap nb-overview', tabindex: '0', role: 'region', 'aria-label': t('teacher.overview') });
  const tbl = el('table', undefined, { 'data-teacher-overview': '' });
  tbl.createCaption().textContent = t('teacher.overview');
  const hr = tbl.createTHead().insertRow();
  for (const [h, cls] of [
    [t('teacher.student'), 'nb-overview__name'],
    [t('teacher.line'), 'nb-overview__line'],
    [t('teacher.status'), 'nb-overview__status'],
    [t('teacher.task'), ''],
    [t('teacher.numbers'), ''],
    ['', ''],
  ] as const)
    hr.append(el('th', h, { scope: 'col', ...(cls ? { class: cls } : {}) }));
  const body = tbl.createTBody();
  for (const c of checked) {
    const tr = body.insertRow();
    tr.dataset.status = c.status;
    tr.append(el('th', c.name || t('teacher.noName'), { scope: 'row', class: 'nb-overview__name' }));
    tr.insertCell().textContent = String(c.found.line);
    const status = tr.insertCell();
    status.textContent =
      c.status === 'duplicate'
        ? `${t('teacher.status.duplicate')}${colon(locale)}${t('teacher.duplicateOf', { line: c.duplicateOf ?? 0 })}`
        : c.status === 'rejected'
          ? `${t('teacher.status.rejected')}${colon(locale)}${c.problem ?? ''}`
          : t('teacher.status.read');
    status.className = c.status === 'read' ? 'nb-overview__status' : 'nb-overview__status nb-problem';
    const taskCell = tr.insertCell();
    taskCell.textContent = c.taskTitle;
    taskCell.className = 'nb-overview__task';
    const numbersCell = tr.insertCell();
    // One number per line: label, then value.
    numbersCell.append(...c.numbers.map(([k, v]) => el('div', `${k}${colon(locale)}${valueText(v)}`)));
    numbersCell.className = 'nb-overview__numbers';
    const linkCell = tr.insertCell();
    if (c.link && c.status === 'read') linkCell.append(el('a', t('teacher.rerun'), { href: c.link, target: '_blank', rel: 'noopener' }));
  }
  wrap.append(tbl);
  return wrap;
}

export function mountTeacherBox(box: HTMLElement) {
  const locale = toLocale(box.dataset.locale);
  const t = classroomT(locale);
  const titles = JSON.parse(box.dataset.titles ?? '{}') as Record<string, string>;
  const input = box.querySelector<HTMLTextAreaElement>('[data-teacher-codes]')!;
  const results = box.querySelector<HTMLElement>('[data-teacher-results]')!;
  const summary = box.querySelector<HTMLElement>('[data-teacher-summary]')!;
  const csvButton = box.querySelector<HTMLButtonElement>('[data-teacher-csv]')!;
  let checked: CheckedCode[] = [];
  const read = () => {
    checked = checkCodes(input.value, locale, location.origin);
    const parts: HTMLElement[] = [];
    if (checked.length) parts.push(overview(checked, locale));
    parts.push(...checked.map((c) => submissionCard(c, locale, titles)));
    results.replaceChildren(...parts);
    summary.textContent = input.value.trim() ? checkSummary(checked, locale) : t('code.empty');
    csvButton.hidden = checked.length === 0;
  };
  box.querySelector('[data-teacher-read]')!.addEventListener('click', read);
  box.querySelector('[data-teacher-clear]')!.addEventListener('click', () => {
    input.value = '';
    checked = [];
    results.replaceChildren();
    summary.textContent = '';
    csvButton.hidden = true;
    input.focus();
  });
  csvButton.addEventListener('click', () => {
    const d = new Date();
    const p = (n: number) => String(n).padStart(2, '0');
    const name = `submissions-${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}.csv`;
    download(name, new Blob([overviewCsv(checked, locale, titles)], { type: 'text/csv;charset=utf-8' }));
  });
  box.dataset.ready = 'true';
}
