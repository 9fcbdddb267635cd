/**
 * What the block-variants widget asks its workers to do for a state — shared by the widget and by
 * the record/bench harness, so a recording is made with exactly the jobs a reader's click runs.
 */
import { blockVariants, isGated, paperGateBiases, type BlockVariantId } from '../../lib/ml/block-variants';
import type { BlockVariantsState } from '../../lib/state/schemas/block-variants';
import type { BlockVariantsJob } from '../../workers/block-variants-job';

/** Evaluations (training and test scores) per run. */
export const evaluationsPerRun = 20;

/** One run of `variant` with the state's training settings (and `gateBias`, default the state's). */
export function jobFor(state: BlockVariantsState, variant: BlockVariantId, gateBias = state.gateBias, seed = state.seed): BlockVariantsJob {
  return {
    variant,
    depth: state.depth,
    width: state.width,
    gateBias,
    optimizer: state.optimizer,
    lr: state.lr,
    steps: state.steps,
    seed,
    dataset: state.dataset,
    evalEvery: Math.max(5, Math.round(state.steps / evaluationsPerRun)),
    chunk: 20,
  };
}

/** The jobs of one press of Train: the chosen variants, in the order of the paper's tables. */
export function jobsFor(state: BlockVariantsState): BlockVariantsJob[] {
  return blockVariants.filter((v) => state.variants.includes(v.id)).map((v) => jobFor(state, v.id));
}

/** A configuration the recording covers: a variant, and for a gated one the initial gate bias. */
export interface RecordedConfig {
  variant: BlockVariantId;
  /** null for variants without a gate (their runs do not depend on it). */
  gateBias: number | null;
}

/** Every variant, the gated ones at both of the paper's gate biases (0 and −6). */
export const recordedConfigs: readonly RecordedConfig[] = blockVariants.flatMap((v): RecordedConfig[] =>
  isGated(v) ? paperGateBiases.map((gateBias) => ({ variant: v.id, gateBias })) : [{ variant: v.id, gateBias: null }],
);

/** The gate bias a config is run with (the state's for ungated variants, which ignore it). */
export const configGateBias = (c: RecordedConfig, state: BlockVariantsState) => c.gateBias ?? state.gateBias;

/** The recorded config that a live run of `variant` with `state` reproduces, if any. */
export function configOf(variant: BlockVariantId, gateBias: number): RecordedConfig | undefined {
  return recordedConfigs.find((c) => c.variant === variant && (c.gateBias === null || c.gateBias === gateBias));
}

/** Same key for a config whatever its order: `original`, `shortcut-gate@-6`. */
export const configKey = (c: RecordedConfig) => (c.gateBias === null ? c.variant : `${c.variant}@${c.gateBias}`);

// The loss curves are smoothed as in the degradation lab.
export { smooth } from '../degradation-lab/jobs';
