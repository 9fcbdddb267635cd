/**
 * The cost-share view: the share bar by stage (SVG) and its sentence (HTML). Strings, so the Astro component (`set:html`, at build time) and the client (after a change) show the same; tables carry plain decimals, prose and labels use separators.
 */
import { grouped, percent } from '../../lib/explorer/format';
import type { Locale } from '../../lib/i18n/locales';
import { shareBarSvg } from '../../charts/share-bar';
import { esc } from '../../charts/svg-text';
import { fill } from '../../lib/i18n/translate';
import type { ExplorerModelData } from './model';
import { nameOf, strings, groupLabel } from './labels';

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
