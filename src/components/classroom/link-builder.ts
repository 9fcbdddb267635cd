/**
 * The link builder's behaviour. The widget is set up in an iframe showing its embed page, which
 * posts `nb:state` (`{ id, query, labels, tables }`) after every change and `nb:height` for its
 * size; the builder adds the teacher's options and task and writes the chapter link, the embed
 * address and snippet, and a QR code of the link.
 */
import { renderSVG } from 'uqr';
import { assignmentById, catalogue } from '../../lib/classroom/catalogue';
import { checkCondition } from '../../lib/classroom/condition-check';
import { parseCondition } from '../../lib/classroom/condition';
import { chapterLink, embedLink, embedPath, embedSnippet, type LinkSpec } from '../../lib/classroom/links';
import { syntaxMessage, typeMessage } from '../../lib/classroom/messages';
import { encodeCustomTask } from '../../lib/classroom/task';
import { classroomT } from '../../lib/i18n/classroom';
import { toLocale, type Locale } from '../../lib/i18n/locales';
import { parseState } from '../../lib/state/codec';
import { widgetById } from '../../lib/state/registry';
import { publicOrigin } from '../../widgets/shared/url-sync';

interface EmbedState {
  id: string;
  query: string;
  labels: Record<string, string>;
  tables: { name: string; headers: string[] }[];
}

export function mountLinkBuilder(box: HTMLElement) {
  const locale = toLocale(box.dataset.locale);
  const t = classroomT(locale);
  const titles = JSON.parse(box.dataset.titles ?? '{}') as Record<string, string>;
  const q = <T extends Element>(sel: string) => box.querySelector<T>(sel)!;
  const widgetSel = q<HTMLSelectElement>('[data-builder-widget]');
  const langSel = q<HTMLSelectElement>('[data-builder-lang]');
  const frame = q<HTMLIFrameElement>('[data-builder-frame]');
  const optionsBody = q<HTMLTableSectionElement>('[data-builder-options] tbody');
  const waiting = q<HTMLElement>('[data-builder-waiting]');
  const run = q<HTMLInputElement>('[data-builder-run]');
  const taskSel = q<HTMLSelectElement>('[data-builder-task]');
  const catalogueGroup = q<HTMLOptGroupElement>('[data-builder-catalogue]');
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
  const lock = new Set<string>();
  const hide = new Set<string>();

  /** Shows `spec` in the preview (the preview ignores locks, so every setting stays adjustable). */
  const load = (spec: LinkSpec) => {
    latest = undefined;
    waiting.hidden = false;
    frame.src = embedLink({ widget: spec.widget, state: spec.state }, locale);
  };

  const renderOptions = () => {
    const entry = widgetById(widget);
    if (!entry) return;
    optionsBody.replaceChildren(
      ...Object.keys(entry.schema.fields).map((key) => {
        const tr = optionsBody.ownerDocument.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        const name = latest?.labels[key] ?? key;
        th.textContent = name === key ? key : `${name} (${key})`;
        tr.append(th);
        for (const [set, kind] of [
          [lock, 'lock'],
          [hide, 'hide'],
        ] as const) {
          const td = tr.insertCell();
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.checked = set.has(key);
          box.dataset.builderOption = kind;
          box.value = key;
          box.setAttribute('aria-label', `${t(kind === 'lock' ? 'builder.lock' : 'builder.hide')}: ${name}`);
          box.addEventListener('change', () => {
            if (box.checked) set.add(key);
            else set.delete(key);
            update();
          });
          td.append(box);
        }
        return tr;
      }),
    );
  };

  const renderHelp = () => {
    const entry = widgetById(widget);
    if (!entry) return;
    const settings = Object.keys(entry.schema.fields).map((k) => `${k}${latest?.labels[k] && latest.labels[k] !== k ? ` — ${latest.labels[k]}` : ''}`);
    const p1 = document.createElement('p');
    p1.textContent = `${t('builder.settings')}: ${settings.join('; ')}`;
    const p2 = document.createElement('p');
    p2.textContent = `${t('builder.tables')}:`;
    const ul = document.createElement('ul');
    for (const table of latest?.tables ?? []) {
      const li = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = table.name;
      li.append(code, ': ', table.headers.map((h, i) => `[${i}] ${h}`).join(', '));
      ul.append(li);
    }
    const p3 = document.createElement('p');
    p3.textContent = `${t('builder.example')}: depth >= 32 and min(runs[3] where [0] = "plain" and [1] = depth) < 0.3`;
    help.replaceChildren(p1, p2, ul, p3);
  };

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
    if (problem || (!zh && !en)) return undefined;
    return encodeCustomTask({ prompt: { zh: zh || en, en: en || zh }, check: condition.value });
  };

  const update = () => {
    const entry = widgetById(widget);
    if (!entry) return;
    const lang: Locale = toLocale(langSel.value);
    const state = latest ? (parseState(entry.schema, latest.query).state as Record<string, unknown>) : {};
    const spec: LinkSpec = { widget, state, lock: [...lock], hide: [...hide], run: run.checked, task: taskParam() };
    const link = chapterLink(spec, lang, publicOrigin());
    const embed = embedLink(spec, lang, publicOrigin());
    linkOut.value = link;
    open.href = link;
    embedSrcOut.value = embed;
    embedOut.value = embedSnippet(embed, titles[widget] ?? widget);
    qr.innerHTML = renderSVG(link, { border: 2, ecc: 'M' });
    box.dataset.ready = latest ? 'true' : 'false';
  };

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    const data = event.data as { type?: string; height?: number } & Partial<EmbedState>;
    if (data?.type === 'nb:height' && typeof data.height === 'number' && data.height > 0) {
      frame.style.height = `${Math.min(Math.ceil(data.height), 4000)}px`;
    } else if (data?.type === 'nb:state' && data.id === widget && typeof data.query === 'string') {
      const first = !latest;
      latest = { id: data.id, query: data.query, labels: data.labels ?? {}, tables: Array.isArray(data.tables) ? data.tables : [] };
      waiting.hidden = true;
      if (first) renderOptions();
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
    lock.clear();
    hide.clear();
    run.checked = false;
    taskSel.value = '';
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
    renderOptions();
    load({ widget });
    update();
  });
  taskSel.addEventListener('change', () => {
    custom.hidden = taskSel.value !== '~';
    const a = assignmentById(taskSel.value);
    if (a) {
      lock.clear();
      hide.clear();
      for (const k of a.lock ?? []) lock.add(k);
      for (const k of a.hide ?? []) hide.add(k);
      run.checked = !!a.run;
      renderOptions();
      load({ widget, state: a.state });
    }
    update();
  });
  for (const input of [run, langSel, promptZh, promptEn, condition]) input.addEventListener(input instanceof HTMLSelectElement || input.type === 'checkbox' ? 'change' : 'input', update);

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

  if (!frame.getAttribute('src')) frame.src = `${embedPath(widget, locale)}?w=${widget}`;
  renderOptions();
  update();
}
