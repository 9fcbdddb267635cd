/**
 * A flat, table-ready view of an analysed architecture: one row per layer, nested layers
 * (Inception branches, residual bodies, projection shortcuts) right after their parent row.
 */
import { analyzeArchitecture } from './analyze';
import type { ArchitectureSpec, LayerKind, Shape } from './layer-spec';
import type { ReceptiveField } from './receptive-field';
import type { ArchitectureReport, LayerReport } from './report';

export interface SummaryRow {
  name: string;
  stage: string;
  block: string;
  kind: LayerKind;
  /** Kernel side for conv and pooling layers, else null. */
  kernel: number | null;
  /** Stride for conv and pooling layers, else null. */
  stride: number | null;
  /** Output shape `[H, W, C]`. */
  outShape: Shape;
  /**
   * The layer's own trainable parameters, BN statistics and multiply-adds. A concat or residual
   * row has none of its own (its layers follow as rows), so the columns sum to the model totals.
   */
  params: number;
  bnStats: number;
  macs: number;
  /** Receptive field at the layer's output, along its own path. */
  rf: ReceptiveField;
  /** 0 for a layer of a block; 1 inside a branch, residual body or shortcut; 2 one level deeper. */
  level: number;
  /** The enclosing path (`branch 3`, `residual`, `shortcut`), or null at level 0. */
  path: string | null;
}

export interface SummaryOptions {
  /** Append the auxiliary heads' rows (stage `auxiliary`, block = head name). Default false. */
  auxiliary?: boolean;
}

function rows(
  layers: readonly LayerReport[],
  stage: string,
  block: string,
  level: number,
  path: string | null,
): SummaryRow[] {
  return layers.flatMap((report) => {
    const { spec } = report;
    const windowed = spec.kind === 'conv' || spec.kind === 'maxpool' || spec.kind === 'avgpool';
    const composite = spec.kind === 'concat' || spec.kind === 'residual';
    const row: SummaryRow = {
      name: spec.name,
      stage,
      block,
      kind: spec.kind,
      kernel: windowed ? spec.kernel : null,
      stride: windowed ? spec.stride : null,
      outShape: report.output,
      params: composite ? 0 : report.params,
      bnStats: composite ? 0 : report.bnStats,
      macs: composite ? 0 : report.macs,
      rf: report.rf,
      level,
      path,
    };
    return [row, ...report.paths.flatMap((p) => rows(p.layers, stage, block, level + 1, p.label))];
  });
}

/**
 * One row per layer of `model` (a spec, or a report from `analyzeArchitecture`), in data-flow
 * order. Summing `params`, `bnStats` or `macs` over the rows gives `report.totals`, or
 * `report.withAuxiliary` with `{ auxiliary: true }`.
 *
 * @example summary(resnet(18))[0]
 *   // → { name: 'conv1', stage: 'conv1', block: 'conv1', kind: 'conv', kernel: 7, stride: 2,
 *   //     outShape: [112, 112, 64], params: 9408, bnStats: 0, macs: 118013952, rf: { size: 7, jump: 2 }, … }
 */
export function summary(model: ArchitectureSpec | ArchitectureReport, options: SummaryOptions = {}): SummaryRow[] {
  const report = 'totals' in model ? model : analyzeArchitecture(model);
  const main = report.stages.flatMap((stage) =>
    stage.blocks.flatMap((block) => rows(block.layers, stage.name, block.name, 0, null)),
  );
  if (!options.auxiliary) return main;
  return [...main, ...report.auxiliary.flatMap((head) => rows(head.layers, 'auxiliary', head.name, 0, null))];
}
