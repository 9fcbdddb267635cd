import { axisBottom, axisLeft, line, scaleLinear, scaleLog, select } from 'd3';
import { chartFrame } from './chart-frame';

/** One series of a line chart. */
export interface LineSeries {
  id: string;
  label: string;
  color: string;
  /** SVG stroke-dasharray, e.g. '6 3'; '' for solid. */
  dash?: string;
  /** Points as [x, y]; non-finite y values are skipped (never drawn). */
  points: ReadonlyArray<readonly [number, number]>;
  /** Draw markers at every point (for short series such as a depth sweep). */
  markers?: boolean;
}

export interface LineChartOptions {
  /** Accessible name of the figure, also its <title>. */
  title: string;
  xLabel: string;
  yLabel: string;
  /** 'log' for losses and gradient norms spanning decades (default 'linear'). */
  yScale?: 'linear' | 'log';
  xScale?: 'linear' | 'log2';
  /** Fixed x domain; default: the data's extent. */
  xDomain?: [number, number];
  /** Fixed y domain; default: the data's extent (with 5 % headroom on a linear scale). */
  yDomain?: [number, number];
  /** A horizontal reference line, e.g. chance loss ln 3. */
  reference?: { y: number; label: string };
  /** viewBox size in user units (default 560 × 300); the SVG scales to its container. */
  width?: number;
  height?: number;
  /**
   * Where the legend sits: 'top' (default), above the plot area, which gives up one 16-unit row
   * of height per row of legend; or 'bottom', inside the plot at the bottom right (for curves that
   * rise to the top).
   */
  legend?: 'top' | 'bottom';
}

/** A line chart whose reference line can change (e.g. chance loss when the data set changes). */
export interface LineChart extends Chart<LineSeries[]> {
  /** Moves (or removes) the reference line and redraws the last data. */
  setReference(reference: LineChartOptions['reference']): void;
}

export interface Chart<D> {
  update(data: D): void;
  destroy(): void;
  /** The chart's SVG element (for export). */
  svg: SVGSVGElement;
}

/**
 * A responsive D3 line chart: `(element, options) → { update(series[]), destroy() }`.
 * The SVG is keyboard-focusable and labelled; the numbers themselves live in the widget's
 * `<table data-metrics>`, which is the accessible alternative.
 */
