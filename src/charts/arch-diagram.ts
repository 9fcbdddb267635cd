/**
 * The architecture diagram (D3): stages → blocks → layers as an ARIA tree drawn in SVG.
 * `(element, options) → { update(data), destroy(), svg }`.
 *
 * Keyboard (one tab stop, roving focus): ↑/↓ previous/next item, → opens a stage or moves on,
 * ← goes back or closes a stage, Home/End, Enter/Space opens or closes a stage and pins a layer.
 * Hover or focus reports the item to `onInspect`, so the widget can show its numbers.
 * Text is drawn at 12 px in real pixels (the SVG is not scaled), so it stays legible on a phone.
 */
import { select, type Selection } from 'd3-selection';
import { geometry, layoutDiagram, type BlockLayout, type Chip, type DiagramLayout, type DiagramStage, type LayerNode, type StageLayout } from '../lib/architectures/arch-layout';
import { kindColor } from './layer-colors';

export { kindColor };

export type Inspected =
  | { type: 'stage'; stage: StageLayout }
  | { type: 'block'; stage: StageLayout; block: BlockLayout }
  | { type: 'layer'; layer: LayerNode };

export interface ArchDiagramData {
  stages: readonly DiagramStage[];
  /** Expanded stage index, or -1. */
  expanded: number;
  /** Pinned layer name, or ''. */
  pinned: string;
  /** Accessible name of the tree. */
  title: string;
}

export interface ArchDiagramOptions {
  /** Chip labels, longest first. */
  labels: (layer: LayerNode) => readonly string[];
  /** Header of a stage row: [name, right-hand note, second line]. */
  stageText: (stage: StageLayout, width: number) => [string, string, string];
  blockText: (block: BlockLayout, width: number) => string;
  stageAria: (stage: StageLayout) => string;
  blockAria: (block: BlockLayout) => string;
  layerAria: (layer: LayerNode) => string;
  shortcutLabel: (kind: 'identity' | 'zero-pad') => string;
  onToggle: (stage: number) => void;
  onPin: (layer: string) => void;
  onInspect: (item: Inspected | null) => void;
}

export interface ArchDiagram {
  update(data: ArchDiagramData): void;
  destroy(): void;
  svg: SVGSVGElement;
  /** The layout last drawn (for tests and the widget). */
  layout(): DiagramLayout | undefined;
}

type G = Selection<SVGGElement, unknown, null, undefined>;

