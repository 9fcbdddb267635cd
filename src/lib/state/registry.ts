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
  /** Chapter slug (same in both languages) where the widget stands. */
  page: string;
}

export const widgets: readonly WidgetEntry[] = [
  { id: degradationLabSchema.id, schema: degradationLabSchema, page: 'resnet-principles' },
  { id: gradientFlowSchema.id, schema: gradientFlowSchema, page: 'resnet-principles' },
  { id: boundaryLabSchema.id, schema: boundaryLabSchema, page: 'ml-vs-dl' },
  { id: convExplorerSchema.id, schema: convExplorerSchema, page: 'cnn-anatomy' },
  { id: residualBlockSchema.id, schema: residualBlockSchema, page: 'resnet-principles' },
  { id: architectureExplorerSchema.id, schema: architectureExplorerSchema, page: 'case-studies/vgg' },
  { id: cnnTrainerSchema.id, schema: cnnTrainerSchema, page: 'cnn-anatomy' },
  { id: cnnDepthLabSchema.id, schema: cnnDepthLabSchema, page: 'case-studies/resnet' },
  { id: blockVariantsSchema.id, schema: blockVariantsSchema, page: 'why-residuals-work' },
  { id: lesionStudySchema.id, schema: lesionStudySchema, page: 'why-residuals-work' },
  { id: lossLandscapeSchema.id, schema: lossLandscapeSchema, page: 'why-residuals-work' },
];

export function widgetById(id: string): WidgetEntry | undefined {
  return widgets.find((w) => w.id === id);
}
