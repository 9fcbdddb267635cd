import { chartFrame } from './chart-frame';
import type { Chart } from './line-chart';

/** Class colours for decision-boundary maps (Okabe–Ito: blue, orange, green, purple). */
export const classColors = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'] as const;

export interface BoundaryData {
  /** Class probabilities on an R×R grid, row-major from the top-left corner: length R·R·classes. */
  probs: Float32Array | number[];
  resolution: number;
  classes: number;
  /** The plane shown (data coordinates); row 0 of the grid is the top edge (y = yMax). */
  extent: { xMin: number; xMax: number; yMin: number; yMax: number };
  /** Data points drawn on top; at most a few hundred are drawn. */
  points?: { x: Float32Array | number[]; y: Int32Array | number[] };
}

export interface BoundaryMapOptions {
  title: string;
  /** viewBox size (square), default 220. */
  size?: number;
}

const hexToRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/**
 * A decision-boundary map: each grid cell tinted by the predicted class, lighter where the model
 * is less sure, with the training points on top. `(element, options) → { update, destroy }`.
 */
export function createBoundaryMap(element: HTMLElement, options: BoundaryMapOptions): Chart<BoundaryData | undefined> {
  const size = options.size ?? 220;
  const svg = chartFrame(element, { title: options.title, width: size, height: size, className: 'nb-boundary' });
  const image = svg.append('image').attr('width', size).attr('height', size).attr('preserveAspectRatio', 'none');
  const dots = svg.append('g').attr('class', 'points');
  svg.append('rect').attr('width', size).attr('height', size).attr('fill', 'none').attr('stroke', 'currentColor').attr('stroke-opacity', 0.4);

  function update(data: BoundaryData | undefined) {
    if (!data) {
      image.attr('href', null);
      dots.selectAll('*').remove();
      return;
    }
    const { resolution: r, classes, probs } = data;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = r;
    const ctx = canvas.getContext('2d')!;
    const img = ctx.createImageData(r, r);
    const rgb = classColors.map(hexToRgb);
    for (let i = 0; i < r * r; i++) {
      let best = 0;
      for (let c = 1; c < classes; c++) if (probs[i * classes + c]! > probs[i * classes + best]!) best = c;
      const p = probs[i * classes + best]!;
      // Confidence from 1/classes (white) to 1 (full colour, softened to keep points visible).
      const a = Math.max(0, Math.min(1, (p - 1 / classes) / (1 - 1 / classes))) * 0.55;
      const [cr, cg, cb] = rgb[best % rgb.length]!;
      img.data[i * 4] = Math.round(255 + (cr - 255) * a);
      img.data[i * 4 + 1] = Math.round(255 + (cg - 255) * a);
      img.data[i * 4 + 2] = Math.round(255 + (cb - 255) * a);
      img.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    image.attr('href', canvas.toDataURL());
    const { xMin, xMax, yMin, yMax } = data.extent;
    const toX = (v: number) => ((v - xMin) / (xMax - xMin)) * size;
    const toY = (v: number) => ((yMax - v) / (yMax - yMin)) * size;
    const pts: { x: number; y: number; c: number }[] = [];
    if (data.points) {
      const n = data.points.y.length;
      const stride = Math.max(1, Math.floor(n / 300));
      for (let i = 0; i < n; i += stride) {
        pts.push({ x: toX(data.points.x[2 * i]!), y: toY(data.points.x[2 * i + 1]!), c: data.points.y[i]! });
      }
    }
    dots
      .selectAll('circle')
      .data(pts)
      .join('circle')
      .attr('r', 2.2)
      .attr('cx', (d) => d.x)
      .attr('cy', (d) => d.y)
      .attr('fill', (d) => classColors[d.c % classColors.length]!)
      .attr('stroke', '#fff')
      .attr('stroke-width', 0.6);
  }

  return { update, destroy: () => svg.remove(), svg: svg.node()! };
}
