import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { area, line } from 'd3-shape';
import { availableWidth, chartFrame, observeWidth, sizeFrame } from './chart-frame';
import type { Chart } from './line-chart';

/** One point of a range series: a mean and the lowest and highest of the values behind it. */
export interface RangePoint {
  x: number;
  mean: number;
  min: number;
  max: number;
}

export interface RangeSeries {
  id: string;
  label: string;
  color: string;
  /** SVG stroke-dasharray of the mean line ('' for solid). */
  dash?: string;
  points: readonly RangePoint[];
}

export interface RangeChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Fixed y domain (default [0, largest max]). */
  yDomain?: [number, number];
  /** A horizontal reference line (e.g. chance accuracy). */
  reference?: { y: number; label: string };
  /** Width while the container has none (default 560); the chart takes its container's width, at most `maxWidth`. */
  width?: number;
  maxWidth?: number;
  /** Height in CSS px (default 300). */
  height?: number;
}

/**
 * Mean lines with markers over shaded min–max bands, one per series (e.g. accuracy against the
 * number of deleted blocks, over many random subsets). `(element, options) → { update, destroy, svg }`.
 * The numbers themselves are in the widget's `table[data-metrics]`.
 */
export function createRangeChart(element: HTMLElement, options: RangeChartOptions): Chart<RangeSeries[]> {
  const height = options.height ?? 300;
  const margin = { top: 30, right: 16, bottom: 44, left: 52 };
  const innerH = height - margin.top - margin.bottom;
  const svg = chartFrame(element, { title: options.title, width: options.width ?? 560, height });
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const gx = plot.append('g').attr('class', 'axis').attr('transform', `translate(0,${innerH})`);
  const gy = plot.append('g').attr('class', 'axis');
  const ref = plot.append('g').attr('class', 'reference');
  const layers = plot.append('g');
  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${margin.left + 8},12)`);
  const xTitle = svg.append('text').attr('class', 'axis-label').attr('y', height - 6).attr('text-anchor', 'middle').text(options.xLabel);
  svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${margin.top + innerH / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(options.yLabel);

  let last: RangeSeries[] = [];
  function update(series: RangeSeries[]) {
    last = series;
    // Laid out for the container's width in CSS px: text stays 12 px on a phone and in an embed.
    const width = availableWidth(element, options.width ?? 560, options.maxWidth);
    const innerW = Math.max(40, width - margin.left - margin.right);
    sizeFrame(svg, width, height);
    xTitle.attr('x', margin.left + innerW / 2);
    const all = series.flatMap((s) => s.points);
    const xs = all.map((p) => p.x);
    const xMax = xs.length ? Math.max(...xs) : 1;
    const xMin = xs.length ? Math.min(...xs) : 0;
    const x = scaleLinear().domain([xMin, xMax === xMin ? xMin + 1 : xMax]).range([0, innerW]);
    const y = scaleLinear().domain(options.yDomain ?? [0, Math.max(1e-9, ...all.map((p) => p.max))]).range([innerH, 0]).nice();
    const integerTicks = x.ticks(Math.min(12, Math.max(1, xMax - xMin))).filter(Number.isInteger);
    gx.call(axisBottom(x).tickValues(integerTicks).tickFormat((d) => String(d)));
    gy.call(axisLeft(y).ticks(6));

    ref.selectAll('*').remove();
    if (options.reference) {
      const ry = y(options.reference.y);
      ref.append('line').attr('class', 'reference-line').attr('x1', 0).attr('x2', innerW).attr('y1', ry).attr('y2', ry);
      ref.append('text').attr('class', 'reference-label').attr('x', innerW - 4).attr('y', ry - 4).attr('text-anchor', 'end').text(options.reference.label);
    }

    const band = area<RangePoint>().x((p) => x(p.x)).y0((p) => y(p.min)).y1((p) => y(p.max));
    const mean = line<RangePoint>().x((p) => x(p.x)).y((p) => y(p.mean));
    const groups = layers
      .selectAll<SVGGElement, RangeSeries>('g.series')
      .data(series, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'series');
        g.append('path').attr('class', 'band').attr('fill-opacity', 0.18).attr('stroke', 'none');
        g.append('path').attr('class', 'mean').attr('fill', 'none').attr('stroke-width', 2);
        return g;
      })
      .attr('data-series', (d) => d.id);
    groups.select('path.band').attr('fill', (d) => d.color).attr('d', (d) => band([...d.points]) ?? '');
    groups
      .select('path.mean')
      .attr('stroke', (d) => d.color)
      .attr('stroke-dasharray', (d) => d.dash ?? '')
      .attr('d', (d) => mean([...d.points]) ?? '');
    groups.each(function (d) {
      select(this)
        .selectAll('circle')
        .data(d.points)
        .join('circle')
        .attr('r', 3)
        .attr('fill', d.color)
        .attr('cx', (p) => x(p.x))
        .attr('cy', (p) => y(p.mean));
    });

    const items = legend
      .selectAll<SVGGElement, RangeSeries>('g.legend-item')
      .data(series, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'legend-item');
        g.append('rect').attr('x', 0).attr('y', -6).attr('width', 22).attr('height', 12).attr('fill-opacity', 0.18);
        g.append('line').attr('x1', 0).attr('x2', 22).attr('stroke-width', 2.5);
        g.append('text').attr('x', 28).attr('dy', '0.35em');
        return g;
      })
      .attr('transform', (_, i) => `translate(${i * Math.min(190, innerW / Math.max(1, series.length))},0)`);
    items.select('rect').attr('fill', (d) => d.color);
    items.select('line').attr('stroke', (d) => d.color).attr('stroke-dasharray', (d) => d.dash ?? '');
    items.select('text').text((d) => d.label);
  }

  update([]);
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
