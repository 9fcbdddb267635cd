/**
 * The totals view: the visible totals of one or two models and the sentence comparing them (HTML). Strings, so the Astro component (`set:html`, at build time) and the client (after a change) show the same; tables carry plain decimals, prose and labels use separators.
 */
import { grouped, percent, shape, short } from '../../lib/explorer/format';
import type { Locale } from '../../lib/i18n/locales';
import { esc } from '../../charts/svg-text';
import { fill } from '../../lib/i18n/translate';
import type { ExplorerModelData } from './model';
import { nameOf, strings, groupLabel } from './labels';

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
