/// <reference lib="webworker" />
/** The degradation lab's training worker: the shared job server running `runDegradationJob`. */
import { runDegradationJob, type DegradationJob, type DegradationProgress, type DegradationResult } from './degradation-job';
import { serveJobs } from './serve-jobs';

serveJobs<DegradationJob, DegradationProgress, DegradationResult>(self as unknown as DedicatedWorkerGlobalScope, runDegradationJob);
