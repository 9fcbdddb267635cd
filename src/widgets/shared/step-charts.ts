/**
 * The pair of charts most training widgets draw against training steps: the loss (nats, log scale)
 * in `[data-chart="loss"]` and the held-out accuracy (0–1) in `[data-chart="accuracy"]`, each SVG
 * tagged with the same `data-chart` name. Heights in CSS px; the width follows the box.
 */
import { createLineChart, type LineChartOptions } from '../../charts/line-chart';

export interface StepChartsOptions {
  /** Titles and axis labels (the widget's strings). */
  strings: { lossChart: string; accChart: string; step: string; loss: string; accuracy: string };
  /** Heights of the loss and the accuracy chart. */
  heights: readonly [number, number];
  /** What an empty chart says (`chartEmptyText`). */
  empty: LineChartOptions['empty'];
  /** The loss chart's reference line (e.g. the chance level). */
  reference?: LineChartOptions['reference'];
}

export function createStepCharts(root: HTMLElement, { strings: s, heights, empty, reference }: StepChartsOptions) {
  const box = (name: string) => root.querySelector<HTMLElement>(`[data-chart="${name}"]`)!;
  const lossChart = createLineChart(box('loss'), { title: s.lossChart, xLabel: s.step, yLabel: s.loss, yScale: 'log', ...(reference ? { reference } : {}), height: heights[0], empty });
  const accChart = createLineChart(box('accuracy'), { title: s.accChart, xLabel: s.step, yLabel: s.accuracy, yDomain: [0, 1], height: heights[1], empty });
  lossChart.svg.dataset.chart = 'loss';
  accChart.svg.dataset.chart = 'accuracy';
  return { lossChart, accChart };
}