export function createArchDiagram(element: HTMLElement, options: ArchDiagramOptions): ArchDiagram {
  const svg = select(element).append('svg').attr('class', 'nb-chart nb-arch').attr('role', 'tree').attr('data-chart', 'diagram');
  let data: ArchDiagramData | undefined;
  let layout: DiagramLayout | undefined;
  let activeKey = '';
  let drawnWidth = 0;
  let texts: G;
  let hovering = false;
  const items = new Map<string, Inspected>();

  const innerWidth = () => {
    const cs = getComputedStyle(element);
    const pad = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
    return Math.max(260, Math.floor((element.clientWidth || 560) - (Number.isFinite(pad) ? pad : 0)));
  };
  const nodes = () => [...svg.node()!.querySelectorAll<SVGGElement>('[data-node]')];

  function setActive(key: string, focus: boolean) {
    activeKey = key;
    for (const n of nodes()) n.setAttribute('tabindex', n.dataset.key === key ? '0' : '-1');
    const el = nodes().find((n) => n.dataset.key === key);
    if (focus && el) {
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  function draw() {
    if (!data) return;
    const hadFocus = svg.node()!.contains(document.activeElement);
    const width = innerWidth();
    drawnWidth = width;
    layout = layoutDiagram(data.stages, {
      width,
      expanded: data.expanded,
      labels: options.labels,
      shortcutLabel: options.shortcutLabel,
    });
    items.clear();
    svg.selectAll('*').remove();
    svg
      .attr('width', layout.width)
      .attr('height', layout.height)
      .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
      .attr('aria-label', data.title);
    const setsize = layout.stages.length;
    // Visible text lives in its own layer on top, outside the tree items: their accessible names
    // are their aria-labels (fuller than the clipped labels), and clicks pass through the text.
    texts = svg.append('g').attr('class', 'nb-text-layer').attr('aria-hidden', 'true');
    for (const stage of layout.stages) drawStage(svg.append('g'), stage, setsize);
    svg.node()!.append(texts.node()!);
    const keys = nodes().map((n) => n.dataset.key ?? '');
    const key = keys.includes(activeKey) ? activeKey : (keys[0] ?? '');
    setActive(key, hadFocus);
  }

  function drawStage(g: G, stage: StageLayout, setsize: number) {
    const key = `s${stage.index}`;
    items.set(key, { type: 'stage', stage });
    const node = g
      .attr('class', 'nb-stage')
      .attr('role', 'treeitem')
      .attr('aria-level', 1)
      .attr('aria-setsize', setsize)
      .attr('aria-posinset', stage.index + 1)
      .attr('aria-expanded', String(stage.expanded))
      .attr('aria-label', options.stageAria(stage))
      .attr('data-node', 'stage')
      .attr('data-stage', stage.index)
      .attr('data-key', key)
      .attr('tabindex', -1);
    const w = layout!.width;
    node
      .append('rect')
      .attr('class', 'nb-node-box nb-stage-box')
      .attr('x', 1)
      .attr('y', stage.y + 1)
      .attr('width', w - 2)
      .attr('height', stage.headerHeight - 2)
      .attr('rx', 6);
    const [name, note, line2] = options.stageText(stage, w);
    texts.append('text').attr('class', 'nb-stage-caret').attr('x', 10).attr('y', stage.y + 20).text(stage.expanded ? '▾' : '▸');
    texts.append('text').attr('class', 'nb-stage-name').attr('x', 26).attr('y', stage.y + 20).text(name);
    texts.append('text').attr('class', 'nb-stage-note').attr('x', w - 10).attr('y', stage.y + 20).attr('text-anchor', 'end').text(note);
    texts.append('text').attr('class', 'nb-stage-line2').attr('x', 26).attr('y', stage.y + 38).text(line2);
    if (!stage.expanded) return;
    const group = node.append('g').attr('role', 'group');
    for (const block of stage.blocks) drawBlock(group.append('g'), stage, block);
  }

  function drawBlock(g: G, stage: StageLayout, block: BlockLayout) {
    const key = `s${stage.index}b${block.index}`;
    items.set(key, { type: 'block', stage, block });
    const node = g
      .attr('class', 'nb-block')
      .attr('role', 'treeitem')
      .attr('aria-level', 2)
      .attr('aria-setsize', stage.blocks.length)
      .attr('aria-posinset', block.index + 1)
      .attr('aria-expanded', 'true')
      .attr('aria-label', options.blockAria(block))
      .attr('data-node', 'block')
      .attr('data-key', key)
      .attr('tabindex', -1);
    const w = layout!.width;
    node
      .append('rect')
      .attr('class', 'nb-node-box nb-block-box')
      .attr('x', geometry.indent - 6)
      .attr('y', block.y - 3)
      .attr('width', w - geometry.indent + 4)
      .attr('height', block.height + 6)
      .attr('rx', 4);
    texts.append('text').attr('class', 'nb-block-label').attr('x', geometry.indent).attr('y', block.y + 13).text(options.blockText(block, w));
    const edges = node.append('g').attr('class', 'nb-edges').attr('aria-hidden', 'true');
    for (const e of block.edges) {
      edges
        .append('polyline')
        .attr('class', `nb-edge nb-edge--${e.kind}`)
        .attr('points', e.points.map(([x, y]) => `${x},${y}`).join(' '));
      if (e.label) texts.append('text').attr('class', 'nb-edge-label').attr('x', e.label.x).attr('y', e.label.y).attr('text-anchor', 'middle').text(e.label.text);
    }
    const group = node.append('g').attr('role', 'group');
    block.chips.forEach((chip, i) => drawChip(group.append('g'), chip, i, block.chips.length));
  }

  function drawChip(g: G, chip: Chip, index: number, count: number) {
    const key = `l:${chip.layer.name}`;
    items.set(key, { type: 'layer', layer: chip.layer });
    const color = kindColor(chip.layer.kind);
    const node = g
      .attr('class', `nb-layer${data!.pinned === chip.layer.name ? ' is-pinned' : ''}`)
      .attr('role', 'treeitem')
      .attr('aria-level', 3)
      .attr('aria-setsize', count)
      .attr('aria-posinset', index + 1)
      .attr('aria-label', options.layerAria(chip.layer))
      .attr('aria-selected', String(data!.pinned === chip.layer.name))
      .attr('data-node', 'layer')
      .attr('data-layer', chip.layer.name)
      .attr('data-kind', chip.layer.kind)
      .attr('data-key', key)
      .attr('tabindex', -1);
    // A finger-sized target (WCAG 2.2, 2.5.8: at least 24 × 24 px) even where the chip is drawn narrower.
    const hitW = Math.max(24, chip.w);
    const hitH = Math.max(24, chip.h);
    node.append('rect').attr('class', 'nb-chip-hit').attr('x', chip.x + (chip.w - hitW) / 2).attr('y', chip.y + (chip.h - hitH) / 2).attr('width', hitW).attr('height', hitH).attr('fill', 'transparent');
    if (chip.shape === 'add') {
      const r = chip.w / 2;
      const cx = chip.x + r;
      const cy = chip.y + r;
      node.append('circle').attr('class', 'nb-node-box nb-chip').attr('cx', cx).attr('cy', cy).attr('r', r - 1).attr('stroke', color).attr('fill', color).attr('fill-opacity', 0.15);
      const a = r * 0.5;
      node.append('path').attr('class', 'nb-chip-glyph').attr('d', `M${cx - a},${cy}H${cx + a}M${cx},${cy - a}V${cy + a}`).attr('stroke', color);
      return;
    }
    node
      .append('rect')
      .attr('class', 'nb-node-box nb-chip')
      .attr('x', chip.x)
      .attr('y', chip.y)
      .attr('width', chip.w)
      .attr('height', chip.h)
      .attr('rx', chip.shape === 'pill' ? Math.min(chip.h, chip.w) / 2 : chip.shape === 'concat' ? 3 : 4)
      .attr('stroke', color)
      .attr('fill', color)
      .attr('fill-opacity', chip.shape === 'concat' ? 0.35 : 0.15);
    if (chip.label) {
      texts
        .append('text')
        .attr('class', 'nb-chip-label')
        .attr('x', chip.x + chip.w / 2)
        .attr('y', chip.y + chip.h / 2)
        .attr('text-anchor', 'middle')
        .attr('dominant-baseline', 'central')
        .text(chip.label);
    }
  }

  const keyOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<SVGGElement>('[data-node]')?.dataset.key : undefined);

  function activate(key: string) {
    const item = items.get(key);
    if (!item) return;
    if (item.type === 'stage') options.onToggle(item.stage.expanded ? -1 : item.stage.index);
    else if (item.type === 'layer') options.onPin(data?.pinned === item.layer.name ? '' : item.layer.name);
  }

  svg.on('click', (event: MouseEvent) => {
    const key = keyOf(event.target);
    if (!key) return;
    setActive(key, true);
    activate(key);
  });
  svg.on('focusin', (event: FocusEvent) => {
    const key = keyOf(event.target);
    if (!key) return;
    if (key !== activeKey) setActive(key, false);
    if (!hovering) options.onInspect(items.get(key) ?? null);
  });
  svg.on('mouseover', (event: MouseEvent) => {
    const key = keyOf(event.target);
    if (!key) return;
    hovering = true;
    options.onInspect(items.get(key) ?? null);
  });
  svg.on('mouseleave', () => {
    hovering = false;
    const focused = keyOf(document.activeElement);
    options.onInspect(focused ? (items.get(focused) ?? null) : null);
  });
  svg.on('keydown', (event: KeyboardEvent) => {
    const list = nodes();
    const keys = list.map((n) => n.dataset.key ?? '');
    const i = keys.indexOf(keyOf(event.target) ?? activeKey);
    if (i < 0) return;
    const item = items.get(keys[i]!);
    const go = (j: number) => {
      const k = keys[Math.max(0, Math.min(keys.length - 1, j))];
      if (k) setActive(k, true);
    };
    switch (event.key) {
      case 'ArrowDown':
        go(i + 1);
        break;
      case 'ArrowUp':
        go(i - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(keys.length - 1);
        break;
      case 'ArrowRight':
        if (item?.type === 'stage' && !item.stage.expanded) activate(keys[i]!);
        else go(i + 1);
        break;
      case 'ArrowLeft':
        if (item?.type === 'stage') {
          if (item.stage.expanded) activate(keys[i]!);
        } else if (item?.type === 'block') go(keys.indexOf(`s${item.stage.index}`));
        else go(i - 1);
        break;
      case 'Enter':
      case ' ':
        activate(keys[i]!);
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  let frame = 0;
  const resize = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (layout && Math.abs(innerWidth() - drawnWidth) > 1) draw();
    });
  });
  resize.observe(element);

  return {
    update(next) {
      data = next;
      draw();
    },
    destroy() {
      resize.disconnect();
      svg.remove();
    },
    svg: svg.node()!,
    layout: () => layout,
  };
}
