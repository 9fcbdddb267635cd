/**
 * HTML for the explorer's parts, as strings, from pure data: used by the Astro component at build
 * time (`set:html`) and by the client after a change (`innerHTML`), so the two can never differ.
 * Tables (`data-metrics`) carry plain decimals; prose and labels use separators.
 */
import type { SummaryRow } from '../../lib/architectures';
import { comparisonRows } from '../../lib/explorer/comparison';
import { grouped, percent, plain, shape, short, sig3 } from '../../lib/explorer/format';
import { percentSign } from '../../lib/i18n/number-format';
import { branchCosts, inceptionModule, naiveNetwork, type InceptionId } from '../../lib/explorer/inception';
import { analyzeArchitecture, googlenet } from '../../lib/architectures';
import type { Locale } from '../../lib/i18n/locales';
import { sitePath } from '../../lib/i18n/localized-path';
import { architectureExplorerStrings, type ArchitectureExplorerKey } from '../../lib/i18n/widgets/architecture-explorer';
import { bibliography } from '../../data/bibliography';
import { walkLayers as walk, type LayerNode } from '../../lib/architectures/diagram-stages';
import type { Inspected } from '../../charts/arch-diagram';
import { bubbleChartSvg, type BubblePoint } from '../../charts/bubble-chart';
import { shareBarSvg } from '../../charts/share-bar';
import { esc } from '../../charts/svg-text';
import { fill } from '../../lib/i18n/translate';
import { loadModel, modelLabel, type ExplorerModelData } from './model';

/** The model's display name in the page's language. */
export const nameOf = (m: ExplorerModelData, locale: Locale) => modelLabel(m.id, locale);

type S = Record<ArchitectureExplorerKey, string>;
const strings = (locale: Locale): S => architectureExplorerStrings[locale];

/** Stage and block names are the papers' identifiers; the few English words among them are translated. */
export function groupLabel(name: string, locale: Locale, level: 'stage' | 'block' = 'stage'): string {
  // VGG's stages are named `block 1`…`block 5` in the specs (Keras' naming); the papers and the
  // chapters call them stages.
  if (level === 'stage' && /^block \d+$/.test(name)) return name.replace(/^block (\d+)$/, locale === 'zh' ? '阶段 $1' : 'stage $1');
  if (locale === 'en') return name;
  const words: Record<string, string> = {
    classifier: '分类器',
    stem: '起始层',
    auxiliary: '辅助分类器',
    features: '特征提取',
    module: '模块',
    pool: '池化',
  };
  if (words[name]) return words[name];
  return name
    .replace(/^block (\d+)$/, '块 $1')
    .replace(/^auxiliary classifier (\d+)$/, '辅助分类器 $1');
}

export function kindLabel(kind: string, locale: Locale): string {
  return strings(locale)[`kind.${kind}` as ArchitectureExplorerKey] ?? kind;
}

/** Chip labels for the diagram, longest first. */
export function chipLabels(layer: LayerNode, locale: Locale): string[] {
  const zh = locale === 'zh';
  const k = layer.kernel ?? 0;
  const win = `${k}×${k}${layer.stride && layer.stride > 1 ? `/${layer.stride}` : ''}`;
  switch (layer.kind) {
    case 'conv':
      return [zh ? `${win} 卷积，${layer.units}` : `${win} conv, ${layer.units}`, `${win}, ${layer.units}`, win, `${k}×${k}`, `${k}`];
    case 'fc':
      return [zh ? `全连接，${layer.units}` : `fc, ${layer.units}`, `fc ${layer.units}`, 'fc'];
    case 'maxpool':
      return [zh ? `最大池化 ${win}` : `max pool ${win}`, `max ${win}`, 'max'];
    case 'avgpool':
      return [zh ? `平均池化 ${win}` : `avg pool ${win}`, `avg ${win}`, 'avg'];
    case 'gap':
      return [zh ? '全局平均池化' : 'global avg pool', 'GAP'];
    case 'bn':
      return ['BN'];
    case 'relu':
      return ['ReLU'];
    case 'lrn':
      return ['LRN'];
    case 'dropout':
      return [zh ? 'Dropout' : 'dropout', 'drop'];
    case 'softmax':
      return ['softmax'];
    case 'flatten':
      return [zh ? '展平' : 'flatten'];
    default:
      return [];
  }
}

const kernelText = (r: { kernel: number | null }) => (r.kernel === null ? '' : `${r.kernel}×${r.kernel}`);

