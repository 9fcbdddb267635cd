/**
 * The numbers the chapters quote from the widgets' recorded runs, read from the recording files
 * (`src/widgets/<id>/recorded.json`) at build time. This is the only module of the content layer
 * that imports the recording loaders, so a move of those loaders touches this file alone.
 *
 * Chapters never type such a number: they write `<Recorded k="…" />` (src/components/Recorded.astro),
 * which renders `format(recordedNumbers[k], locale)`; re-recording therefore updates the prose, and
 * a unit test (tests/unit/recorded-numbers.test.ts) fails if a chapter spells out one of these
 * values by hand.
 */
import { firstToLastRatio, perLayerFactor } from '../lib/ml/gradient-stats';
import { loadBoundaryRecording } from '../widgets/boundary-lab/recording';
import { loadRecording as loadCnnRecording } from '../widgets/cnn-trainer/recording';
import { loadRecording as loadDegradationRecording } from '../widgets/degradation-lab/recording';

/**
 * How a number is written.
 * - `decimal`: fixed `digits` decimals (losses: 0.986; factors: 1.24).
 * - `percent`: a fraction written as a percentage with `digits` decimals (0.968 → 96.8%).
 * - `integer`: rounded to a whole number with thousands separators (1,739).
 * - `significant`: `digits` significant figures (789; 15.5).
 */
export type NumberStyle = 'decimal' | 'percent' | 'integer' | 'significant';

export interface RecordedNumber {
  value: number;
  style: NumberStyle;
  digits: number;
  /**
   * `result`: measured by a recorded run (a loss, an accuracy, a ratio, a time) — the unit test
   * forbids typing it by hand. `setting`: a setting the recording was made with (steps, width),
   * rendered from the file so the prose follows a re-recording, but too common a number to police.
   */
  kind: 'result' | 'setting';
  /** The recording file it comes from, for the error messages of the tests. */
  file: string;
}

const DEGRADATION = 'src/widgets/degradation-lab/recorded.json';
const BOUNDARY = 'src/widgets/boundary-lab/recorded.json';
const CNN = 'src/widgets/cnn-trainer/recorded.json';

const result = (value: number, style: NumberStyle, digits: number, file: string): RecordedNumber => ({ value, style, digits, kind: 'result', file });
const setting = (value: number, style: NumberStyle, digits: number, file: string): RecordedNumber => ({ value, style, digits, kind: 'setting', file });

function degradationNumbers(): Record<string, RecordedNumber> {
  const rec = loadDegradationRecording();
  if (!rec) return {};
  const out: Record<string, RecordedNumber> = {};
  const state = rec.state as { steps: number; width: number; lr: number; depth: number };
  out['dl.steps'] = setting(state.steps, 'integer', 0, DEGRADATION);
  out['dl.width'] = setting(state.width, 'integer', 0, DEGRADATION);
  out['dl.lr'] = setting(state.lr, 'decimal', 3, DEGRADATION);
  out['dl.depth'] = setting(state.depth, 'integer', 0, DEGRADATION);
  for (const run of rec.sweep) {
    out[`dl.sweep.${run.arch}.${run.depth}.loss`] = result(run.finalLoss, 'decimal', 3, DEGRADATION);
    out[`dl.sweep.${run.arch}.${run.depth}.accuracy`] = result(run.finalAccuracy, 'percent', 0, DEGRADATION);
  }
  for (const arch of ['plain', 'residual'] as const) {
    const init = rec.gradNorms[arch][0]?.norms;
    if (!init) continue;
    out[`gf.${arch}.init.ratio`] = result(firstToLastRatio(init), 'significant', 3, DEGRADATION);
    out[`gf.${arch}.init.factor`] = result(perLayerFactor(init), 'decimal', 2, DEGRADATION);
    const last = rec.gradNorms[arch].at(-1);
    if (!last) continue;
    out['gf.last.step'] = setting(last.step, 'integer', 0, DEGRADATION);
    out[`gf.${arch}.last.ratio`] = result(firstToLastRatio(last.norms), 'significant', 3, DEGRADATION);
  }
  return out;
}

function boundaryNumbers(): Record<string, RecordedNumber> {
  const rec = loadBoundaryRecording();
  if (!rec) return {};
  const out: Record<string, RecordedNumber> = {};
  const state = rec.state as { steps: number };
  out['bl.steps'] = setting(state.steps, 'integer', 0, BOUNDARY);
  for (const [dataset, learners] of Object.entries(rec.datasets)) {
    for (const l of learners) {
      out[`bl.${dataset}.${l.learner}.accuracy`] = result(l.finalAccuracy, 'percent', 0, BOUNDARY);
      out[`bl.${dataset}.${l.learner}.params`] = setting(l.parameterCount, 'integer', 0, BOUNDARY);
    }
  }
  return out;
}

function cnnNumbers(): Record<string, RecordedNumber> {
  const rec = loadCnnRecording();
  if (!rec) return {};
  const last = rec.curve.at(-1);
  const out: Record<string, RecordedNumber> = {};
  const state = rec.state as { epochs: number };
  out['cnn.epochs'] = setting(state.epochs, 'integer', 0, CNN);
  out['cnn.msPerEpoch'] = result(rec.msPerEpoch, 'integer', 0, CNN);
  if (last) {
    out['cnn.test'] = result(last.test, 'percent', 1, CNN);
    out['cnn.train'] = result(last.train, 'percent', 1, CNN);
    out['cnn.logisticTest'] = result(last.logisticTest, 'percent', 1, CNN);
    out['cnn.logisticTrain'] = result(last.logisticTrain, 'percent', 1, CNN);
  }
  return out;
}

/** The recording loaders themselves, for figures that draw a whole recording (DepthSweepFigure). */
export { loadBoundaryRecording, loadCnnRecording, loadDegradationRecording };

/** Every recorded number a chapter may quote, by key (e.g. `dl.sweep.plain.32.loss`). */
export const recordedNumbers: Readonly<Record<string, RecordedNumber>> = {
  ...degradationNumbers(),
  ...boundaryNumbers(),
  ...cnnNumbers(),
};

/** The text a chapter shows for `n`: `0.986`, `96.8%`, `1,739`, `15.5` — the same in zh and en. */
export function formatRecorded(n: RecordedNumber): string {
  switch (n.style) {
    case 'decimal':
      return n.value.toFixed(n.digits);
    case 'percent':
      return `${(n.value * 100).toFixed(n.digits)}%`;
    case 'integer':
      return Math.round(n.value).toLocaleString('en-US');
    case 'significant':
      return Number(n.value.toPrecision(n.digits)).toLocaleString('en-US', { maximumFractionDigits: 20 });
  }
}

/** The recorded number with this key; throws (failing the build) on an unknown key. */
export function recordedNumber(key: string): RecordedNumber {
  const n = recordedNumbers[key];
  if (!n) throw new Error(`Recorded: unknown key "${key}" (see src/components/recorded-numbers.ts)`);
  return n;
}
