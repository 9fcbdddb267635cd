import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { availableWidth, chartFrame, emptyState, observeWidth, sizeFrame } from './chart-frame';
import { textWidth } from './svg-text';

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
  /**
   * Width in CSS px until the container has one (default 560): the chart is laid out for its
   * container's width, text at 12 px whatever that width is. `maxWidth` caps it.
   */
  width?: number;
  maxWidth?: number;
  /** Height in CSS px with one row of legend (default 300); each further row adds 18 px. */
  height?: number;
  /**
   * The sentence shown instead of axes while there is nothing to draw (e.g. "Press Train to run
   * these settings"), or a function giving it when drawn; an empty chart never shows a made-up axis.
   */
  empty?: string | (() => string);
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

const lineHeight = 18;

/**
 * A D3 line chart laid out for its container's width: `(element, options) → { update(series[]),
 * destroy() }`. The legend sits above the plot, wrapped to as many rows as the width needs, so it
 * never covers a curve; the y-axis title sits clear of the widest tick label. The SVG is
 * keyboard-focusable and labelled; the numbers live in the widget's `<table data-metrics>`.
 */
export function createLineChart(element: HTMLElement, options: LineChartOptions): LineChart {
  const height = options.height ?? 300;
  const svg = chartFrame(element, { title: options.title, width: options.width ?? 560, height });
  const plot = svg.append('g');
  const gx = plot.append('g').attr('class', 'axis axis-x');
  const gy = plot.append('g').attr('class', 'axis axis-y');
  const ref = plot.append('g').attr('class', 'reference');
  let reference = options.reference;
  const lines = plot.append('g').attr('class', 'lines');
  const legend = svg.append('g').attr('class', 'legend');
  const xTitle = svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').text(options.xLabel);
  const yTitle = svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').text(options.yLabel);
  const empty = emptyState(svg);
  let current: LineSeries[] = [];

  const usable = (y: number) => Number.isFinite(y) && (options.yScale !== 'log' || y > 0);

  function render() {
    const series = current;
    const width = availableWidth(element, options.width ?? 560, options.maxWidth);
    const finite = series.flatMap((s) => s.points.filter(([, y]) => usable(y)));
    const hasData = finite.length > 0;
    for (const part of [gx, gy, ref, lines, legend, xTitle, yTitle]) part.attr('display', hasData ? null : 'none');
    if (!hasData) {
      sizeFrame(svg, width, height);
      empty.show(typeof options.empty === 'function' ? options.empty() : options.empty, width, height);
      return;
    }
    empty.hide();

    // Legend: entries flow left to right and wrap; the plot starts below its last row.
    const right = 12;
    const entries = series.map((s) => ({ s, w: 30 + textWidth(s.label) + 14 }));
    const rows: { s: LineSeries; x: number }[][] = [[]];
    let lx = 0;
    const legendWidth = width - 16;
    for (const e of entries) {
      if (lx > 0 && lx + e.w > legendWidth) {
        rows.push([]);
        lx = 0;
      }
      rows.at(-1)!.push({ s: e.s, x: lx });
      lx += e.w;
    }
    const legendRows = series.length ? rows.length : 0;
    const top = 10 + legendRows * lineHeight;
    // Each legend row past the first adds to the chart's height, so the plot keeps its size.
    const chartHeight = height + Math.max(0, legendRows - 1) * lineHeight;
    sizeFrame(svg, width, chartHeight);

    // Scales.
    const xs = finite.map(([x]) => x);
    const ys = finite.map(([, y]) => y);
    const xDomain: [number, number] = options.xDomain ? [...options.xDomain] : [Math.min(...xs), Math.max(...xs)];
    if (xDomain[0] === xDomain[1]) xDomain[1] = xDomain[0] + 1;
    let yDomain: [number, number] = options.yDomain ?? [Math.min(...ys), Math.max(...ys)];
    if (reference && !options.yDomain) yDomain = [Math.min(yDomain[0], reference.y), Math.max(yDomain[1], reference.y)];
    const bottom = 46;
    const innerH = chartHeight - top - bottom;
    let y;
    if (options.yScale === 'log') {
      const lo = yDomain[0];
      const hi = Math.max(yDomain[1], lo * 10);
      y = scaleLog().domain([lo / 1.2, hi * 1.2]).range([innerH, 0]).clamp(true);
    } else {
      const pad = (yDomain[1] - yDomain[0]) * 0.05 || 0.5;
      y = scaleLinear().domain([Math.min(0, yDomain[0]), yDomain[1] + pad]).range([innerH, 0]).nice();
    }
    const yTicks = Math.max(2, Math.floor(innerH / (options.yScale === 'log' ? 40 : 36)));
    const yAxis = options.yScale === 'log' ? axisLeft(y).ticks(yTicks, '~g') : axisLeft(y).ticks(yTicks);
    // The left margin fits the widest tick label and the rotated y title beside it.
    const tickFormat = options.yScale === 'log' ? y.tickFormat(yTicks, '~g') : y.tickFormat(yTicks);
    const widest = Math.max(0, ...y.ticks(yTicks).map((t) => textWidth(tickFormat(t))));
    const left = 8 + lineHeight + 6 + widest + 9;
    const innerW = Math.max(40, width - left - right);
    const x = options.xScale === 'log2' ? scaleLog().base(2).domain(xDomain).range([0, innerW]) : scaleLinear().domain(xDomain).range([0, innerW]);

    plot.attr('transform', `translate(${left},${top})`);
    gx.attr('transform', `translate(0,${innerH})`);
    const xAxis = axisBottom(x).ticks(Math.max(2, Math.floor(innerW / 64)));
    if (options.xScale === 'log2') xAxis.tickValues([...new Set(xs)].sort((a, b) => a - b)).tickFormat((d) => String(d));
    gx.call(xAxis);
    gy.call(yAxis);
    xTitle.attr('x', left + innerW / 2).attr('y', chartHeight - 8);
    yTitle.attr('transform', `translate(${8 + lineHeight / 2},${top + innerH / 2}) rotate(-90)`).attr('dy', '0.35em');

    ref.selectAll('*').remove();
    if (reference) {
      const ry = y(reference.y);
      ref.append('line').attr('x1', 0).attr('x2', innerW).attr('y1', ry).attr('y2', ry).attr('class', 'reference-line').attr('data-value', reference.y);
      ref.append('text').attr('x', innerW - 4).attr('y', ry - 4).attr('text-anchor', 'end').attr('class', 'reference-label').text(reference.label);
    }

    const path = line<readonly [number, number]>()
      .defined(([, v]) => usable(v))
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
      const pts = d.markers ? d.points.filter(([, v]) => usable(v)) : [];
      select(this)
        .selectAll('circle')
        .data(pts)
        .join('circle')
        .attr('r', 3.5)
        .attr('fill', d.color)
        .attr('cx', (p) => x(p[0]))
        .attr('cy', (p) => y(p[1]));
    });

    legend.attr('transform', `translate(8,${10 + lineHeight / 2})`);
    const placed = rows.flatMap((row, r) => row.map((e) => ({ ...e, r })));
    const items = legend
      .selectAll<SVGGElement, (typeof placed)[number]>('g.legend-item')
      .data(placed, (d) => d.s.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'legend-item');
        g.append('line').attr('x1', 0).attr('x2', 22).attr('y1', 0).attr('y2', 0).attr('stroke-width', 2.5);
        g.append('text').attr('x', 28).attr('dy', '0.35em');
        return g;
      })
      .attr('transform', (d) => `translate(${d.x},${d.r * lineHeight})`);
    items.select('line').attr('stroke', (d) => d.s.color).attr('stroke-dasharray', (d) => d.s.dash ?? '');
    items.select('text').text((d) => d.s.label);
  }

  const stop = observeWidth(element, render);
  current = [];
  render();
  return {
    update(series: LineSeries[]) {
      current = series;
      render();
    },
    setReference(r) {
      reference = r;
      render();
    },
    destroy: () => {
      stop();
      svg.remove();
    },
    svg: svg.node()!,
  };
}
