/**
 * The comparison view: the bubble chart of cost against cited top-5 error, its notes, and the table with every number and its source (HTML). Strings, so the Astro component (`set:html`, at build time) and the client (after a change) show the same; tables carry plain decimals, prose and labels use separators.
 */
import { comparisonRows } from '../../lib/explorer/comparison';
import { grouped, plain, short, sig3 } from '../../lib/explorer/format';
import { percentSign } from '../../lib/i18n/number-format';
import type { Locale } from '../../lib/i18n/locales';
import { sitePath } from '../../lib/i18n/localized-path';
import { bibliography } from '../../data/bibliography';
import { bubbleChartSvg, type BubblePoint } from '../../charts/bubble-chart';
import { esc } from '../../charts/svg-text';
import { fill } from '../../lib/i18n/translate';
import { loadModel } from './model';
import { strings } from './labels';

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
