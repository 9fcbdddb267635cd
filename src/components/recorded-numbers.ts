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
import { configKey } from '../widgets/block-variants/jobs';
import { agreement, loadRecording as loadBlockVariantsRecording, summarise } from '../widgets/block-variants/recording';
import { loadBoundaryRecording } from '../widgets/boundary-lab/recording';
import { loadRecording as loadCnnDepthRecording } from '../widgets/cnn-depth-lab/recording';
import { loadRecording as loadCnnRecording } from '../widgets/cnn-trainer/recording';
import { loadRecording as loadDegradationRecording } from '../widgets/degradation-lab/recording';
import { loadRecording as loadLesionRecording } from '../widgets/lesion-study/recording';
import { lanczosSteps, lossPoints } from '../widgets/loss-landscape/jobs';
import { loadRecording as loadLandscapeRecording } from '../widgets/loss-landscape/recording';

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
const CNN_DEPTH = 'src/widgets/cnn-depth-lab/recorded.json';
const BLOCKS = 'src/widgets/block-variants/recorded.json';
const LESION = 'src/widgets/lesion-study/recorded.json';
const LANDSCAPE = 'src/widgets/loss-landscape/recorded.json';

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
    // The logistic-regression baseline is evaluated only when the run included it.
    if (last.logisticTest !== undefined) out['cnn.logisticTest'] = result(last.logisticTest, 'percent', 1, CNN);
    if (last.logisticTrain !== undefined) out['cnn.logisticTrain'] = result(last.logisticTrain, 'percent', 1, CNN);
  }
  return out;
}

function cnnDepthNumbers(): Record<string, RecordedNumber> {
  const rec = loadCnnDepthRecording();
  if (!rec) return {};
  const out: Record<string, RecordedNumber> = {};
  const state = rec.state as { steps: number; width: number; lr: number };
  out['cd.steps'] = setting(state.steps, 'integer', 0, CNN_DEPTH);
  out['cd.width'] = setting(state.width, 'integer', 0, CNN_DEPTH);
  out['cd.lr'] = setting(state.lr, 'decimal', 1, CNN_DEPTH);
  for (const run of rec.runs) {
    out[`cd.${run.arch}.${run.layers}.train`] = result(run.trainError, 'percent', 1, CNN_DEPTH);
    // Test errors of the depths of He et al.'s Fig. 6 (the 8- and 14-layer ones are in the widget's table).
    if (run.layers >= 20) out[`cd.${run.arch}.${run.layers}.test`] = result(run.testError, 'percent', 1, CNN_DEPTH);
  }
  return out;
}

/** The factor one more residual branch multiplies a path's gradient by: exp of the least-squares slope of log(magnitude) over length. */
export function perBranchFactor(magnitudes: readonly number[]): number {
  const pts = magnitudes.map((m, k) => [k, Math.log(m)] as const).filter(([, y]) => Number.isFinite(y));
  const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
  const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
  return Math.exp(pts.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / pts.reduce((a, [x]) => a + (x - mx) ** 2, 0));
}

/** Block variants: `bv.<variant>[@<gate bias>].error` is the median test error over the recorded seeds. */
function blockVariantsNumbers(): Record<string, RecordedNumber> {
  const rec = loadBlockVariantsRecording();
  if (!rec) return {};
  const out: Record<string, RecordedNumber> = {};
  out['bv.depth'] = setting(rec.state.depth as number, 'integer', 0, BLOCKS);
  out['bv.steps'] = setting(rec.state.steps as number, 'integer', 0, BLOCKS);
  out['bv.seeds'] = setting(rec.seeds.length, 'integer', 0, BLOCKS);
  const rows = summarise(rec);
  for (const r of rows) out[`bv.${configKey(r)}.error`] = result(r.testError, 'percent', 1, BLOCKS);
  const { agree, differ } = agreement(rows);
  out['bv.agree'] = result(agree.length, 'integer', 0, BLOCKS);
  out['bv.compared'] = setting(agree.length + differ.length, 'integer', 0, BLOCKS);
  return out;
}

