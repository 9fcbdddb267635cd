/**
 * The teacher box on the classroom page: reads pasted submission codes (one per line) and shows,
 * per code, the student's name, the task, the widget's settings, the key numbers, when, and a link
 * that reopens the widget in that state and re-runs it; or why the code was rejected.
 */
import { assignmentById } from '../../lib/classroom/catalogue';
import { chapterLink } from '../../lib/classroom/links';
import { submissionErrorMessage } from '../../lib/classroom/messages';
import { decodeSubmission, splitCodes, type Submission } from '../../lib/classroom/submission';
import { encodeCustomTask } from '../../lib/classroom/task';
import { classroomT } from '../../lib/i18n/classroom';
import { toLocale, type Locale } from '../../lib/i18n/locales';
import { urlNotice } from '../../lib/i18n/url-notice';
import { formatValue, parseState } from '../../lib/state/codec';
import { widgetById } from '../../lib/state/registry';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function table(caption: string, head: [string, string], rows: [string, string][]) {
  const tbl = el('table');
  tbl.createCaption().textContent = caption;
  const hr = tbl.createTHead().insertRow();
  for (const h of head) hr.append(el('th', h, { scope: 'col' }));
  const body = tbl.createTBody();
  for (const [k, v] of rows) {
    const tr = body.insertRow();
    tr.append(el('th', k, { scope: 'row' }));
    tr.insertCell().textContent = v;
  }
  return tbl;
}

const colon = (locale: Locale) => (locale === 'zh' ? '：' : ': ');
const short = (code: string) => (code.length > 28 ? `${code.slice(0, 24)}…` : code);

/** One card for a code: the submission, or why it was rejected. */
export function submissionCard(code: string, locale: Locale, titles: Record<string, string>): HTMLElement {
  const t = classroomT(locale);
  const card = el('article', undefined, { class: 'nb-submission' });
  const decoded = decodeSubmission(code);
  const entry = decoded.ok ? widgetById(decoded.submission.widget) : undefined;
  if (!decoded.ok || !entry) {
    card.dataset.valid = 'false';
    card.append(el('h4', `${t('teacher.rejected')}${colon(locale)}`), el('p', decoded.ok ? submissionErrorMessage('widget', locale, decoded.submission.widget) : submissionErrorMessage(decoded.error, locale), { 'data-error': decoded.ok ? 'widget' : decoded.error }));
    card.querySelector('h4')!.append(el('code', short(code)));
    return card;
  }
  const s: Submission = decoded.submission;
  card.dataset.valid = 'true';
  card.dataset.widget = s.widget;
  card.append(el('h4', s.name || t('teacher.noName')));

  const assignment = 'id' in s.task ? assignmentById(s.task.id) : undefined;
  const taskText = 'id' in s.task ? (assignment ? `${assignment.title[locale]} — ${assignment.prompt[locale]}` : s.task.id) : `${t('teacher.customTask')}${colon(locale)}${s.task.prompt[locale]}`;
  card.append(el('p', `${titles[s.widget] ?? s.widget} · ${t('teacher.task')}${colon(locale)}${taskText}`));

  // The state, read back through the codec exactly as a link would be.
  const params = new URLSearchParams(s.state);
  params.set('w', s.widget);
  params.set('v', String(s.version));
  const parsed = parseState(entry.schema, params);
  if (parsed.corrections.length) card.append(el('p', t('teacher.corrected', { detail: urlNotice(parsed.corrections, locale, (k) => k) }), { class: 'nb-problem' }));
  const state = parsed.state as Record<string, unknown>;
  card.append(table(t('teacher.state'), [t('teacher.setting'), t('teacher.value')], Object.entries(entry.schema.fields).map(([k, spec]) => [k, formatValue(spec, state[k]).replace(/,/g, ', ')])));

  card.dataset.taskTitle = 'id' in s.task ? (assignment?.title[locale] ?? s.task.id) : t('teacher.customTask');
  const numbers = s.metrics.map(([what, value], i): [string, string] => [what || assignment?.report?.[i]?.label[locale] || `#${i + 1}`, value === null ? '—' : String(value)]);
  if (numbers.length) card.append(table(t('teacher.numbers'), [t('teacher.quantity'), t('teacher.value')], numbers));
  card.dataset.numbers = numbers.map(([k, v]) => `${k} = ${v}`).join(locale === 'zh' ? '；' : '; ');

  const when = new Date(s.at * 1000).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' });
  card.append(el('p', `${t('teacher.when')}${colon(locale)}${when}${s.backend ? ` · ${t('teacher.backend')}${colon(locale)}${s.backend}` : ''}`, { class: 'nb-caption' }));

  const task = 'id' in s.task ? s.task.id : encodeCustomTask(s.task);
  const href = chapterLink({ widget: s.widget, state, run: true, task }, locale, location.origin);
  const rerun = el('a', t('teacher.rerun'), { href, target: '_blank', rel: 'noopener', 'data-rerun': '' });
  const actions = el('p');
  actions.append(rerun);
  card.append(actions);
  return card;
}

/** One row per accepted code: who, which task, the key numbers, and the re-run link (the class at a glance). */
function overview(cards: HTMLElement[], locale: Locale): HTMLElement | undefined {
  const t = classroomT(locale);
  const good = cards.filter((c) => c.dataset.valid === 'true');
  if (good.length < 2) return undefined;
  const tbl = el('table', undefined, { 'data-teacher-overview': '' });
  tbl.createCaption().textContent = t('teacher.overview');
  const hr = tbl.createTHead().insertRow();
  for (const h of [t('teacher.student'), t('teacher.task'), t('teacher.numbers'), '']) hr.append(el('th', h, { scope: 'col' }));
  const body = tbl.createTBody();
  for (const card of good) {
    const tr = body.insertRow();
    tr.append(el('th', card.querySelector('h4')?.textContent ?? '', { scope: 'row' }));
    tr.insertCell().textContent = card.dataset.taskTitle ?? '';
    tr.insertCell().textContent = card.dataset.numbers ?? '';
    const link = card.querySelector<HTMLAnchorElement>('[data-rerun]');
    if (link) tr.insertCell().append(el('a', t('teacher.rerun'), { href: link.href, target: '_blank', rel: 'noopener' }));
  }
  return tbl;
}

export function mountTeacherBox(box: HTMLElement) {
  const locale = toLocale(box.dataset.locale);
  const t = classroomT(locale);
  const titles = JSON.parse(box.dataset.titles ?? '{}') as Record<string, string>;
  const input = box.querySelector<HTMLTextAreaElement>('[data-teacher-codes]')!;
  const results = box.querySelector<HTMLElement>('[data-teacher-results]')!;
  const summary = box.querySelector<HTMLElement>('[data-teacher-summary]')!;
  const read = () => {
    const codes = splitCodes(input.value);
    const cards = codes.map((c) => submissionCard(c, locale, titles));
    const summaryTable = overview(cards, locale);
    results.replaceChildren(...(summaryTable ? [summaryTable] : []), ...cards);
    const ok = cards.filter((c) => c.dataset.valid === 'true').length;
    summary.textContent = codes.length ? t('teacher.summary', { ok, bad: codes.length - ok }) : t('code.empty');
  };
  box.querySelector('[data-teacher-read]')!.addEventListener('click', read);
  box.querySelector('[data-teacher-clear]')!.addEventListener('click', () => {
    input.value = '';
    results.replaceChildren();
    summary.textContent = '';
    input.focus();
  });
  box.dataset.ready = 'true';
}
