/**
 * What the boundary lab draws: per learner (raw-input logistic regression, hand-made features, an
 * MLP) its decision map with a title and its loss · accuracy line, the smoothed loss (log scale,
 * with the chance level ln C) and the held-out accuracy (0–1) against steps, the headline from the
 * final accuracies, and the tables behind them (`curve`, `learners` in learner order).
 */
import { createBoundaryMap } from '../../charts/boundary-map';
import type { LineSeries } from '../../charts/line-chart';
import { palette } from '../../charts/palette';
import type { Locale } from '../../lib/i18n/locales';
import { fixed, percent } from '../../lib/i18n/number-format';
import { boundaryHeadline, boundaryLabStrings } from '../../lib/i18n/widgets/boundary-lab';
import { chanceLoss, makeDataset } from '../../lib/ml/datasets';
import type { BoundaryLabState } from '../../lib/state/schemas/boundary-lab';
import type { BoundaryGrid } from '../../workers/boundary-job';
import { tableRow, writeRows } from '../shared/metrics-table';
import { createStepCharts } from '../shared/step-charts';
import { learnerKinds, pointCount, type LearnerKind } from './jobs';
import { curveRows, mapTitle } from './rows';

const colors: Record<LearnerKind, string> = { raw: palette.vermillion, features: palette.green, mlp: palette.residual };
const dashes: Record<LearnerKind, string> = { raw: '6 3', features: '2 3', mlp: '' };

/** Per learner: smoothed losses as [step, loss] pairs, and the evaluations (loss in nats, accuracy 0–1). */
export interface Curves {
  losses: Record<LearnerKind, [number, number][]>;
  evals: Record<LearnerKind, { step: number; loss: number; accuracy: number }[]>;
}
export const emptyCurves = (): Curves => ({ losses: { raw: [], features: [], mlp: [] }, evals: { raw: [], features: [], mlp: [] } });

/** `state()` is read at every draw (learners shown, data set, steps); `empty` is what an empty chart says. */
export function createBoundaryView(root: HTMLElement, { locale, empty, state }: { locale: Locale; empty: () => string; state: () => BoundaryLabState }) {
  const s = boundaryLabStrings[locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  // Charts are laid out for their boxes' widths; an empty one says what to do.
  const { lossChart, accChart } = createStepCharts(root, { strings: s, heights: [240, 220], empty });
  const maps = Object.fromEntries(learnerKinds.map((l) => [l, createBoundaryMap(q(`[data-chart="boundary-${l}"]`), { title: q(`[data-map-title="${l}"]`).textContent ?? l, empty })])) as Record<LearnerKind, ReturnType<typeof createBoundaryMap>>;
  for (const l of learnerKinds) maps[l].svg.dataset.chart = `boundary-${l}`;
  const learnersBody = q<HTMLTableSectionElement>('table[data-metrics="learners"] tbody');

  const shown = () => learnerKinds.filter((l) => state().learners.includes(l));
  const series = (l: LearnerKind, points: [number, number][], markers = false): LineSeries => ({ id: l, label: s[`short.${l}`], color: colors[l], dash: dashes[l], points, markers });
  const points = () => {
    const d = makeDataset(state().dataset, { n: pointCount, seed: state().seed });
    return { x: d.x, y: d.y };
  };
  /** Final accuracy per learner on screen (recorded or live), for the headline. */
  const finals = new Map<LearnerKind, number>();
  const headline = () => (q('[data-headline]').textContent = boundaryHeadline(locale, shown().filter((l) => finals.has(l)).map((l) => ({ learner: l, finalAccuracy: finals.get(l) }))));

  return {
    headline,
    /** Each map's title (from the learner's settings) and whether its learner is shown. */
    titles() {
      for (const l of learnerKinds) {
        const text = mapTitle(locale, l, state());
        q(`[data-map-title="${l}"]`).textContent = text;
        maps[l].svg.setAttribute('aria-label', text);
        maps[l].svg.querySelector('title')!.textContent = text;
        q<HTMLElement>(`[data-learner-box="${l}"]`).hidden = !state().learners.includes(l);
      }
    },
    /** Both curve charts (the chance line once a curve has a point) and the `curve` table. */
    curves({ losses, evals }: Curves) {
      const ls = shown();
      const chance = chanceLoss(state().dataset);
      lossChart.update([...ls.map((l) => series(l, losses[l])), { id: 'chance', label: s.chance, color: 'currentColor', dash: '1 3', points: losses[ls[0] ?? 'raw'].length ? [[0, chance], [state().steps, chance]] : [] }]);
      accChart.update(ls.map((l) => series(l, evals[l].map((e) => [e.step, e.accuracy] as [number, number]), true)));
      writeRows(q('table[data-metrics="curve"] tbody'), curveRows(evals));
    },
    /** One learner's decision map (none: an empty map). */
    map: (l: LearnerKind, g: BoundaryGrid | undefined) => maps[l].update(g && { probs: g.probabilities, resolution: g.resolution, classes: g.classes, extent: g.extent, points: points() }),
    /** The line under a learner's map (none: empty); `final` numbers count for the headline. */
    stats(l: LearnerKind, loss?: number, accuracy?: number, final = false) {
      q(`[data-map-stats="${l}"]`).textContent = loss === undefined || accuracy === undefined ? '' : `${s.loss} ${fixed(loss, 4)} · ${s.accuracy} ${percent(accuracy, locale)}`;
      if (final && accuracy !== undefined) finals.set(l, accuracy);
      else if (loss === undefined) finals.delete(l);
      headline();
    },
    /** The `learners` table's rows replaced by `rows`. */
    learnerRows(rows: { learner: LearnerKind; cells: string[] }[], recorded: boolean) {
      learnersBody.replaceChildren(...rows.map((r) => tableRow(r.cells, { recorded, data: { learner: r.learner } })));
    },
    /** One finished learner's row, kept in learner order whichever finishes first. */
    addLearnerRow(learner: LearnerKind, cells: string[]) {
      const order = learnerKinds.indexOf(learner);
      const after = [...learnersBody.rows].find((x) => learnerKinds.indexOf(x.dataset.learner as LearnerKind) > order);
      learnersBody.insertBefore(tableRow(cells, { data: { learner } }), after ?? null);
    },
  };
}
