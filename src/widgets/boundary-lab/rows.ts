/**
 * The cells of the boundary lab's `table[data-metrics]`, as plain strings: used by
 * `BoundaryLab.astro` for the recorded rows at build time and by the client for live rows.
 * Columns (0-based, as classroom conditions read them):
 * - learners: [0] learner, [1] its features (formulas), [2] parameters, [3] final loss, [4] final accuracy
 * - curve: [0] step, then the loss of each learner (raw, features, mlp), then the accuracy of each
 * Losses and accuracies with 4 decimals; '' where a learner has no evaluation at that step.
 * Also the maps' titles, which name each learner's inputs the way the table does.
 */
import type { Locale } from '../../lib/i18n/locales';
import { cell } from '../../lib/i18n/number-format';
import { fill } from '../../lib/i18n/translate';
import { boundaryLabStrings } from '../../lib/i18n/widgets/boundary-lab';
import { featureFormula, orderFeatures } from '../../lib/ml/features';
import { learnerKinds, type LearnerKind } from './jobs';

/** The features as formulas, in the order the controls list them: `x₁², x₂², x₁x₂`. */
export const formulas = (names: readonly string[]) => orderFeatures(names).map((n) => featureFormula[n]).join(', ');

export function learnerCells(r: { learner: LearnerKind; features: readonly string[]; parameterCount: number; finalLoss: number; finalAccuracy: number }): string[] {
  return [r.learner, formulas(r.features), String(r.parameterCount), cell.decimals(r.finalLoss), cell.decimals(r.finalAccuracy)];
}

type Evals = readonly { step: number; loss: number; accuracy: number }[];

/** The curve table: one row per step any learner evaluated. */
export function curveRows(evals: Partial<Record<LearnerKind, Evals>>): string[][] {
  const steps = [...new Set(learnerKinds.flatMap((l) => (evals[l] ?? []).map((e) => e.step)))].sort((a, b) => a - b);
  return steps.map((step) => {
    const at = (l: LearnerKind) => evals[l]?.find((e) => e.step === step);
    return [String(step), ...learnerKinds.map((l) => cell.decimals(at(l)?.loss)), ...learnerKinds.map((l) => cell.decimals(at(l)?.accuracy))];
  });
}

/** The title of a learner's map, e.g. `Logistic regression on x², y²` (also its table caption's name). */
export function mapTitle(locale: Locale, learner: LearnerKind, settings: { features: readonly string[]; layers: number; width: number }): string {
  const s = boundaryLabStrings[locale];
  if (learner === 'raw') return s['map.raw'];
  if (learner === 'features') return fill(s['map.features'], { features: formulas(settings.features) });
  return fill(s['map.mlp'], { layers: settings.layers, width: settings.width });
}
