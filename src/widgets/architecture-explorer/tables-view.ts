/**
 * The tables view: all the numbers as tables — totals, shares by stage, every layer of each model (HTML, `data-metrics`). Strings, so the Astro component (`set:html`, at build time) and the client (after a change) show the same; tables carry plain decimals, prose and labels use separators.
 */
import type { SummaryRow } from '../../lib/architectures';
import { plain, shape } from '../../lib/explorer/format';
import type { Locale } from '../../lib/i18n/locales';
import { esc } from '../../charts/svg-text';
import { fill } from '../../lib/i18n/translate';
import type { ExplorerModelData } from './model';
import { nameOf, strings, groupLabel, kindLabel } from './labels';

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
