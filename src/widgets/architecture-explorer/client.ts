/**
 * Browser side of `architecture-explorer`: mounts the shared runtime (link state, notice, Copy
 * link, Reset, Export) with the instance's preset as defaults, draws the D3 diagram(s), and on
 * every change re-renders the same HTML the page was built with (render.ts).
 */
import { createArchDiagram, type ArchDiagram, type Inspected } from '../../charts/arch-diagram';
import { createBubbleChart } from '../../charts/bubble-chart';
import { toLocale } from '../../lib/i18n/locales';
import { architectureExplorerStrings, type ArchitectureExplorerKey } from '../../lib/i18n/widgets/architecture-explorer';
import { withDefaults } from '../../lib/state/presets';
import { architectureExplorerSchema, presetState, type ArchitectureExplorerState } from '../../lib/state/schemas/architecture-explorer';
import type { InceptionId } from '../../lib/explorer/inception';
import { mountWidget } from '../shared/widget-runtime';
import { fill } from '../../lib/i18n/translate';
import { hasAuxiliary, loadModel, type ExplorerModelData } from './model';
import { bubbleOptions, comparisonPoints } from './comparison-view';
import { diagramText } from './diagram-view';
import { renderInception } from './inception-view';
import { layerByName, renderInspector } from './inspector-view';
import { nameOf } from './labels';
import { renderShare } from './share-view';
import { renderTables } from './tables-view';
import { renderTotals } from './totals-view';
import { yieldToMain } from '../shared/lazy-mount';

interface Pane {
  model: ExplorerModelData;
  diagram: ArchDiagram;
  inspector: HTMLElement;
  inspected: Inspected | null;
}

