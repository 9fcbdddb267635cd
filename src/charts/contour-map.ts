import { axisBottom, axisLeft, axisRight } from 'd3-axis';
import { contours } from 'd3-contour';
import { geoIdentity, geoPath } from 'd3-geo';
import { scaleLinear, scaleLog } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { availableWidth, chartFrame, observeWidth, sizeFrame } from './chart-frame';
import type { Chart } from './line-chart';

/** A square grid of values over [−span, span]², drawn as filled contours on a logarithmic colour scale. */
export interface ContourData {
  /** R·R values, row-major; row i is β = −span + 2·span·i/(R − 1) (row 0 at the bottom), column j is α. */
  values: ArrayLike<number>;
  resolution: number;
  span: number;
  /**
   * The colour scale's range [low, high] (> 0), shared by maps that are to be compared; values
   * outside take the end colours.
   */
  domain: [number, number];
  /** β of a horizontal cut to draw (dashed), if any. */
  cut?: number;
  /**
   * Rows computed so far (from the bottom, β = −span); the rest is shown as pending. Default: all.
   * Rows once filled must not change in place: an update with the same `values` array, the same
   * filled rows and the same scale and cut draws nothing.
   */
  filledRows?: number;
}

export interface ContourMapOptions {
  title: string;
  /** Axis names. */
  xLabel: string;
  yLabel: string;
  /** Contour levels between the domain's ends (default 24). */
  levels?: number;
}

/** Room around the square plot (CSS px): axes left and below, the colour bar on the right. */
const margin = { top: 10, right: 52, bottom: 38, left: 44 };
/** Width while the container has none, and the widest the map gets (CSS px). */
const defaultWidth = 320;
const maxWidth = 360;

/**
 * Filled contour map (d3-contour) with axes, a colour bar, the centre (the trained weights)
 * marked "+", and an optional horizontal cut. `(element, options) → { update, destroy, svg }`.
 * Colours: viridis (perceptually even, readable without colour vision) over log₁₀ of the values.
 */
