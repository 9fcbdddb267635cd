/**
 * Layout of the architecture diagram, pure (no DOM): stages as rows; the expanded stage shows its
 * blocks, and each block its layers as chips flowing left to right. Composite layers open lanes —
 * the branches of an Inception module, the residual body and its shortcut — which rejoin at the
 * composite's own node (a concatenation bar or an adder). Every row of `summary(report)` becomes
 * exactly one chip, so the diagram, the table and the keyboard walk all cover the same layers.
 *
 * Sizes are in CSS pixels for a given width; chip widths scale with the room available.
 */
import type { LayerReport, Shape } from './index';
import { layerNode, stageCounts, type DiagramStage, type LayerNode } from './diagram-stages';
import { defaultMeasure, geometry, lanesOf, measureSequence, weight } from './diagram-geometry';

export type { DiagramStage, LayerNode };
export { geometry };

export interface Chip {
  layer: LayerNode;
  x: number;
  y: number;
  w: number;
  h: number;
  /** `box` for weighted and pooling layers, `pill` for the rest, `add` / `concat` for merges. */
  shape: 'box' | 'pill' | 'add' | 'concat';
  /** The longest label that fits, or '' when none does. */
  label: string;
}

export interface Edge {
  points: [number, number][];
  /** A shortcut without layers: identity or zero-padding. */
  kind: 'flow' | 'identity' | 'zero-pad';
  /** Text along a shortcut lane ('identity', 'zero-pad'), if it fits. */
  label?: { text: string; x: number; y: number };
}

export interface BlockLayout {
  index: number;
  name: string;
  /** Top of the block's label line. */
  y: number;
  height: number;
  chips: Chip[];
  edges: Edge[];
  input: Shape;
  output: Shape;
  params: number;
  macs: number;
}

export interface StageLayout {
  index: number;
  name: string;
  y: number;
  /** Height of the stage's header row. */
  headerHeight: number;
  /** Header plus expanded content. */
  height: number;
  expanded: boolean;
  blocks: BlockLayout[];
  /** Blocks with weights (a stage's max pool, drawn as a block, does not count: conv2_x has 3 blocks). */
  blockCount: number;
  /** True when every block is a single layer with its activation (VGG): count layers, not blocks. */
  simple: boolean;
  /** Weighted and pooling layers of the stage (main path, composites included). */
  counts: { conv: number; fc: number; pool: number };
  input: Shape;
  output: Shape;
  params: number;
  macs: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  stages: StageLayout[];
  /** Every chip in keyboard order (stage by stage, block by block, lane by lane). */
  chipCount: number;
}

export interface LayoutOptions {
  /** Available width in pixels. */
  width: number;
  /** Index of the expanded stage, or -1. */
  expanded: number;
  /** Candidate chip labels, longest first; the first that fits is used. */
  labels: (layer: LayerNode) => readonly string[];
  /** Text of an identity / zero-pad shortcut lane. */
  shortcutLabel?: (kind: 'identity' | 'zero-pad') => string;
  /** Estimated text width in pixels (default: 0.6 em per Latin character, 1 em per CJK one, 12 px font). */
  measure?: (text: string) => number;
}


interface Placer {
  unit: number;
  chips: Chip[];
  edges: Edge[];
  options: LayoutOptions;
  measure: (text: string) => number;
}

function label(p: Placer, node: LayerNode, width: number): string {
  for (const candidate of p.options.labels(node)) if (p.measure(candidate) <= width - 2 * geometry.pad - 4) return candidate;
  return '';
}

const laneY = (top: number, lane: number) => top + lane * (geometry.lane + geometry.laneGap);
const mid = (top: number) => top + geometry.lane / 2;

/** Places a sequence from (x, top); returns the x after its last item. */
function placeSequence(p: Placer, layers: readonly LayerReport[], x: number, top: number, path: string | null): number {
  let cursor = x;
  layers.forEach((layer, i) => {
    if (i > 0) {
      p.edges.push({ points: [[cursor, mid(top)], [cursor + geometry.chipGap, mid(top)]], kind: 'flow' });
      cursor += geometry.chipGap;
    }
    cursor = placeLayer(p, layer, cursor, top, path);
  });
  return cursor;
}

