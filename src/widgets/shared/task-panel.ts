/**
 * The task panel the runtime puts inside any widget opened with `task=…`: the prompt in the
 * reader's language, the condition, a live status (checked on every state change and every change
 * to the widget's metrics tables), and — once the condition holds — the key numbers and a
 * submission code to copy. When the settings change after that, the panel says the code belongs
 * to the earlier run (and which settings changed) until the condition is met again — for a widget
 * that trains, by a run finished with the new settings — and then gives the new code.
 * Loaded only when a link carries a task.
 */
import { classroomT } from '../../lib/i18n/classroom';
import type { Locale } from '../../lib/i18n/locales';
import { evaluateCondition } from '../../lib/classroom/condition-eval';
import { taskProblemMessage } from '../../lib/classroom/messages';
import { encodeSubmission } from '../../lib/classroom/submission';
import { parseTaskParam, taskNumbers, type LoadedTask } from '../../lib/classroom/task';
import { parseState, serializeState } from '../../lib/state/codec';
import { listNames, settingName, settingValue } from '../../lib/classroom/setting-labels';
import { zhJoin } from '../../lib/i18n/url-notice';
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

/** `stale`: a code was made, but the settings have changed since (the code belongs to the earlier run). */
export type TaskStatus = 'waiting' | 'pending' | 'met' | 'stale';

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
  const codeLabel = el('label', { htmlFor: code.id }, t('task.code'));
  const copy = el('button', { type: 'button' }, t('task.copyCode'));
  copy.dataset.taskAction = 'copy-code';
  const copied = el('span', { className: 'nb-task__copied' });
  copied.setAttribute('aria-live', 'polite');
  const numbers = el('dl', { className: 'nb-task__numbers' });
  const done = el(
    'div',
    { className: 'nb-task__done', hidden: true },
    el('p', { className: 'nb-task__numbers-title' }, t('task.numbers')),
    numbers,
    el('label', { htmlFor: name.id }, t('task.name')),
    name,
    codeLabel,
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

  // What the code records: the state, numbers and time of the run that met the condition.
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
  const showNumbers = () => {
    if (!met) return;
    numbers.replaceChildren(
      ...met.numbers.flatMap(([what, value], i) => [el('dt', {}, what || task.report?.[i]?.label[locale] || `#${i + 1}`), el('dd', {}, value === null ? '—' : String(value))]),
    );
  };
  const show = (s: TaskStatus, text = t(s === 'met' ? 'task.met' : s === 'pending' ? 'task.pending' : 'task.waiting')) => {
    panel.dataset.taskStatus = s;
    if (status.textContent !== text) status.textContent = text;
    codeLabel.textContent = t(s === 'stale' ? 'task.codeEarlier' : 'task.code');
  };

  /** “Seed 0 → 3, Optimizer Adam → SGD + momentum”: what differs from the code's settings. */
  const changesSince = (before: string, now: string): string => {
    const a = new URLSearchParams(before);
    const b = new URLSearchParams(now);
    const state = host.state() as Record<string, unknown>;
    const earlier = parseState(schema, `w=${schema.id}&${before}`).state as Record<string, unknown>;
    const keys = Object.keys(schema.fields).filter((k) => a.get(k) !== b.get(k));
    return listNames(
      keys.map((k) => {
        const [name, from, to] = [settingName(schema.id, k, locale), settingValue(schema.id, k, earlier[k], locale), settingValue(schema.id, k, state[k], locale)];
        // Chinese: a space only between Chinese and Latin letters or digits (“填充 p 由 1 改为 2”).
        return locale === 'zh' ? zhJoin(name, '由', from, '改为', to) : t('task.change', { name, from, to });
      }),
      locale,
    );
  };

  // A widget that trains must finish a run with the new settings before they can earn a new code:
  // its tables may still hold rows of the earlier run. Widgets that only compute redraw at once.
  const trains = !!root.querySelector('[data-run="train"]');
  let changes = 0;
  let runStartedAt = -1;
  let runFinishedFor = -1;
  let lastStatus = root.dataset.status;

  const record = (env: Parameters<typeof taskNumbers>[1]) => {
    met = { state: stateQuery(schema, host.state()), numbers: taskNumbers(task, env), at: Math.floor(Date.now() / 1000), backend: root.dataset.backend ?? '' };
    writeCode();
    showNumbers();
    done.hidden = false;
  };

  const check = () => {
    const env = { state: host.state() as Record<string, unknown>, metrics: readMetrics(root) };
    const now = stateQuery(schema, host.state());
    if (met && now === met.state) {
      show('met');
      return;
    }
    const result = evaluateCondition(task.expr, env);
    if (!met) {
      if (result === true) {
        record(env);
        show('met');
      } else show(result === false ? 'pending' : 'waiting');
      return;
    }
    // The settings differ from the code's: re-check, once the numbers can be from these settings.
    const fresh = !trains || runFinishedFor === changes;
    if (fresh && result === true) {
      record(env);
      show('met');
      return;
    }
    const diff = changesSince(met.state, now);
    show('stale', t(fresh && result === false ? 'task.staleNotMet' : 'task.stale', { changes: diff }));
  };

  // Re-check after the widget settles: state changes and any change to its tables.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(check, 120);
  };
  host.onChange(() => {
    changes++;
    schedule();
  });
  new MutationObserver((records) => {
    const s = root.dataset.status;
    if (s !== lastStatus) {
      if (s === 'running') runStartedAt = changes;
      else if (lastStatus === 'running' && runStartedAt === changes) runFinishedFor = changes;
      lastStatus = s;
    }
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
