/**
 * The diagram view's text: names and notes of its stage rows, blocks and chips, for `createArchDiagram`.
 */
import { grouped, shape, short } from '../../lib/explorer/format';
import type { Locale } from '../../lib/i18n/locales';
import type { LayerNode } from '../../lib/architectures/diagram-stages';
import { fill } from '../../lib/i18n/translate';
import type { ExplorerModelData } from './model';
import { nameOf, strings, groupLabel, kindLabel, chipLabels, kernelText } from './labels';

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
