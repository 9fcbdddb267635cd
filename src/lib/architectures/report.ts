/**
 * The result of `analyzeArchitecture`: the spec's stages → blocks → layers tree, each node
 * annotated with shapes, costs and receptive field. Costs of a node include everything nested in
 * it; composite layers (concat, residual) have no cost of their own.
 */
import type { ArchitectureSpec, LayerSpec, Shape } from './layer-spec';
import type { ReceptiveField } from './receptive-field';

export interface Cost {
  /** Trainable parameters (see `parameter-count.ts`). */
  params: number;
  /** Non-trainable BN running statistics, 2 per BN channel. */
  bnStats: number;
  /** Multiply-adds per image, conv and fc only (see `multiply-adds.ts`). */
  macs: number;
}

/** Where a node sits in the data flow. */
export interface Flow {
  /** Input shape `[H, W, C]`. */
  input: Shape;
  /** Output shape `[H, W, C]`. */
  output: Shape;
  /** Receptive field of one output unit, along the path that sees the most. */
  rf: ReceptiveField;
  /**
   * Weighted layers (conv and fc) on the longest path from the image to this output; the
   * "depth" in the papers' sense (VGG-16 → 16, GoogLeNet → 22, ResNet-50 → 50 at the end).
   */
  depth: number;
}

export interface LayerReport extends Cost, Flow {
  spec: LayerSpec;
  /**
   * Sub-paths of a composite layer: `branch 1`…`branch 4` of an Inception module, or `residual`
   * and `shortcut` of a residual unit (an identity or zero-pad shortcut has no layers). Empty for
   * leaf layers.
   */
  paths: readonly PathReport[];
}

export interface PathReport {
  label: string;
  layers: readonly LayerReport[];
}

export interface BlockReport extends Cost, Flow {
  name: string;
  layers: readonly LayerReport[];
}

export interface StageReport extends Cost, Flow {
  name: string;
  blocks: readonly BlockReport[];
}

export interface AuxiliaryReport extends Cost, Flow {
  name: string;
  /** Block whose output feeds the head. */
  after: string;
  layers: readonly LayerReport[];
}

export interface Totals extends Cost {
  /** Conv layers anywhere, projection shortcuts and Inception branches included. */
  convLayers: number;
  /** Fully connected layers. */
  fcLayers: number;
}

export interface ArchitectureReport {
  spec: ArchitectureSpec;
  stages: readonly StageReport[];
  auxiliary: readonly AuxiliaryReport[];
  /** The inference network: everything but the auxiliary heads. */
  totals: Totals & Flow;
  /** Training-time network: `totals` plus the auxiliary heads (equal to `totals` if there are none). */
  withAuxiliary: Totals;
}
