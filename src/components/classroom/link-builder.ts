/**
 * The link builder's behaviour. The widget is set up in an iframe showing its embed page with the
 * teacher's locks, hidden settings and task applied — exactly what students will get (only `run=1`
 * is left out, so the preview does not start training) — which posts `nb:state`
 * (`{ id, query, labels, tables }`) after every change and `nb:height` for its size; the builder
 * writes the chapter link, the embed address and snippet, and a QR code of the link.
 *
 * Choosing a ready assignment merges it into what the teacher has set: its settings win only where
 * it sets them, its locks and hidden settings are added to the teacher's, and a note says what
 * changed (with Undo). Choosing another assignment, or none, takes back only what the previous one
 * added.
 */
import { assignmentById, catalogue, type Assignment } from '../../lib/classroom/catalogue';
import { checkCondition } from '../../lib/classroom/condition-check';
import { parseCondition } from '../../lib/classroom/condition';
import { chapterLink, embedLink, embedSnippet, qrLink, type LinkSpec } from '../../lib/classroom/links';
import { syntaxMessage, typeMessage } from '../../lib/classroom/messages';
import { listNames, settingName, settingValue } from '../../lib/classroom/setting-labels';
import { encodeCustomTask } from '../../lib/classroom/task';
import { columnOf, maxColumns, tablesOf } from '../../lib/classroom/widget-tables';
import { classroomT } from '../../lib/i18n/classroom';
import { toLocale, type Locale } from '../../lib/i18n/locales';
import { normalizeState, parseState } from '../../lib/state/codec';
import { defaults } from '../../lib/state/schema';
import { widgetById } from '../../lib/state/registry';
import { drawQr } from '../../widgets/shared/qr-code';
import { publicOrigin } from '../../widgets/shared/url-sync';

interface EmbedState {
  id: string;
  query: string;
  labels: Record<string, string>;
  tables: { name: string; headers: string[] }[];
}

