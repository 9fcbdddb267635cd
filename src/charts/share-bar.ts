/**
 * Two stacked bars — where the parameters live and where the multiply-adds are spent — split by
 * stage. An SVG string (d3-free arithmetic), so it renders at build time and in the browser alike;
 * `createShareBar` wraps it in the `(element, options) → { update, destroy, svg }` shape.
 */
import { esc, r1, textWidth } from './svg-text';

export interface ShareSegment {
  label: string;
  /** Fractions 0…1 of the two totals. */
  params: number;
  macs: number;
}

export interface ShareBarOptions {
  title: string;
  desc: string;
  paramsLabel: string;
  macsLabel: string;
  /** e.g. (f) => '74.3 %'. */
  percent: (fraction: number) => string;
  width?: number;
}

/** Okabe–Ito, in an order that keeps neighbouring stages apart. */
export const stageColors = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

export function shareBarSvg(segments: readonly ShareSegment[], o: ShareBarOptions): string {
  const width = Math.round(o.width ?? 640);
  const left = Math.max(textWidth(o.paramsLabel), textWidth(o.macsLabel)) + 10;
  const barW = width - left - 4;
  const barH = 26;
  const rows = [
    { key: 'params' as const, label: o.paramsLabel, y: 4 },
    { key: 'macs' as const, label: o.macsLabel, y: 4 + barH + 10 },
  ];
  const parts: string[] = [`<title id="arch-share-title">${esc(o.title)}</title><desc>${esc(o.desc)}</desc>`];
  for (const row of rows) {
    parts.push(`<text class="bar-label" x="0" y="${row.y + barH / 2}" dominant-baseline="central">${esc(row.label)}</text>`);
    let x = left;
    segments.forEach((s, i) => {
      const w = s[row.key] * barW;
      if (w <= 0) return;
      const color = stageColors[i % stageColors.length]!;
      parts.push(`<rect x="${r1(x)}" y="${row.y}" width="${r1(Math.max(w, 0.8))}" height="${barH}" fill="${color}"><title>${esc(`${s.label}: ${o.percent(s[row.key])}`)}</title></rect>`);
      const text = o.percent(s[row.key]);
      if (textWidth(text) + 8 <= w) {
        const dark = i % stageColors.length === 0;
        parts.push(`<text class="bar-value" x="${r1(x + w / 2)}" y="${row.y + barH / 2}" text-anchor="middle" dominant-baseline="central" fill="${dark ? '#fff' : '#000'}">${esc(text)}</text>`);
      }
      x += w;
    });
  }
  // Legend: colour → stage, wrapping.
  let lx = left;
  let ly = 4 + 2 * barH + 10 + 22;
  const legend: string[] = [];
  segments.forEach((s, i) => {
    const w = 16 + textWidth(s.label) + 14;
    if (lx + w > width && lx > left) {
      lx = left;
      ly += 20;
    }
    legend.push(`<rect x="${r1(lx)}" y="${ly - 6}" width="12" height="12" fill="${stageColors[i % stageColors.length]}"/>`);
    legend.push(`<text x="${r1(lx + 16)}" y="${ly}" dominant-baseline="central">${esc(s.label)}</text>`);
    lx += w;
  });
  parts.push(`<g class="legend" aria-hidden="true">${legend.join('')}</g>`);
  const height = ly + 12;
  return (
    `<svg class="nb-chart nb-share" data-chart="share" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-labelledby="arch-share-title">${parts.join('')}</svg>`
  );
}

export function createShareBar(element: HTMLElement, options: ShareBarOptions) {
  let segments: readonly ShareSegment[] = [];
  const draw = () => {
    element.innerHTML = shareBarSvg(segments, { ...options, width: Math.max(260, element.clientWidth || 640) });
  };
  const observer = new ResizeObserver(() => draw());
  observer.observe(element);
  return {
    update(next: readonly ShareSegment[], title?: { title: string; desc: string }) {
      segments = next;
      if (title) Object.assign(options, title);
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
