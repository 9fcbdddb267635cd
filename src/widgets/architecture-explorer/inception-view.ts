/**
 * The Inception view: the module drawn as four branches, its sentence, and its table (HTML). Strings, so the Astro component (`set:html`, at build time) and the client (after a change) show the same; tables carry plain decimals, prose and labels use separators.
 */
import { grouped, shape, short, sig3 } from '../../lib/explorer/format';
import { branchCosts, inceptionModule, naiveNetwork, type InceptionId } from '../../lib/explorer/inception';
import { analyzeArchitecture, googlenet } from '../../lib/architectures';
import type { Locale } from '../../lib/i18n/locales';
import { esc } from '../../charts/svg-text';
import { fill } from '../../lib/i18n/translate';
import { strings } from './labels';

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
