/**
 * Widget id → its UI strings in both languages (each has at least a `title`). An explicit list, so
 * the classroom page and the embed route name every widget without importing its component; a unit
 * test keeps it in step with the state registry (`src/lib/state/registry.ts`).
 */
import type { Locale } from './locales';
import { architectureExplorerStrings } from './widgets/architecture-explorer';
import { blockVariantsStrings } from './widgets/block-variants';
import { boundaryLabStrings } from './widgets/boundary-lab';
import { cnnDepthLabStrings } from './widgets/cnn-depth-lab';
import { cnnTrainerStrings } from './widgets/cnn-trainer';
import { convExplorerStrings } from './widgets/conv-explorer';
import { degradationLabStrings } from './widgets/degradation-lab';
import { gradientFlowStrings } from './widgets/gradient-flow';
import { lesionStudyStrings } from './widgets/lesion-study';
import { lossLandscapeStrings } from './widgets/loss-landscape';
import { residualBlockStrings } from './widgets/residual-block';

/** A widget's UI strings: at least its title, in both languages. */
export type WidgetStrings = Record<Locale, { title: string }>;

export const widgetStrings: Readonly<Record<string, WidgetStrings>> = {
  'architecture-explorer': architectureExplorerStrings,
  'block-variants': blockVariantsStrings,
  'boundary-lab': boundaryLabStrings,
  'cnn-depth-lab': cnnDepthLabStrings,
  'cnn-trainer': cnnTrainerStrings,
  'conv-explorer': convExplorerStrings,
  'degradation-lab': degradationLabStrings,
  'gradient-flow': gradientFlowStrings,
  'lesion-study': lesionStudyStrings,
  'loss-landscape': lossLandscapeStrings,
  'residual-block': residualBlockStrings,
};

/** The title of widget `id` in `locale`. Throws for an id with no strings. */
export function widgetTitle(id: string, locale: Locale): string {
  const strings = widgetStrings[id];
  if (!strings) throw new RangeError(`no UI strings for widget ${id} (add them to src/lib/i18n/widget-strings.ts)`);
  return strings[locale].title;
}