export function createContourMap(element: HTMLElement, options: ContourMapOptions): Chart<ContourData | undefined> {
  const levels = options.levels ?? 24;
  const svg = chartFrame(element, { title: options.title, width: defaultWidth, height: defaultWidth, className: 'nb-contour' });
  const root = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const clip = `nb-contour-clip-${Math.random().toString(36).slice(2)}`;
  const clipRect = root.append('clipPath').attr('id', clip).append('rect');
  const bands = root.append('g').attr('clip-path', `url(#${clip})`);
  const marks = root.append('g');
  const gx = root.append('g').attr('class', 'axis');
  const gy = root.append('g').attr('class', 'axis');
  const frame = root.append('rect').attr('fill', 'none').attr('stroke', 'currentColor').attr('stroke-opacity', 0.4);
  const xTitle = svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').text(options.xLabel);
  const yTitle = svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').text(options.yLabel);
  const bar = svg.append('g');

  let last: ContourData | undefined;
  /** What is on screen: the data drawn (by identity) and everything else the drawing depends on. */
  let drawn: { data: ContourData['values'] | undefined; key: string } = { data: undefined, key: '' };
  function update(data: ContourData | undefined) {
    last = data;
    // The square plot fills the container's width (CSS px), so axis text stays 12 px on a phone.
    const width = availableWidth(element, defaultWidth, maxWidth);
    // While a slice streams in, the page redraws both maps whenever either gets a row: a map whose
    // rows, scale and cut are unchanged is left as it is (rows once filled do not change).
    const key = data ? [width, data.resolution, data.span, ...data.domain, data.cut ?? '', data.filledRows ?? data.resolution].join('|') : '';
    if (data && data.values === drawn.data && key === drawn.key) return;
    drawn = { data: data?.values, key };
    const plot = Math.max(80, width - margin.left - margin.right);
    const height = plot + margin.top + margin.bottom;
    sizeFrame(svg, width, height);
    clipRect.attr('width', plot).attr('height', plot);
    frame.attr('width', plot).attr('height', plot);
    gx.attr('transform', `translate(0,${plot})`);
    xTitle.attr('x', margin.left + plot / 2).attr('y', height - 4);
    yTitle.attr('transform', `translate(12,${margin.top + plot / 2}) rotate(-90)`);
    bar.attr('transform', `translate(${margin.left + plot + 12},${margin.top})`);
    bands.selectAll('*').remove();
    marks.selectAll('*').remove();
    bar.selectAll('*').remove();
    if (!data) {
      gx.selectAll('*').remove();
      gy.selectAll('*').remove();
      return;
    }
    const { values, resolution: R, span } = data;
    const filled = Math.max(0, Math.min(R, data.filledRows ?? R));
    if (filled === 0) return;
    const lo = Math.log10(Math.max(1e-6, data.domain[0]));
    const hi = Math.max(lo + 1e-3, Math.log10(Math.max(1e-6, data.domain[1])));
    // Rows not computed yet repeat the last computed one (no false contours), then get covered.
    const logs = Float64Array.from({ length: R * R }, (_, i) => {
      const v = values[Math.min(i, filled * R - R + (i % R))]!;
      // Non-finite (a loss that overflowed) counts as above the scale.
      return Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.log10(Math.max(1e-6, v)))) : hi;
    });
    const thresholds = Array.from({ length: levels }, (_, k) => lo + ((hi - lo) * k) / levels);
    const colour = (t: number) => interpolateViridis((t - lo) / (hi - lo));
    // Grid cell (j, i) covers [j, j + 1] × [i, i + 1]; row 0 (β = −span) is drawn at the bottom.
    const projection = geoIdentity().reflectY(true).scale(plot / R).translate([0, plot]);
    const path = geoPath(projection);
    bands
      .selectAll('path')
      .data(contours().size([R, R]).thresholds(thresholds)(Array.from(logs)))
      .join('path')
      .attr('d', path)
      .attr('fill', (d) => colour(d.value))
      .attr('stroke', 'rgb(0 0 0 / 0.15)')
      .attr('stroke-width', 0.5);

    if (filled < R) bands.append('rect').attr('class', 'pending').attr('width', plot).attr('height', plot - (plot * filled) / R).attr('fill', 'var(--sl-color-gray-6, #ddd)').attr('fill-opacity', 0.92);

    // Axes in α, β: cell centres sit at −span … span.
    const cell = plot / R;
    const x = scaleLinear().domain([-span, span]).range([cell / 2, plot - cell / 2]);
    const y = scaleLinear().domain([-span, span]).range([plot - cell / 2, cell / 2]);
    gx.call(axisBottom(x).ticks(5));
    gy.call(axisLeft(y).ticks(5));
    marks.append('path').attr('class', 'centre').attr('d', `M${x(0) - 6},${y(0)}h12M${x(0)},${y(0) - 6}v12`).attr('stroke', '#fff').attr('stroke-width', 2.5);
    marks.append('path').attr('d', `M${x(0) - 6},${y(0)}h12M${x(0)},${y(0) - 6}v12`).attr('stroke', '#D55E00').attr('stroke-width', 1.5);
    if (data.cut !== undefined) {
      marks.append('line').attr('class', 'cut').attr('x1', 0).attr('x2', plot).attr('y1', y(data.cut)).attr('y2', y(data.cut)).attr('stroke', '#fff').attr('stroke-width', 2).attr('stroke-dasharray', '5 3');
      marks.append('line').attr('x1', 0).attr('x2', plot).attr('y1', y(data.cut)).attr('y2', y(data.cut)).attr('stroke', '#000').attr('stroke-width', 1).attr('stroke-dasharray', '5 3').attr('stroke-dashoffset', 4);
    }

    // Colour bar: the same log scale, with decade ticks.
    const steps = 48;
    const b = scaleLog().domain([10 ** lo, 10 ** hi]).range([plot, 0]);
    bar
      .selectAll('rect')
      .data(Array.from({ length: steps }, (_, k) => lo + ((hi - lo) * (k + 0.5)) / steps))
      .join('rect')
      .attr('x', 0)
      .attr('width', 10)
      .attr('y', (t) => b(10 ** (t + (hi - lo) / steps / 2)))
      .attr('height', plot / steps + 0.5)
      .attr('fill', colour);
    const decades = b.ticks(4).filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
    const ticks = decades.length >= 2 ? decades : b.ticks(3);
    bar
      .append('g')
      .attr('class', 'axis')
      .attr('transform', 'translate(10,0)')
      .call(axisRight(b).tickValues(ticks).tickFormat((t) => String(Number((+t).toPrecision(2)))));
  }

  update(undefined);
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
