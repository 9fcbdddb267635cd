import { rgb } from 'd3-color';
import { interpolatePuOr } from 'd3-scale-chromatic';
import { chartFrame } from './chart-frame';
import type { Chart } from './line-chart';

/** A rectangle of cells to outline: rows r0…r1, columns c0…c1 inclusive (grid coordinates). */
export interface CellBox {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface GridMapData {
  /** The values, rows of equal length; row 0 is drawn at the top. */
  grid: number[][];
  /**
   * Rings of padding drawn around the grid (shaded, value 0), so a window reaching into the
   * padding can be shown; cell coordinates below are in unpadded grid coordinates (−pad … n+pad−1).
   */
  pad?: number;
  /** Colour domain: `grey` maps [0, max] black → white; `diverging` maps [−max, max] purple → white → orange. */
  max?: number;
  /** Cells outlined one by one (the taps of a dilated kernel), in the highlight colour. */
  taps?: [number, number][];
  /** A box outlined around a window (or one output cell). */
  box?: CellBox;
  /** A dashed keyboard cursor cell. */
  cursor?: [number, number];
}

export interface GridMapOptions {
  title: string;
  /** `grey` for images in [0, 1] (as MNIST is shown: white ink, value 1, on black, value 0); `diverging` for signed feature maps. */
  scale: 'grey' | 'diverging';
  /** viewBox side (square), default 280. */
  size?: number;
  /** Make the SVG itself focusable (default true; false when a focusable wrapper handles keys). */
  focusable?: boolean;
}

const highlight = '#D55E00';

/**
 * A square map of a 2-D grid of numbers (an image or a feature map), cell by cell, with optional
 * padding ring, window/tap outlines and a keyboard cursor. `(element, options) → { update, destroy, svg }`;
 * `cellAt(clientX, clientY)` turns a pointer position into grid coordinates for drawing.
 */
export function createGridMap(element: HTMLElement, options: GridMapOptions): Chart<GridMapData> & { cellAt(x: number, y: number): [number, number] | undefined } {
  const size = options.size ?? 280;
  const svg = chartFrame(element, { title: options.title, width: size, height: size, className: 'nb-grid-map' });
  if (options.focusable === false) svg.attr('tabindex', null);
  const image = svg.append('image').attr('width', size).attr('height', size).attr('preserveAspectRatio', 'none').style('image-rendering', 'pixelated');
  const frame = svg.append('rect').attr('fill', 'none').attr('stroke', 'currentColor').attr('stroke-opacity', 0.6).attr('stroke-dasharray', '3 2');
  const tapLayer = svg.append('g').attr('class', 'taps');
  const box = svg.append('rect').attr('class', 'window').attr('fill', 'none').attr('stroke', highlight).attr('stroke-width', 2.5);
  const cursor = svg.append('rect').attr('class', 'cursor').attr('fill', 'none').attr('stroke', '#0072B2').attr('stroke-width', 2).attr('stroke-dasharray', '3 2');
  svg.append('rect').attr('width', size).attr('height', size).attr('fill', 'none').attr('stroke', 'currentColor').attr('stroke-opacity', 0.4);

  let geometry = { pad: 0, side: 1, cell: size };

  const colour = (v: number, max: number): [number, number, number] => {
    if (options.scale === 'grey') {
      const t = Math.max(0, Math.min(1, max > 0 ? v / max : 0));
      const g = Math.round(16 + 239 * t);
      return [g, g, g];
    }
    const t = max > 0 ? Math.max(-1, Math.min(1, v / max)) : 0;
    // d3's PuOr runs purple (0) → white (0.5) → orange (1): positive values orange, negative purple.
    const c = rgb(interpolatePuOr(0.5 + t / 2));
    return [Math.round(c.r), Math.round(c.g), Math.round(c.b)];
  };

  function update(data: GridMapData) {
    const rows = data.grid.length;
    const cols = data.grid[0]?.length ?? 0;
    const pad = data.pad ?? 0;
    const side = Math.max(rows, cols, 1) + 2 * pad;
    const cell = size / side;
    geometry = { pad, side, cell };
    const max = data.max ?? Math.max(1e-9, ...data.grid.flat().map(Math.abs));
    if (rows && cols) {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = side;
      const ctx = canvas.getContext('2d')!;
      const img = ctx.createImageData(side, side);
      // Colours are computed once per distinct value step (1/512 of the range).
      const cache = new Map<number, [number, number, number]>();
      for (let r = 0; r < side; r++) {
        for (let c = 0; c < side; c++) {
          const i = r - pad, j = c - pad;
          const inside = i >= 0 && i < rows && j >= 0 && j < cols;
          let rgb: [number, number, number];
          if (!inside) rgb = options.scale === 'grey' ? [205, 214, 226] : [220, 220, 220];
          else {
            const key = Math.round((data.grid[i]![j]! / max) * 512);
            rgb = cache.get(key) ?? colour((key / 512) * max, max);
            cache.set(key, rgb);
          }
          const o = (r * side + c) * 4;
          img.data[o] = rgb[0];
          img.data[o + 1] = rgb[1];
          img.data[o + 2] = rgb[2];
          img.data[o + 3] = 255;
        }
      }
      ctx.putImageData(img, 0, 0);
      image.attr('href', canvas.toDataURL());
    } else image.attr('href', null);
    const at = (v: number) => (v + pad) * cell;
    frame.attr('x', at(0)).attr('y', at(0)).attr('width', cols * cell).attr('height', rows * cell).attr('visibility', pad > 0 ? 'visible' : 'hidden');
    tapLayer
      .selectAll('rect')
      .data(data.taps ?? [])
      .join('rect')
      .attr('x', ([, c]) => at(c) + 0.75)
      .attr('y', ([r]) => at(r) + 0.75)
      .attr('width', Math.max(0.5, cell - 1.5))
      .attr('height', Math.max(0.5, cell - 1.5))
      .attr('fill', highlight)
      .attr('fill-opacity', 0.18)
      .attr('stroke', highlight)
      .attr('stroke-width', 1.2);
    if (data.box) {
      const b = data.box;
      box.attr('visibility', 'visible').attr('x', at(b.c0)).attr('y', at(b.r0)).attr('width', (b.c1 - b.c0 + 1) * cell).attr('height', (b.r1 - b.r0 + 1) * cell);
    } else box.attr('visibility', 'hidden');
    if (data.cursor) {
      const [r, c] = data.cursor;
      cursor.attr('visibility', 'visible').attr('x', at(c)).attr('y', at(r)).attr('width', cell).attr('height', cell);
    } else cursor.attr('visibility', 'hidden');
  }

  function cellAt(clientX: number, clientY: number): [number, number] | undefined {
    const rect = (svg.node() as SVGSVGElement).getBoundingClientRect();
    if (!rect.width || !rect.height) return undefined;
    const x = ((clientX - rect.left) / rect.width) * geometry.side;
    const y = ((clientY - rect.top) / rect.height) * geometry.side;
    if (x < 0 || y < 0 || x >= geometry.side || y >= geometry.side) return undefined;
    return [Math.floor(y) - geometry.pad, Math.floor(x) - geometry.pad];
  }

  update({ grid: [] });
  return { update, destroy: () => svg.remove(), svg: svg.node()!, cellAt };
}
