/**
 * One training run of the degradation lab, as a worker job: builds the dataset and the net from
 * plain numbers, trains in chunks (reporting mini-batch losses, full-set loss/accuracy and
 * per-layer gradient norms as it goes), and returns the final numbers and a decision-boundary grid.
 * Pure over tfjs-core: runs in a Web Worker and, for the unit tests, in Node.
 */
import { makeDataset, type DatasetName } from '../lib/ml/datasets';
import type { Architecture } from '../lib/ml/net-config';
import type { Diverged } from '../lib/ml/lockstep-trainer';
import { createTrainer } from '../lib/ml/trainer';
import type { JobContext } from './serve-jobs';

export interface DegradationJob {
  arch: Architecture;
  depth: number;
  width: number;
  bn: boolean;
  optimizer: 'adam' | 'sgd';
  lr: number;
  steps: number;
  seed: number;
  dataset: DatasetName;
  /** Points in the dataset (default 1,000). */
  points?: number;
  batchSize?: number;
  /** Full-set evaluation (and gradient norms) every this many steps; 0 = only at the end. */
  evalEvery: number;
  /** Decision-boundary grid resolution at the end; 0 = none. */
  gridResolution: number;
  /** Steps per chunk between progress reports (the first chunk is short so a curve appears at once). */
  chunk?: number;
}

export interface DegradationProgress {
  arch: Architecture;
  depth: number;
  /** Steps done so far (of `total`). */
  step: number;
  total: number;
  /** Mini-batch losses of steps (step − losses.length + 1) … step. */
  losses: number[];
  evaluation?: { step: number; loss: number; accuracy: number };
  gradNorms?: { step: number; norms: number[] };
}

export interface DegradationResult {
  arch: Architecture;
  depth: number;
  steps: number;
  /** Full-set training loss (nats) and accuracy after the last step; absent if diverged. */
  finalLoss?: number;
  finalAccuracy?: number;
  diverged?: { atStep: number; reason: Diverged['reason'] };
  grid?: { resolution: number; classes: number; extent: { xMin: number; xMax: number; yMin: number; yMax: number }; probabilities: Float32Array };
  /** Milliseconds per training step, measured inside the worker (compute only). */
  msPerStep: number;
}

const now = () => (globalThis.performance ?? Date).now();

export async function runDegradationJob(job: DegradationJob, ctx: Pick<JobContext<DegradationProgress>, 'report' | 'checkpoint'>): Promise<DegradationResult> {
  const data = makeDataset(job.dataset, { n: job.points ?? 1000, seed: job.seed });
  const trainer = createTrainer({
    data,
    architecture: job.arch,
    depth: job.depth,
    width: job.width,
    batchNorm: job.bn,
    batchSize: job.batchSize ?? 64,
    optimizer: job.optimizer === 'adam' ? { kind: 'adam', learningRate: job.lr } : { kind: 'sgd', learningRate: job.lr, momentum: 0.9 },
    seed: job.seed,
  });
  const base = { arch: job.arch, depth: job.depth };
  const diverged = (d: Diverged): DegradationResult => ({ ...base, steps: job.steps, diverged: { atStep: d.atStep, reason: d.reason }, msPerStep: 0 });
  let trainMs = 0;
  try {
    if (job.evalEvery > 0) {
      const e = trainer.evaluate();
      const g = trainer.gradNorms();
      if (e.kind === 'diverged') return diverged(e);
      if (g.kind === 'diverged') return diverged(g);
      ctx.report({ ...base, step: 0, total: job.steps, losses: [], evaluation: { step: 0, loss: e.loss, accuracy: e.accuracy }, gradNorms: { step: 0, norms: g.norms } });
    }
    const chunk = Math.max(1, job.chunk ?? 25);
    let first = true;
    while (trainer.stepsDone < job.steps) {
      await ctx.checkpoint();
      const untilEval = job.evalEvery > 0 ? job.evalEvery - (trainer.stepsDone % job.evalEvery) : Infinity;
      const n = Math.min(first ? Math.min(5, chunk) : chunk, job.steps - trainer.stepsDone, untilEval);
      first = false;
      const t0 = now();
      const r = trainer.step(n);
      trainMs += now() - t0;
      if (r.kind === 'diverged') {
        ctx.report({ ...base, step: r.stepsDone, total: job.steps, losses: r.losses });
        return diverged(r);
      }
      const progress: DegradationProgress = { ...base, step: r.stepsDone, total: job.steps, losses: r.losses };
      if (job.evalEvery > 0 && r.stepsDone % job.evalEvery === 0 && r.stepsDone < job.steps) {
        const e = trainer.evaluate();
        const g = trainer.gradNorms();
        if (e.kind === 'diverged') return diverged(e);
        if (g.kind === 'diverged') return diverged(g);
        progress.evaluation = { step: e.step, loss: e.loss, accuracy: e.accuracy };
        progress.gradNorms = { step: g.step, norms: g.norms };
      }
      ctx.report(progress);
    }
    const e = trainer.evaluate();
    if (e.kind === 'diverged') return diverged(e);
    const result: DegradationResult = { ...base, steps: job.steps, finalLoss: e.loss, finalAccuracy: e.accuracy, msPerStep: trainMs / Math.max(1, job.steps) };
    if (job.evalEvery > 0) {
      const g = trainer.gradNorms();
      if (g.kind === 'ok') ctx.report({ ...base, step: job.steps, total: job.steps, losses: [], evaluation: { step: e.step, loss: e.loss, accuracy: e.accuracy }, gradNorms: { step: g.step, norms: g.norms } });
    }
    if (job.gridResolution > 0) {
      const grid = trainer.predictGrid(job.gridResolution);
      if (grid.kind === 'ok') result.grid = { resolution: grid.resolution, classes: grid.classes, extent: grid.extent, probabilities: grid.probabilities };
    }
    return result;
  } finally {
    trainer.dispose();
  }
}