/** The visible totals of one or two models (formatted), and the comparison sentence. */
export function renderTotals(models: readonly ExplorerModelData[], locale: Locale): string {
  const s = strings(locale);
  const cards = models.map((m) => {
    const t = m.totals;
    const items: [string, string, string, number][] = [
      ['params', s['totals.params'], grouped(t.params), t.params],
      ['macs', s['totals.macs'], locale === 'zh' ? `${grouped(t.macs)}（${short(t.macs)}）` : `${grouped(t.macs)} (${short(t.macs)})`, t.macs],
      ['bnStats', s['totals.bnStats'], grouped(t.bnStats), t.bnStats],
      ['layers', s['totals.layers'], `${t.convLayers} + ${t.fcLayers}`, t.convLayers + t.fcLayers],
      ['depth', s['totals.depth'], String(t.depth), t.depth],
    ];
    const aux =
      m.auxiliary || !m.report.auxiliary.length
        ? ''
        : `<p class="nb-caption">${esc(fill(s.auxNote, { params: grouped(m.report.withAuxiliary.params) }))}</p>`;
    return (
      `<div class="nb-arch-total" data-model="${esc(m.id)}"><h4>${esc(nameOf(m, locale))}${m.auxiliary ? ` + ${esc(groupLabel('auxiliary', locale))}` : ''}</h4><dl>` +
      items
        .map(([key, label, text, value]) => `<div><dt>${esc(label)}</dt><dd data-total="${key}" data-value="${value}">${esc(text)}</dd></div>`)
        .join('') +
      `<div><dt>${esc(s['totals.input'])}</dt><dd>${esc(shape(m.report.spec.input))}</dd></div></dl>${aux}</div>`
    );
  });
  let sentence = '';
  const [a, b] = models;
  if (a && b) {
    const dp = b.totals.params - a.totals.params;
    const dm = b.totals.macs - a.totals.macs;
    // Says which has more, in words: "173,824 fewer parameters", not a bare "−173,824".
    const part = (what: 'params' | 'macs', d: number, base: number) =>
      d === 0 ? s[`cmp.${what}.same`] : fill(s[`cmp.${what}.${d > 0 ? 'more' : 'fewer'}`], { n: grouped(Math.abs(d)), p: percent(Math.abs(d) / base, locale) });
    sentence =
      dp === 0 && dm === 0
        ? fill(s.compareSame, { a: nameOf(a, locale), b: nameOf(b, locale) })
        : fill(s.compareSentence, { a: nameOf(a, locale), b: nameOf(b, locale), params: part('params', dp, a.totals.params), macs: part('macs', dm, a.totals.macs) });
    sentence = `<p class="nb-arch-diff" data-diff>${esc(sentence)}</p>`;
  }
  return `<div class="nb-arch-totals">${cards.join('')}</div>${sentence}`;
}

/** The share bar (SVG) and its sentence. */
export function renderShare(m: ExplorerModelData, locale: Locale, width = 640): string {
  const s = strings(locale);
  const pc = (f: number) => percent(f, locale);
  const svg = shareBarSvg(
    m.share.stages.map((st) => ({ label: groupLabel(st.stage, locale), params: st.paramsShare, macs: st.macsShare })),
    {
      title: fill(s.shareTitle, { model: nameOf(m, locale) }),
      desc: m.share.stages.map((st) => `${groupLabel(st.stage, locale)}: ${pc(st.paramsShare)} / ${pc(st.macsShare)}`).join('; '),
      paramsLabel: s['share.params'],
      macsLabel: s['share.macs'],
      percent: pc,
      width,
    },
  );
  const k = m.share.kinds;
  const sentence = fill(s.shareSentence, {
    fcParams: pc(k.fc.paramsShare),
    fcMacs: pc(k.fc.macsShare),
    convParams: pc(k.conv.paramsShare),
    convMacs: pc(k.conv.macsShare),
    name: m.share.largest.name,
    largest: grouped(m.share.largest.params),
    largestShare: pc(m.share.largest.share),
  });
  return `<div class="nb-arch-share-chart" data-share-chart>${svg}</div><p class="nb-arch-share-text" data-share-text>${esc(sentence)}</p>`;
}

