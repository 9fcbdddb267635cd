/**
 * What a reader sees for a widget's settings outside the widget itself — in the checking box, the
 * print view, the task panel and the condition checker's messages: each setting's name and each
 * allowed value in the reader's language (`depth` → 深度（隐藏层数）, `adam` → Adam, `spiral` →
 * 三臂螺旋, `plain,residual` → 普通网络、残差网络). Machine keys stay in links and codes.
 *
 * The labels come from the widgets' own UI strings (`src/lib/i18n/widgets/*.ts`), so the checking
 * box says what the widget's controls say; the few the widgets do not show as text are added here,
 * in both languages. A unit test asks for a label of every setting and every allowed value of every
 * registered widget. Pure: no DOM.
 */
import { architectureCatalogue } from '../architectures/catalogue';
import type { Locale } from '../i18n/locales';
import { architectureExplorerStrings } from '../i18n/widgets/architecture-explorer';
import { blockVariantsStrings } from '../i18n/widgets/block-variants';
import { boundaryLabStrings } from '../i18n/widgets/boundary-lab';
import { cnnDepthLabStrings } from '../i18n/widgets/cnn-depth-lab';
import { cnnTrainerStrings } from '../i18n/widgets/cnn-trainer';
import { convExplorerStrings } from '../i18n/widgets/conv-explorer';
import { degradationLabStrings } from '../i18n/widgets/degradation-lab';
import { gradientFlowStrings } from '../i18n/widgets/gradient-flow';
import { lesionStudyStrings } from '../i18n/widgets/lesion-study';
import { lossLandscapeStrings } from '../i18n/widgets/loss-landscape';
import { residualBlockStrings } from '../i18n/widgets/residual-block';
import { blockVariantIds } from '../ml/block-variants';
import { featureFormula, type FeatureName } from '../ml/features';
import { formatValue } from '../state/codec';
import { widgetById } from '../state/registry';
import type { FieldSpec } from '../state/schema';

type Strings = Record<string, string>;
type Bilingual = Record<Locale, string>;

/** Labels the widgets show only as pictures, headings or not at all (both languages). */
const extra = {
  cnnDigit: { zh: '显示的测试数字', en: 'Test digit shown' },
  convWeights: { zh: '卷积核权重', en: 'Kernel weights' },
  convDigit: { zh: '示例数字', en: 'Sample digit' },
  aeStage: { zh: '展开的阶段', en: 'Open stage' },
  none: { zh: '无', en: 'none' },
  on: { zh: '开', en: 'on' },
  off: { zh: '关', en: 'off' },
} satisfies Record<string, Bilingual>;

interface WidgetLabels {
  /** Setting key → its name. */
  fields: Record<string, string>;
  /** Setting key → allowed value → its name (enum and set settings). */
  values: Record<string, Record<string, string>>;
}

const prefixed = (s: Strings, prefix: string, values: readonly string[]) => Object.fromEntries(values.map((v) => [v, s[`${prefix}${v}`] ?? v]));

/** Display names of the architecture catalogue's models (the explorer's picker says the same). */
function modelNames(s: Strings): Record<string, string> {
  return Object.fromEntries(architectureCatalogue.map((e) => [e.id, s[`model.${e.id}`] ?? e.build().name]));
}

/** The settings every widget training the degradation lab's nets shares (same names there). */
function trainingLabels(s: Strings): WidgetLabels {
  return {
    fields: { depth: s.depth!, width: s.width!, bn: s.bn ?? '', optimizer: s.optimizer!, lr: s.lr!, steps: s.steps!, seed: s.seed!, dataset: s.dataset! },
    values: { optimizer: prefixed(s, 'optimizer.', ['adam', 'sgd']), dataset: prefixed(s, 'dataset.', ['spiral', 'moons', 'circles', 'xor']) },
  };
}

