/**
 * The explorer's names and labels in the page's language: models, stages and blocks, layer kinds, the diagram's chip labels, and the UI strings.
 */
import type { Locale } from '../../lib/i18n/locales';
import { architectureExplorerStrings, type ArchitectureExplorerKey } from '../../lib/i18n/widgets/architecture-explorer';
import type { LayerNode } from '../../lib/architectures/diagram-stages';
import { modelLabel, type ExplorerModelData } from './model';

/** The model's display name in the page's language. */
export const nameOf = (m: ExplorerModelData, locale: Locale) => modelLabel(m.id, locale);

export type S = Record<ArchitectureExplorerKey, string>;
export const strings = (locale: Locale): S => architectureExplorerStrings[locale];

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

export const kernelText = (r: { kernel: number | null }) => (r.kernel === null ? '' : `${r.kernel}×${r.kernel}`);