/** What choosing an assignment changed, so it can be said and undone. */
interface Merge {
  assignment: Assignment;
  changed: { key: string; from: unknown; to: unknown }[];
  lockAdded: string[];
  hideAdded: string[];
  runAdded: boolean;
  kept: { lock: string[]; hide: string[] };
  undo: () => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mountLinkBuilder(box: HTMLElement) {
  const locale = toLocale(box.dataset.locale);
  const t = classroomT(locale);
  const titles = JSON.parse(box.dataset.titles ?? '{}') as Record<string, string>;
  const q = <T extends Element>(sel: string) => box.querySelector<T>(sel)!;
  const widgetSel = q<HTMLSelectElement>('[data-builder-widget]');
  const langSel = q<HTMLSelectElement>('[data-builder-lang]');
  const frame = q<HTMLIFrameElement>('[data-builder-frame]');
  const previewNote = q<HTMLElement>('[data-builder-preview-note]');
  const optionsBody = q<HTMLTableSectionElement>('[data-builder-options] tbody');
  const waiting = q<HTMLElement>('[data-builder-waiting]');
  const run = q<HTMLInputElement>('[data-builder-run]');
  const taskSel = q<HTMLSelectElement>('[data-builder-task]');
  const catalogueGroup = q<HTMLOptGroupElement>('[data-builder-catalogue]');
  const merged = q<HTMLElement>('[data-builder-merged]');
  const custom = q<HTMLElement>('[data-builder-custom]');
  const promptZh = q<HTMLInputElement>('[data-builder-prompt="zh"]');
  const promptEn = q<HTMLInputElement>('[data-builder-prompt="en"]');
  const condition = q<HTMLInputElement>('[data-builder-condition]');
  const conditionStatus = q<HTMLElement>('[data-builder-condition-status]');
  const help = q<HTMLElement>('[data-builder-help]');
  const linkOut = q<HTMLInputElement>('[data-builder-link]');
  const open = q<HTMLAnchorElement>('[data-builder-open]');
  const embedSrcOut = q<HTMLInputElement>('[data-builder-embed-src]');
  const embedOut = q<HTMLTextAreaElement>('[data-builder-embed]');
  const qr = q<HTMLElement>('[data-builder-qr]');
  const toast = q<HTMLElement>('[data-builder-toast]');

  let widget = widgetSel.value;
  let latest: EmbedState | undefined;
  /** The widget's settings as last reported by the preview (or set by an assignment). */
  let state: Record<string, unknown> = defaults(widgetById(widget)!.schema) as Record<string, unknown>;
  const lock = new Set<string>();
  const hide = new Set<string>();
  /** Locks, hidden settings and run=1 the chosen assignment added (taken back when it is unchosen). */
  let fromTask = { lock: new Set<string>(), hide: new Set<string>(), run: false };
  let merge: Merge | undefined;

  const name = (key: string) => settingName(widget, key, locale);
  const names = (keys: Iterable<string>) => listNames([...keys].map(name), locale);

  /** The `task=` value for the current choice, or undefined (with the reason shown) if there is none yet. */
  const taskParam = (): string | undefined => {
    const choice = taskSel.value;
    if (choice !== '~') return choice || undefined;
    const entry = widgetById(widget)!;
    const parsed = parseCondition(condition.value);
    let problem = '';
    if (!parsed.ok) problem = syntaxMessage(parsed.problem, locale);
    else {
      const types = checkCondition(parsed.expr, entry.schema);
      if (types.length) problem = types.map((p) => typeMessage(p, locale)).join(locale === 'zh' ? '；' : '; ');
    }
    const zh = promptZh.value.trim();
    const en = promptEn.value.trim();
    conditionStatus.className = problem || (!zh && !en) ? 'nb-problem' : 'nb-ok';
    if (problem) conditionStatus.textContent = t('builder.badCondition', { detail: problem });
    else if (!zh && !en) conditionStatus.textContent = t('builder.needPrompt');
    else conditionStatus.textContent = t('builder.conditionOk');
    condition.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (problem || (!zh && !en)) return undefined;
    return encodeCustomTask({ prompt: { zh: zh || en, en: en || zh }, check: condition.value });
  };

  const spec = (): LinkSpec => ({ widget, state, lock: [...lock], hide: [...hide], run: run.checked, task: taskParam() });

  // The preview: the embed page with everything but run=1. Reloaded when locks, hidden settings or
  // the task change (after a pause while a task is being typed); settings changed inside it stay.
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  const previewSrc = () => embedLink({ ...spec(), run: false }, locale);
  const reloadPreview = (delay = 0) => {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => {
      const src = previewSrc();
      if (frame.getAttribute('src') === src) return;
      latest = undefined;
      waiting.hidden = false;
      box.dataset.previewReady = 'false';
      frame.src = src;
      box.dataset.previewSrc = src;
    }, delay);
  };

  const renderOptions = () => {
    const entry = widgetById(widget);
    if (!entry) return;
    optionsBody.replaceChildren(
      ...Object.keys(entry.schema.fields).map((key) => {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = name(key);
        th.title = key;
        tr.append(th);
        for (const [set, kind] of [
          [lock, 'lock'],
          [hide, 'hide'],
        ] as const) {
          const td = tr.insertCell();
          const input = document.createElement('input');
          input.type = 'checkbox';
          input.checked = set.has(key);
          input.dataset.builderOption = kind;
          input.value = key;
          input.setAttribute('aria-label', `${t(kind === 'lock' ? 'builder.lock' : 'builder.hide')}: ${name(key)}`);
          input.addEventListener('change', () => {
            if (input.checked) set.add(key);
            else {
              set.delete(key);
              fromTask[kind].delete(key);
            }
            update();
            reloadPreview();
          });
          td.append(input);
        }
        return tr;
      }),
    );
  };

