/// <reference lib="webworker" />
/** Worker for `npm run bench`: own training loop vs the tfjs Layers baseline. Loaded only by the dev harness page (`/dev/harness/`), never by a chapter. */
import { runBenchJob, type BenchJob, type BenchResult } from './bench-job';
import { serveJobs } from './serve-jobs';

serveJobs<BenchJob, never, BenchResult>(self as unknown as DedicatedWorkerGlobalScope, runBenchJob);
