/**
 * Script-facing entry points (record and bench) over the same workers and jobs the widget uses.
 */
import { defaults } from '../../lib/state/schema';
import { degradationLabSchema, type DegradationLabState } from '../../lib/state/schemas/degradation-lab';
import type { BenchJob, BenchResult } from '../../workers/bench-job';
import type { DegradationJob, DegradationProgress, DegradationResult } from '../../workers/degradation-job';
import { WorkerPool } from '../../workers/worker-pool';
import { archs, jobsFor, smooth, type Arch } from './jobs';
import type { Recording } from './recording';

const degradationWorker = () => new Worker(new URL('../../workers/degradation.worker.ts', import.meta.url), { type: 'module' });
const round = (v: number, d: number) => Number(v.toFixed(d));

/** Runs jobs on a pool of `size` workers; returns results and wall time. */
async function runAll(jobs: DegradationJob[], size: number, onProgress?: (i: number, p: DegradationProgress) => void) {
  const pool = new WorkerPool<DegradationJob, DegradationProgress, DegradationResult>(degradationWorker, size);
  let backend = '';
  const t0 = performance.now();
  const outcomes = await Promise.all(jobs.map((job, i) => pool.run(job, { onReady: (b) => (backend = b), onProgress: (p) => onProgress?.(i, p) })));
  const ms = performance.now() - t0;
  pool.dispose();
  return { ms, backend, results: outcomes.map((o) => (o.kind === 'done' ? o.result : undefined)) };
}

export const harness = {
  /** The recording of the default state: single-depth runs (curves, grids, gradient norms) and the sweep. */
  async record(): Promise<Recording> {
    const state = defaults(degradationLabSchema) as DegradationLabState;
    const single = jobsFor({ ...state, mode: 'single' });
    const lossSeries: Record<Arch, [number, number][]> = { plain: [], residual: [] };
    const ema: Record<Arch, number | undefined> = { plain: undefined, residual: undefined };
    const evals: Record<Arch, Map<number, { loss: number; accuracy: number }>> = { plain: new Map(), residual: new Map() };
    const gradNorms: Recording['gradNorms'] = { plain: [], residual: [] };
    const { backend, results } = await runAll(single, 2, (_, p) => {
      let step = p.step - p.losses.length + 1;
      for (const l of p.losses) {
        ema[p.arch] = smooth(ema[p.arch], l);
        lossSeries[p.arch].push([step++, round(ema[p.arch]!, 5)]);
      }
      if (p.evaluation) evals[p.arch].set(p.evaluation.step, { loss: p.evaluation.loss, accuracy: p.evaluation.accuracy });
      if (p.gradNorms) gradNorms[p.arch].push({ step: p.gradNorms.step, norms: p.gradNorms.norms.map((v) => Number(v.toPrecision(5))) });
    });
    const steps = [...new Set(archs.flatMap((a) => [...evals[a].keys()]))].sort((a, b) => a - b);
    const sweep = await runAll(jobsFor({ ...state, mode: 'sweep' }), 2);
    const toRun = (r: DegradationResult | undefined) =>
      r && r.finalLoss !== undefined && r.finalAccuracy !== undefined
        ? [{ arch: r.arch, depth: r.depth, steps: r.steps, finalLoss: r.finalLoss, finalAccuracy: r.finalAccuracy }]
        : [];
    return {
      version: 1,
      backend: backend as 'wasm' | 'cpu',
      state: { ...state },
      runs: results.flatMap(toRun),
      curve: steps.map((step) => ({
        step,
        plainLoss: evals.plain.get(step)?.loss ?? null,
        residualLoss: evals.residual.get(step)?.loss ?? null,
        plainAcc: evals.plain.get(step)?.accuracy ?? null,
        residualAcc: evals.residual.get(step)?.accuracy ?? null,
      })),
      // Thin to ≤ 200 points per curve (every k-th step, always keeping the last).
      lossSeries: Object.fromEntries(
        archs.map((a) => {
          const pts = lossSeries[a];
          const k = Math.max(1, Math.ceil(pts.length / 200));
          return [a, pts.filter((_, i) => i % k === 0 || i === pts.length - 1)];
        }),
      ) as Recording['lossSeries'],
      grids: Object.fromEntries(
        results.flatMap((r) => (r?.grid ? [[r.arch, { ...r.grid, probabilities: Array.from(r.grid.probabilities, (v) => round(v, 3)) }]] : [])),
      ),
      gradNorms,
      sweep: sweep.results.flatMap(toRun),
    };
  },

  /** Wall time of the default depth sweep on a pool of `size` workers. */
  async sweep(size: number) {
    const state = defaults(degradationLabSchema) as DegradationLabState;
    const { ms, backend, results } = await runAll(jobsFor({ ...state, mode: 'sweep' }), size);
    return { ms, backend, runs: results.length, msPerStep: results.map((r) => r?.msPerStep ?? 0) };
  },

  /** Own loop vs Layers trainOnBatch at one depth, same backend, in a worker. */
  async ownVsLayers(job: BenchJob): Promise<BenchResult> {
    const pool = new WorkerPool<BenchJob, never, BenchResult>(() => new Worker(new URL('../../workers/bench.worker.ts', import.meta.url), { type: 'module' }), 1);
    const outcome = await pool.run(job);
    pool.dispose();
    if (outcome.kind !== 'done') throw new Error('bench stopped');
    return outcome.result;
  },
};
