/**
 * Script-facing entry points (record and bench) over the same worker and jobs the widget uses.
 */
import { defaults } from '../../lib/state/schema';
import { blockVariantsSchema, type BlockVariantsState } from '../../lib/state/schemas/block-variants';
import type { BlockVariantsJob, BlockVariantsProgress, BlockVariantsResult, VariantScores } from '../../workers/block-variants-job';
import { WorkerPool } from '../../workers/worker-pool';
import { configGateBias, jobFor, jobsFor, recordedConfigs, smooth } from './jobs';
import type { RecordedCurve, RecordedRun, Recording } from './recording';

const worker = () => new Worker(new URL('../../workers/block-variants.worker.ts', import.meta.url), { type: 'module' });
const round = (v: number, d: number) => Number(v.toFixed(d));
const roundScores = (e: VariantScores): VariantScores => ({
  step: e.step,
  loss: round(e.loss, 5),
  accuracy: round(e.accuracy, 4),
  testLoss: round(e.testLoss, 5),
  testAccuracy: round(e.testAccuracy, 4),
});

/** Seeds of the recorded table: the paper reports the median of 5 runs. */
export const recordedSeeds = 5;

/** Runs jobs on a pool of `size` workers; returns results and wall time. */
async function runAll(jobs: BlockVariantsJob[], size: number, onProgress?: (i: number, p: BlockVariantsProgress) => void) {
  const pool = new WorkerPool<BlockVariantsJob, BlockVariantsProgress, BlockVariantsResult>(worker, size);
  let backend = '';
  const t0 = performance.now();
  const outcomes = await Promise.all(jobs.map((job, i) => pool.run(job, { onReady: (b) => (backend = b), onProgress: (p) => onProgress?.(i, p) })));
  const ms = performance.now() - t0;
  pool.dispose();
  return { ms, backend, results: outcomes.map((o) => (o.kind === 'done' ? o.result : undefined)) };
}

export const blockVariantsHarness = {
  /** Every config at the default settings for seeds 0 … 4, and the curves of the default seed. */
  async record(): Promise<Recording> {
    const state = defaults(blockVariantsSchema) as BlockVariantsState;
    const seeds = [state.seed, ...Array.from({ length: recordedSeeds }, (_, i) => i).filter((s) => s !== state.seed)].slice(0, recordedSeeds);
    const plan = seeds.flatMap((seed) => recordedConfigs.map((config) => ({ config, seed, job: jobFor(state, config.variant, configGateBias(config, state), seed) })));
    const curves: RecordedCurve[] = recordedConfigs.map((c) => ({ ...c, losses: [], evals: [] }));
    const ema = new Map<number, number>();
    const { ms, backend, results } = await runAll(plan.map((p) => p.job), 2, (i, p) => {
      const { config, seed } = plan[i]!;
      if (seed !== state.seed) return;
      const curve = curves[recordedConfigs.indexOf(config)]!;
      let step = p.step - p.losses.length + 1;
      for (const l of p.losses) {
        const v = smooth(ema.get(i), l);
        ema.set(i, v);
        curve.losses.push([step++, round(v, 5)]);
      }
      if (p.evaluation) curve.evals.push(roundScores(p.evaluation));
    });
    const runs: RecordedRun[] = plan.map((p, i) => {
      const r = results[i];
      return {
        ...p.config,
        seed: p.seed,
        steps: p.job.steps,
        final: r?.final ? roundScores(r.final) : null,
        ...(r?.diverged ? { diverged: r.diverged } : {}),
        msPerStep: round(r?.msPerStep ?? 0, 2),
      };
    });
    // Thin the loss curves to ≤ 100 points (every k-th step, always keeping the last).
    for (const c of curves) {
      const k = Math.max(1, Math.ceil(c.losses.length / 100));
      c.losses = c.losses.filter((_, j) => j % k === 0 || j === c.losses.length - 1);
    }
    const { variants: _v, gateBias: _g, ...training } = state;
    return { version: 1, backend: backend as 'wasm' | 'cpu', state: training, seeds, runs, curves, ms: Math.round(ms) };
  },

  /**
   * Speed, all in one session: the default comparison as a reader's click runs it (the default
   * variants, 2 workers); ms/step of every variant at the default depth (`steps` each, one worker,
   * one after another, no evaluation in between); ms/step of the original at depths 8 to 64.
   */
  async bench(steps = 100) {
    const state = defaults(blockVariantsSchema) as BlockVariantsState;
    const jobs = jobsFor(state);
    const comparison = await runAll(jobs, 2);
    const timing = (variant: BlockVariantsJob['variant'], depth = state.depth): BlockVariantsJob => ({ ...jobFor({ ...state, depth, steps }, variant), evalEvery: 0 });
    const perVariant = await runAll(recordedConfigs.filter((c) => c.gateBias !== 0).map((c) => timing(c.variant)), 1);
    const depths = [8, 16, 32, 64];
    const perDepth = await runAll(depths.map((d) => timing('original', d)), 1);
    return {
      backend: comparison.backend,
      comparison: { variants: jobs.map((j) => j.variant), steps: state.steps, depth: state.depth, wallMs: Math.round(comparison.ms) },
      variants: perVariant.results.map((r) => ({ variant: r?.variant, msPerStep: round(r?.msPerStep ?? 0, 2) })),
      depths: perDepth.results.map((r, i) => ({ depth: depths[i]!, msPerStep: round(r?.msPerStep ?? 0, 2) })),
    };
  },
};
