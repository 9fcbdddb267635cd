/**
 * The comparison view: AlexNet, VGG, GoogLeNet and ResNet side by side. Parameters and
 * multiply-adds are computed from the specs (`catalogue`); ILSVRC top-5 errors are cited, each with
 * its source, and marked as a single model (validation set, 10 crops) or an ensemble (the
 * competition entry, test set). Sources: reference/factcheck.md B1–B3.
 */
import { analyzeArchitecture, architectureCatalogue, type PublishedFigure } from '../architectures';

export interface Top5Result {
  /** Top-5 error in percent. */
  error: number;
  /** One network, or several networks averaged (a competition entry). */
  kind: 'single' | 'ensemble';
  /** Number of networks in an ensemble. */
  members?: number;
  set: 'val' | 'test';
  /** ILSVRC year of a competition entry. */
  year?: number;
  /** Key in `src/data/bibliography.ts` and the place in that source. */
  cite: string;
  loc: string;
  /** What the number is, in English (the widget localises its own labels). */
  note: string;
}

export interface ComparisonModel {
  /** Catalogue id. */
  id: string;
  /** Display name. */
  name: string;
  family: 'AlexNet' | 'VGG' | 'GoogLeNet' | 'ResNet' | 'plain';
  results: readonly Top5Result[];
}

/**
 * The models of the comparison and their cited results. Single-model errors are the 10-crop
 * validation errors of He et al. (2016a) Table 3, the one table that measures VGG-16, GoogLeNet,
 * plain-34 and ResNets the same way; AlexNet's comes from its own paper (one CNN, 10 patches).
 * The papers give no top-5 error under that protocol for VGG-19 and ResNet-18 (ResNet-18: top-1
 * only, Table 2), so they have none here.
 */
export const comparisonModels: readonly ComparisonModel[] = [
  {
    id: 'alexnet',
    name: 'AlexNet',
    family: 'AlexNet',
    results: [
      { error: 18.2, kind: 'single', set: 'val', cite: 'alexnet', loc: '§6, Table 2', note: '1 CNN, validation, 10 patches' },
      {
        error: 15.3,
        kind: 'ensemble',
        members: 7,
        set: 'test',
        year: 2012,
        cite: 'alexnet',
        loc: 'abstract, §6',
        note: 'ILSVRC-2012 winner: 7 CNNs (2 pre-trained on ImageNet Fall 2011), test',
      },
    ],
  },
  {
    id: 'vgg16',
    name: 'VGG-16',
    family: 'VGG',
    results: [
      { error: 9.33, kind: 'single', set: 'val', cite: 'resnet', loc: 'Table 3', note: '10-crop, validation' },
      {
        error: 7.3,
        kind: 'ensemble',
        members: 7,
        set: 'test',
        year: 2014,
        cite: 'vgg',
        loc: 'Table 7',
        note: 'ILSVRC-2014 submission (2nd place): 7 nets, test',
      },
    ],
  },
  { id: 'vgg19', name: 'VGG-19', family: 'VGG', results: [] },
  {
    id: 'googlenet',
    name: 'GoogLeNet',
    family: 'GoogLeNet',
    results: [
      { error: 9.15, kind: 'single', set: 'val', cite: 'resnet', loc: 'Table 3', note: '10-crop, validation' },
      {
        error: 6.67,
        kind: 'ensemble',
        members: 7,
        set: 'test',
        year: 2014,
        cite: 'googlenet',
        loc: '§7',
        note: 'ILSVRC-2014 winner: 7 nets × 144 crops, test',
      },
    ],
  },
  {
    id: 'plain34',
    name: 'plain-34',
    family: 'plain',
    results: [{ error: 10.02, kind: 'single', set: 'val', cite: 'resnet', loc: 'Table 3', note: '10-crop, validation' }],
  },
  { id: 'resnet18', name: 'ResNet-18', family: 'ResNet', results: [] },
  {
    id: 'resnet34',
    name: 'ResNet-34',
    family: 'ResNet',
    results: [{ error: 7.46, kind: 'single', set: 'val', cite: 'resnet', loc: 'Table 3 (option B)', note: '10-crop, validation' }],
  },
  {
    id: 'resnet50',
    name: 'ResNet-50',
    family: 'ResNet',
    results: [{ error: 6.71, kind: 'single', set: 'val', cite: 'resnet', loc: 'Table 3', note: '10-crop, validation' }],
  },
  {
    id: 'resnet101',
    name: 'ResNet-101',
    family: 'ResNet',
    results: [{ error: 6.05, kind: 'single', set: 'val', cite: 'resnet', loc: 'Table 3', note: '10-crop, validation' }],
  },
  {
    id: 'resnet152',
    name: 'ResNet-152',
    family: 'ResNet',
    results: [
      { error: 5.71, kind: 'single', set: 'val', cite: 'resnet', loc: 'Table 3', note: '10-crop, validation' },
      {
        error: 3.57,
        kind: 'ensemble',
        members: 6,
        set: 'test',
        year: 2015,
        cite: 'resnet',
        loc: 'Table 5',
        note: 'ILSVRC-2015 winner: 6 models (two ResNet-152), test',
      },
    ],
  },
];

export interface ComparisonRow extends ComparisonModel {
  /** Trainable parameters, computed (every digit). */
  params: number;
  /** Multiply-adds per image, computed. */
  macs: number;
  /** Input side the multiply-adds are counted for (224, or 227 for AlexNet). */
  inputSize: number;
  single: Top5Result | undefined;
  ensemble: Top5Result | undefined;
  /** Figures printed in papers (not framework docs), for the "published" columns. */
  publishedParams: PublishedFigure | undefined;
  publishedMacs: PublishedFigure | undefined;
}

/** The comparison rows with computed costs, in the order of `comparisonModels`. */
export function comparisonRows(): ComparisonRow[] {
  return comparisonModels.map((model) => {
    const entry = architectureCatalogue.find((e) => e.id === model.id);
    if (!entry) throw new RangeError(`comparison model ${model.id} is not in the catalogue`);
    const report = analyzeArchitecture(entry.build());
    const paper = entry.published.filter((f) => f.cite !== undefined);
    return {
      ...model,
      params: report.totals.params,
      macs: report.totals.macs,
      inputSize: report.spec.input[0],
      single: model.results.find((r) => r.kind === 'single'),
      ensemble: model.results.find((r) => r.kind === 'ensemble'),
      publishedParams: paper.find((f) => f.quantity === 'params'),
      publishedMacs: paper.find((f) => f.quantity === 'macs'),
    };
  });
}
