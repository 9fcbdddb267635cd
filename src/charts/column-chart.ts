import { axisBottom, axisLeft } from 'd3-axis';
import { format } from 'd3-format';
import { scaleBand, scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { availableWidth, chartFrame, observeWidth, sizeFrame } from './chart-frame';
import type { Chart } from './line-chart';

export interface ColumnSeries {
  id: string;
  label: string;
  color: string;
  /** One value per category, in category order. */
  values: readonly number[];
  /** Hatched instead of filled (tells series apart without colour). */
  hatched?: boolean;
}

export interface ColumnData {
  /** Category labels along x (e.g. path lengths 0 … n). */
  categories: readonly string[];
  series: readonly ColumnSeries[];
  /** A run of categories to shade, by index, with its label (e.g. the effective paths). */
  highlight?: { from: number; to: number; label: string };
}

export interface ColumnChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** d3-format specifier of the y ticks (default '~g'; '.0%' for shares). */
  yFormat?: string;
  /** Width while the container has none (default 560); the chart takes its container's width, at most `maxWidth`. */
  width?: number;
  maxWidth?: number;
  /** Height in CSS px (default 280). */
  height?: number;
}

/**
 * Grouped columns per category, with an optional shaded run of categories.
 * `(element, options) → { update, destroy, svg }`; the numbers are in the widget's table.
 */
export function createColumnChart(element: HTMLElement, options: ColumnChartOptions): Chart<ColumnData> {
  const height = options.height ?? 280;
  const margin = { top: 30, right: 12, bottom: 44, left: 52 };
  const innerH = height - margin.top - margin.bottom;
  const svg = chartFrame(element, { title: options.title, width: options.width ?? 560, height });
  const pattern = `nb-hatch-${Math.random().toString(36).slice(2)}`;
  const defs = svg.append('defs');
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const shade = plot.append('g');
  const bars = plot.append('g');
  const gx = plot.append('g').attr('class', 'axis').attr('transform', `translate(0,${innerH})`);
  const gy = plot.append('g').attr('class', 'axis');
  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${margin.left + 8},12)`);
  const xTitle = svg.append('text').attr('class', 'axis-label').attr('y', height - 6).attr('text-anchor', 'middle').text(options.xLabel);
  svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${margin.top + innerH / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(options.yLabel);

  let last: ColumnData = { categories: [], series: [] };
  function update(data: ColumnData) {
    last = data;
    // Laid out for the container's width in CSS px: text stays 12 px on a phone and in an embed.
    const width = availableWidth(element, options.width ?? 560, options.maxWidth);
    const innerW = Math.max(40, width - margin.left - margin.right);
    sizeFrame(svg, width, height);
    xTitle.attr('x', margin.left + innerW / 2);
    const x = scaleBand<string>().domain(data.categories).range([0, innerW]).paddingInner(0.15);
    const inner = scaleBand<string>().domain(data.series.map((s) => s.id)).range([0, x.bandwidth()]).padding(0.05);
    const top = Math.max(1e-12, ...data.series.flatMap((s) => s.values.filter(Number.isFinite)));
    const y = scaleLinear().domain([0, top]).range([innerH, 0]).nice();
    // Label every category when they fit (about 26 px per label), else every few.
    const every = Math.max(1, Math.ceil(data.categories.length / Math.max(2, Math.floor(innerW / 26))));
    gx.call(axisBottom(x).tickValues(data.categories.filter((_, i) => i % every === 0)));
    gy.call(axisLeft(y).ticks(5).tickFormat(format(options.yFormat ?? '~g')));

    defs.selectAll('*').remove();
    for (const s of data.series.filter((t) => t.hatched)) {
      const p = defs.append('pattern').attr('id', `${pattern}-${s.id}`).attr('patternUnits', 'userSpaceOnUse').attr('width', 6).attr('height', 6).attr('patternTransform', 'rotate(45)');
      p.append('rect').attr('width', 6).attr('height', 6).attr('fill', s.color).attr('fill-opacity', 0.25);
      p.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', s.color).attr('stroke-width', 3);
    }
    const fill = (s: ColumnSeries) => (s.hatched ? `url(#${pattern}-${s.id})` : s.color);

    shade.selectAll('*').remove();
    const h = data.highlight;
    if (h && data.categories[h.from] !== undefined && data.categories[h.to] !== undefined) {
      const x0 = x(data.categories[h.from]!)! - (x.step() - x.bandwidth()) / 2;
      const x1 = x(data.categories[h.to]!)! + x.bandwidth() + (x.step() - x.bandwidth()) / 2;
      shade.append('rect').attr('class', 'highlight').attr('x', x0).attr('width', x1 - x0).attr('y', 0).attr('height', innerH).attr('fill', 'currentColor').attr('fill-opacity', 0.1);
      shade.append('text').attr('class', 'reference-label').attr('x', (x0 + x1) / 2).attr('y', 12).attr('text-anchor', 'middle').text(h.label);
    }

    bars
      .selectAll<SVGGElement, ColumnSeries>('g.series')
      .data(data.series, (d) => d.id)
      .join('g')
      .attr('class', 'series')
      .attr('data-series', (d) => d.id)
      .each(function (s) {
        const rects = Array.from(s.values, (v, i) => ({ v: Number.isFinite(v) ? v : 0, c: data.categories[i]! }));
        select(this)
          .selectAll('rect')
          .data(rects)
          .join('rect')
          .attr('x', (d) => x(d.c)! + inner(s.id)!)
          .attr('width', inner.bandwidth())
          .attr('y', (d) => y(d.v))
          .attr('height', (d) => innerH - y(d.v))
          .attr('fill', fill(s))
          .attr('stroke', s.color)
          .attr('stroke-width', 1);
      });

    const items = legend
      .selectAll<SVGGElement, ColumnSeries>('g.legend-item')
      .data(data.series, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'legend-item');
        g.append('rect').attr('x', 0).attr('y', -6).attr('width', 16).attr('height', 12).attr('stroke-width', 1);
        g.append('text').attr('x', 22).attr('dy', '0.35em');
        return g;
      })
      .attr('transform', (_, i) => `translate(${i * Math.min(230, innerW / Math.max(1, data.series.length))},0)`);
    items.select('rect').attr('fill', (d) => fill(d)).attr('stroke', (d) => d.color);
    items.select('text').text((d) => d.label);
  }

  update(last);
  const unobserve = observeWidth(element, () => update(last));
  return {
    update,
    destroy: () => {
      unobserve();
      svg.remove();
    },
    svg: svg.node()!,
  };
}