function layerRow(r: SummaryRow, locale: Locale): string {
  const cells = [
    esc(groupLabel(r.stage, locale)),
    `<th scope="row" class="nb-lvl-${Math.min(r.level, 3)}">${esc(r.name)}</th>`,
    esc(kindLabel(r.kind, locale)),
    r.kernel === null ? '' : plain(r.kernel),
    r.stride === null ? '' : plain(r.stride),
    esc(shape(r.outShape)),
    plain(r.params),
    plain(r.bnStats),
    plain(r.macs),
    plain(r.rf.size),
  ];
  return `<tr data-layer="${esc(r.name)}">${cells.map((c, i) => (i === 1 ? c : `<td>${c}</td>`)).join('')}</tr>`;
}

/** All the numbers as tables: totals, shares by stage, and every layer of each model. */
export function renderTables(models: readonly ExplorerModelData[], locale: Locale): string {
  const s = strings(locale);
  const th = (t: string) => `<th scope="col">${esc(t)}</th>`;
  const totals =
    `<div class="nb-table-wrap" tabindex="0" role="region" aria-label="${esc(s.totalsCaption)}"><table data-metrics="totals"><caption>${esc(s.totalsCaption)}</caption><thead><tr>` +
    [s['col.model'], s['col.params'], s['col.bnStats'], s['col.macs'], s['col.convLayers'], s['col.fcLayers'], s['col.depth']].map(th).join('') +
    '</tr></thead><tbody>' +
    models
      .map(
        (m) =>
          `<tr data-model="${esc(m.id)}"><th scope="row">${esc(nameOf(m, locale))}</th><td>${m.totals.params}</td><td>${m.totals.bnStats}</td><td>${m.totals.macs}</td><td>${m.totals.convLayers}</td><td>${m.totals.fcLayers}</td><td>${m.totals.depth}</td></tr>`,
      )
      .join('') +
    '</tbody></table></div>';
  const first = models[0];
  const share = first
    ? `<div class="nb-table-wrap" tabindex="0" role="region" aria-label="${esc(`${nameOf(first, locale)}${locale === 'zh' ? '：' : ': '}${s.shareCaption}`)}"><table data-metrics="share"><caption>${esc(`${nameOf(first, locale)}${locale === 'zh' ? '：' : ': '}${s.shareCaption}`)}</caption><thead><tr>` +
      [s['col.stage'], s['col.params'], s['col.share.params'], s['col.macs'], s['col.share.macs']].map(th).join('') +
      '</tr></thead><tbody>' +
      first.share.stages
        .map(
          (st) =>
            `<tr><th scope="row">${esc(groupLabel(st.stage, locale))}</th><td>${st.params}</td><td>${(st.paramsShare * 100).toFixed(2)}</td><td>${st.macs}</td><td>${(st.macsShare * 100).toFixed(2)}</td></tr>`,
        )
        .join('') +
      '</tbody></table></div>'
    : '';
  const layers = models
    .map((m, i) => {
      const n = m.rows.length;
      const sum = (k: 'params' | 'bnStats' | 'macs') => m.rows.reduce((acc, r) => acc + r[k], 0);
      return (
        `<div class="nb-table-wrap nb-table-wrap--tall" tabindex="0" role="region" aria-label="${esc(fill(s.layersCaption, { model: nameOf(m, locale), n }))}">` +
        `<table data-metrics="${i === 0 ? 'layers' : 'layers-compare'}" data-model="${esc(m.id)}" data-rows="${n}" class="nb-arch-layers">` +
        `<caption>${esc(fill(s.layersCaption, { model: nameOf(m, locale), n }))}</caption><thead><tr>` +
        [s['col.stage'], s['col.name'], s['col.kind'], s['col.kernel'], s['col.stride'], s['col.output'], s['col.params'], s['col.bnStats'], s['col.macs'], s['col.rf']]
          .map(th)
          .join('') +
        `</tr></thead><tbody>${m.rows.map((r) => layerRow(r, locale)).join('')}</tbody>` +
        `<tfoot><tr><th scope="row" colspan="6">${esc(s.total)}</th><td>${sum('params')}</td><td>${sum('bnStats')}</td><td>${sum('macs')}</td><td></td></tr></tfoot></table></div>`
      );
    })
    .join('');
  return totals + share + layers + `<p class="nb-caption">${esc(s.layersNote)} ${esc(s.bnNote)}</p>`;
}

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