  const renderHelp = () => {
    const entry = widgetById(widget);
    if (!entry) return;
    const settings = Object.keys(entry.schema.fields).map((k) => `${k} — ${name(k)}`);
    const p1 = document.createElement('p');
    p1.textContent = `${t('builder.settings')}: ${settings.join(locale === 'zh' ? '；' : '; ')}`;
    const p2 = document.createElement('p');
    p2.textContent = `${t('builder.tables')}:`;
    const ul = document.createElement('ul');
    const shown = new Map((latest?.tables ?? []).map((tb) => [tb.name, tb.headers]));
    for (const [tableName, tableSpec] of Object.entries(tablesOf(widget))) {
      const li = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = tableName;
      const headers = shown.get(tableName);
      const n = headers?.length ?? tableSpec.columns.length;
      const cols = Array.from({ length: n }, (_, i) => {
        const kind = columnOf(tableSpec, i)?.type === 'text' ? t('builder.words') : t('builder.numbers');
        return `[${i}] ${headers?.[i] ?? ''}${headers?.[i] ? ' ' : ''}(${kind})`;
      });
      if (tableSpec.more) cols.push(t('builder.moreColumns', { max: maxColumns(tableSpec) - 1 }));
      li.append(code, ': ', cols.join(locale === 'zh' ? '，' : ', '));
      ul.append(li);
    }
    const p3 = document.createElement('p');
    p3.textContent = `${t('builder.example')}: depth >= 32 and min(runs[3] where [0] = "plain" and [1] = depth) < 0.3`;
    help.replaceChildren(p1, p2, ul, p3);
  };

  const showMerge = () => {
    merged.replaceChildren();
    merged.hidden = !merge;
    if (!merge) return;
    const m = merge;
    const lines: string[] = [];
    const title = m.assignment.title[locale];
    const changes = m.changed.map(({ key, from, to }) => t('builder.merge.change', { name: name(key), from: settingValue(widget, key, from, locale), to: settingValue(widget, key, to, locale) }));
    lines.push(changes.length ? t('builder.merge.set', { title, changes: listNames(changes, locale) }) : t('builder.merge.noChange', { title }));
    if (m.lockAdded.length) lines.push(t('builder.merge.locked', { names: names(m.lockAdded) }));
    if (m.hideAdded.length) lines.push(t('builder.merge.hidden', { names: names(m.hideAdded) }));
    if (m.runAdded) lines.push(t('builder.merge.run'));
    if (m.kept.lock.length || m.kept.hide.length)
      lines.push(t('builder.merge.kept', { names: names(new Set([...m.kept.lock, ...m.kept.hide])) }));
    const p = document.createElement('p');
    p.textContent = lines.join(locale === 'zh' ? '' : ' ');
    const undo = document.createElement('button');
    undo.type = 'button';
    undo.textContent = t('builder.merge.undo');
    undo.dataset.builderUndo = '';
    undo.addEventListener('click', () => m.undo());
    merged.append(p, undo);
    merged.dataset.changed = m.changed.map((c) => c.key).join(',');
  };

  const update = () => {
    const entry = widgetById(widget);
    if (!entry) return;
    const lang: Locale = toLocale(langSel.value);
    const s = spec();
    const link = chapterLink(s, lang, publicOrigin());
    const embed = embedLink(s, lang, publicOrigin());
    linkOut.value = link;
    open.href = link;
    embedSrcOut.value = embed;
    embedOut.value = embedSnippet(embed, titles[widget] ?? widget);
    drawQr(qr, qrLink(link), { modulePx: 3, label: t('builder.qr') });
    previewNote.hidden = !run.checked;
    box.dataset.ready = latest ? 'true' : 'false';
  };

  /** Applies a catalogue assignment on top of what the teacher has set, remembering how to undo it. */
  const applyAssignment = (a: Assignment, previousChoice: string) => {
    const entry = widgetById(widget)!;
    const before = { state: { ...state }, lock: new Set(lock), hide: new Set(hide), fromTask: { lock: new Set(fromTask.lock), hide: new Set(fromTask.hide), run: fromTask.run }, run: run.checked, choice: previousChoice };
    const next = normalizeState(entry.schema, { ...state, ...a.state } as never) as Record<string, unknown>;
    const changed = Object.keys(a.state)
      .filter((k) => !same(state[k], next[k]))
      .map((key) => ({ key, from: state[key], to: next[key] }));
    const kept = { lock: [...lock].filter((k) => !fromTask.lock.has(k) && !(a.lock ?? []).includes(k)), hide: [...hide].filter((k) => !fromTask.hide.has(k) && !(a.hide ?? []).includes(k)) };
    const lockAdded = (a.lock ?? []).filter((k) => !lock.has(k));
    const hideAdded = (a.hide ?? []).filter((k) => !hide.has(k));
    fromTask = { lock: new Set(lockAdded), hide: new Set(hideAdded), run: !!a.run && !run.checked };
    for (const k of lockAdded) lock.add(k);
    for (const k of hideAdded) hide.add(k);
    if (a.run) run.checked = true;
    state = next;
    merge = {
      assignment: a,
      changed,
      lockAdded,
      hideAdded,
      runAdded: fromTask.run,
      kept,
      undo: () => {
        state = before.state;
        lock.clear();
        hide.clear();
        for (const k of before.lock) lock.add(k);
        for (const k of before.hide) hide.add(k);
        fromTask = before.fromTask;
        run.checked = before.run;
        taskSel.value = before.choice;
        taskSel.dataset.choice = before.choice;
        custom.hidden = taskSel.value !== '~';
        merge = undefined;
        showMerge();
        renderOptions();
        update();
        reloadPreview();
        taskSel.focus();
      },
    };
  };

