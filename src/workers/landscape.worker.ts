/// <reference lib="webworker" />
/**
 * The loss-landscape worker: the shared job server running `runLandscapeJob`. tfjs-core's gradient
 * functions are registered here, because the Hessian-vector products differentiate through the
 * hand-written backward pass (no other worker needs them).
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { runLandscapeJob, type LandscapeJob, type LandscapeProgress, type LandscapeResult } from './landscape-job';
import { serveJobs } from './serve-jobs';

serveJobs<LandscapeJob, LandscapeProgress, LandscapeResult>(self as unknown as DedicatedWorkerGlobalScope, runLandscapeJob);
