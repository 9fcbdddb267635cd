import { defineSchema, type StateOf } from '../schema';

/** Every model of the catalogue (`src/lib/architectures/catalogue.ts`; a unit test keeps the two in step). */
export const explorerModels = [
  'alexnet',
  'alexnet-ungrouped',
  'vgg11',
  'vgg13',
  'vgg16',
  'vgg19',
  'googlenet',
  'googlenet-torchvision',
  'plain18',
  'plain34',
  'resnet18',
  'resnet34',
  'resnet34-a',
  'resnet34-c',
  'resnet50',
  'resnet101',
  'resnet152',
  'resnet50-v1.5',
  'resnet101-v1.5',
  'resnet152-v1.5',
  'cifar-resnet20',
  'cifar-resnet32',
  'cifar-resnet44',
  'cifar-resnet56',
  'cifar-resnet110',
  'cifar-resnet1202',
  'cifar-plain56',
] as const;

export type ExplorerModel = (typeof explorerModels)[number];

/**
 * `architecture-explorer`: one network (or two side by side) as stages → blocks → layers, with
 * the per-layer numbers, where the cost lives, GoogLeNet's Inception module with and without
 * its 1×1 reductions, and the comparison of the classic ImageNet networks.
 */
export const architectureExplorerSchema = defineSchema({
  id: 'architecture-explorer',
  version: 1,
  fields: {
    /** The network shown. */
    model: { kind: 'enum', values: explorerModels, default: 'vgg16' },
    /** A second network drawn beside the first (`none`: one network). */
    compare: { kind: 'enum', values: ['none', ...explorerModels], default: 'none' },
    /** `diagram`: the network(s); `inception`: one Inception module; `comparison`: error vs cost of the classics. */
    view: { kind: 'enum', values: ['diagram', 'inception', 'comparison'], default: 'diagram' },
    /** Expanded stage of the diagram (0-based), −1 for none; larger than the model has → none. */
    stage: { kind: 'int', min: -1, max: 6, default: -1 },
    /** Include GoogLeNet's two auxiliary classifiers (training only) in the diagram, table and totals. */
    aux: { kind: 'bool', default: false },
    /** Inception module of the `inception` view (Szegedy et al. 2014, Table 1). */
    module: { kind: 'enum', values: ['3a', '3b', '4a', '4b', '4c', '4d', '4e', '5a', '5b'], default: '3a' },
    /** With the 1×1 reductions (Fig. 2 (b)) or without them (the naive module, Fig. 2 (a)). */
    reduce: { kind: 'bool', default: true },
    /** A layer picked out in the diagram and the table (its name, e.g. `fc6`); empty for none. */
    layer: { kind: 'text', maxLength: 64, default: '' },
  },
});

export type ArchitectureExplorerState = StateOf<typeof architectureExplorerSchema>;

/** What each chapter opens on. A preset that is a model id opens on that model. */
export const explorerPresets: Record<string, Partial<ArchitectureExplorerState>> = {
  vgg16: { model: 'vgg16', view: 'diagram' },
  googlenet: { model: 'googlenet', view: 'inception', module: '3a', reduce: true },
  /** He et al. Table 2 / Fig. 4: ResNet-34 with option A (no extra parameters) against plain-34. */
  resnet34: { model: 'resnet34-a', compare: 'plain34', view: 'diagram', stage: 2 },
  comparison: { model: 'resnet50', view: 'comparison' },
};

export function presetState(preset: string | undefined): Partial<ArchitectureExplorerState> {
  if (!preset) return {};
  const named = explorerPresets[preset];
  if (named) return named;
  return (explorerModels as readonly string[]).includes(preset) ? { model: preset as ExplorerModel } : {};
}
