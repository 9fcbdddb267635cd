/**
 * Script-facing entry point (`npm run record`) over the same workers and jobs the widget uses:
 * trains the three learners with the default settings on every dataset and returns the recording.
 */
import { defaults } from '../../lib/state/schema';
import { boundaryLabSchema, type BoundaryLabState } from '../../lib/state/schemas/boundary-lab';
import type { BoundaryJob, BoundaryProgress, BoundaryResult } from '../../workers/boundary-job';
import { WorkerPool } from '../../workers/worker-pool';
import { jobsFor, smooth, type LearnerKind } from './jobs';
import { encodeGrid, type BoundaryRecording, type RecordedLearner } from './recording';

const round = (v: number, d: number) => Number(v.toFixed(d));

export const boundaryHarness = {
  async record(): Promise<BoundaryRecording & { ms: number }> {
    const state = defaults(boundaryLabSchema) as BoundaryLabState;
    const pool = new WorkerPool<BoundaryJob, BoundaryProgress, BoundaryResult>(
      () => new Worker(new URL('../../workers/boundary.worker.ts', import.meta.url), { type: 'module' }),
      2,
    );
    let backend = '';
    const datasets: Record<string, RecordedLearner[]> = {};
    const t0 = performance.now();
    for (const dataset of boundaryLabSchema.fields.dataset.values) {
      const jobs = jobsFor({ ...state, dataset });
      const series: Record<string, [number, number][]> = {};
      const curves: Record<string, { step: number; loss: number; accuracy: number }[]> = {};
      const ema: Record<string, number | undefined> = {};
      const outcomes = await Promise.all(
        jobs.map((job) =>
          pool.run(job, {
            onReady: (b) => (backend = b),
            onProgress: (p) => {
              const l = p.learner;
              series[l] ??= [];
              curves[l] ??= [];
              let step = p.step - p.losses.length + 1;
              for (const v of p.losses) {
                ema[l] = smooth(ema[l], v);
                series[l].push([step++, round(ema[l]!, 5)]);
              }
              if (p.evaluation) curves[l].push({ step: p.evaluation.step, loss: p.evaluation.loss, accuracy: p.evaluation.accuracy });
            },
          }),
        ),
      );
      datasets[dataset] = outcomes.flatMap((o) => {
        if (o.kind !== 'done' || o.result.finalLoss === undefined || !o.result.grid) return [];
        const r = o.result;
        const pts = series[r.learner] ?? [];
        const k = Math.max(1, Math.ceil(pts.length / 100));
        return [
          {
            learner: r.learner as LearnerKind,
            features: r.features,
            parameterCount: r.parameterCount,
            finalLoss: r.finalLoss!,
            finalAccuracy: r.finalAccuracy!,
            curve: curves[r.learner] ?? [],
            lossSeries: pts.filter((_, i) => i % k === 0 || i === pts.length - 1),
            grid: { resolution: r.grid!.resolution, classes: r.grid!.classes, extent: r.grid!.extent, cells: encodeGrid(r.grid!.probabilities, r.grid!.classes) },
          },
        ];
      });
    }
    pool.dispose();
    const { dataset: _omit, ...rest } = state;
    return { version: 1, backend: backend as 'wasm' | 'cpu', state: rest, datasets, ms: performance.now() - t0 };
  },
};
