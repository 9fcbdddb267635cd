/**
 * Every widget of the notebook: id → state schema and the chapter it lives on. The classroom
 * page, the embed routes and the link builder read this list, so a widget added here gets links,
 * embeds and assignments with no further code.
 */
import type { WidgetSchema } from './schema';
import { architectureExplorerSchema } from './schemas/architecture-explorer';
import { cnnDepthLabSchema } from './schemas/cnn-depth-lab';
import { cnnTrainerSchema } from './schemas/cnn-trainer';
import { degradationLabSchema } from './schemas/degradation-lab';
import { gradientFlowSchema } from './schemas/gradient-flow';
import { convExplorerSchema } from './schemas/conv-explorer';
import { boundaryLabSchema } from './schemas/boundary-lab';
import { residualBlockSchema } from './schemas/residual-block';
import { blockVariantsSchema } from './schemas/block-variants';
import { lesionStudySchema } from './schemas/lesion-study';
import { lossLandscapeSchema } from './schemas/loss-landscape';

export interface WidgetEntry {
  id: string;
  schema: WidgetSchema;
  /** Chapter slug (same in both languages) where the widget stands, e.g. `resnet-principles`. */
  chapter: string;
}

export const widgets: readonly WidgetEntry[] = [
  { id: degradationLabSchema.id, schema: degradationLabSchema, chapter: 'resnet-principles' },
  { id: gradientFlowSchema.id, schema: gradientFlowSchema, chapter: 'resnet-principles' },
  { id: boundaryLabSchema.id, schema: boundaryLabSchema, chapter: 'ml-vs-dl' },
  { id: convExplorerSchema.id, schema: convExplorerSchema, chapter: 'cnn-anatomy' },
  { id: residualBlockSchema.id, schema: residualBlockSchema, chapter: 'resnet-principles' },
  { id: architectureExplorerSchema.id, schema: architectureExplorerSchema, chapter: 'case-studies/vgg' },
  { id: cnnTrainerSchema.id, schema: cnnTrainerSchema, chapter: 'cnn-anatomy' },
  { id: cnnDepthLabSchema.id, schema: cnnDepthLabSchema, chapter: 'case-studies/resnet' },
  { id: blockVariantsSchema.id, schema: blockVariantsSchema, chapter: 'why-residuals-work' },
  { id: lesionStudySchema.id, schema: lesionStudySchema, chapter: 'why-residuals-work' },
  { id: lossLandscapeSchema.id, schema: lossLandscapeSchema, chapter: 'why-residuals-work' },
];

export function widgetById(id: string): WidgetEntry | undefined {
  return widgets.find((w) => w.id === id);
}
