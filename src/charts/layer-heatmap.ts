import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleSequentialLog } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { availableWidth, chartFrame, emptyState, observeWidth, sizeFrame } from './chart-frame';
import type { Chart } from './line-chart';

export interface LayerHeatmapData {
  /** Training steps at which the norms were taken (columns). */
  steps: number[];
  /** norms[t][l]: gradient L2 norm of body layer l (1-based in the labels) at steps[t]. */
  norms: number[][];
  /** Colour-scale domain [min, max]; default the data's range. Share it to compare two heatmaps. */
  domain?: [number, number];
}

export interface LayerHeatmapOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Width in CSS px until the container has one (default 560); laid out for the container's width. */
  width?: number;
  /** Height in CSS px (default 260). */
  height?: number;
  /** What an empty heatmap says (text or a function giving it), instead of empty axes. */
  empty?: string | (() => string);
}

/**
 * A layer × step heatmap of gradient norms on a log colour scale (viridis: perceptually uniform
 * and colour-blind safe), input layer at the bottom, laid out for its container's width.
 * `(element, options) → { update, destroy }`.
 */
export function createLayerHeatmap(element: HTMLElement, options: LayerHeatmapOptions): Chart<LayerHeatmapData> {
  const height = options.height ?? 260;
  const margin = { top: 12, right: 70, bottom: 46, left: 58 };
  const innerH = height - margin.top - margin.bottom;
  const svg = chartFrame(element, { title: options.title, width: options.width ?? 560, height, className: 'nb-heatmap' });
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const image = plot.append('image').attr('height', innerH).attr('preserveAspectRatio', 'none').style('image-rendering', 'pixelated');
  const gx = plot.append('g').attr('class', 'axis').attr('transform', `translate(0,${innerH})`);
  const gy = plot.append('g').attr('class', 'axis');
  const legend = svg.append('g');
  const xTitle = svg.append('text').attr('class', 'axis-label').attr('y', height - 8).attr('text-anchor', 'middle').text(options.xLabel);
  const yTitle = svg.append('text').attr('class', 'axis-label').attr('transform', `translate(17,${margin.top + innerH / 2}) rotate(-90)`).attr('dy', '0.35em').attr('text-anchor', 'middle').text(options.yLabel);
  const empty = emptyState(svg);
  let data: LayerHeatmapData = { steps: [], norms: [] };

  function render() {
    const width = availableWidth(element, options.width ?? 560);
    sizeFrame(svg, width, height);
    const innerW = Math.max(40, width - margin.left - margin.right);
    const cols = data.steps.length;
    const rows = data.norms[0]?.length ?? 0;
    const has = cols > 0 && rows > 0;
    for (const part of [plot, legend, xTitle, yTitle]) part.attr('display', has ? null : 'none');
    if (!has) {
      image.attr('href', null);
      empty.show(typeof options.empty === 'function' ? options.empty() : options.empty, width, height);
      return;
    }
    empty.hide();
    const all = data.norms.flat().filter((v) => Number.isFinite(v) && v > 0);
    const lo = data.domain?.[0] ?? (all.length ? Math.min(...all) : 1e-3);
    const hi = data.domain?.[1] ?? (all.length ? Math.max(...all) : 1);
    const color = scaleSequentialLog(interpolateViridis).domain([lo, Math.max(hi, lo * 1.0001)]);
    const canvas = document.createElement('canvas');
    canvas.width = cols;
    canvas.height = rows;
    const ctx = canvas.getContext('2d')!;
    for (let t = 0; t < cols; t++) {
      for (let l = 0; l < rows; l++) {
        const v = data.norms[t]![l]!;
        ctx.fillStyle = Number.isFinite(v) && v > 0 ? color(v) : '#888';
        ctx.fillRect(t, rows - 1 - l, 1, 1); // input layer at the bottom
      }
    }
    image.attr('href', canvas.toDataURL()).attr('width', innerW);
    const x = scaleLinear().domain([data.steps[0] ?? 0, data.steps[cols - 1] ?? 1]).range([0, innerW]);
    const y = scaleLinear().domain([0.5, Math.max(rows, 1) + 0.5]).range([innerH, 0]);
    gx.call(axisBottom(x).ticks(Math.max(2, Math.floor(innerW / 64))));
    gy.call(axisLeft(y).ticks(Math.min(rows, 8)).tickFormat((d) => String(d)));
    xTitle.attr('x', margin.left + innerW / 2);
    legend.attr('transform', `translate(${margin.left + innerW + 14},${margin.top})`);
    legend.selectAll('*').remove();
    const n = 8;
    for (let i = 0; i < n; i++) {
      const v = Math.exp(Math.log(lo) + ((Math.log(hi) - Math.log(lo)) * (n - 1 - i)) / (n - 1));
      legend.append('rect').attr('y', (i * innerH) / n).attr('width', 12).attr('height', innerH / n + 0.5).attr('fill', color(v));
      if (i === 0 || i === n - 1) legend.append('text').attr('class', 'axis-label').attr('x', 16).attr('y', (i * innerH) / n + 9).text(v.toExponential(0));
    }
  }

  const stop = observeWidth(element, render);
  render();
  return {
    update(next) {
      data = next;
      render();
    },
    destroy: () => {
      stop();
      svg.remove();
    },
    svg: svg.node()!,
  };
}
