/// <reference lib="webworker" />
/** The boundary lab's training worker: the shared job server running `runBoundaryJob`. */
import { runBoundaryJob, type BoundaryJob, type BoundaryProgress, type BoundaryResult } from './boundary-job';
import { serveJobs } from './serve-jobs';

serveJobs<BoundaryJob, BoundaryProgress, BoundaryResult>(self as unknown as DedicatedWorkerGlobalScope, runBoundaryJob);