/** Text for the diagram's stage rows, blocks and items. */
export function diagramText(m: ExplorerModelData, locale: Locale) {
  const s = strings(locale);
  const blocks = (n: number) => (n === 1 ? s.stageBlock : fill(s.stageBlocks, { n }));
  type StageInfo = { name: string; blockCount: number; simple: boolean; counts: { conv: number; fc: number; pool: number }; output: readonly [number, number, number]; params: number; macs: number };
  const parts = (st: StageInfo) =>
    st.simple
      ? (['conv', 'fc', 'pool'] as const)
          .filter((k) => st.counts[k] > 0)
          .map((k) => fill(s[`count.${k}`], { n: st.counts[k] }))
          .join(' · ')
      : blocks(st.blockCount);
  return {
    title: fill(s.diagramTitle, { model: nameOf(m, locale) }),
    stageText: (st: StageInfo, width: number): [string, string, string] => [
      groupLabel(st.name, locale),
      parts(st),
      fill(width < 420 ? s.stageLineShort : s.stageLine, { shape: shape(st.output), params: short(st.params), macs: short(st.macs) }),
    ],
    blockText: (b: { name: string; output: readonly [number, number, number]; params: number }, width: number) =>
      fill(width < 420 ? s.blockLineShort : s.blockLine, { name: groupLabel(b.name, locale, 'block'), shape: shape(b.output), params: short(b.params) }),
    stageAria: (st: StageInfo) =>
      fill(s.stageAria, { name: groupLabel(st.name, locale), blocks: parts(st), shape: shape(st.output), params: grouped(st.params), macs: grouped(st.macs) }),
    blockAria: (b: { name: string; output: readonly [number, number, number]; params: number; macs: number }) =>
      fill(s.blockAria, { name: groupLabel(b.name, locale, 'block'), shape: shape(b.output), params: grouped(b.params), macs: grouped(b.macs) }),
    layerAria: (l: LayerNode) =>
      fill(s.layerAria, {
        name: l.name,
        kind: kindLabel(l.kind, locale),
        kernel: l.kernel === null ? '' : ` ${kernelText(l)}${l.stride && l.stride > 1 ? `/${l.stride}` : ''}`,
        shape: shape(l.output),
        params: grouped(l.params),
        macs: grouped(l.macs),
      }),
    shortcutLabel: (k: 'identity' | 'zero-pad') => s[`shortcut.${k}`],
    labels: (l: LayerNode) => chipLabels(l, locale),
  };
}

const ratio = (a: number, b: number) => sig3(b / a);

