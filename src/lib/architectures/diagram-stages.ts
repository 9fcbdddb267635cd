/**
 * The architecture diagram's model of an analysed network, pure (no DOM): the stages it shows (the
 * report's, plus the auxiliary heads as one more stage) and every layer as a node, in the order the
 * diagram, its table and the keyboard walk visit them. `arch-layout.ts` places these in pixels.
 */
import type { ArchitectureReport, LayerKind, LayerReport, Shape } from './index';

export interface LayerNode {
  /** The layer's unique name (also the key of its table row). */
  name: string;
  kind: LayerKind;
  kernel: number | null;
  stride: number | null;
  padding: number | null;
  /** Output channels / units of a conv or fc. */
  units: number | null;
  input: Shape;
  output: Shape;
  /** Own cost for a leaf; the sum of its paths for a composite (concat, residual). */
  params: number;
  bnStats: number;
  macs: number;
  rf: { size: number; jump: number };
  composite: boolean;
  /** `branch 2`, `residual`, `shortcut`, or null at the top of a block. */
  path: string | null;
  /** For a residual: how the input reaches the adder. */
  shortcut?: 'identity' | 'zero-pad' | 'projection';
}


/** A stage of the diagram: a stage of the report, or the auxiliary heads as one more stage. */
export interface DiagramStage {
  name: string;
  blocks: readonly { name: string; layers: readonly LayerReport[]; input: Shape; output: Shape; params: number; macs: number }[];
  input: Shape;
  output: Shape;
  params: number;
  macs: number;
}

/** The stages the diagram shows: the report's, plus the auxiliary heads when asked. */
export function diagramStages(report: ArchitectureReport, auxiliary: boolean): DiagramStage[] {
  const stages: DiagramStage[] = report.stages.map((s) => ({ ...s }));
  if (auxiliary && report.auxiliary.length > 0) {
    const heads = report.auxiliary;
    stages.push({
      name: 'auxiliary',
      blocks: heads.map((h) => ({ ...h })),
      input: heads[0]!.input,
      output: heads[heads.length - 1]!.output,
      params: heads.reduce((n, h) => n + h.params, 0),
      macs: heads.reduce((n, h) => n + h.macs, 0),
    });
  }
  return stages;
}

/** The diagram's view of one analysed layer. */
export function layerNode(report: LayerReport, path: string | null): LayerNode {
  const s = report.spec;
  const windowed = s.kind === 'conv' || s.kind === 'maxpool' || s.kind === 'avgpool';
  const node: LayerNode = {
    name: s.name,
    kind: s.kind,
    kernel: windowed ? s.kernel : null,
    stride: windowed ? s.stride : null,
    padding: windowed ? s.padding : null,
    units: s.kind === 'conv' ? s.outChannels : s.kind === 'fc' ? s.units : null,
    input: report.input,
    output: report.output,
    params: report.params,
    bnStats: report.bnStats,
    macs: report.macs,
    rf: report.rf,
    composite: s.kind === 'concat' || s.kind === 'residual',
    path,
  };
  if (s.kind === 'residual') node.shortcut = s.shortcut.kind;
  return node;
}

/** Every layer of a list of layer reports, in the order the diagram walks them (lanes top to bottom, then the merge). */
export function walkLayers(layers: readonly LayerReport[], path: string | null = null): LayerNode[] {
  return layers.flatMap((l) =>
    l.paths.length === 0 && l.spec.kind !== 'residual'
      ? [layerNode(l, path)]
      : [...l.paths.flatMap((p) => walkLayers(p.layers, p.label)), layerNode(l, path)],
  );
}

const isMain = (k: LayerKind) => k === 'conv' || k === 'fc' || k === 'maxpool' || k === 'avgpool' || k === 'gap';

/** What a stage holds: whether every block is one main layer, the counts of conv, fc and pooling layers, and how many blocks it has (those with a weighted layer, else all). */
export function stageCounts(stage: DiagramStage): { simple: boolean; counts: { conv: number; fc: number; pool: number }; blockCount: number } {
  const counts = { conv: 0, fc: 0, pool: 0 };
  let simple = true;
  let weighted = 0;
  for (const block of stage.blocks) {
    const leaves = walkLayers(block.layers);
    if (leaves.some((l) => l.kind === 'conv' || l.kind === 'fc')) weighted++;
    if (leaves.some((l) => l.composite) || leaves.filter((l) => isMain(l.kind)).length > 1) simple = false;
    for (const l of leaves) {
      if (l.kind === 'conv') counts.conv++;
      else if (l.kind === 'fc') counts.fc++;
      else if (l.kind === 'maxpool' || l.kind === 'avgpool' || l.kind === 'gap') counts.pool++;
    }
  }
  return { simple, counts, blockCount: weighted || stage.blocks.length };
}