function placeLayer(p: Placer, layer: LayerReport, x: number, top: number, path: string | null): number {
  const node = layerNode(layer, path);
  if (!node.composite) {
    const w = weight(node.kind) * p.unit;
    const pill = !(node.kind === 'conv' || node.kind === 'fc' || node.kind.endsWith('pool') || node.kind === 'gap');
    p.chips.push({ layer: node, x, y: top, w, h: geometry.lane, shape: pill ? 'pill' : 'box', label: label(p, node, w) });
    return x + w;
  }
  const lanes = lanesOf(layer);
  const labels = layer.spec.kind === 'residual' ? ['residual', 'shortcut'] : layer.paths.map((q) => q.label);
  const start = x + geometry.split;
  let laneTop = top;
  const ends: { y: number; end: number }[] = [];
  lanes.forEach((laneLayers, i) => {
    const y = mid(laneTop);
    // Split: from the entry point down to this lane.
    if (laneLayers.length > 0) {
      p.edges.push({ points: i === 0 ? [[x, y], [start, y]] : [[x, mid(top)], [x, y], [start, y]], kind: 'flow' });
      const end = placeSequence(p, laneLayers, start, laneTop, labels[i] ?? null);
      ends.push({ y, end });
    } else {
      ends.push({ y, end: Number.NaN });
    }
    laneTop = laneY(laneTop, measureSequence(laneLayers).lanes);
  });
  const lanesEnd = Math.max(start, ...ends.map((e) => e.end).filter((e) => Number.isFinite(e)));
  const mergeX = lanesEnd + geometry.split;
  const height = laneTop - top - geometry.laneGap;
  const y0 = mid(top);
  if (layer.spec.kind === 'residual') {
    const d = Math.min(geometry.lane, p.unit + geometry.chipGap);
    const cx = mergeX + d / 2;
    ends.forEach((e, i) => {
      if (Number.isFinite(e.end)) {
        p.edges.push({ points: i === 0 ? [[e.end, e.y], [mergeX, e.y]] : [[e.end, e.y], [cx, e.y], [cx, y0 + d / 2]], kind: 'flow' });
      } else {
        const kind = layer.spec.kind === 'residual' && layer.spec.shortcut.kind === 'zero-pad' ? 'zero-pad' : 'identity';
        const text = p.options.shortcutLabel?.(kind) ?? kind;
        const fits = p.measure(text) + 8 <= cx - x;
        p.edges.push({
          points: [[x, y0], [x, e.y], [cx, e.y], [cx, y0 + d / 2]],
          kind,
          ...(fits ? { label: { text, x: x + (cx - x) / 2, y: e.y - 4 } } : {}),
        });
      }
    });
    p.chips.push({ layer: node, x: mergeX, y: y0 - d / 2, w: d, h: d, shape: 'add', label: '' });
    return mergeX + d;
  }
  // Concatenation: a bar across all lanes.
  const w = Math.max(10, p.unit);
  ends.forEach((e) => {
    if (Number.isFinite(e.end)) p.edges.push({ points: [[e.end, e.y], [mergeX, e.y]], kind: 'flow' });
  });
  p.chips.push({ layer: node, x: mergeX, y: top, w, h: height, shape: 'concat', label: '' });
  return mergeX + w;
}

/**
 * Positions of every stage header, block label, chip and edge for `stages` at `options.width`.
 * Only the expanded stage has blocks; the others are one header row each.
 */
export function layoutDiagram(stages: readonly DiagramStage[], options: LayoutOptions): DiagramLayout {
  const measure = options.measure ?? defaultMeasure;
  let y = 0;
  let width = options.width;
  let chipCount = 0;
  const out: StageLayout[] = stages.map((stage, index) => {
    const expanded = index === options.expanded;
    const layout: StageLayout = {
      index,
      name: stage.name,
      y,
      headerHeight: geometry.stageHeader,
      height: geometry.stageHeader,
      expanded,
      blocks: [],
      ...stageCounts(stage),
      input: stage.input,
      output: stage.output,
      params: stage.params,
      macs: stage.macs,
    };
    y += geometry.stageHeader;
    if (expanded) {
      const x0 = geometry.indent;
      const room = options.width - x0 - geometry.pad;
      const measures = stage.blocks.map((b) => measureSequence(b.layers));
      // One unit for the whole stage, so equal layers look equal from block to block.
      const unit = Math.max(
        geometry.minUnit,
        Math.min(geometry.maxUnit, ...measures.map((m) => (room - m.b) / Math.max(m.a, 1))),
      );
      y += geometry.blockGap / 2;
      layout.blocks = stage.blocks.map((block, bi) => {
        const p: Placer = { unit, chips: [], edges: [], options, measure };
        const top = y + geometry.blockLabel;
        const end = placeSequence(p, block.layers, x0, top, null);
        width = Math.max(width, Math.ceil(end + geometry.pad - 1e-6));
        const lanes = measures[bi]!.lanes;
        const height = geometry.blockLabel + lanes * (geometry.lane + geometry.laneGap) - geometry.laneGap;
        const b: BlockLayout = {
          index: bi,
          name: block.name,
          y,
          height,
          chips: p.chips,
          edges: p.edges,
          input: block.input,
          output: block.output,
          params: block.params,
          macs: block.macs,
        };
        chipCount += p.chips.length;
        y += height + geometry.blockGap;
        return b;
      });
      layout.height = y - layout.y;
    }
    y += geometry.stageGap;
    return layout;
  });
  return { width, height: Math.max(0, y - geometry.stageGap), stages: out, chipCount };
}
