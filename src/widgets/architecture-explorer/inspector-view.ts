/**
 * The inspector view: the numbers of the hovered, focused or pinned item of the diagram (HTML), and the lookup of a layer by name. Strings, so the Astro component (`set:html`, at build time) and the client (after a change) show the same; tables carry plain decimals, prose and labels use separators.
 */
import { grouped, percent, shape } from '../../lib/explorer/format';
import type { Locale } from '../../lib/i18n/locales';
import type { ArchitectureExplorerKey } from '../../lib/i18n/widgets/architecture-explorer';
import { walkLayers as walk, type LayerNode } from '../../lib/architectures/diagram-stages';
import type { Inspected } from '../../charts/arch-diagram';
import { esc } from '../../charts/svg-text';
import { fill } from '../../lib/i18n/translate';
import type { ExplorerModelData } from './model';
import { strings, groupLabel, kindLabel } from './labels';

/** The inspector's content for a hovered, focused or pinned item. */
export function renderInspector(item: Inspected | null, m: ExplorerModelData, locale: Locale, pinned: string): string {
  const s = strings(locale);
  const of = (n: number, total: number) =>
    total > 0 ? (locale === 'zh' ? `（${fill(s['insp.share'], { share: percent(n / total, locale) })}）` : ` (${fill(s['insp.share'], { share: percent(n / total, locale) })})`) : '';
  const row = (label: string, value: string) => `<div><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`;
  let target = item;
  if (!target && pinned) {
    const layer = layerByName(m, pinned);
    if (layer) target = { type: 'layer', layer };
  }
  if (!target) return `<p class="nb-inspector-empty">${esc(s['insp.empty'])}</p>`;
  if (target.type === 'layer') {
    const l = target.layer;
    const rows = [row(s['insp.kind'], kindLabel(l.kind, locale) + (l.composite ? ` (${s['insp.composite']})` : ''))];
    if (l.kernel !== null) rows.push(row(s['insp.window'], `${l.kernel}×${l.kernel} / ${l.stride} / ${l.padding}`));
    if (l.shortcut) rows.push(row(s['insp.shortcut'], s[`shortcut.${l.shortcut}` as ArchitectureExplorerKey]));
    rows.push(row(s['insp.input'], shape(l.input)), row(s['insp.output'], shape(l.output)));
    rows.push(row(s['insp.params'], grouped(l.params) + of(l.params, m.totals.params)));
    if (l.bnStats) rows.push(row(s['insp.bnStats'], grouped(l.bnStats)));
    rows.push(row(s['insp.macs'], grouped(l.macs) + of(l.macs, m.totals.macs)));
    rows.push(row(s['insp.rf'], fill(s['insp.rfValue'], { size: l.rf.size, jump: l.rf.jump })));
    const pin = l.name === pinned ? ` <span class="nb-pin">${esc(s['insp.pinned'])}</span>` : '';
    return `<p class="nb-inspector-title"><strong>${esc(l.name)}</strong>${pin}</p><dl>${rows.join('')}</dl>`;
  }
  const g = target.type === 'stage' ? target.stage : target.block;
  const name = groupLabel(g.name, locale, target.type);
  const rows = [
    ...(target.type === 'stage' ? [row(s['insp.blocks'], String(target.stage.blockCount))] : []),
    row(s['insp.input'], shape(g.input)),
    row(s['insp.output'], shape(g.output)),
    row(s['insp.params'], grouped(g.params) + of(g.params, m.totals.params)),
    row(s['insp.macs'], grouped(g.macs) + of(g.macs, m.totals.macs)),
  ];
  return `<p class="nb-inspector-title"><strong>${esc(name)}</strong></p><dl>${rows.join('')}</dl>`;
}

const layerIndex = new WeakMap<ExplorerModelData, Map<string, LayerNode>>();

/** The diagram node of a layer of `m`, by name. */
export function layerByName(m: ExplorerModelData, name: string): LayerNode | undefined {
  let index = layerIndex.get(m);
  if (!index) {
    index = new Map();
    for (const stage of m.stages) for (const block of stage.blocks) for (const l of walk(block.layers)) index.set(l.name, l);
    layerIndex.set(m, index);
  }
  return index.get(name);
}
