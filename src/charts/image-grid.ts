import { interpolatePuOr, interpolateViridis } from 'd3-scale-chromatic';
import { availableWidth, chartFrame, emptyState, observeWidth, sizeFrame } from './chart-frame';
import type { Chart } from './line-chart';

/** Tiles of one size drawn side by side, e.g. the feature maps of one layer. */
export interface ImageGridData {
  /** Tile height and width in pixels. */
  rows: number;
  cols: number;
  /** Values of tile k at (y, x): values[(y·cols + x)·count + k] — the HWC layout of a feature map. */
  values: ArrayLike<number>;
  count: number;
  /** Caption under each tile (default its 1-based number). */
  labels?: string[];
}

export interface ImageGridOptions {
  title: string;
  /**
   * `activation`: viridis from 0 to each tile's own maximum (feature maps, images);
   * `signed`: a diverging purple–white–orange scale, symmetric around 0, shared by all tiles (weights).
   */
  scale: 'activation' | 'signed';
  /** Most tiles per row (default: all in one row); fewer when the container is narrower. */
  perRow?: number;
  /** Drawn width of one tile in CSS px (default 48); tiles are never scaled down. */
  tileSize?: number;
  /** What the grid says while it has no tiles (text or a function giving it). */
  empty?: string | (() => string);
}

/**
 * A grid of small images (pixelated, one canvas each, embedded as SVG <image>s so the whole grid
 * exports as one SVG/PNG), drawn at its own size in CSS px with as many tiles per row as the
 * container fits, so tile captions stay 12 px on a phone.
 * `(element, options) → { update(data | undefined), destroy }`.
 */
export function createImageGrid(element: HTMLElement, options: ImageGridOptions): Chart<ImageGridData | undefined> {
  const tile = options.tileSize ?? 48;
  const gap = 6;
  const label = 16;
  const svg = chartFrame(element, { title: options.title, width: tile, height: tile, className: 'nb-image-grid' });
  const g = svg.append('g');
  const empty = emptyState(svg);

  let layout = '';
  let current: ImageGridData | undefined;
  function update(data: ImageGridData | undefined) {
    current = data;
    const avail = availableWidth(element, 640);
    if (!data || data.count === 0) {
      g.selectAll('*').remove();
      layout = '';
      const text = typeof options.empty === 'function' ? options.empty() : options.empty;
      if (text) {
        sizeFrame(svg, avail, 64);
        empty.show(text, avail, 64);
      } else {
        sizeFrame(svg, tile, tile);
        empty.hide();
      }
      return;
    }
    empty.hide();
    const fits = Math.max(1, Math.floor((avail + gap) / (tile + gap)));
    const perRow = Math.min(options.perRow ?? data.count, data.count, fits);
    const lines = Math.ceil(data.count / perRow);
    const th = (tile * data.rows) / data.cols;
    const width = perRow * tile + (perRow - 1) * gap;
    const height = lines * (th + label + gap) - gap;
    sizeFrame(svg, width, height);
    let maxAbs = 0;
    if (options.scale === 'signed') for (let i = 0; i < data.values.length; i++) maxAbs = Math.max(maxAbs, Math.abs(data.values[i]!));
    // All tiles in one canvas (one pixel per value, one empty pixel between tiles), encoded once:
    // each tile is then an <image> showing its part of it through a viewBox-clipped <svg>.
    const cw = perRow * (data.cols + 1);
    const ch = lines * (data.rows + 1);
    const canvas = document.createElement('canvas');
    canvas.width = cw;
    canvas.height = ch;
    const ctx = canvas.getContext('2d')!;
    const image = ctx.createImageData(cw, ch);
    for (let k = 0; k < data.count; k++) {
      let top = 0;
      if (options.scale === 'activation') for (let p = 0; p < data.rows * data.cols; p++) top = Math.max(top, data.values[p * data.count + k]!);
      const ox = (k % perRow) * (data.cols + 1);
      const oy = Math.floor(k / perRow) * (data.rows + 1);
      for (let p = 0; p < data.rows * data.cols; p++) {
        const v = data.values[p * data.count + k]!;
        const [r, gg, b] = options.scale === 'signed' ? diverging(maxAbs ? v / maxAbs : 0) : sequential(top > 0 ? v / top : 0);
        const at = ((oy + Math.floor(p / data.cols)) * cw + ox + (p % data.cols)) * 4;
        image.data[at] = r;
        image.data[at + 1] = gg;
        image.data[at + 2] = b;
        image.data[at + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
    const href = canvas.toDataURL();
    // Same tiles as before: only the picture changes.
    const next = `${data.count} ${data.rows} ${data.cols} ${perRow} ${(data.labels ?? []).join()}`;
    if (next === layout) {
      g.selectAll('image').attr('href', href);
      return;
    }
    layout = next;
    g.selectAll('*').remove();
    for (let k = 0; k < data.count; k++) {
      const x = (k % perRow) * (tile + gap);
      const y = Math.floor(k / perRow) * (th + label + gap);
      const ox = (k % perRow) * (data.cols + 1);
      const oy = Math.floor(k / perRow) * (data.rows + 1);
      g.append('svg')
        .attr('x', x)
        .attr('y', y)
        .attr('width', tile)
        .attr('height', th)
        .attr('viewBox', `${ox} ${oy} ${data.cols} ${data.rows}`)
        .attr('preserveAspectRatio', 'none')
        .append('image')
        .attr('href', href)
        .attr('width', cw)
        .attr('height', ch)
        .style('image-rendering', 'pixelated');
      g.append('text')
        .attr('class', 'axis-label')
        .attr('x', x + tile / 2)
        .attr('y', y + th + 13)
        .attr('text-anchor', 'middle')
        .text(data.labels?.[k] ?? String(k + 1));
    }
  }

  const stop = observeWidth(element, () => update(current));
  update(undefined);
  return {
    update,
    destroy: () => {
      stop();
      svg.remove();
    },
    svg: svg.node()!,
  };
}

/** 256-entry colour tables, so a pixel costs a lookup rather than a colour-string parse. */
const table = (interpolate: (t: number) => string) => Array.from({ length: 256 }, (_, i) => rgb(interpolate(i / 255)));
let viridis: [number, number, number][] | undefined;
let puOr: [number, number, number][] | undefined;
/** Viridis for t in [0, 1]. */
function sequential(t: number) {
  viridis ??= table(interpolateViridis);
  return viridis[Math.round(255 * Math.min(1, Math.max(0, t)))]!;
}
/** Purple (−1) – white (0) – orange (+1). */
function diverging(t: number) {
  puOr ??= table(interpolatePuOr);
  return puOr[Math.round(255 * (0.5 - Math.min(1, Math.max(-1, t)) / 2))]!;
}

/** 'rgb(r, g, b)' or '#rrggbb' (what d3's interpolators return) → [r, g, b]. */
function rgb(colour: string): [number, number, number] {
  if (colour.startsWith('#')) return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
  const m = colour.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0'];
  return [Number(m[0]), Number(m[1]), Number(m[2])];
}
