/// <reference lib="webworker" />
/** Worker for `npm run bench`: own training loop vs the tfjs Layers baseline. Not used by any page. */
import { runBenchJob, type BenchJob, type BenchResult } from './bench-job';
import { serveJobs } from './serve-jobs';

serveJobs<BenchJob, never, BenchResult>(self as unknown as DedicatedWorkerGlobalScope, runBenchJob);
