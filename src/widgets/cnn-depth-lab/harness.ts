/**
 * Script-facing entry points of the cnn-depth lab (`npm run record:cnn-depth`, `npm run bench`)
 * over the same worker and job builder the widget uses.
 */
import { defaults } from '../../lib/state/schema';
import { cnnDepthLabSchema, depthLayers, type CnnDepthLabState } from '../../lib/state/schemas/cnn-depth-lab';
import type { BackendName } from '../../workers/protocol';
import type { CnnDepthJob, CnnDepthProgress, CnnDepthResult } from '../../workers/cnn-depth-job';
import type { CnnDepthBenchJob, CnnDepthBenchResult } from '../../workers/cnn-depth-bench-job';
import { WorkerPool } from '../../workers/worker-pool';
import { toBase64 } from '../cnn-trainer/recording';
import { showStack } from './feature-maps';
import { archs, cnnDepthWorker, jobFor } from './jobs';
import type { CnnDepthRecording, RecordedFeatures, RecordedRun } from './recording';

const round = (v: number, d = 4) => Number(v.toFixed(d));
/** The recorded feature maps are those of the deepest pair. */
const FEATURE_LAYERS = 56;

async function runAll(jobs: CnnDepthJob[], size: number, backend: BackendName, log?: (line: string) => void) {
  const pool = new WorkerPool<CnnDepthJob, CnnDepthProgress, CnnDepthResult>(cnnDepthWorker, size, backend);
  let used = '';
  const t0 = performance.now();
  const outcomes = await Promise.all(
    jobs.map((job) =>
      pool.run(job, {
        onReady: (b) => (used = b),
        onProgress: (p) => p.evaluation && log?.(`${p.arch}-${p.layers} step ${p.step}/${p.total}: train ${p.evaluation.trainError.toFixed(3)} test ${p.evaluation.testError.toFixed(3)}`),
      }),
    ),
  );
  const wallMs = performance.now() - t0;
  pool.dispose();
  const results = outcomes.map((o) => {
    if (o.kind !== 'done') throw new Error('stopped');
    return o.result;
  });
  return { results, backend: used, wallMs };
}

export const cnnDepthHarness = {
  /** Every depth of the default state, plain and residual, and the feature maps of the 56-layer pair for one digit of each class. */
  async record(): Promise<{ recording: CnnDepthRecording; features: RecordedFeatures; log: string[] }> {
    const state = defaults(cnnDepthLabSchema) as CnnDepthLabState;
    const log: string[] = [];
    const layers = depthLayers.map(Number).sort((a, b) => b - a); // deepest first: the longest runs start at once
    const jobs = layers.flatMap((l) => archs.map((arch) => jobFor(state, arch, l, l === FEATURE_LAYERS ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] : [])));
    const { results, backend } = await runAll(jobs, 2, 'wasm', (line) => {
      log.push(line);
      console.log(line); // the record script echoes the page's console
    });
    const runs: RecordedRun[] = results
      .map((r) => {
        if (r.trainError === undefined || r.testError === undefined) throw new Error(`${r.arch}-${r.layers} diverged at step ${r.diverged?.atStep}`);
        return {
          arch: r.arch,
          layers: r.layers,
          steps: r.steps,
          trainError: r.trainError,
          testError: r.testError,
          curve: r.curve.map((p): [number, number, number] => [p.step, round(p.trainError), round(p.testError)]),
          msPerStep: Math.round(r.msPerStep),
        };
      })
      .sort((a, b) => a.layers - b.layers || a.arch.localeCompare(b.arch));
    const features = Object.fromEntries(
      archs.map((arch) => {
        const r = results.find((x) => x.arch === arch && x.layers === FEATURE_LAYERS)!;
        return [
          arch,
          r.features!.map((f) => ({
            label: f.label,
            probabilities: f.probabilities.map((p) => round(p, 3)),
            stacks: f.stacks.map((s) => {
              const shown = showStack(s);
              return { size: shown.size, channels: shown.channels, shown: shown.shown, mean: round(shown.mean), active: round(shown.active), bytes: toBase64(shown.bytes) };
            }),
          })),
        ];
      }),
    ) as RecordedFeatures;
    return {
      recording: { version: 1, backend: backend as CnnDepthRecording['backend'], state: { ...state, depths: [...depthLayers] }, runs, featureLayers: FEATURE_LAYERS, recordedWith: 'npm run record:cnn-depth' },
      features,
      log,
    };
  },

  /** One run of the default settings at `layers` alone on one worker, `steps` steps: speed, tensor counts, memory. */
  async speed(arch: 'plain' | 'residual', layers: number, steps: number, backend: BackendName = 'wasm') {
    const state = defaults(cnnDepthLabSchema) as CnnDepthLabState;
    const job = { ...jobFor(state, arch, layers, []), steps, evaluations: 4, trainSample: 200, testCount: 200 };
    const { results, backend: used, wallMs } = await runAll([job], 1, backend);
    const r = results[0]!;
    return { backend: used, msPerStep: r.msPerStep, tensorCounts: r.tensorCounts, wasmHeapBytes: r.wasmHeapBytes, tensorBytes: r.tensorBytes, parameters: r.parameters, wallMs };
  },

  /** Hand-written step vs tfjs autodiff, same net, same backend, same worker. */
  async autodiff(arch: 'plain' | 'residual', layers: number, steps: number, backend: BackendName): Promise<CnnDepthBenchResult> {
    const state = defaults(cnnDepthLabSchema) as CnnDepthLabState;
    const pool = new WorkerPool<CnnDepthBenchJob, never, CnnDepthBenchResult>(
      () => new Worker(new URL('../../workers/cnn-depth-bench.worker.ts', import.meta.url), { type: 'module' }),
      1,
      backend,
    );
    const outcome = await pool.run({ arch, layers, width: state.width, inputSize: Number(state.size) as 14 | 28, batchSize: 128, steps, seed: state.seed });
    pool.dispose();
    if (outcome.kind !== 'done') throw new Error('bench stopped');
    return outcome.result;
  },

  /** A tiny run on a given backend (the WebGPU-vs-WASM e2e check): the curve and final errors. */
  async tiny(backend: BackendName) {
    const state = defaults(cnnDepthLabSchema) as CnnDepthLabState;
    const job: CnnDepthJob = { ...jobFor(state, 'residual', 8, []), width: 4, steps: 12, evaluations: 2, trainCount: 512, trainSample: 256, testCount: 256, batchSize: 64 };
    const losses: number[] = [];
    const pool = new WorkerPool<CnnDepthJob, CnnDepthProgress, CnnDepthResult>(cnnDepthWorker, 1, backend);
    let used = '';
    const outcome = await pool.run(job, { onReady: (b) => (used = b), onProgress: (p) => losses.push(...p.losses) });
    pool.dispose();
    if (outcome.kind !== 'done') throw new Error('stopped');
    const r = outcome.result;
    return { backend: used, trainError: r.trainError, testError: r.testError, curve: r.curve, losses };
  },
};
