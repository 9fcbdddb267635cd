import { select, type Selection } from 'd3-selection';
import { textWidth } from './svg-text';

/**
 * The SVG every chart draws into: an image role with an accessible name and <title>,
 * keyboard-focusable. The numbers themselves live in the widget's `<table data-metrics>`, the
 * accessible alternative. Charts lay themselves out for their container's width in CSS pixels
 * (`viewBox` width = rendered width, see `observeWidth`), so text drawn at 12 px stays 12 px on a
 * phone and in an embed, instead of the whole figure being scaled down.
 */
export function chartFrame(element: HTMLElement, options: { title: string; width: number; height: number; className?: string }): Selection<SVGSVGElement, unknown, null, undefined> {
  const svg = select(element)
    .append('svg')
    .attr('class', `nb-chart${options.className ? ` ${options.className}` : ''}`)
    .attr('viewBox', `0 0 ${options.width} ${options.height}`)
    .attr('role', 'img')
    .attr('tabindex', 0)
    .attr('aria-label', options.title);
  svg.append('title').text(options.title);
  return svg;
}

/** Sets the SVG's coordinate system to `width` × `height` CSS pixels (drawn 1:1 in its box). */
export function sizeFrame(svg: Selection<SVGSVGElement, unknown, null, undefined>, width: number, height: number) {
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
}

/** Content-box widths (CSS px) of chart containers, as their ResizeObserver last reported them. */
const observedWidths = new WeakMap<Element, number>();

/**
 * The width `element` offers its chart, in CSS px (its content box), or `fallback` while it has
 * none (hidden, not laid out yet). `max` caps it (a chart that would only get emptier wider).
 * Once `observeWidth` watches the element, the width its ResizeObserver reported is used: reading
 * `clientWidth` after the page changed forces a layout of the whole page, which on a long chapter
 * cost tens of milliseconds per chart and frame while a run streamed in.
 */
export function availableWidth(element: HTMLElement, fallback: number, max = Infinity): number {
  const w = observedWidths.get(element) || measuredWidth(element);
  if (!w) return Math.min(fallback, max);
  return Math.max(120, Math.min(max, Math.floor(w)));
}

/** `element`'s content-box width from layout (CSS px; 0 when it has none). */
function measuredWidth(element: HTMLElement): number {
  const w = element.clientWidth;
  if (!w) return 0;
  const cs = getComputedStyle(element);
  return w - (parseFloat(cs.paddingLeft) || 0) - (parseFloat(cs.paddingRight) || 0);
}

/**
 * Calls `redraw()` when `element`'s width changes (a phone turned, a column opened, a hidden chart
 * shown), at most once per frame, and keeps the width for `availableWidth`. Returns a function
 * that stops watching.
 */
export function observeWidth(element: HTMLElement, redraw: () => void): () => void {
  // The width the chart was first drawn for (content box, whole px; 0 if it had none).
  let last = Math.floor(measuredWidth(element));
  let frame = 0;
  const ro = new ResizeObserver((entries) => {
    const w = entries[entries.length - 1]!.contentRect.width;
    observedWidths.set(element, w);
    if (Math.floor(w) === last) return;
    last = Math.floor(w);
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(redraw);
  });
  ro.observe(element);
  return () => {
    cancelAnimationFrame(frame);
    ro.disconnect();
    observedWidths.delete(element);
  };
}

/** Breaks `text` into lines of at most `width` px at 12 px: at spaces, or between CJK characters. */
export function wrapText(text: string, width: number, size = 12): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef][，。、；：）”]*|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (line && textWidth((line + tok).trimEnd(), size) > width) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/**
 * The empty state of a chart: no axes, just a sentence in the middle of its box (e.g. "Press Train
 * to run these settings"), so a chart without data never shows a made-up axis. `show` draws it in
 * a `width` × `height` box; `hide` removes it. The SVG carries `data-empty` while it shows.
 */
export function emptyState(svg: Selection<SVGSVGElement, unknown, null, undefined>) {
  const g = svg.append('g').attr('class', 'empty-state');
  return {
    show(text: string | undefined, width: number, height: number) {
      svg.attr('data-empty', 'true');
      g.selectAll('*').remove();
      if (!text) return;
      const lines = wrapText(text, Math.max(80, width - 32));
      const lh = 18;
      const top = height / 2 - ((lines.length - 1) * lh) / 2;
      g.append('rect').attr('class', 'empty-box').attr('x', 0.5).attr('y', 0.5).attr('width', Math.max(0, width - 1)).attr('height', Math.max(0, height - 1)).attr('rx', 6);
      lines.forEach((l, i) => g.append('text').attr('class', 'empty-text').attr('x', width / 2).attr('y', top + i * lh).attr('dy', '0.35em').attr('text-anchor', 'middle').text(l));
    },
    hide() {
      svg.attr('data-empty', null);
      g.selectAll('*').remove();
    },
  };
}
