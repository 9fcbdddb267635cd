/**
 * Script-facing entry point (`npm run record:lesion`, `npm run bench`) over the same worker and
 * jobs the widget uses: the default state's two nets, on two workers.
 */
import { defaults } from '../../lib/state/schema';
import { lesionStudySchema, type LesionStudyState } from '../../lib/state/schemas/lesion-study';
import type { LesionJob, LesionProgress, LesionResult } from '../../workers/lesion-job';
import { WorkerPool } from '../../workers/worker-pool';
import { archs, gridResolution, jobsFor } from './jobs';
import { recordNet, type LesionRecording } from './recording';

const lesionWorker = () => new Worker(new URL('../../workers/lesion.worker.ts', import.meta.url), { type: 'module' });

/** Runs both nets of `state` on two workers; returns the results, the backend and the wall time. */
async function runState(state: LesionStudyState) {
  const pool = new WorkerPool<LesionJob, LesionProgress, LesionResult>(lesionWorker, 2);
  let backend = '';
  const t0 = performance.now();
  const outcomes = await Promise.all(jobsFor(state).map((job) => pool.run(job, { onReady: (b) => (backend = b) })));
  const ms = performance.now() - t0;
  pool.dispose();
  const results = outcomes.map((o) => {
    if (o.kind !== 'done') throw new Error('lesion run stopped');
    if (o.result.diverged) throw new Error(`${o.result.arch} diverged at step ${o.result.diverged.atStep}`);
    return o.result;
  });
  return { backend: backend as 'wasm' | 'cpu', ms, results };
}

export const lesionHarness = {
  async record(): Promise<LesionRecording> {
    const state = defaults(lesionStudySchema) as LesionStudyState;
    const { backend, ms, results } = await runState(state);
    const first = results[0]!.intactGrid!;
    return {
      version: 1,
      backend,
      state: { ...state },
      ms: Math.round(ms),
      grid: { resolution: gridResolution, classes: first.classes, extent: first.extent },
      nets: Object.fromEntries(archs.map((a) => [a, recordNet(results.find((r) => r.arch === a)!)])) as LesionRecording['nets'],
    };
  },

  /** Wall time of a default run, and its split: ms per training step in each worker. */
  async bench() {
    const state = defaults(lesionStudySchema) as LesionStudyState;
    const { backend, ms, results } = await runState(state);
    return { backend, ms, msPerStep: results.map((r) => r.msPerStep) };
  },
};
