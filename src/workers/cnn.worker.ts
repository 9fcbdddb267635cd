/// <reference lib="webworker" />
/** The cnn-trainer's training worker: loads the digits once, then serves `runCnnJob`. */
import { runCnnJob, type CnnJob, type CnnProgress, type CnnResult } from './cnn-job';
import { loadDigits } from './mnist-data';
import { serveJobs } from './serve-jobs';

serveJobs<CnnJob, CnnProgress, CnnResult>(self as unknown as DedicatedWorkerGlobalScope, async (job, ctx) => {
  // tfjs's own gradients are only needed by the `autodiff` baseline of `npm run bench`; the
  // widget never loads them.
  if (job.method === 'autodiff') await import('@tensorflow/tfjs-core/dist/register_all_gradients');
  return runCnnJob(job, ctx, await loadDigits());
});