function lesionNumbers(): Record<string, RecordedNumber> {
  const rec = loadLesionRecording();
  if (!rec) return {};
  const out: Record<string, RecordedNumber> = {};
  const n = (rec.state.depth as number) / 2;
  out['ls.depth'] = setting(rec.state.depth as number, 'integer', 0, LESION);
  out['ls.blocks'] = setting(n, 'integer', 0, LESION);
  out['ls.paths'] = setting(2 ** n, 'integer', 0, LESION);
  out['ls.mode'] = setting(Math.floor(n / 2), 'integer', 0, LESION);
  out['ls.subsets'] = setting(rec.state.subsets as number, 'integer', 0, LESION);
  out['ls.pathSamples'] = setting(rec.nets.residual.pathSamples ?? 0, 'integer', 0, LESION);
  for (const arch of ['plain', 'residual'] as const) {
    const net = rec.nets[arch];
    const at = (k: number) => net.curve.find((p) => p.k === k)!.mean;
    out[`ls.${arch}.intact`] = result(net.testAccuracy, 'percent', 1, LESION);
    out[`ls.${arch}.k1`] = result(at(1), 'percent', 1, LESION);
    out[`ls.${arch}.half`] = result(at(Math.floor(n / 2)), 'percent', 1, LESION);
    out[`ls.${arch}.all`] = result(at(n), 'percent', 1, LESION);
    const best = net.single.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
    const worst = net.single.reduce((a, b) => (b.accuracy < a.accuracy ? b : a));
    out[`ls.${arch}.bestOne`] = result(best.accuracy, 'percent', 1, LESION);
    out[`ls.${arch}.bestOneBlock`] = result(best.block + 1, 'integer', 0, LESION);
    out[`ls.${arch}.worstOne`] = result(worst.accuracy, 'percent', 1, LESION);
    out[`ls.${arch}.worstOneBlock`] = result(worst.block + 1, 'integer', 0, LESION);
  }
  const { effective, paths } = rec.nets.residual;
  if (effective && paths) {
    out['ls.effective.from'] = result(effective.from, 'integer', 0, LESION);
    out['ls.effective.to'] = result(effective.to, 'integer', 0, LESION);
    out['ls.effective.share'] = result(effective.share, 'percent', 1, LESION);
    const m = paths.map((p) => p.magnitude);
    out['ls.branchFactor'] = result(perBranchFactor(m), 'decimal', 2, LESION);
    out['ls.shortestOverLongest'] = result(m[0]! / m[m.length - 1]!, 'integer', 0, LESION);
  }
  return out;
}

function landscapeNumbers(): Record<string, RecordedNumber> {
  const rec = loadLandscapeRecording();
  if (!rec) return {};
  const out: Record<string, RecordedNumber> = {};
  out['ll.depth'] = setting(rec.state.depth as number, 'integer', 0, LANDSCAPE);
  out['ll.resolution'] = setting(rec.state.resolution as number, 'integer', 0, LANDSCAPE);
  out['ll.lossPoints'] = setting(lossPoints, 'integer', 0, LANDSCAPE);
  out['ll.lanczos'] = setting(lanczosSteps, 'integer', 0, LANDSCAPE);
  for (const d of rec.depths) {
    for (const arch of ['plain', 'residual'] as const) {
      const net = d.nets[arch];
      const key = `ll.${d.depth}.${arch}`;
      out[`${key}.accuracy`] = result(net.trainAccuracy, 'percent', 1, LANDSCAPE);
      out[`${key}.lambdaMax`] = result(net.curvature.max, 'significant', 3, LANDSCAPE);
      out[`${key}.ratio`] = result(net.curvature.ratio, 'decimal', 3, LANDSCAPE);
      out[`${key}.upDown`] = result(net.roughness.upDown, 'decimal', 2, LANDSCAPE);
      out[`${key}.minima`] = result(net.roughness.localMinima, 'integer', 0, LANDSCAPE);
    }
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
  ...cnnDepthNumbers(),
  ...blockVariantsNumbers(),
  ...lesionNumbers(),
  ...landscapeNumbers(),
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
