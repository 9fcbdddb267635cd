/// <reference lib="webworker" />
/** The cnn-depth lab's training worker: loads the digits once, then serves `runCnnDepthJob`. */
import { runCnnDepthJob, type CnnDepthJob, type CnnDepthProgress, type CnnDepthResult } from './cnn-depth-job';
import { loadDigits } from './mnist-data';
import { serveJobs } from './serve-jobs';

serveJobs<CnnDepthJob, CnnDepthProgress, CnnDepthResult>(self as unknown as DedicatedWorkerGlobalScope, async (job, ctx) => runCnnDepthJob(job, ctx, await loadDigits()));
