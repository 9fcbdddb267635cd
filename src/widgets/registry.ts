/**
 * Every widget with everything a page needs to render it by id: `{ id, schema, chapter, strings,
 * component }`. The DOM-free part comes from the library — id → state schema → chapter from
 * `src/lib/state/registry.ts` (which the browser and the unit tests read), the UI strings from
 * `src/lib/i18n/widget-strings.ts` — and this list adds the Astro component. Build-time only (the
 * embed route). A registered widget without a component here fails the build, naming it.
 *
 * Pages that only need a widget's title import `widgetTitle` from the strings module instead:
 * importing this file brings every widget's stylesheet into the page.
 */
import { widgetStrings, type WidgetStrings } from '../lib/i18n/widget-strings';
import { widgets, type WidgetEntry } from '../lib/state/registry';
import ArchitectureExplorer from './architecture-explorer/ArchitectureExplorer.astro';
import BlockVariants from './block-variants/BlockVariants.astro';
import BoundaryLab from './boundary-lab/BoundaryLab.astro';
import CnnDepthLab from './cnn-depth-lab/CnnDepthLab.astro';
import CnnTrainer from './cnn-trainer/CnnTrainer.astro';
import ConvExplorer from './conv-explorer/ConvExplorer.astro';
import DegradationLab from './degradation-lab/DegradationLab.astro';
import GradientFlow from './gradient-flow/GradientFlow.astro';
import LesionStudy from './lesion-study/LesionStudy.astro';
import LossLandscape from './loss-landscape/LossLandscape.astro';
import ResidualBlock from './residual-block/ResidualBlock.astro';

/** An Astro component that renders its widget with the defaults when given no props. */
export type WidgetComponent = (props: Record<string, never>) => unknown;

export interface WidgetRegistration extends WidgetEntry {
  strings: WidgetStrings;
  component: WidgetComponent;
}

/** Widget id → its component. */
const components: Readonly<Record<string, WidgetComponent>> = {
  'architecture-explorer': ArchitectureExplorer,
  'block-variants': BlockVariants,
  'boundary-lab': BoundaryLab,
  'cnn-depth-lab': CnnDepthLab,
  'cnn-trainer': CnnTrainer,
  'conv-explorer': ConvExplorer,
  'degradation-lab': DegradationLab,
  'gradient-flow': GradientFlow,
  'lesion-study': LesionStudy,
  'loss-landscape': LossLandscape,
  'residual-block': ResidualBlock,
};

/** Every registered widget, in the library registry's order. */
export const widgetRegistry: readonly WidgetRegistration[] = widgets.map((entry) => {
  const component = components[entry.id];
  const strings = widgetStrings[entry.id];
  if (!component || !strings) throw new Error(`widget registry: ${entry.id} has no ${component ? 'strings' : 'component'} (src/widgets/registry.ts, src/lib/i18n/widget-strings.ts)`);
  return { ...entry, strings, component };
});

/** The registration of widget `id`, or undefined for an unknown id. */
export function widgetRegistration(id: string): WidgetRegistration | undefined {
  return widgetRegistry.find((w) => w.id === id);
}
