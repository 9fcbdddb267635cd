/**
 * The notebooks repeat the widgets' runs: the numbers an exporter adds to a state (points, batch
 * size, evaluation schedule, grid) must be those the widgets' job builders use.
 */
import { describe, expect, it } from 'vitest';
import { blockVariantsEvaluations, variantOrder } from '../../src/lib/notebook/exporters/block-variants';
import { boundaryRun } from '../../src/lib/notebook/exporters/boundary-lab';
import { cnnTrainSample } from '../../src/lib/notebook/exporters/cnn-trainer';
import { degradationRun, evalEvery } from '../../src/lib/notebook/exporters/degradation-lab';
import { gradientFlowEvaluations } from '../../src/lib/notebook/exporters/gradient-flow';
import { lesionRun } from '../../src/lib/notebook/exporters/lesion-study';
import { landscapeRun } from '../../src/lib/notebook/exporters/loss-landscape';
import { defaults } from '../../src/lib/state/schema';
import { blockVariantsSchema, type BlockVariantsState } from '../../src/lib/state/schemas/block-variants';
import { boundaryLabSchema, type BoundaryLabState } from '../../src/lib/state/schemas/boundary-lab';
import { cnnTrainerSchema, EVALS_PER_EPOCH, type CnnTrainerState } from '../../src/lib/state/schemas/cnn-trainer';
import { degradationLabSchema, type DegradationLabState } from '../../src/lib/state/schemas/degradation-lab';
import { lesionStudySchema, type LesionStudyState } from '../../src/lib/state/schemas/lesion-study';
import { lossLandscapeSchema, type LossLandscapeState } from '../../src/lib/state/schemas/loss-landscape';
import { jobsFor as blockVariantJobs } from '../../src/widgets/block-variants/jobs';
import { jobFor as boundaryJob, pointCount } from '../../src/widgets/boundary-lab/jobs';
import { jobFor as cnnJob } from '../../src/widgets/cnn-trainer/jobs';
import { jobFor as degradationJob } from '../../src/widgets/degradation-lab/jobs';
import { jobFor as lesionJob } from '../../src/widgets/lesion-study/jobs';
import { jobFor as landscapeJob } from '../../src/widgets/loss-landscape/jobs';
import { TRAIN_SAMPLE } from '../../src/workers/cnn-job';

const stepCounts = [50, 70, 90, 130, 400, 1000, 1990, 2000];

describe('the notebooks use the widgets’ run settings', () => {
  it('degradation lab and gradient flow: evaluation schedule and decision-map grid', () => {
    for (const steps of stepCounts) {
      const state = { ...(defaults(degradationLabSchema) as DegradationLabState), steps };
      const job = degradationJob(state, 'plain', 32);
      expect(job.evalEvery).toBe(evalEvery(steps, degradationRun.evaluations));
      expect(job.gridResolution).toBe(degradationRun.gridResolution);
      expect(job.points ?? degradationRun.points).toBe(degradationRun.points);
      expect(job.batchSize ?? degradationRun.batchSize).toBe(degradationRun.batchSize);
      const flow = degradationJob(state, 'plain', 32, { evaluations: 40, gridResolution: 0 });
      expect(flow.evalEvery).toBe(evalEvery(steps, gradientFlowEvaluations));
    }
  });

  it('boundary lab: points, batch size, evaluation schedule, grid', () => {
    expect(pointCount).toBe(boundaryRun.points);
    for (const steps of stepCounts) {
      const job = boundaryJob({ ...(defaults(boundaryLabSchema) as BoundaryLabState), steps }, 'mlp');
      expect(job.points).toBe(boundaryRun.points);
      expect(job.batchSize).toBe(boundaryRun.batchSize);
      expect(job.evalEvery).toBe(Math.max(boundaryRun.minEvalEvery, Math.round(steps / boundaryRun.evaluations)));
      expect(job.finalGrid).toBe(boundaryRun.gridResolution);
    }
  });

  it('CNN trainer: evaluations per epoch and the training sample', () => {
    const job = cnnJob(defaults(cnnTrainerSchema) as CnnTrainerState);
    expect(job.evalsPerEpoch).toBe(EVALS_PER_EPOCH);
    expect(cnnTrainSample).toBe(TRAIN_SAMPLE);
  });

  it('loss landscape: line points, Lanczos steps, the points the loss is measured on, the training set', () => {
    for (const arch of ['plain', 'residual'] as const) {
      const job = landscapeJob(defaults(lossLandscapeSchema) as LossLandscapeState, arch);
      expect(job.linePoints).toBe(landscapeRun.linePoints);
      expect(job.lanczosSteps).toBe(landscapeRun.lanczosSteps);
      expect(job.lossPoints).toBe(landscapeRun.lossPoints);
      expect(job.points ?? degradationRun.points).toBe(degradationRun.points);
      expect(job.batchSize ?? degradationRun.batchSize).toBe(degradationRun.batchSize);
    }
  });

  it('lesion study: decision maps, held-out points, the training set', () => {
    for (const arch of ['plain', 'residual'] as const) {
      const job = lesionJob(defaults(lesionStudySchema) as LesionStudyState, arch);
      expect(job.gridResolution).toBe(lesionRun.gridResolution);
      expect(job.testPoints ?? 1000).toBe(lesionRun.testPoints);
      expect(job.points ?? degradationRun.points).toBe(degradationRun.points);
      expect(job.batchSize ?? degradationRun.batchSize).toBe(degradationRun.batchSize);
    }
  });

  it('block variants: the variants in the widget’s order, the evaluation schedule, the training and test sets', () => {
    for (const steps of stepCounts) {
      const state = { ...(defaults(blockVariantsSchema) as BlockVariantsState), steps, variants: ['full-preact', 'original', 'exclusive-gate'] as BlockVariantsState['variants'] };
      const jobs = blockVariantJobs(state);
      expect(jobs.map((j) => j.variant)).toEqual(variantOrder(state));
      for (const job of jobs) {
        expect(job.evalEvery).toBe(evalEvery(steps, blockVariantsEvaluations));
        expect(job.points ?? degradationRun.points).toBe(degradationRun.points);
        expect(job.batchSize ?? degradationRun.batchSize).toBe(degradationRun.batchSize);
      }
    }
  });
});