/** Mounts the widget; yields between building it and drawing its first figures (see lazyMount). */
export async function start(root: HTMLElement) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = '';
  const locale = toLocale(root.dataset.locale);
  const s = architectureExplorerStrings[locale];
  const preset = root.querySelector<HTMLElement>('[data-preset]')?.dataset.preset;
  const schema = withDefaults(architectureExplorerSchema, presetState(preset));
  root.dataset.status = 'loading';
  const rt = mountWidget(root, schema, {
    label: (key) => s[key as ArchitectureExplorerKey] ?? key,
  });

  const slot = (name: string) => root.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
  const panel = (name: string) => root.querySelector<HTMLElement>(`[data-panel="${name}"]`)!;
  const panesEl = root.querySelector<HTMLElement>('[data-panes]')!;
  let panes: Pane[] = [];
  let paneKey = '';
  let slotsKey = '';

  const modelsOf = (st: ArchitectureExplorerState) =>
    st.compare === 'none' ? [loadModel(st.model, st.aux)] : [loadModel(st.model, st.aux), loadModel(st.compare, st.aux)];

  // Link values that are valid on their own but not for this model: say so, and fix them.
  const extra: string[] = [];
  {
    const st = rt.state;
    const [first] = modelsOf(st);
    const stageCount = Math.max(...modelsOf(st).map((m) => m.stages.length));
    const fix: { stage?: number; layer?: string } = {};
    if (st.stage >= stageCount) {
      extra.push(fill(s.stageFixed, { raw: st.stage, model: nameOf(first!, locale) }));
      fix.stage = -1;
    }
    if (st.layer && !modelsOf(st).some((m) => layerByName(m, st.layer))) {
      extra.push(fill(s.layerFixed, { raw: st.layer, model: nameOf(first!, locale) }));
      fix.layer = '';
    }
    if (Object.keys(fix).length) rt.set(fix);
    const notice = root.querySelector<HTMLElement>('[data-notice="url"]');
    if (notice && extra.length) {
      const before = notice.hidden ? '' : (notice.textContent ?? '').replace(/[。.]$/, '');
      const sep = locale === 'zh' ? '；' : '; ';
      notice.textContent = (before ? before + sep : s.noticeHead) + extra.join(sep) + (locale === 'zh' ? '。' : '.');
      notice.hidden = false;
    }
  }

  function inspect(pane: Pane) {
    pane.inspector.innerHTML = renderInspector(pane.inspected, pane.model, locale, rt.state.layer);
  }

  function buildPanes(models: ExplorerModelData[]) {
    for (const p of panes) p.diagram.destroy();
    panesEl.innerHTML = '';
    panesEl.dataset.count = String(models.length);
    panes = models.map((model, i) => {
      const el = document.createElement('div');
      el.className = 'nb-arch-pane';
      el.dataset.pane = String(i);
      const title = document.createElement('h4');
      title.className = 'nb-arch-pane-title';
      title.textContent = nameOf(model, locale);
      const scroll = document.createElement('div');
      scroll.className = 'nb-arch-scroll';
      scroll.dataset.diagram = String(i);
      const inspector = document.createElement('div');
      inspector.className = 'nb-inspector';
      inspector.dataset.inspector = String(i);
      inspector.setAttribute('aria-live', 'polite');
      el.append(title, scroll, inspector);
      panesEl.append(el);
      const text = diagramText(model, locale);
      const pane: Pane = { model, inspector, inspected: null, diagram: undefined as unknown as ArchDiagram };
      pane.diagram = createArchDiagram(scroll, {
        labels: text.labels,
        stageText: text.stageText,
        blockText: text.blockText,
        stageAria: text.stageAria,
        blockAria: text.blockAria,
        layerAria: text.layerAria,
        shortcutLabel: text.shortcutLabel,
        onToggle: (stage) => rt.set({ stage }),
        onPin: (layer) => rt.set({ layer }),
        onInspect: (item) => {
          pane.inspected = item;
          inspect(pane);
        },
      });
      pane.diagram.svg.setAttribute('aria-describedby', 'ae-help');
      return pane;
    });
  }

  function drawDiagrams() {
    const st = rt.state;
    for (const p of panes) {
      p.diagram.update({ stages: p.model.stages, expanded: st.stage, pinned: st.layer, title: diagramText(p.model, locale).title });
      inspect(p);
    }
  }

  function markPinned() {
    for (const tr of root.querySelectorAll<HTMLTableRowElement>('table[data-metrics^="layers"] tr.is-pinned')) tr.classList.remove('is-pinned');
    const name = rt.state.layer;
    if (!name) return;
    for (const tr of root.querySelectorAll<HTMLTableRowElement>('table[data-metrics^="layers"] tr[data-layer]')) {
      if (tr.dataset.layer === name) tr.classList.add('is-pinned');
    }
  }

  let bubble: ReturnType<typeof createBubbleChart> | undefined;
  // What the page was built with (the preset); a link may ask for something else.
  const built = schema.fields;
  let inceptionKey = `${built.module.default}|${built.reduce.default}`;

  function render() {
    const st = rt.state;
    for (const v of ['diagram', 'inception', 'comparison'] as const) panel(v).hidden = st.view !== v;
    const auxControl = root.querySelector<HTMLElement>('[data-aux-control]');
    if (auxControl && !auxControl.dataset.hiddenByLink) auxControl.hidden = !(hasAuxiliary(st.model) || hasAuxiliary(st.compare));

    if (st.view === 'diagram') {
      const models = modelsOf(st);
      const key = models.map((m) => `${m.id}|${m.auxiliary}`).join(',');
      if (key !== slotsKey) {
        // A stage or layer that the new model lacks is closed / forgotten.
        const stageCount = Math.max(...models.map((m) => m.stages.length));
        const layerOk = !st.layer || models.some((m) => layerByName(m, st.layer));
        slotsKey = key;
        if (st.stage >= stageCount || !layerOk) rt.set({ stage: st.stage >= stageCount ? -1 : st.stage, layer: layerOk ? st.layer : '' });
        slot('totals').innerHTML = renderTotals(models, locale);
        slot('share').innerHTML = renderShare(models[0]!, locale, shareWidth());
        slot('tables').innerHTML = renderTables(models, locale);
      }
      if (key !== paneKey) {
        buildPanes(models);
        paneKey = key;
      }
      drawDiagrams();
      markPinned();
    }
    if (st.view === 'inception') {
      const k = `${st.module}|${st.reduce}`;
      if (k !== inceptionKey) {
        slot('inception').innerHTML = renderInception(st.module as InceptionId, st.reduce, locale);
        inceptionKey = k;
      }
    }
    if (st.view === 'comparison') {
      const host = slot('comparison').querySelector<HTMLElement>('[data-bubble-chart]');
      if (host && !bubble) {
        bubble = createBubbleChart(host, bubbleOptions(locale));
        bubble.update(comparisonPoints(locale));
      }
    }
  }

  const shareWidth = () => Math.max(260, slot('share').clientWidth || 640);

  // Redraw the share bar at the real width when the widget resizes.
  let lastShareWidth = 0;
  const ro = new ResizeObserver(() => {
    if (rt.state.view !== 'diagram') return;
    const w = shareWidth();
    if (Math.abs(w - lastShareWidth) < 2) return;
    lastShareWidth = w;
    const holder = slot('share');
    const chart = holder.querySelector('[data-share-chart]');
    if (chart) chart.outerHTML = renderShare(modelsOf(rt.state)[0]!, locale, w).replace(/<p[\s\S]*$/, '');
  });
  ro.observe(slot('share'));

  rt.onChange(() => render());
  await yieldToMain();
  render();
  rt.setStatus('done');
}
