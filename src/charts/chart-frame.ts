import { select, type Selection } from 'd3';

/**
 * The SVG every chart draws into: responsive (viewBox, width 100 %), an image role with an
 * accessible name and <title>, keyboard-focusable. The numbers themselves live in the widget's
 * `<table data-metrics>`, the accessible alternative.
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
