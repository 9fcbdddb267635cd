import { interpolateBlues, scaleSequential } from 'd3';
import { chartFrame } from './chart-frame';
import type { Chart } from './line-chart';

export interface ConfusionMatrixOptions {
  title: string;
  /** Axis titles: rows are the true class, columns the predicted class. */
  trueLabel: string;
  predictedLabel: string;
  /** viewBox size (square, default 360). */
  size?: number;
}

/**
 * A confusion matrix: counts[t][p] = examples of true class t predicted as p, as a grid of cells
 * shaded by their share of the row, the count written in each cell. `(element, options) →
 * { update(counts | undefined), destroy }`; undefined clears the grid.
 */
export function createConfusionMatrix(element: HTMLElement, options: ConfusionMatrixOptions): Chart<number[][] | undefined> {
  const size = options.size ?? 360;
  const margin = { top: 38, left: 44, right: 8, bottom: 8 };
  const svg = chartFrame(element, { title: options.title, width: size, height: size, className: 'nb-confusion' });
  const grid = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const inner = size - margin.left - Math.max(margin.right, margin.bottom);
  svg.append('text').attr('class', 'axis-label').attr('x', margin.left + inner / 2).attr('y', 12).attr('text-anchor', 'middle').text(options.predictedLabel);
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(12,${margin.top + inner / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(options.trueLabel);
  const shade = scaleSequential(interpolateBlues).domain([0, 1]);

  function update(counts: number[][] | undefined) {
    grid.selectAll('*').remove();
    if (!counts?.length) return;
    const k = counts.length;
    const cell = inner / k;
    for (let c = 0; c < k; c++) {
      grid.append('text').attr('class', 'axis-label').attr('x', (c + 0.5) * cell).attr('y', -6).attr('text-anchor', 'middle').text(String(c));
      grid.append('text').attr('class', 'axis-label').attr('x', -8).attr('y', (c + 0.5) * cell).attr('dy', '0.35em').attr('text-anchor', 'end').text(String(c));
    }
    counts.forEach((row, t) => {
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
            .attr('font-size', Math.min(12, cell * 0.4))
            .attr('fill', share > 0.5 ? '#fff' : '#111')
            .text(String(n));
        }
      });
    });
  }

  update(undefined);
  return { update, destroy: () => svg.remove(), svg: svg.node()! };
}
