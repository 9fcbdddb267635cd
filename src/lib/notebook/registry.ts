/**
 * Which widgets export a notebook, and where their exporter is. The exporters are loaded only
 * when a reader asks for a notebook (they carry the Python sources), so a page pays nothing for
 * them until then. Adding a widget's notebook: write `exporters/<widget-id>.ts` and add a line here.
 */
import type { DataFileId } from './data-files';
import type { NotebookExporter } from './exporter';

export interface NotebookEntry {
  /** Loads the exporter. */
  load: () => Promise<NotebookExporter>;
  /** Data files the notebook downloads; the widget offers them beside the notebook (known without loading the exporter). */
  dataFiles: readonly DataFileId[];
}

const entry = (load: () => Promise<unknown>, dataFiles: readonly DataFileId[] = []): NotebookEntry => ({
  load: load as () => Promise<NotebookExporter>,
  dataFiles,
});

export const notebookExporters: Readonly<Record<string, NotebookEntry>> = {
  'degradation-lab': entry(() => import('./exporters/degradation-lab').then((m) => m.degradationLabExporter)),
  'gradient-flow': entry(() => import('./exporters/gradient-flow').then((m) => m.gradientFlowExporter)),
  'boundary-lab': entry(() => import('./exporters/boundary-lab').then((m) => m.boundaryLabExporter)),
  'cnn-trainer': entry(() => import('./exporters/cnn-trainer').then((m) => m.cnnTrainerExporter), ['mnist-subset']),
  'cnn-depth-lab': entry(() => import('./exporters/cnn-depth-lab').then((m) => m.cnnDepthLabExporter), ['mnist-subset']),
  'block-variants': entry(() => import('./exporters/block-variants').then((m) => m.blockVariantsExporter)),
  'lesion-study': entry(() => import('./exporters/lesion-study').then((m) => m.lesionStudyExporter)),
  'loss-landscape': entry(() => import('./exporters/loss-landscape').then((m) => m.lossLandscapeExporter)),
};

/** True when the widget has a notebook export. */
export const hasNotebook = (widgetId: string): boolean => Object.prototype.hasOwnProperty.call(notebookExporters, widgetId);
