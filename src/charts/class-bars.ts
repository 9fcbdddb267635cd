import { axisBottom, axisLeft } from 'd3-axis';
import { scaleBand, scaleLinear } from 'd3-scale';
import { availableWidth, chartFrame, observeWidth, sizeFrame } from './chart-frame';
import type { Chart } from './line-chart';
import { textWidth } from './svg-text';

export interface ClassBarsSeries {
  id: string;
  label: string;
  color: string;
  /** One value in [0, 1] per class. */
  values: ArrayLike<number>;
}

export interface ClassBarsOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Width in CSS px until the container has one, and at most (default 360). */
  width?: number;
  /** Height in CSS px (default 200). */
  height?: number;
}

/**
 * Grouped vertical bars, one group per class (e.g. the probabilities two models give each digit),
 * laid out for the container's width (at most `width`). `(element, options) → { update(series[]), destroy }`.
 */
export function createClassBars(element: HTMLElement, options: ClassBarsOptions): Chart<ClassBarsSeries[]> {
  const maxWidth = options.width ?? 360;
  const height = options.height ?? 200;
  const margin = { top: 26, right: 8, bottom: 44, left: 52 };
  const innerH = height - margin.top - margin.bottom;
  const svg = chartFrame(element, { title: options.title, width: maxWidth, height, className: 'nb-class-bars' });
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const gx = plot.append('g').attr('class', 'axis').attr('transform', `translate(0,${innerH})`);
  const gy = plot.append('g').attr('class', 'axis');
  const bars = plot.append('g');
  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${margin.left},11)`);
  const xTitle = svg.append('text').attr('class', 'axis-label').attr('y', height - 5).attr('text-anchor', 'middle').text(options.xLabel);
  svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${margin.top + innerH / 2}) rotate(-90)`).attr('dy', '0.35em').attr('text-anchor', 'middle').text(options.yLabel);
  const y = scaleLinear().domain([0, 1]).range([innerH, 0]);
  gy.call(axisLeft(y).ticks(4));
  let current: ClassBarsSeries[] = [];

  function render() {
    const series = current;
    const width = availableWidth(element, maxWidth, maxWidth);
    sizeFrame(svg, width, height);
    const innerW = width - margin.left - margin.right;
    xTitle.attr('x', margin.left + innerW / 2);
    const classes = Math.max(0, ...series.map((s) => s.values.length));
    const x = scaleBand<number>().domain(Array.from({ length: classes }, (_, i) => i)).range([0, innerW]).padding(0.2);
    const inner = scaleBand<string>().domain(series.map((s) => s.id)).range([0, x.bandwidth()]).padding(0.05);
    gx.call(axisBottom(x).tickFormat((d) => String(d)));
    bars.selectAll('*').remove();
    for (const s of series) {
      for (let c = 0; c < s.values.length; c++) {
        const v = Math.max(0, Math.min(1, s.values[c]!));
        bars.append('rect').attr('x', x(c)! + inner(s.id)!).attr('y', y(v)).attr('width', inner.bandwidth()).attr('height', innerH - y(v)).attr('fill', s.color).attr('data-series', s.id);
      }
    }
    legend.selectAll('*').remove();
    let lx = 0;
    for (const s of series) {
      const item = legend.append('g').attr('transform', `translate(${lx},0)`);
      item.append('rect').attr('width', 12).attr('height', 10).attr('y', -5).attr('fill', s.color);
      item.append('text').attr('x', 16).attr('dy', '0.35em').text(s.label);
      lx += 16 + textWidth(s.label) + 14;
    }
  }

  const stop = observeWidth(element, render);
  render();
  return {
    update(next) {
      current = next;
      render();
    },
    destroy: () => {
      stop();
      svg.remove();
    },
    svg: svg.node()!,
  };
}
