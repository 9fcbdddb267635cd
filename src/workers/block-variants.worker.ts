/// <reference lib="webworker" />
/** The block-variants widget's training worker: the shared job server running `runBlockVariantsJob`. */
import { runBlockVariantsJob, type BlockVariantsJob, type BlockVariantsProgress, type BlockVariantsResult } from './block-variants-job';
import { serveJobs } from './serve-jobs';

serveJobs<BlockVariantsJob, BlockVariantsProgress, BlockVariantsResult>(self as unknown as DedicatedWorkerGlobalScope, runBlockVariantsJob);
