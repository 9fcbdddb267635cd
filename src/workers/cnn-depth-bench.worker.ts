/// <reference lib="webworker" />
/**
 * `npm run bench` only (no page loads it): the hand-written CIFAR-net step against tfjs autodiff,
 * in a worker, on the backend the bench asks for. tfjs's gradients are registered here and only here.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { runCnnDepthBench, type CnnDepthBenchJob, type CnnDepthBenchResult } from './cnn-depth-bench-job';
import { loadDigits } from './mnist-data';
import { serveJobs } from './serve-jobs';

serveJobs<CnnDepthBenchJob, never, CnnDepthBenchResult>(self as unknown as DedicatedWorkerGlobalScope, async (job, ctx) => runCnnDepthBench(job, ctx, await loadDigits()));