/** The Inception view: the module drawn as four branches, its sentence, and the table. */
export function renderInception(id: InceptionId, reduce: boolean, locale: Locale): string {
  const s = strings(locale);
  const on = inceptionModule(id, { reductions: true });
  const off = inceptionModule(id, { reductions: false });
  const shown = reduce ? on : off;
  const bOn = branchCosts(on);
  const bOff = branchCosts(off);
  const bShown = reduce ? bOn : bOff;
  const cin = on.input[2];
  const op = (cls: string, title: string, detail: string) =>
    `<div class="nb-inc-op nb-inc-op--${cls}"><span class="nb-inc-op-title">${esc(title)}</span>${detail ? `<span class="nb-inc-op-detail">${esc(detail)}</span>` : ''}</div>`;
  const cost = (p: number, m: number) => `${grouped(p)} ${locale === 'zh' ? '参数' : 'params'} · ${short(m)} ${locale === 'zh' ? '乘加' : 'mult-adds'}`;
  const branches = bOn.map((branch, i) => {
    const shownBranch = bShown[i]!;
    const ops: string[] = [];
    for (const layer of branch.layers) {
      const isReduce = /_reduce$/.test(layer.name);
      const isProj = /pool_proj$/.test(layer.name);
      const live = shownBranch.layers.find((l) => l.name === layer.name);
      const k = layer.kernel ?? 0;
      if (layer.kind === 'maxpool') {
        ops.push(op('pool', s['inc.pool'], `→ ${live?.outChannels ?? cin}`));
      } else if (!live) {
        ops.push(op('removed', isProj ? s['inc.poolProj'] : s['inc.reduction'], s['inc.removed']));
      } else {
        const comma = locale === 'zh' ? '，' : ', ';
        const title = isReduce ? `${s['inc.reduction']}${comma}${layer.outChannels}` : isProj ? `${s['inc.poolProj']}${comma}${layer.outChannels}` : `${k}×${k} ${locale === 'zh' ? '卷积' : 'conv'}${comma}${layer.outChannels}`;
        ops.push(op(isReduce || isProj ? 'reduce' : 'conv', title, cost(live.params, live.macs)));
      }
    }
    return (
      `<div class="nb-inc-branch" data-branch="${i + 1}"><div class="nb-inc-branch-title">${esc(fill(s['inc.branch'], { n: i + 1 }))}</div>${ops.join('')}` +
      `<div class="nb-inc-branch-out">→ ${shownBranch.outChannels}</div></div>`
    );
  });
  const t = shown.report.totals;
  const diagram =
    `<div class="nb-inc" data-reduce="${reduce ? 1 : 0}">` +
    `<div class="nb-inc-io">${esc(s['inc.input'])} · ${esc(shape(on.input))}</div>` +
    `<div class="nb-inc-branches">${branches.join('')}</div>` +
    `<div class="nb-inc-io nb-inc-io--out">${esc(s['inc.concat'])} · <span data-inc-out>${esc(shape(t.output))}</span></div>` +
    `<div class="nb-inc-total"><strong>${esc(s['inc.module'])}</strong>${locale === 'zh' ? '：' : ': '}<span data-inc-total="params" data-value="${t.params}">${esc(grouped(t.params))}</span> ${locale === 'zh' ? '参数' : 'parameters'} · <span data-inc-total="macs" data-value="${t.macs}">${esc(grouped(t.macs))}</span> ${locale === 'zh' ? '次乘加' : 'multiply-adds'}</div>` +
    '</div>';
  const net = analyzeArchitecture(googlenet({ auxiliary: false })).totals;
  const naive = analyzeArchitecture(naiveNetwork(googlenet({ auxiliary: false }))).totals;
  const tOn = on.report.totals;
  const tOff = off.report.totals;
  const sentence =
    fill(s['inc.sentence'], {
      pr: ratio(tOn.params, tOff.params),
      mr: ratio(tOn.macs, tOff.macs),
      p1: grouped(tOn.params),
      p2: grouped(tOff.params),
      m1: short(tOn.macs),
      m2: short(tOff.macs),
      c1: tOn.output[2],
      c2: tOff.output[2],
      cin,
    }) +
    (locale === 'zh' ? '' : ' ') +
    fill(s['inc.network'], { np: grouped(naive.params), nm: short(naive.macs), p: grouped(net.params), m: short(net.macs) });
  const th = (x: string) => `<th scope="col">${esc(x)}</th>`;
  const rows = bOn.map(
    (b, i) =>
      `<tr><th scope="row">${esc(fill(s['inc.branch'], { n: i + 1 }))}</th><td>${b.params}</td><td>${b.macs}</td><td>${bOff[i]!.params}</td><td>${bOff[i]!.macs}</td><td>${b.outChannels}</td><td>${bOff[i]!.outChannels}</td></tr>`,
  );
  rows.push(
    `<tr data-row="module"><th scope="row">${esc(s['inc.module'])}</th><td>${tOn.params}</td><td>${tOn.macs}</td><td>${tOff.params}</td><td>${tOff.macs}</td><td>${tOn.output[2]}</td><td>${tOff.output[2]}</td></tr>`,
    `<tr data-row="network"><th scope="row">${esc(s['inc.wholeNet'])}</th><td>${net.params}</td><td>${net.macs}</td><td>${naive.params}</td><td>${naive.macs}</td><td>${net.output[2]}</td><td>${naive.output[2]}</td></tr>`,
  );
  const table =
    `<div class="nb-table-wrap" tabindex="0" role="region" aria-label="${esc(fill(s['inc.caption'], { id }))}"><table data-metrics="inception" data-module="${id}"><caption>${esc(fill(s['inc.caption'], { id }))}</caption><thead><tr>` +
    [s['col.branch'], s['col.withParams'], s['col.withMacs'], s['col.withoutParams'], s['col.withoutMacs'], s['col.outWith'], s['col.outWithout']].map(th).join('') +
    `</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  return (
    `<h4 class="nb-inc-heading">${esc(fill(s['inc.heading'], { id, shape: shape(on.input) }))}</h4>` +
    diagram +
    `<p class="nb-inc-sentence" data-inc-sentence>${esc(sentence)}</p>` +
    `<details class="nb-inc-numbers"><summary>${locale === 'zh' ? '查看数据表' : 'Show the numbers'}</summary>${table}</details>`
  );
}

const familyColor: Record<string, string> = {
  AlexNet: '#CC79A7',
  VGG: '#009E73',
  GoogLeNet: '#D55E00',
  ResNet: '#0072B2',
  plain: '#E69F00',
};

function cite(key: string, text: string, locale: Locale): string {
  return `<a href="${esc(sitePath(`/${locale}/references/#ref-${key}`))}">${esc(text)}</a>`;
}

const shortName = (key: string) => (bibliography as Record<string, { short: string }>)[key]?.short ?? key;

/** Points of the bubble chart (single models and ensembles with a cited error). */
export function comparisonPoints(locale: Locale): BubblePoint[] {
  const s = strings(locale);
  const points: BubblePoint[] = [];
  for (const row of comparisonRows()) {
    const color = familyColor[row.family] ?? '#888';
    const x = row.macs / 1e9;
    if (row.single) {
      points.push({
        id: row.id,
        label: row.name,
        x,
        y: row.single.error,
        size: row.params,
        kind: 'single',
        color,
        description: `${row.name}: ${percentSign(row.single.error, locale)}, ${sig3(x)} G, ${grouped(row.params)}`,
      });
    }
    if (row.ensemble) {
      const family = row.family === 'ResNet' ? 'ResNet' : row.name.replace(/-\d+$/, '');
      points.push({
        id: `${row.id}-ensemble`,
        label: fill(s['cmp.ensembleLabel'], { name: family, n: row.ensemble.members ?? 0 }),
        x,
        y: row.ensemble.error,
        size: 0,
        kind: 'ensemble',
        color,
        of: row.id,
        description: `${family} ×${row.ensemble.members}: ${percentSign(row.ensemble.error, locale)}`,
      });
    }
  }
  return points;
}

export function bubbleOptions(locale: Locale) {
  const s = strings(locale);
  return {
    title: s['cmp.title'],
    desc: s['cmp.desc'],
    xLabel: s['cmp.x'],
    yLabel: s['cmp.y'],
    legendSingle: s['cmp.single'],
    legendEnsemble: s['cmp.ensemble'],
    sizeLabel: (n: number) => fill(s['cmp.size'], { n }),
  };
}

/** Where the computed and the printed figures differ, and why. */
function comparisonNotes(locale: Locale): string {
  const s = strings(locale);
  const vgg = loadModel('vgg16');
  const g = loadModel('googlenet');
  return (
    fill(s['cmp.vgg16Note'], { conv: short(vgg.share.kinds.conv.macs), fc: short(vgg.share.kinds.fc.macs) }) +
    ' ' +
    fill(s['cmp.googlenetNote'], { params: grouped(g.totals.params) })
  );
}

/** The comparison view: bubble chart, note, and the table with every number and its source. */
export function renderComparison(locale: Locale, width = 640): string {
  const s = strings(locale);
  const chart = bubbleChartSvg(comparisonPoints(locale), { ...bubbleOptions(locale), width });
  const th = (x: string) => `<th scope="col">${esc(x)}</th>`;
  const rows = comparisonRows().map((r) => {
    const published = [r.publishedParams, r.publishedMacs].filter((f) => f?.cite).map((f) => cite(f!.cite!, f!.source, locale));
    const sources = [...new Set([...published, ...r.results.map((x) => cite(x.cite, `${shortName(x.cite)}, ${x.loc}`, locale))])];
    const pub = (f: typeof r.publishedParams, unit: number) => (f ? plain(Number((f.value / unit).toPrecision(4))) : '');
    return (
      `<tr data-model="${esc(r.id)}"><th scope="row">${esc(r.name)}</th><td>${r.params}</td><td>${sig3(r.macs / 1e9)}</td>` +
      `<td>${pub(r.publishedParams, 1e6)}</td><td>${pub(r.publishedMacs, 1e9)}</td>` +
      `<td>${r.single ? plain(r.single.error) : ''}</td><td>${r.ensemble ? plain(r.ensemble.error) : ''}</td><td class="nb-sources">${sources.join('; ')}</td></tr>`
    );
  });
  return (
    `<figure class="nb-arch-bubble" data-bubble-chart>${chart}</figure>` +
    `<p class="nb-caption">${esc(s['cmp.note'])}</p>` +
    `<p class="nb-caption">${esc(comparisonNotes(locale))}</p>` +
    `<div class="nb-table-wrap" tabindex="0" role="region" aria-label="${esc(s['cmp.caption'])}"><table data-metrics="comparison" class="nb-arch-cmp"><caption>${esc(s['cmp.caption'])}</caption><thead><tr>` +
    [s['col.model'], s['col.params'], s['col.macsG'], s['col.pubParams'], s['col.pubMacs'], s['col.single'], s['col.ensemble'], s['col.source']].map(th).join('') +
    `</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}
