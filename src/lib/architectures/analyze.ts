/**
 * One pass over an architecture spec that propagates shapes and receptive fields and adds up
 * parameters and multiply-adds, layer by layer, block by block, stage by stage.
 */
import type { ArchitectureSpec, ConcatSpec, LayerSpec, ResidualSpec, Shape } from './layer-spec';
import { leafMultiplyAdds } from './multiply-adds';
import { leafOutputShape, spatialOutputSize } from './output-shape';
import { leafParameters } from './parameter-count';
import { leafReceptiveField, mergeReceptiveFields, pixelReceptiveField, type ReceptiveField } from './receptive-field';
import type {
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

/** What flows from one layer to the next. */
interface State {
  shape: Shape;
  rf: ReceptiveField;
  depth: number;
}

const zero: Cost = { params: 0, bnStats: 0, macs: 0 };

/** Marks a block name used in more than one stage. */
const ambiguous: State = { shape: [0, 0, 0], rf: pixelReceptiveField, depth: -1 };

function add(a: Cost, b: Cost): Cost {
  return { params: a.params + b.params, bnStats: a.bnStats + b.bnStats, macs: a.macs + b.macs };
}

function sum(items: readonly Cost[]): Cost {
  return items.reduce<Cost>((acc, item) => add(acc, item), zero);
}

function sameShape(a: Shape, b: Shape): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}

class Walker {
  private readonly names = new Set<string>();

  sequence(layers: readonly LayerSpec[], state: State): { reports: LayerReport[]; state: State } {
    const reports: LayerReport[] = [];
    let current = state;
    for (const spec of layers) {
      const report = this.layer(spec, current);
      reports.push(report);
      current = { shape: report.output, rf: report.rf, depth: report.depth };
    }
    return { reports, state: current };
  }

  private layer(spec: LayerSpec, state: State): LayerReport {
    if (this.names.has(spec.name)) throw new RangeError(`duplicate layer name: ${spec.name}`);
    this.names.add(spec.name);
    if (spec.kind === 'concat') return this.concat(spec, state);
    if (spec.kind === 'residual') return this.residual(spec, state);
    const output = leafOutputShape(spec, state.shape);
    const { params, bnStats } = leafParameters(spec, state.shape);
    const weighted = spec.kind === 'conv' || spec.kind === 'fc';
    return {
      spec,
      input: state.shape,
      output,
      params,
      bnStats,
      macs: leafMultiplyAdds(spec, state.shape, output),
      rf: leafReceptiveField(spec, state.rf, state.shape),
      depth: state.depth + (weighted ? 1 : 0),
      paths: [],
    };
  }

  private concat(spec: ConcatSpec, state: State): LayerReport {
    if (spec.branches.length === 0) throw new RangeError(`${spec.name}: a concat needs at least one branch`);
    const paths = spec.branches.map((branch, i) => ({ label: `branch ${i + 1}`, ...this.sequence(branch, state) }));
    const outputs = paths.map((p) => p.state.shape);
    const [h, w] = outputs[0] ?? state.shape;
    if (outputs.some(([oh, ow]) => oh !== h || ow !== w)) {
      const sizes = outputs.map((s) => `${s[0]}×${s[1]}`).join(', ');
      throw new RangeError(`${spec.name}: branches disagree on height × width: ${sizes}`);
    }
    return this.merge(spec, state, [h, w, outputs.reduce((c, s) => c + s[2], 0)], paths);
  }

  private residual(spec: ResidualSpec, state: State): LayerReport {
    const body = { label: 'residual', ...this.sequence(spec.body, state) };
    const shortcut = this.shortcut(spec, state);
    if (!sameShape(body.state.shape, shortcut.state.shape)) {
      const [a, b] = [body.state.shape, shortcut.state.shape].map((s) => `[${s.join(', ')}]`);
      throw new RangeError(`${spec.name}: residual ${a} and shortcut ${b} cannot be added`);
    }
    return this.merge(spec, state, body.state.shape, [body, shortcut]);
  }