const builders: Record<string, (locale: Locale) => WidgetLabels> = {
  'degradation-lab': (l) => {
    const s: Strings = degradationLabStrings[l];
    return {
      fields: { depth: s.depth!, width: s.width!, bn: s.bn!, optimizer: s.optimizer!, lr: s.lr!, steps: s.steps!, seed: s.seed!, dataset: s.dataset!, arch: s.arch!, mode: s.mode! },
      values: {
        optimizer: prefixed(s, 'optimizer.', ['adam', 'sgd']),
        dataset: prefixed(s, 'dataset.', ['spiral', 'moons', 'circles', 'xor']),
        arch: prefixed(s, '', ['plain', 'residual']),
        mode: prefixed(s, 'mode.', ['single', 'sweep']),
      },
    };
  },
  'gradient-flow': (l) => {
    const s: Strings = gradientFlowStrings[l];
    const dl: Strings = degradationLabStrings[l];
    return {
      fields: { depth: s.depth!, width: dl.width!, bn: s.bn!, optimizer: dl.optimizer!, lr: dl.lr!, steps: s.steps!, seed: s.seed!, source: s.source! },
      values: { optimizer: prefixed(dl, 'optimizer.', ['adam', 'sgd']), source: prefixed(s, 'source.', ['own', 'lab']) },
    };
  },
  'boundary-lab': (l) => {
    const s: Strings = boundaryLabStrings[l];
    return {
      fields: { dataset: s.dataset!, features: s.features!, layers: s.layers!, width: s.width!, lr: s.lr!, steps: s.steps!, seed: s.seed!, learners: s.learners! },
      values: {
        dataset: prefixed(s, 'dataset.', ['circles', 'xor', 'moons', 'spiral']),
        features: Object.fromEntries(Object.entries(featureFormula).map(([k, f]) => [k, f])) as Record<FeatureName, string>,
        learners: prefixed(s, 'learner.', ['raw', 'features', 'mlp']),
      },
    };
  },
  'conv-explorer': (l) => {
    const s: Strings = convExplorerStrings[l];
    const kernels = Object.keys(s).filter((k) => k.startsWith('kernel.')).map((k) => k.slice('kernel.'.length));
    return {
      fields: {
        digit: extra.convDigit[l],
        size: s.size!,
        kernel: s.kernel!,
        weights: extra.convWeights[l],
        stride: s.stride!,
        padding: s.padding!,
        dilation: s.dilation!,
        relu: s.relu!,
        pool: s.pool!,
        poolSize: s.poolSize!,
        cin: s.cin!,
        cout: s.cout!,
        bias: s.bias!,
      },
      values: { kernel: prefixed(s, 'kernel.', kernels), pool: prefixed(s, 'pool.', ['none', 'max', 'avg']) },
    };
  },
  'residual-block': (l) => {
    const s: Strings = residualBlockStrings[l];
    return {
      fields: { block: s.block!, shortcut: s.shortcut!, downsample: s.downsample!, act: s.act!, width: s.width!, size: s.size! },
      values: { block: prefixed(s, 'block.', ['basic', 'bottleneck']), shortcut: prefixed(s, 'shortcut.', ['A', 'B', 'C']), act: prefixed(s, 'act.', ['post', 'pre']) },
    };
  },
  'architecture-explorer': (l) => {
    const s: Strings = architectureExplorerStrings[l];
    const models = modelNames(s);
    return {
      fields: { model: s.model!, compare: s.compare!, view: s.view!, stage: extra.aeStage[l], aux: s.aux!, module: s.module!, reduce: s.reduce!, layer: s.layer! },
      values: {
        model: models,
        compare: { none: extra.none[l], ...models },
        view: prefixed(s, 'view.', ['diagram', 'inception', 'comparison']),
      },
    };
  },
  'cnn-depth-lab': (l) => {
    const s: Strings = cnnDepthLabStrings[l];
    return {
      fields: { depths: s.depths!, width: s.width!, shortcut: s.shortcut!, optimizer: s.optimizer!, lr: s.lr!, steps: s.steps!, size: s.size!, seed: s.seed!, digit: s.digit! },
      values: {
        shortcut: prefixed(s, 'shortcut.', ['A', 'B']),
        optimizer: prefixed(s, 'optimizer.', ['sgd', 'adam']),
        size: prefixed(s, 'size.', ['14', '28']),
      },
    };
  },
  'cnn-trainer': (l) => {
    const s: Strings = cnnTrainerStrings[l];
    return {
      fields: { epochs: s.epochs!, batch: s.batch!, lr: s.lr!, filters1: s.filters1!, filters2: s.filters2!, seed: s.seed!, contrast: s.contrast!, digit: extra.cnnDigit[l] },
      values: {},
    };
  },
  'block-variants': (l) => {
    const s: Strings = blockVariantsStrings[l];
    const t = trainingLabels(s);
    delete t.fields.bn;
    return {
      fields: { ...t.fields, variants: s.variants!, gateBias: s.gateBias! },
      values: { ...t.values, variants: prefixed(s, 'v.', blockVariantIds) },
    };
  },
  'lesion-study': (l) => {
    const s: Strings = lesionStudyStrings[l];
    const t = trainingLabels(s);
    return { fields: { ...t.fields, subsets: s.subsets!, paths: s.paths!, block: s.blockField! }, values: t.values };
  },
  'loss-landscape': (l) => {
    const s: Strings = lossLandscapeStrings[l];
    const t = trainingLabels(s);
    return { fields: { ...t.fields, resolution: s.resolution!, span: s.span!, cut: s.cut! }, values: t.values };
  },
};

const cache = new Map<string, WidgetLabels>();
function labelsOf(widget: string, locale: Locale): WidgetLabels {
  const key = `${widget}|${locale}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = builders[widget]?.(locale) ?? { fields: {}, values: {} };
    cache.set(key, hit);
  }
  return hit;
}

/** The name of a setting in the reader's language (the key itself if the widget has none). */
export function settingName(widget: string, key: string, locale: Locale): string {
  return labelsOf(widget, locale).fields[key] ?? key;
}

/** The name of one allowed value of an enum or set setting (the value itself if it has none). */
export function valueName(widget: string, key: string, value: string, locale: Locale): string {
  return labelsOf(widget, locale).values[key]?.[value] ?? value;
}

/** Joins names the way each language lists them: `普通网络、残差网络`, `plain, residual`. */
export function listNames(names: readonly string[], locale: Locale): string {
  return names.join(locale === 'zh' ? '、' : ', ');
}

/**
 * A setting's value as a reader reads it: numbers as the link writes them, on/off, value names,
 * sets as a list of names, empty text or sets as “none”.
 */
export function settingValue(widget: string, key: string, value: unknown, locale: Locale): string {
  const spec: FieldSpec | undefined = widgetById(widget)?.schema.fields[key];
  if (!spec) return String(value);
  switch (spec.kind) {
    case 'bool':
      return (value ? extra.on : extra.off)[locale];
    case 'enum':
      return valueName(widget, key, String(value), locale);
    case 'set': {
      const members = spec.values.filter((v) => (value as readonly string[]).includes(v));
      return members.length ? listNames(members.map((v) => valueName(widget, key, v, locale)), locale) : extra.none[locale];
    }
    case 'list':
      // Numbers read better apart with a plain comma in both languages.
      return formatValue(spec, value).replace(/,/g, ', ');
    case 'text':
      return String(value) || extra.none[locale];
    case 'int':
    case 'float':
      return formatValue(spec, value);
  }
}
