/**
 * GoogLeNet's Inception module on its own, with and without the 1×1 "reduction" convolutions
 * (Szegedy et al. 2014, Fig. 2 (a) naive vs (b) with dimension reductions). Both variants are
 * ordinary architecture specs, so their parameters and multiply-adds come from the same
 * `analyzeArchitecture` as every other number of the notebook.
 *
 * Without reductions the 3×3 and 5×5 branches convolve the module's full input, and the pooling
 * branch passes all input channels on (no pool projection), so the output grows module by module.
 */
import {
  analyzeArchitecture,
  googlenet,
  type ArchitectureReport,
  type ArchitectureSpec,
  type ConcatSpec,
  type LayerSpec,
  type StageSpec,
} from '../architectures';

export const inceptionIds = ['3a', '3b', '4a', '4b', '4c', '4d', '4e', '5a', '5b'] as const;
export type InceptionId = (typeof inceptionIds)[number];

/** True for the layers that exist only to reduce channels: `…_reduce` convs and the pool projection. */
function isReduction(layer: LayerSpec): boolean {
  return /_reduce($|_)|\/pool_proj($|_)/.test(layer.name);
}

/** The naive module of Fig. 2 (a): the same branches without their 1×1 reductions. */
export function withoutReductions(module: ConcatSpec): ConcatSpec {
  return { ...module, branches: module.branches.map((branch) => branch.filter((l) => !isReduction(l))) };
}

/** Replaces every Inception module of a spec by its naive version (the widths then compound). */
export function naiveNetwork(spec: ArchitectureSpec): ArchitectureSpec {
  const stages: StageSpec[] = spec.stages.map((stage) => ({
    ...stage,
    blocks: stage.blocks.map((block) => ({
      ...block,
      layers: block.layers.map((l) => (l.kind === 'concat' ? withoutReductions(l) : l)),
    })),
  }));
  return {
    ...spec,
    id: `${spec.id}-naive`,
    name: `${spec.name} (no 1×1 reductions)`,
    stages,
    auxiliary: [],
    notes: ['Every Inception module without its 1×1 reductions and pool projections (Fig. 2 (a)).'],
  };
}

export interface InceptionModuleView {
  id: InceptionId;
  /** The module's input `[H, W, C]` inside GoogLeNet (e.g. 28×28×192 for (3a)). */
  input: readonly [number, number, number];
  /** The module alone, as a one-layer model on that input. */
  spec: ArchitectureSpec;
  report: ArchitectureReport;
}

/**
 * Inception module `id` of GoogLeNet (paper variant), alone on the input it sees in the network,
 * with (`reductions: true`, Fig. 2 (b)) or without (Fig. 2 (a)) its 1×1 reductions.
 *
 * @example inceptionModule('3a', { reductions: false }).report.totals.output // → [28, 28, 416]
 */
export function inceptionModule(id: InceptionId, options: { reductions: boolean }): InceptionModuleView {
  const net = googlenet({ auxiliary: false });
  const report = analyzeArchitecture(net);
  const name = `inception (${id})`;
  const block = report.stages.flatMap((s) => s.blocks).find((b) => b.name === name);
  const layer = block?.layers[0]?.spec;
  if (!block || layer?.kind !== 'concat') throw new RangeError(`no Inception module ${id}`);
  const module = options.reductions ? layer : withoutReductions(layer);
  const spec: ArchitectureSpec = {
    id: `inception-${id}${options.reductions ? '' : '-naive'}`,
    name: `Inception (${id})${options.reductions ? '' : ', naive'}`,
    input: block.input,
    stages: [{ name: 'module', blocks: [{ name, layers: [module] }] }],
    source: 'Szegedy et al. 2014, Table 1 and Fig. 2',
  };
  return { id, input: block.input, spec, report: analyzeArchitecture(spec) };
}

export interface BranchCost {
  /** `branch 1` … `branch 4`. */
  label: string;
  /** Layer names of the branch (reductions included when present). */
  layers: { name: string; kind: string; kernel: number | null; outChannels: number; params: number; macs: number }[];
  params: number;
  macs: number;
  outChannels: number;
}

/** Per-branch costs of an analysed single-module view. */
export function branchCosts(view: InceptionModuleView): BranchCost[] {
  const concat = view.report.stages[0]?.blocks[0]?.layers[0];
  return (concat?.paths ?? []).map((path) => {
    const layers = path.layers
      .filter((l) => l.spec.kind === 'conv' || l.spec.kind === 'maxpool')
      .map((l) => ({
        name: l.spec.name,
        kind: l.spec.kind,
        kernel: l.spec.kind === 'conv' || l.spec.kind === 'maxpool' ? l.spec.kernel : null,
        outChannels: l.output[2],
        params: l.params,
        macs: l.macs,
      }));
    const last = path.layers[path.layers.length - 1];
    return {
      label: path.label,
      layers,
      params: path.layers.reduce((n, l) => n + l.params, 0),
      macs: path.layers.reduce((n, l) => n + l.macs, 0),
      outChannels: last ? last.output[2] : view.input[2],
    };
  });
}