  private shortcut(spec: ResidualSpec, state: State): { label: string; reports: LayerReport[]; state: State } {
    const s = spec.shortcut;
    switch (s.kind) {
      case 'identity':
        return { label: 'shortcut', reports: [], state };
      case 'projection':
        return { label: 'shortcut', ...this.sequence(s.layers, state) };
      case 'zero-pad': {
        const [h, w, c] = state.shape;
        if (s.outChannels < c) {
          throw new RangeError(`${spec.name}: zero-padding cannot shrink ${c} to ${s.outChannels} channels`);
        }
        const window = { kernel: 1, stride: s.stride, padding: 0 };
        const shape: Shape = [spatialOutputSize(h, window), spatialOutputSize(w, window), s.outChannels];
        const rf = { size: state.rf.size, jump: state.rf.jump * s.stride };
        return { label: 'shortcut', reports: [], state: { shape, rf, depth: state.depth } };
      }
    }
  }

  private merge(
    spec: LayerSpec,
    state: State,
    output: Shape,
    paths: readonly { label: string; reports: LayerReport[]; state: State }[],
  ): LayerReport {
    const reports: PathReport[] = paths.map((p) => ({ label: p.label, layers: p.reports }));
    return {
      spec,
      input: state.shape,
      output,
      ...sum(paths.flatMap((p) => p.reports)),
      rf: mergeReceptiveFields(paths.map((p) => p.state.rf)),
      depth: Math.max(...paths.map((p) => p.state.depth)),
      paths: reports,
    };
  }
}

/** The flow of a group of layers from the state before it to the state after it. */
function flow(before: State, after: State): Flow {
  return { input: before.shape, output: after.shape, rf: after.rf, depth: after.depth };
}

function countLeaves(layers: readonly LayerReport[], kind: 'conv' | 'fc'): number {
  return layers.reduce(
    (n, l) => n + (l.spec.kind === kind ? 1 : 0) + l.paths.reduce((m, p) => m + countLeaves(p.layers, kind), 0),
    0,
  );
}

function totalsOf(layers: readonly LayerReport[]): Totals {
  return { ...sum(layers), convLayers: countLeaves(layers, 'conv'), fcLayers: countLeaves(layers, 'fc') };
}

/**
 * Shapes, parameters, multiply-adds, receptive fields and depth of every layer, block and stage
 * of `spec`, plus totals with and without the auxiliary heads.
 * Throws a `RangeError` naming the layer if the spec is inconsistent (a window larger than its
 * input, branches of different sizes, a residual whose two sides cannot be added, a repeated name).
 *
 * @example analyzeArchitecture(resnet(50)).totals.params // → 25,557,032
 */
export function analyzeArchitecture(spec: ArchitectureSpec): ArchitectureReport {
  const walker = new Walker();
  const afterBlock = new Map<string, State>();
  let state: State = { shape: spec.input, rf: pixelReceptiveField, depth: 0 };
  const stages: StageReport[] = spec.stages.map((stage) => {
    const stageInput = state;
    const blocks: BlockReport[] = stage.blocks.map((block) => {
      const blockInput = state;
      const { reports, state: next } = walker.sequence(block.layers, state);
      state = next;
      // A head may name a block alone if that name is unique, or as `stage/block` in any case.
      afterBlock.set(`${stage.name}/${block.name}`, state);
      afterBlock.set(block.name, afterBlock.has(block.name) ? ambiguous : state);
      return { name: block.name, layers: reports, ...sum(reports), ...flow(blockInput, state) };
    });
    return { name: stage.name, blocks, ...sum(blocks), ...flow(stageInput, state) };
  });
  const auxiliary: AuxiliaryReport[] = (spec.auxiliary ?? []).map((head) => {
    const start = afterBlock.get(head.after);
    if (start === undefined) throw new RangeError(`${head.name}: no block named ${head.after}`);
    if (start === ambiguous) throw new RangeError(`${head.name}: several blocks are named ${head.after}; use stage/block`);
    const { reports, state: end } = walker.sequence(head.layers, start);
    return { name: head.name, after: head.after, layers: reports, ...sum(reports), ...flow(start, end) };
  });
  const mainLayers = stages.flatMap((s) => s.blocks.flatMap((b) => b.layers));
  const main = totalsOf(mainLayers);
  const all = totalsOf([...mainLayers, ...auxiliary.flatMap((a) => a.layers)]);
  return {
    spec,
    stages,
    auxiliary,
    totals: { ...main, ...flow({ shape: spec.input, rf: pixelReceptiveField, depth: 0 }, state) },
    withAuxiliary: all,
  };
}