  /** Takes back the locks, hidden settings and run=1 the previous assignment added. */
  const dropAssignment = () => {
    for (const k of fromTask.lock) lock.delete(k);
    for (const k of fromTask.hide) hide.delete(k);
    if (fromTask.run) run.checked = false;
    fromTask = { lock: new Set(), hide: new Set(), run: false };
  };

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    const data = event.data as { type?: string; height?: number } & Partial<EmbedState>;
    if (data?.type === 'nb:height' && typeof data.height === 'number' && data.height > 0) {
      frame.style.height = `${Math.min(Math.ceil(data.height), 4000)}px`;
    } else if (data?.type === 'nb:state' && data.id === widget && typeof data.query === 'string') {
      const entry = widgetById(widget)!;
      latest = { id: data.id, query: data.query, labels: data.labels ?? {}, tables: Array.isArray(data.tables) ? data.tables : [] };
      state = parseState(entry.schema, data.query).state as Record<string, unknown>;
      waiting.hidden = true;
      box.dataset.previewReady = 'true';
      renderHelp();
      update();
    }
  });
  // The frame may have loaded before this script: ask it for its state.
  frame.addEventListener('load', () => frame.contentWindow?.postMessage({ type: 'nb:hello' }, location.origin));
  frame.contentWindow?.postMessage({ type: 'nb:hello' }, location.origin);

  widgetSel.addEventListener('change', () => {
    if (widgetSel.value === widget) return;
    widget = widgetSel.value;
    state = defaults(widgetById(widget)!.schema) as Record<string, unknown>;
    lock.clear();
    hide.clear();
    fromTask = { lock: new Set(), hide: new Set(), run: false };
    merge = undefined;
    showMerge();
    run.checked = false;
    taskSel.value = '';
    taskSel.dataset.choice = '';
    custom.hidden = true;
    catalogueGroup.replaceChildren(
      ...catalogue
        .filter((a) => a.widget === widget)
        .map((a) => {
          const o = document.createElement('option');
          o.value = a.id;
          o.textContent = a.title[locale];
          return o;
        }),
    );
    latest = undefined;
    renderOptions();
    renderHelp();
    update();
    reloadPreview();
  });
  taskSel.addEventListener('change', () => {
    const previous = taskSel.dataset.choice ?? '';
    taskSel.dataset.choice = taskSel.value;
    custom.hidden = taskSel.value !== '~';
    dropAssignment();
    merge = undefined;
    const a = assignmentById(taskSel.value);
    if (a) applyAssignment(a, previous);
    showMerge();
    renderOptions();
    update();
    reloadPreview();
  });
  run.addEventListener('change', () => {
    fromTask.run = false;
    update();
  });
  langSel.addEventListener('change', update);
  for (const input of [promptZh, promptEn, condition])
    input.addEventListener('input', () => {
      update();
      reloadPreview(800);
    });

  for (const button of box.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const target = box.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${button.dataset.copy}`);
      if (!target) return;
      try {
        await navigator.clipboard.writeText(target.value);
      } catch {
        target.select();
      }
      toast.textContent = t('builder.copied');
    });
  }

  taskSel.dataset.choice = taskSel.value;
  renderOptions();
  renderHelp();
  update();
  box.dataset.previewSrc = frame.getAttribute('src') ?? '';
}
