/**
 * Architectures — VGG, AlexNet, GoogLeNet and ResNet as data plus arithmetic (no DOM, no tfjs).
 *
 * - Specs (`layer-spec.ts`): a model is stages → blocks → layers; a layer is a `LayerSpec`
 *   (conv, bn, relu, lrn, max/avg pool, global pool, flatten, fc, dropout, softmax, Inception
 *   `concat`, `residual` with identity / zero-pad / projection shortcut). Shapes are `[H, W, C]`.
 * - Models (`models/`): `vgg(11|13|16|19)`, `alexnet()`, `googlenet({ variant, auxiliary })`,
 *   `resnet(18|34|50|101|152, { shortcut, strideOn })`, `plainNet(18|34)`, `cifarResNet(6n+2)`.
 * - Arithmetic: `analyzeArchitecture(spec)` gives per layer, block, stage and in total the output
 *   shape, trainable parameters, BN statistics (kept apart), multiply-adds (conv + fc, the
 *   convention of He et al.'s "FLOPs"), receptive field (size, jump) and weighted depth.
 * - Views: `summary(spec)` → table rows; `catalogue` → every model with its published figures;
 *   `compareWithPublished(report, figure)` → does the computed value agree with print?
 */
export type {
  ArchitectureSpec,
  AuxiliaryHeadSpec,
  BatchNormSpec,
  BlockSpec,
  ConcatSpec,
  ConvSpec,
  DenseSpec,
  DropoutSpec,
  FlattenSpec,
  GlobalAvgPoolSpec,
  LayerKind,
  LayerSpec,
  LrnSpec,
  PoolSpec,
  ReluSpec,
  ResidualSpec,
  Shape,
  ShortcutSpec,
  SoftmaxSpec,
  StageSpec,
} from './layer-spec';
export * from './layers';
export { leafOutputShape, spatialOutputSize, type LeafSpec, type Window } from './output-shape';
export { leafParameters, type ParameterCount } from './parameter-count';
export { leafMultiplyAdds } from './multiply-adds';
export {
  leafReceptiveField,
  mergeReceptiveFields,
  pixelReceptiveField,
  stackedReceptiveField,
  type ReceptiveField,
} from './receptive-field';
export type {
  ArchitectureReport,
  AuxiliaryReport,
  BlockReport,
  Cost,
  Flow,
  LayerReport,
  PathReport,
  StageReport,
  Totals,
} from './report';
export { analyzeArchitecture } from './analyze';
export { summary, type SummaryOptions, type SummaryRow } from './summary';
export { agreesWithPrinted, compareWithPublished, type Comparison, type PublishedFigure } from './published-figures';
export { architectureById, architectureCatalogue, type CatalogueEntry, type Family } from './catalogue';
export { alexnet, type AlexNetOptions } from './models/alexnet';
export { cifarResNet, type CifarResNetOptions } from './models/cifar-resnet';
export { googlenet, type GoogLeNetOptions } from './models/googlenet';
export {
  basicBlock,
  bottleneckBlock,
  shortcutFor,
  type BlockOptions,
  type ShortcutOption,
} from './models/resnet-blocks';
export { plainNet, resnet, type ResNetDepth, type ResNetOptions } from './models/resnet';
export { vgg, type VggDepth } from './models/vgg';
