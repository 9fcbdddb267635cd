/**
 * The cnn-trainer's run panel: the accuracy curves (0–1 against epochs; CNN, and the softmax
 * regression baseline when it was trained — solid = test, dashed = training), the confusion matrix
 * of the test digits (10 × 10 counts), the first layer's 3 × 3 filters, the headline, and the tables
 * behind them. The digit panel is `digit-view.ts`.
 */
import { createConfusionMatrix } from '../../charts/confusion-matrix';
import { createImageGrid } from '../../charts/image-grid';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import type { Locale } from '../../lib/i18n/locales';
import { cnnHeadline, cnnTrainerStrings } from '../../lib/i18n/widgets/cnn-trainer';
import type { CnnEvaluation } from '../../workers/cnn-job';
import { writeRows } from '../shared/metrics-table';
import { colors, type Weights } from './digit-view';
import { accuracyCells, confusionCells, filterCells, logisticCells } from './rows';

/** `empty`: what an empty chart says (`chartEmptyText`). */
export function createRunView(root: HTMLElement, { locale, empty }: { locale: Locale; empty: () => string }) {
  const s = cnnTrainerStrings[locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  // Charts, laid out for their boxes' widths (text stays 12 px on a phone); the legend sits above the plot.
  const accChart = createLineChart(q('[data-chart="accuracy"]'), { title: s.accChart, xLabel: s.epochAxis, yLabel: s.accuracyAxis, yDomain: [0, 1], height: 300, empty });
  const confusion = createConfusionMatrix(q('[data-chart="confusion"]'), { title: s.confusionChart, trueLabel: s.trueAxis, predictedLabel: s.predictedAxis, empty });
  const filters = createImageGrid(q('[data-chart="filters"]'), { title: s.filtersChart, scale: 'signed', perRow: 16, tileSize: 40 });
  for (const [c, name] of [[accChart, 'accuracy'], [confusion, 'confusion'], [filters, 'filters']] as const) c.svg.dataset.chart = name;
  const body = (m: string) => q<HTMLTableSectionElement>(`table[data-metrics="${m}"] tbody`);

  return {
    /** The accuracy curves, the headline and their tables; `recorded` marks the rows as the recording's. */
    curve(curve: CnnEvaluation[], recorded: boolean) {
      const series = (id: string, label: string, color: string, dash: string, key: keyof CnnEvaluation): LineSeries => ({
        id,
        label,
        color,
        dash,
        markers: true,
        points: curve.filter((e) => e[key] !== undefined).map((e) => [e.epoch, e[key] as number] as [number, number]),
      });
      const all = [series('cnn-test', s['series.cnnTest'], colors.cnn, '', 'test'), series('cnn-train', s['series.cnnTrain'], colors.cnn, '6 3', 'train')];
      if (curve.some((e) => e.logisticTest !== undefined)) {
        all.push(series('lr-test', s['series.lrTest'], colors.lr, '', 'logisticTest'), series('lr-train', s['series.lrTrain'], colors.lr, '6 3', 'logisticTrain'));
      }
      accChart.update(all);
      q<HTMLElement>('[data-headline]').textContent = cnnHeadline(locale, curve);
      writeRows(body('accuracy'), curve.map(accuracyCells), { recorded });
      writeRows(body('logistic-accuracy'), curve.filter((e) => e.logisticTest !== undefined).map(logisticCells), { recorded });
    },
    /** The confusion matrix (none: empty) and its table. */
    confusion(counts: number[][] | undefined, recorded: boolean) {
      confusion.update(counts);
      writeRows(body('confusion'), (counts ?? []).map(confusionCells), { header: true, recorded });
    },
    /** The first layer's filters of `model` (none: empty) and their table; recorded weights have no `epoch`. */
    filters(model: Weights | undefined) {
      if (!model) return filters.update(undefined);
      const { c1, cnn } = model;
      filters.update({ rows: 3, cols: 3, count: c1, values: cnn.subarray(0, 9 * c1) });
      writeRows(body('filters'), Array.from({ length: c1 }, (_, k) => filterCells(k, Array.from({ length: 10 }, (_, i) => cnn[i * c1 + k]))), { header: true, recorded: model.epoch === undefined });
    },
  };
}
