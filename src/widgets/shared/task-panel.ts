/**
 * The task panel the runtime puts inside any widget opened with `task=…`: the prompt in the
 * reader's language, the condition, a live status (checked on every state change and every change
 * to the widget's metrics tables), and — once the condition holds — a submission code to copy.
 * Loaded only when a link carries a task.
 */
import { classroomT } from '../../lib/i18n/classroom';
import type { Locale } from '../../lib/i18n/locales';
import { evaluateCondition } from '../../lib/classroom/condition-eval';
import { taskProblemMessage } from '../../lib/classroom/messages';
import { encodeSubmission } from '../../lib/classroom/submission';
import { parseTaskParam, taskNumbers, type LoadedTask } from '../../lib/classroom/task';
import { serializeState } from '../../lib/state/codec';
import type { StateOf, WidgetSchema } from '../../lib/state/schema';
import { readMetrics } from './metrics-dom';

export interface TaskHost {
  root: HTMLElement;
  schema: WidgetSchema;
  locale: Locale;
  state: () => StateOf<WidgetSchema>;
  onChange: (listener: () => void) => void;
  /** Adds a clause to the widget's URL notice. */
  notice: (clause: string) => void;
  /** Forgets the task (a damaged one is not written back into the link). */
  dropTask: () => void;
}

export type TaskStatus = 'waiting' | 'pending' | 'met';

/** Link parameters of a state without `w` and `v`: what a submission code stores. */
function stateQuery(schema: WidgetSchema, state: StateOf<WidgetSchema>): string {
  const params = serializeState(schema, state);
  params.delete('w');
  params.delete('v');
  return params.toString();
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

export async function mountTask(host: TaskHost, raw: string): Promise<void> {
  const { root, schema, locale } = host;
  const t = classroomT(locale);
  const lookup = raw.trim().startsWith('~') ? () => undefined : (await import('../../lib/classroom/catalogue')).catalogueLookup;
  const loaded = parseTaskParam(raw, schema, lookup);
  if ('problem' in loaded) {
    host.notice(taskProblemMessage(loaded.problem, locale));
    host.dropTask();
    return;
  }
  const task: LoadedTask = loaded.task;
  const id = `${schema.id}-task`;

  const status = el('p', { className: 'nb-task__status' });
  status.setAttribute('role', 'status');
  const name = el('input', { type: 'text', maxLength: 60, id: `${id}-name`, autocomplete: 'name' });
  name.dataset.taskName = '';
  const code = el('textarea', { readOnly: true, rows: 3, id: `${id}-code`, spellcheck: false });
  code.dataset.submissionCode = '';
  const copy = el('button', { type: 'button' }, t('task.copyCode'));
  copy.dataset.taskAction = 'copy-code';
  const copied = el('span', { className: 'nb-task__copied' });
  copied.setAttribute('aria-live', 'polite');
  const done = el(
    'div',
    { className: 'nb-task__done', hidden: true },
    el('label', { htmlFor: name.id }, t('task.name')),
    name,
    el('label', { htmlFor: code.id }, t('task.code')),
    code,
    el('div', { className: 'nb-task__actions' }, copy, copied),
    el('p', { className: 'nb-caption' }, t('task.codeNote')),
  );
  const panel = el(
    'section',
    { className: 'nb-task' },
    el('h4', { className: 'nb-task__heading', id: `${id}-heading` }, t('task.heading')),
    el('p', { className: 'nb-task__prompt' }, task.prompt[locale]),
    ...(task.hideCheck ? [] : [el('details', {}, el('summary', {}, t('task.condition')), el('code', { className: 'nb-task__check' }, task.check))]),
    status,
    done,
  );
  panel.setAttribute('aria-labelledby', `${id}-heading`);
  panel.dataset.task = task.id ?? 'custom';
  const anchor = root.querySelector('[data-notice="url"]');
  if (anchor) anchor.after(panel);
  else root.prepend(panel);

  // The first moment the condition holds: what the code records.
  let met: { state: string; numbers: ReturnType<typeof taskNumbers>; at: number; backend: string } | undefined;
  const writeCode = () => {
    if (!met) return;
    code.value = encodeSubmission({
      widget: schema.id,
      version: schema.version,
      state: met.state,
      task: task.id ? { id: task.id } : { prompt: task.prompt, check: task.check },
      metrics: met.numbers,
      name: name.value.trim(),
      at: met.at,
      lang: locale,
      backend: met.backend,
    });
  };
  const show = (s: TaskStatus) => {
    if (panel.dataset.taskStatus === s) return;
    panel.dataset.taskStatus = s;
    status.textContent = t(s === 'met' ? 'task.met' : s === 'pending' ? 'task.pending' : 'task.waiting');
  };

  const check = () => {
    if (met) return;
    const env = { state: host.state() as Record<string, unknown>, metrics: readMetrics(root) };
    const result = evaluateCondition(task.expr, env);
    if (result === true) {
      met = { state: stateQuery(schema, host.state()), numbers: taskNumbers(task, env), at: Math.floor(Date.now() / 1000), backend: root.dataset.backend ?? '' };
      writeCode();
      done.hidden = false;
      show('met');
    } else show(result === false ? 'pending' : 'waiting');
  };

  // Re-check after the widget settles: state changes and any change to its tables.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(check, 120);
  };
  host.onChange(schedule);
  new MutationObserver((records) => {
    if (records.some((r) => !panel.contains(r.target))) schedule();
  }).observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-status'] });

  name.addEventListener('input', writeCode);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.value);
    } catch {
      code.select();
    }
    copied.textContent = t('task.codeCopied');
  });
  check();
}
