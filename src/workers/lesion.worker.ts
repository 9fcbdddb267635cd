/// <reference lib="webworker" />
/** The lesion study's worker: the shared job server running `runLesionJob`. */
import { runLesionJob, type LesionJob, type LesionProgress, type LesionResult } from './lesion-job';
import { serveJobs } from './serve-jobs';

serveJobs<LesionJob, LesionProgress, LesionResult>(self as unknown as DedicatedWorkerGlobalScope, runLesionJob);