export function createLineChart(element: HTMLElement, options: LineChartOptions): LineChart {
  const width = options.width ?? 560;
  const height = options.height ?? 300;
  const margin = { top: 16, right: 16, bottom: 44, left: 58 };
  const svg = chartFrame(element, { title: options.title, width, height });
  const plot = svg.append('g');
  const innerW = width - margin.left - margin.right;
  // The legend takes ≈ 190 units per entry, as many per row as fit.
  const legendCols = Math.max(1, Math.floor(innerW / 190));
  let innerH = height - margin.top - margin.bottom;
  const gx = plot.append('g').attr('class', 'axis axis-x');
  const gy = plot.append('g').attr('class', 'axis axis-y');
  const ref = plot.append('g').attr('class', 'reference');
  let reference = options.reference;
  let last: LineSeries[] = [];
  const lines = plot.append('g').attr('class', 'lines');
  const legend = svg.append('g').attr('class', 'legend');
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', margin.left + innerW / 2)
    .attr('y', height - 6)
    .attr('text-anchor', 'middle')
    .text(options.xLabel);
  const yLabel = svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').text(options.yLabel);

  function update(series: LineSeries[]) {
    last = series;
    // Layout: a legend above the plot pushes the plot down by its rows.
    const legendRows = options.legend === 'bottom' ? 0 : Math.ceil(series.length / legendCols);
    const top = legendRows ? 8 + legendRows * 16 : margin.top;
    innerH = height - top - margin.bottom;
    plot.attr('transform', `translate(${margin.left},${top})`);
    gx.attr('transform', `translate(0,${innerH})`);
    yLabel.attr('transform', `translate(14,${top + innerH / 2}) rotate(-90)`);
    legend.attr('transform', `translate(${margin.left + 8},${legendRows ? 8 : margin.top + 4})`);
    const finite = series.flatMap((s) => s.points.filter(([, y]) => Number.isFinite(y) && (options.yScale !== 'log' || y > 0)));
    const xs = finite.map(([x]) => x);
    const ys = finite.map(([, y]) => y);
    const xDomain = options.xDomain ?? (xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1]);
    if (xDomain[0] === xDomain[1]) xDomain[1] = xDomain[0] + 1;
    let yDomain = options.yDomain ?? (ys.length ? [Math.min(...ys), Math.max(...ys)] : [0, 1]);
    if (reference && !options.yDomain) yDomain = [Math.min(yDomain[0], reference.y), Math.max(yDomain[1], reference.y)];
    const x = options.xScale === 'log2' ? scaleLog().base(2).domain(xDomain).range([0, innerW]) : scaleLinear().domain(xDomain).range([0, innerW]);
    let y;
    if (options.yScale === 'log') {
      const lo = Math.max(yDomain[0], 1e-12);
      const hi = Math.max(yDomain[1], lo * 10);
      y = scaleLog().domain([lo / 1.2, hi * 1.2]).range([innerH, 0]).clamp(true);
    } else {
      const pad = (yDomain[1] - yDomain[0]) * 0.05 || 0.5;
      y = scaleLinear().domain([Math.min(0, yDomain[0]), yDomain[1] + pad]).range([innerH, 0]).nice();
    }
    const xAxis = axisBottom(x).ticks(6);
    if (options.xScale === 'log2') xAxis.tickValues(xs.length ? [...new Set(xs)].sort((a, b) => a - b) : []).tickFormat((d) => String(d));
    gx.call(xAxis);
    gy.call(options.yScale === 'log' ? axisLeft(y).ticks(5, '~g') : axisLeft(y).ticks(6));

    ref.selectAll('*').remove();
    if (reference) {
      const ry = y(reference.y);
      ref.append('line').attr('x1', 0).attr('x2', innerW).attr('y1', ry).attr('y2', ry).attr('class', 'reference-line').attr('data-value', reference.y);
      ref.append('text').attr('x', innerW - 4).attr('y', ry - 4).attr('text-anchor', 'end').attr('class', 'reference-label').text(reference.label);
    }

    const path = line<readonly [number, number]>()
      .defined(([, v]) => Number.isFinite(v) && (options.yScale !== 'log' || v > 0))
      .x(([v]) => x(v))
      .y(([, v]) => y(v));
    const groups = lines
      .selectAll<SVGGElement, LineSeries>('g.series')
      .data(series, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'series');
        g.append('path').attr('fill', 'none').attr('stroke-width', 2);
        return g;
      })
      .attr('data-series', (d) => d.id);
    groups
      .select('path')
      .attr('stroke', (d) => d.color)
      .attr('stroke-dasharray', (d) => d.dash ?? '')
      .attr('d', (d) => path(d.points as [number, number][]) ?? '');
    groups.each(function (d) {
      const pts = d.markers ? d.points.filter(([, v]) => Number.isFinite(v) && (options.yScale !== 'log' || v > 0)) : [];
      select(this)
        .selectAll('circle')
        .data(pts)
        .join('circle')
        .attr('r', 3.5)
        .attr('fill', d.color)
        .attr('cx', (p) => x(p[0]))
        .attr('cy', (p) => y(p[1]));
    });

    const items = legend
      .selectAll<SVGGElement, LineSeries>('g.legend-item')
      .data(series, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'legend-item');
        g.append('line').attr('x1', 0).attr('x2', 22).attr('y1', 0).attr('y2', 0).attr('stroke-width', 2.5);
        g.append('text').attr('x', 28).attr('dy', '0.35em');
        return g;
      })
      .attr('transform', (_, i) => `translate(${(i % legendCols) * 190},${Math.floor(i / legendCols) * 16})`);
    if (options.legend === 'bottom') {
      // Bottom right: clear of curves that start low and rise to the top.
      const cols = Math.max(1, Math.min(series.length, legendCols));
      const rows = Math.ceil(series.length / cols);
      legend.attr('transform', `translate(${margin.left + innerW - cols * 190},${margin.top + innerH - 10 - (rows - 1) * 16})`);
    }
    items.select('line').attr('stroke', (d) => d.color).attr('stroke-dasharray', (d) => d.dash ?? '');
    items.select('text').text((d) => d.label);
  }

  update([]);
  return {
    update,
    setReference(r) {
      reference = r;
      update(last);
    },
    destroy: () => svg.remove(),
    svg: svg.node()!,
  };
}
