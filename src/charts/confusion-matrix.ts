import { scaleSequential } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';
import { availableWidth, chartFrame, emptyState, observeWidth, sizeFrame } from './chart-frame';
import type { Chart } from './line-chart';

export interface ConfusionMatrixOptions {
  title: string;
  /** Axis titles: rows are the true class, columns the predicted class. */
  trueLabel: string;
  predictedLabel: string;
  /** Largest side in CSS px (square, default 360); smaller when the container is narrower. */
  size?: number;
  /** What an empty matrix says (text or a function giving it). */
  empty?: string | (() => string);
}

/**
 * A confusion matrix: counts[t][p] = examples of true class t predicted as p, as a grid of cells
 * shaded by their share of the row, the count written in each cell (at least 11 px). Laid out for
 * its container's width. `(element, options) → { update(counts | undefined), destroy }`;
 * undefined clears the grid.
 */
export function createConfusionMatrix(element: HTMLElement, options: ConfusionMatrixOptions): Chart<number[][] | undefined> {
  const maxSize = options.size ?? 360;
  const margin = { top: 38, left: 44, right: 8, bottom: 8 };
  const svg = chartFrame(element, { title: options.title, width: maxSize, height: maxSize, className: 'nb-confusion' });
  const grid = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const xTitle = svg.append('text').attr('class', 'axis-label').attr('y', 14).attr('text-anchor', 'middle').text(options.predictedLabel);
  const yTitle = svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').attr('dy', '0.35em').text(options.trueLabel);
  const shade = scaleSequential(interpolateBlues).domain([0, 1]);
  const empty = emptyState(svg);
  let counts: number[][] | undefined;

  function render() {
    const size = availableWidth(element, maxSize, maxSize);
    const inner = size - margin.left - Math.max(margin.right, margin.bottom);
    sizeFrame(svg, size, size);
    xTitle.attr('x', margin.left + inner / 2);
    yTitle.attr('transform', `translate(14,${margin.top + inner / 2}) rotate(-90)`);
    grid.selectAll('*').remove();
    const has = Boolean(counts?.length);
    xTitle.attr('display', has ? null : 'none');
    yTitle.attr('display', has ? null : 'none');
    if (!has) return empty.show(typeof options.empty === 'function' ? options.empty() : options.empty, size, size);
    empty.hide();
    const k = counts!.length;
    const cell = inner / k;
    const font = Math.max(11, Math.min(12, cell * 0.45));
    for (let c = 0; c < k; c++) {
      grid.append('text').attr('class', 'axis-label').attr('x', (c + 0.5) * cell).attr('y', -6).attr('text-anchor', 'middle').text(String(c));
      grid.append('text').attr('class', 'axis-label').attr('x', -8).attr('y', (c + 0.5) * cell).attr('dy', '0.35em').attr('text-anchor', 'end').text(String(c));
    }
    counts!.forEach((row, t) => {
      const total = row.reduce((a, b) => a + b, 0) || 1;
      row.forEach((n, p) => {
        const share = n / total;
        const g = grid.append('g').attr('transform', `translate(${p * cell},${t * cell})`).attr('data-cell', `${t}-${p}`);
        g.append('rect').attr('width', cell - 1).attr('height', cell - 1).attr('fill', n ? shade(0.15 + 0.85 * share) : 'transparent').attr('stroke', 'currentColor').attr('stroke-opacity', 0.15);
        if (n) {
          g.append('text')
            .attr('x', cell / 2)
            .attr('y', cell / 2)
            .attr('dy', '0.35em')
            .attr('text-anchor', 'middle')
            .attr('font-size', font)
            .attr('fill', share > 0.5 ? '#fff' : '#111')
            .text(String(n));
        }
      });
    });
  }

  const stop = observeWidth(element, render);
  render();
  return {
    update(next) {
      counts = next;
      render();
    },
    destroy: () => {
      stop();
      svg.remove();
    },
    svg: svg.node()!,
  };
}
