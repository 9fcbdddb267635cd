/**
 * The cells of the cnn-trainer's `table[data-metrics]`, as plain strings (the first cell of the
 * confusion, filters and probability rows is a row header): used by `CnnTrainer.astro` for the
 * recorded rows at build time and by the client for live rows. Columns (0-based):
 * - accuracy: [0] epoch, [1] training accuracy, [2] test accuracy (the CNN)
 * - logistic-accuracy: the same for logistic regression on raw pixels
 * - confusion: [0] true digit, [1…10] how often it was predicted as 0 … 9
 * - filters: [0] filter 1…n, [1…9] its 3×3 weights row by row, [10] its bias
 * - probabilities: [0] digit, [1] CNN probability, [2] logistic regression's
 * Fractions and weights with 4 decimals; '' where a value is absent.
 */
import { cell } from '../../lib/i18n/number-format';
import type { CnnEvaluation } from '../../workers/cnn-job';

/** A value with 4 decimals, '' when absent. */
export const f4 = (v: number | undefined) => cell.decimals(v);

export const accuracyCells = (e: CnnEvaluation): string[] => [String(e.epoch), f4(e.train), f4(e.test)];
export const logisticCells = (e: CnnEvaluation): string[] => [String(e.epoch), f4(e.logisticTrain), f4(e.logisticTest)];
/** Row `digit` of the confusion matrix. */
export const confusionCells = (counts: readonly number[], digit: number): string[] => [String(digit), ...counts.map(String)];
/** Filter k (0-based): its 9 weights and bias. */
export const filterCells = (k: number, weightsAndBias: readonly (number | undefined)[]): string[] => [String(k + 1), ...weightsAndBias.map(f4)];
export const probabilityCells = (digit: number, cnn: number | undefined, logistic: number | undefined): string[] => [String(digit), f4(cnn), f4(logistic)];
