/**
 * Script-facing entry point (`npm run record:landscape`, `npm run bench`) over the same worker and
 * jobs the widget uses: both nets at each recorded depth, on two workers.
 */
import { defaults } from '../../lib/state/schema';
import { lossLandscapeSchema, type LossLandscapeState } from '../../lib/state/schemas/loss-landscape';
import type { LandscapeJob, LandscapeProgress, LandscapeResult } from '../../workers/landscape-job';
import { WorkerPool } from '../../workers/worker-pool';
import { archs, jobsFor, recordedDepths } from './jobs';
import { recordNet, type LandscapeRecording, type RecordedDepth } from './recording';

const landscapeWorker = () => new Worker(new URL('../../workers/landscape.worker.ts', import.meta.url), { type: 'module' });

/** Both nets of `state` on two workers; with `sliceOnly`, no line and no Hessian (the slice alone is timed). */
async function runState(state: LossLandscapeState, sliceOnly = false) {
  const pool = new WorkerPool<LandscapeJob, LandscapeProgress, LandscapeResult>(landscapeWorker, 2);
  let backend = '';
  let sliceStart = 0;
  let sliceEnd = 0;
  const t0 = performance.now();
  const jobs = jobsFor(state).map((j) => (sliceOnly ? { ...j, linePoints: 0, lanczosSteps: 0 } : j));
  const outcomes = await Promise.all(
    jobs.map((job) =>
      pool.run(job, {
        onReady: (b) => (backend = b),
        onProgress: (p) => {
          // The slice's wall time: from the first row's start (last training report) to the last row.
          if (p.phase === 'train' && p.step === job.steps) sliceStart = Math.max(sliceStart, performance.now());
          if (p.phase === 'row' && p.row === job.resolution - 1) sliceEnd = Math.max(sliceEnd, performance.now());
        },
      }),
    ),
  );
  const ms = performance.now() - t0;
  pool.dispose();
  const results = outcomes.map((o) => {
    if (o.kind !== 'done') throw new Error('landscape run stopped');
    return o.result;
  });
  return { backend: backend as 'wasm' | 'cpu', ms, sliceMs: sliceEnd - sliceStart, results };
}

export const landscapeHarness = {
  async record(): Promise<LandscapeRecording> {
    const state = defaults(lossLandscapeSchema) as LossLandscapeState;
    const depths: RecordedDepth[] = [];
    let backend: 'wasm' | 'cpu' = 'wasm';
    for (const depth of recordedDepths) {
      const run = await runState({ ...state, depth });
      backend = run.backend;
      for (const r of run.results) if (r.diverged) throw new Error(`${r.arch} at depth ${depth} diverged at step ${r.diverged.atStep}`);
      depths.push({
        depth,
        ms: Math.round(run.ms),
        nets: Object.fromEntries(archs.map((a) => [a, recordNet(run.results.find((r) => r.arch === a)!)])) as RecordedDepth['nets'],
      });
    }
    return { version: 1, backend, state: { ...state }, depths };
  },

  /** The default slice (both nets, two workers) at `depth`: its wall time, and ms per point in each worker. */
  async bench(depth = 32) {
    const state = defaults(lossLandscapeSchema) as LossLandscapeState;
    const { backend, sliceMs, results } = await runState({ ...state, depth }, true);
    return { backend, depth, resolution: state.resolution, sliceMs, msPerPoint: results.map((r) => r.msPerPoint ?? 0) };
  },
};
