/**
 * The recorded runs of the block-variants widget, written by `npm run record:block-variants` (the
 * same worker code, in headless Chromium on the WASM backend): every variant at the default
 * settings for several seeds, and the curves of the default seed. The widget shows them before
 * any click; the chapter's comparison with He et al. 2016b is computed from them at build time.
 */
import { blockVariant, paperRow, type BlockVariantId, type PaperError, type Verdict } from '../../lib/ml/block-variants';
import type { BlockVariantsState } from '../../lib/state/schemas/block-variants';
import type { VariantScores } from '../../workers/block-variants-job';
import { configKey, configOf, recordedConfigs, type RecordedConfig } from './jobs';
import recorded from './recorded.json';

/** One run: a config at one seed, with its final scores (or its divergence). */
export interface RecordedRun extends RecordedConfig {
  seed: number;
  steps: number;
  final: VariantScores | null;
  diverged?: { atStep: number; reason: string };
  msPerStep: number;
}

/** Curves of one config at the default seed. */
export interface RecordedCurve extends RecordedConfig {
  /** Smoothed mini-batch loss, [step, loss] pairs, thinned. */
  losses: [number, number][];
  /** Training and test scores at each evaluation step. */
  evals: VariantScores[];
}

export interface Recording {
  version: 1;
  backend: 'wasm' | 'cpu';
  /** The widget state that was recorded (the defaults when it was made; `variants` and `gateBias` are covered by the configs). */
  state: Omit<BlockVariantsState, 'variants' | 'gateBias'> & Partial<BlockVariantsState>;
  /** Seeds of the runs (the default seed first). */
  seeds: number[];
  runs: RecordedRun[];
  curves: RecordedCurve[];
  /** Wall time of the whole recording, ms. */
  ms: number;
}

/** The recording, or undefined before it has been made. */
export function loadRecording(): Recording | undefined {
  return (recorded as unknown as Recording | null) ?? undefined;
}

/** Settings that change the numbers, apart from the variants and the gate bias. */
export const trainingKeys = ['depth', 'width', 'optimizer', 'lr', 'steps', 'seed', 'dataset'] as const;

/** Whether a state's training settings are the recorded ones (so recorded curves can stand for its runs). */
export function matchesRecording(state: BlockVariantsState, rec: Recording | undefined): boolean {
  return !!rec && trainingKeys.every((k) => rec.state[k] === state[k]);
}

/** What the recording holds for a choice of variants: each one's curves, and its run at the state's seed where that run finished. */
export interface RecordedChoice {
  curves: { id: BlockVariantId; curve: RecordedCurve }[];
  runs: { id: BlockVariantId; run: RecordedRun & { final: VariantScores } }[];
}

/** The recorded curves and runs of the variants `ids` (in that order) with `state`'s settings; undefined unless every one was recorded. */
export function recordedChoice(rec: Recording | undefined, state: BlockVariantsState, ids: readonly BlockVariantId[]): RecordedChoice | undefined {
  if (!rec || !matchesRecording(state, rec)) return undefined;
  const configs = ids.map((id) => ({ id, config: configOf(id, state.gateBias) }));
  const curves = configs.map(({ id, config }) => ({ id, curve: config && rec.curves.find((c) => configKey(c) === configKey(config)) }));
  if (!curves.every((c): c is { id: BlockVariantId; curve: RecordedCurve } => !!c.curve)) return undefined;
  const runs = configs.flatMap(({ id, config }) => {
    const run = rec.runs.find((r) => configKey(r) === configKey(config!) && r.seed === state.seed);
    return run?.final ? [{ id, run: { ...run, final: run.final } }] : [];
  });
  return { curves, runs };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * How a config compares with `original`, trained on the same seeds (same data, initial weights
 * and batches, so each seed gives a paired difference):
 * - `fails`: its median test error is above 20 % (the paper's "fail"), or most seeds diverged;
 * - `worse` / `better`: its test error is higher (lower) than the original's on all seeds but at
 *   most one, and the median paired difference exceeds 0.5 points;
 * - `same`: neither.
 */
export type { Verdict };

/** One row of the recorded table: a config over all seeds. */
export interface SummaryRow extends RecordedConfig {
  /** Seeds that finished (the others diverged). */
  finished: number;
  seeds: number;
  /** Medians over the finished seeds: test error (fraction), training loss (nats). */
  testError: number;
  testErrorMin: number;
  testErrorMax: number;
  trainLoss: number;
  /** Median over seeds of (this − original) test error, fraction (0 for original). */
  pairedDiff: number;
  verdict: Verdict;
  /** The paper's ResNet-110 error for this config (%, or 'fail'), if the paper has such a row. */
  paper: PaperError | undefined;
  /** The paper's own verdict on this config against the original (its words, not a threshold). */
  paperVerdict: Verdict | undefined;
}

/** The recorded table: one row per config in the order of the paper's tables. */
export function summarise(rec: Recording): SummaryRow[] {
  const runsOf = (c: RecordedConfig) => rec.runs.filter((r) => configKey(r) === configKey(c));
  const base = runsOf({ variant: 'original', gateBias: null });
  const baseError = new Map(base.filter((r) => r.final).map((r) => [r.seed, 1 - r.final!.testAccuracy]));
  return recordedConfigs.map((c) => {
    const runs = runsOf(c);
    const done = runs.filter((r) => r.final);
    const errors = done.map((r) => 1 - r.final!.testAccuracy);
    const diffs = done.filter((r) => baseError.has(r.seed)).map((r) => 1 - r.final!.testAccuracy - baseError.get(r.seed)!);
    const testError = errors.length ? median(errors) : 1;
    const pairedDiff = diffs.length ? median(diffs) : 0;
    const needed = Math.max(1, diffs.length - 1);
    let verdict: Verdict = 'same';
    if (done.length < runs.length / 2 || testError > 0.2) verdict = 'fails';
    else if (diffs.filter((d) => d > 0).length >= needed && pairedDiff > 0.005) verdict = 'worse';
    else if (diffs.filter((d) => d < 0).length >= needed && pairedDiff < -0.005) verdict = 'better';
    const paper = paperRow(blockVariant(c.variant), c.gateBias ?? undefined);
    return {
      ...c,
      finished: done.length,
      seeds: runs.length,
      testError,
      testErrorMin: errors.length ? Math.min(...errors) : 1,
      testErrorMax: errors.length ? Math.max(...errors) : 1,
      trainLoss: done.length ? median(done.map((r) => r.final!.loss)) : Infinity,
      pairedDiff,
      verdict,
      paper: paper?.error,
      paperVerdict: paper?.paper.verdict,
    };
  });
}

/** The ranking a verdict places a variant in: a failure is a (large) way of being worse. */
export const direction = (v: Verdict): 'worse' | 'same' | 'better' => (v === 'fails' ? 'worse' : v);

/**
 * Rows where this notebook ranks a variant against the original as the paper does (worse, no clear
 * difference, better), and where it does not; the original itself is left out.
 */
export function agreement(rows: readonly SummaryRow[]) {
  const compared = rows.filter((r) => r.variant !== 'original' && r.paperVerdict !== undefined);
  const same = (r: SummaryRow) => direction(r.verdict) === direction(r.paperVerdict!);
  return { agree: compared.filter(same), differ: compared.filter((r) => !same(r)) };
}

export type { BlockVariantId };
