/**
 * Bubble chart of error vs cost: x = multiply-adds (log scale), y = top-5 error, bubble area =
 * parameters. Ensembles are diamonds of fixed size (an ensemble has no single parameter count),
 * joined by a dotted line to their family's single model. Rendered as an SVG string with d3-scale,
 * so the same code draws it at build time (no JS on the page) and in the browser at the real width.
 * `createBubbleChart(element, options)` wraps it in the `(element, options) → { update, destroy, svg }` shape.
 */
import { scaleLinear, scaleLog, scaleSqrt } from 'd3-scale';
import { esc, r1, textWidth } from './svg-text';

export interface BubblePoint {
  id: string;
  label: string;
  /** Multiply-adds, in G (10⁹). */
  x: number;
  /** Top-5 error, %. */
  y: number;
  /** Parameters (absolute); ignored for ensembles. */
  size: number;
  kind: 'single' | 'ensemble';
  color: string;
  /** Id of the single-model point an ensemble belongs to (draws the connector). */
  of?: string;
  /** Accessible description of the point. */
  description: string;
}

export interface BubbleChartOptions {
  title: string;
  desc: string;
  xLabel: string;
  yLabel: string;
  legendSingle: string;
  legendEnsemble: string;
  /** e.g. (n) => `${n} M parameters`. */
  sizeLabel: (millions: number) => string;
  width?: number;
  height?: number;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export function bubbleChartSvg(points: readonly BubblePoint[], o: BubbleChartOptions): string {
  const width = Math.round(o.width ?? 640);
  const narrow = width < 480;
  const height = Math.round(o.height ?? (narrow ? 460 : Math.max(320, Math.min(440, width * 0.62))));
  const m = { top: 16, right: 14, bottom: narrow ? 96 : 78, left: 50 };
  const iw = width - m.left - m.right;
  const ih = height - m.top - m.bottom;
  const x = scaleLog().domain([0.5, 25]).range([0, iw]);
  const y = scaleLinear().domain([0, 20]).range([ih, 0]);
  const maxSize = Math.max(...points.filter((p) => p.kind === 'single').map((p) => p.size), 1);
  const r = scaleSqrt().domain([0, maxSize]).range([0, narrow ? 20 : 28]);
  const px = (p: BubblePoint) => m.left + x(p.x);
  const py = (p: BubblePoint) => m.top + y(p.y);
  const parts: string[] = [];
  const xTicks = [0.5, 1, 2, 5, 10, 20];
  const yTicks = [0, 5, 10, 15, 20];

  parts.push(`<title id="arch-bubble-title">${esc(o.title)}</title><desc>${esc(o.desc)}</desc>`);
  // Grid and axes.
  parts.push('<g class="axis" aria-hidden="true">');
  for (const t of yTicks) {
    const ty = r1(m.top + y(t));
    parts.push(`<line class="grid" x1="${m.left}" x2="${m.left + iw}" y1="${ty}" y2="${ty}"/>`);
    parts.push(`<text x="${m.left - 6}" y="${ty}" text-anchor="end" dominant-baseline="central">${t}</text>`);
  }
  for (const t of xTicks) {
    const tx = r1(m.left + x(t));
    parts.push(`<line class="grid" x1="${tx}" x2="${tx}" y1="${m.top}" y2="${m.top + ih}"/>`);
    parts.push(`<text x="${tx}" y="${m.top + ih + 16}" text-anchor="middle">${t}</text>`);
  }
  parts.push(`<line class="axis-line" x1="${m.left}" x2="${m.left + iw}" y1="${m.top + ih}" y2="${m.top + ih}"/>`);
  parts.push(`<line class="axis-line" x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${m.top + ih}"/>`);
  parts.push(`<text class="axis-label" x="${m.left + iw / 2}" y="${m.top + ih + 34}" text-anchor="middle">${esc(o.xLabel)}</text>`);
  parts.push(`<text class="axis-label" transform="translate(14,${m.top + ih / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`);
  parts.push('</g>');

  // Connectors from each ensemble to its single model.
  const byId = new Map(points.map((p) => [p.id, p]));
  parts.push('<g class="connectors" aria-hidden="true">');
  for (const p of points) {
    const s = p.of ? byId.get(p.of) : undefined;
    if (p.kind === 'ensemble' && s) parts.push(`<line class="connector" x1="${r1(px(s))}" y1="${r1(py(s))}" x2="${r1(px(p))}" y2="${r1(py(p))}" stroke="${p.color}"/>`);
  }
  parts.push('</g>');

  // Bubbles, largest first so small ones stay visible on top.
  const singles = points.filter((p) => p.kind === 'single').sort((a, b) => b.size - a.size);
  const ensembles = points.filter((p) => p.kind === 'ensemble');
  parts.push('<g class="points">');
  for (const p of singles) {
    parts.push(
      `<circle data-point="${esc(p.id)}" cx="${r1(px(p))}" cy="${r1(py(p))}" r="${r1(Math.max(3, r(p.size)))}" fill="${p.color}" fill-opacity="0.45" stroke="${p.color}" stroke-width="1.5"><title>${esc(p.description)}</title></circle>`,
    );
  }
  for (const p of ensembles) {
    const cx = px(p);
    const cy = py(p);
    const d = 7;
    parts.push(
      `<path data-point="${esc(p.id)}" d="M${r1(cx)},${r1(cy - d)}L${r1(cx + d)},${r1(cy)}L${r1(cx)},${r1(cy + d)}L${r1(cx - d)},${r1(cy)}Z" fill="${p.color}" stroke="${p.color}" stroke-width="1.5"><title>${esc(p.description)}</title></path>`,
    );
  }
  parts.push('</g>');

  // Labels: to the right of the mark (left near the right edge), nudged apart vertically.
  const placed: Box[] = points.map((p) => {
    const rr = p.kind === 'single' ? Math.max(3, r(p.size)) : 7;
    return { x: px(p) - rr, y: py(p) - rr, w: 2 * rr, h: 2 * rr };
  });
  const labels: string[] = [];
  const order = [...points].sort((a, b) => py(a) - py(b));
  for (const p of order) {
    const rr = p.kind === 'single' ? Math.max(3, r(p.size)) : 7;
    const text = narrow && p.kind === 'ensemble' ? p.label.replace(/^.*(×\d+)$/, '$1') : p.label;
    const w = textWidth(text) + 2;
    const h = 14;
    const cx = px(p);
    const cy = py(p);
    // Candidates: beside, above and below the mark, then beside and nudged up or down.
    const candidates: Box[] = [
      { x: cx + rr + 4, y: cy - h / 2, w, h },
      { x: cx - rr - 4 - w, y: cy - h / 2, w, h },
      { x: cx - w / 2, y: cy - rr - 2 - h, w, h },
      { x: cx - w / 2, y: cy + rr + 2, w, h },
      ...[10, -10, 20, -20, 30, -30, 40, -40, 50, -50].flatMap((dy) => [
        { x: cx + rr + 4, y: cy - h / 2 + dy, w, h },
        { x: cx - rr - 4 - w, y: cy - h / 2 + dy, w, h },
      ]),
    ];
    const inside = (b: Box) => b.x >= m.left + 2 && b.x + b.w <= width - 2 && b.y >= m.top - 4 && b.y + b.h <= m.top + ih + 2;
    const others = placed.filter((_, i) => points[i] !== p);
    const best = candidates.find((b) => inside(b) && !others.some((o) => overlaps(o, b))) ?? candidates.find(inside) ?? candidates[0]!;
    placed.push(best);
    labels.push(
      `<text class="point-label" x="${r1(best.x + 1)}" y="${r1(best.y + h / 2)}" dominant-baseline="central" fill="currentColor">${esc(text)}</text>`,
    );
  }
  parts.push(`<g class="labels" aria-hidden="true">${labels.join('')}</g>`);

  // Legend: marks, then bubble sizes.
  const ly = m.top + ih + (narrow ? 52 : 56);
  const legend: string[] = [];
  legend.push(`<circle cx="${m.left + 6}" cy="${ly}" r="6" fill="currentColor" fill-opacity="0.35" stroke="currentColor"/>`);
  legend.push(`<text x="${m.left + 16}" y="${ly}" dominant-baseline="central">${esc(o.legendSingle)}</text>`);
  const ex = narrow ? m.left + 6 : m.left + 30 + textWidth(o.legendSingle);
  const ey = narrow ? ly + 20 : ly;
  legend.push(`<path d="M${ex},${ey - 6}L${ex + 6},${ey}L${ex},${ey + 6}L${ex - 6},${ey}Z" fill="currentColor"/>`);
  legend.push(`<text x="${ex + 10}" y="${ey}" dominant-baseline="central">${esc(o.legendEnsemble)}</text>`);
  // Size key in the empty top-right corner of the plot (low cost, high error is empty).
  const sizes = [10, 60, 140].filter((s) => s * 1e6 <= maxSize * 1.05);
  let kx = m.left + iw - 8;
  const ky = m.top + 10;
  const sizeKey: string[] = [];
  for (const s of [...sizes].reverse()) {
    const rr = r(s * 1e6);
    const t = o.sizeLabel(s);
    sizeKey.push(`<circle cx="${r1(kx - rr)}" cy="${r1(ky + rr)}" r="${r1(rr)}" fill="none" stroke="currentColor" stroke-dasharray="2 2"/>`);
    sizeKey.push(`<text x="${r1(kx - rr)}" y="${r1(ky + 2 * rr + 12)}" text-anchor="middle">${esc(t)}</text>`);
    kx -= 2 * rr + Math.max(10, textWidth(t) - 2 * rr + 12);
  }
  parts.push(`<g class="legend" aria-hidden="true">${legend.join('')}</g>`);
  if (!narrow) parts.push(`<g class="legend size-key" aria-hidden="true">${sizeKey.join('')}</g>`);

  return (
    `<svg class="nb-chart nb-bubble" data-chart="comparison" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-labelledby="arch-bubble-title" tabindex="0">${parts.join('')}</svg>`
  );
}

export function createBubbleChart(element: HTMLElement, options: BubbleChartOptions) {
  let points: readonly BubblePoint[] = [];
  const draw = () => {
    element.innerHTML = bubbleChartSvg(points, { ...options, width: Math.max(280, element.clientWidth || 640) });
  };
  const observer = new ResizeObserver(() => draw());
  observer.observe(element);
  return {
    update(next: readonly BubblePoint[]) {
      points = next;
      draw();
    },
    destroy() {
      observer.disconnect();
      element.innerHTML = '';
    },
    get svg() {
      return element.querySelector('svg') as SVGSVGElement;
    },
  };
}
