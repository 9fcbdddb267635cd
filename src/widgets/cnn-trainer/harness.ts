/**
 * Script-facing entry points of the cnn-trainer (npm run record / bench) over the same worker and
 * job builder the widget uses.
 */
import { defaults } from '../../lib/state/schema';
import { cnnTrainerSchema, type CnnTrainerState } from '../../lib/state/schemas/cnn-trainer';
import type { ConvMethod } from '../../lib/ml/conv-layer';
import type { CnnJob, CnnProgress, CnnResult } from '../../workers/cnn-job';
import { WorkerPool } from '../../workers/worker-pool';
import { cnnWorker, jobFor } from './jobs';
import { toBase64, type CnnRecording } from './recording';

async function run(job: CnnJob, backend: 'wasm' | 'cpu' = 'wasm') {
  const pool = new WorkerPool<CnnJob, CnnProgress, CnnResult>(cnnWorker, 1, backend);
  let used = '';
  const t0 = performance.now();
  const outcome = await pool.run(job, { onReady: (b) => (used = b) });
  const wallMs = performance.now() - t0;
  pool.dispose();
  if (outcome.kind !== 'done') throw new Error('stopped');
  return { result: outcome.result, backend: used, wallMs };
}

export const cnnHarness = {
  /**
   * The recording of the default state, and its weights as base64 float32 (CNN then logistic).
   * The record script adds the sample digits, filters and predictions (from the data file and
   * these weights).
   */
  async record(): Promise<{ recording: Omit<CnnRecording, 'samples' | 'filters' | 'predictions'>; weights: string }> {
    const state = defaults(cnnTrainerSchema) as CnnTrainerState;
    const { result, backend } = await run(jobFor(state));
    const cnn = result.weights;
    const logistic = result.logisticWeights ?? new Float32Array(0);
    const all = new Float32Array(cnn.length + logistic.length);
    all.set(cnn);
    all.set(logistic, cnn.length);
    return {
      recording: {
        version: 1,
        backend: backend as 'wasm' | 'cpu',
        state: { ...state },
        curve: result.curve,
        confusion: result.confusion,
        logisticConfusion: result.logisticConfusion,
        weightCounts: { cnn: cnn.length, logistic: logistic.length },
        msPerEpoch: Math.round(result.msPerEpoch),
      },
      weights: toBase64(new Uint8Array(all.buffer)),
    };
  },

  /** One run of the default state with a given conv-gradient method and backend, `steps` steps or the full run. */
  async bench(method: ConvMethod, backend: 'wasm' | 'cpu', steps?: number) {
    const state = defaults(cnnTrainerSchema) as CnnTrainerState;
    const job: CnnJob = { ...jobFor(state), method, contrast: false, maxSteps: steps };
    const { result, backend: used, wallMs } = await run(job, backend);
    return { backend: used, method, msPerEpoch: result.msPerEpoch, msTo95: result.msTo95, steps: result.steps, wallMs, finalTest: result.curve.at(-1)!.test };
  },
};
