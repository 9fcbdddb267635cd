/**
 * The lesion study of one net (Veit, Wilber & Belongie 2016), as a worker job: train it through the
 * shared loop, then, on held-out points,
 * 1. delete each block alone (accuracy and decision map, their Fig. 3),
 * 2. delete k random blocks for k = 0 … n (mean, lowest, highest accuracy over the subsets, Fig. 5),
 * 3. for a residual net, measure how much gradient flows through paths of each length (Fig. 6).
 * Each phase works in small chunks with a checkpoint between them, so pause and stop work and the
 * page fills in as results come. Pure over tfjs-core: runs in a worker and in Node tests.
 */
import { datasetExtent, makeDataset, type Dataset } from '../lib/ml/datasets';
import type { DivergenceReason } from '../lib/ml/learner';
import { effectiveRange, lesionSubsets, pathCounts, randomSubset, summarize } from '../lib/ml/lesion';
import type { Architecture } from '../lib/ml/net-config';
import { createNetProbe, type NetProbe } from '../lib/ml/net-probe';
import { createRng, deriveSeed } from '../lib/ml/prng';
import type { JobContext } from './serve-jobs';
import { netConfigOf, trainNet, trainingSet, type NetTraining } from './train-net';

export interface LesionJob extends NetTraining {
  /** Subsets of k blocks deleted, per k (all of them when there are fewer). */
  subsets: number;
  /** Single-path gradient measurements per path length (residual nets; 0 = none). */
  pathSamples: number;
  /** Decision-map resolution (intact and each single deletion; 0 = none). */
  gridResolution: number;
  /** Held-out points the accuracies are measured on (default 1,000). */
  testPoints?: number;
}

/** Accuracy with blocks deleted: over `count` subsets of k blocks, their mean, lowest and highest (fractions). */
export interface LesionPoint {
  k: number;
  count: number;
  mean: number;
  min: number;
  max: number;
}

/** Gradient through paths of one length k (residual nets). */
export interface PathLength {
  k: number;
  /** C(n, k): how many of the 2ⁿ paths have this length. */
  paths: number;
  /** Mean L2 norm of the gradient at the first block's input through one path of this length. */
  magnitude: number;
  /** paths × magnitude: the gradient all paths of this length carry together (Veit Fig. 6c). */
  total: number;
}

export interface DecisionGrid {
  resolution: number;
  classes: number;
  extent: { xMin: number; xMax: number; yMin: number; yMax: number };
  /** Class probabilities [R·R·C], row-major from the top-left cell. */
  probabilities: Float32Array;
}

/** One deleted block: its index (0-based), the held-out accuracy without it, and the decision map. */
export interface SingleLesion {
  block: number;
  accuracy: number;
  grid?: DecisionGrid;
}

export type LesionProgress = {
  arch: Architecture;
  /** Units of work done and in all (training steps count one each, every lesion or path batch one). */
  done: number;
  total: number;
} & (
  | { phase: 'train'; step: number; losses: number[] }
  | { phase: 'intact'; trainAccuracy: number; testAccuracy: number; grid?: DecisionGrid }
  | { phase: 'single'; lesion: SingleLesion }
  | { phase: 'subsets'; point: LesionPoint }
  | { phase: 'paths'; lengths: PathLength[]; samples: number }
);

export interface LesionResult {
  arch: Architecture;
  depth: number;
  /** n = D/2 blocks. */
  blocks: number;
  steps: number;
  diverged?: { atStep: number; reason: DivergenceReason };
  trainLoss?: number;
  trainAccuracy?: number;
  /** Held-out accuracy of the intact net (= the k = 0 point of `curve`). */
  testAccuracy?: number;
  intactGrid?: DecisionGrid;
  single: SingleLesion[];
  curve: LesionPoint[];
  /** Residual nets: gradient by path length, and the effective paths (shortest run of lengths with ≥ 90 % of it). */
  paths?: PathLength[];
  effective?: { from: number; to: number; share: number };
  /** Path samples per length actually measured. */
  pathSamples?: number;
  msPerStep: number;
}

/** The held-out set of a job: same dataset, other points (its own seed stream). */
export const testSet = (job: LesionJob): Dataset => makeDataset(job.dataset, { n: job.testPoints ?? 1000, seed: deriveSeed(job.seed, 'test points') });

/** Path samples per mini-batch and length (several paths share one forward pass). */
const pathsPerBatch = 8;
/** Examples per mini-batch for the path gradients (the training batch size). */
const pathBatch = 64;

export async function runLesionJob(job: LesionJob, ctx: Pick<JobContext<LesionProgress>, 'report' | 'checkpoint'>): Promise<LesionResult> {
  const data = trainingSet(job);
  const config = netConfigOf(job, data);
  const n = job.depth / 2;
  const residual = job.arch === 'residual';
  const pathBatches = residual && job.pathSamples > 0 ? Math.ceil(job.pathSamples / pathsPerBatch) : 0;
  const total = job.steps + 1 + n + (n + 1) + pathBatches;
  const base = { arch: job.arch, total };
  const result: LesionResult = { arch: job.arch, depth: job.depth, blocks: n, steps: job.steps, single: [], curve: [], msPerStep: 0 };

  const trained = await trainNet(job, data, ctx.checkpoint, (step, losses) => ctx.report({ ...base, done: step, phase: 'train', step, losses }));
  if (trained.kind === 'diverged') return { ...result, diverged: { atStep: trained.atStep, reason: trained.reason } };
  Object.assign(result, { trainLoss: trained.loss, trainAccuracy: trained.accuracy, msPerStep: trained.msPerStep });

  const test = testSet(job);
  const extent = datasetExtent(data);
  const probe: NetProbe = createNetProbe(config, trained.final, data);
  let done = job.steps;
  const grid = (deleted: number[]): DecisionGrid | undefined =>
    job.gridResolution > 0
      ? { resolution: job.gridResolution, classes: data.classes, extent, probabilities: probe.predictGrid(job.gridResolution, extent, deleted) }
      : undefined;
  try {
    await ctx.checkpoint();
    result.testAccuracy = probe.accuracy(test);
    result.intactGrid = grid([]);
    ctx.report({ ...base, done: ++done, phase: 'intact', trainAccuracy: trained.accuracy, testAccuracy: result.testAccuracy, grid: result.intactGrid });

    for (let b = 0; b < n; b++) {
      await ctx.checkpoint();
      const lesion: SingleLesion = { block: b, accuracy: probe.accuracy(test, [b]), grid: grid([b]) };
      result.single.push(lesion);
      ctx.report({ ...base, done: ++done, phase: 'single', lesion });
    }

    const rng = createRng(deriveSeed(job.seed, 'lesions'));
    for (let k = 0; k <= n; k++) {
      await ctx.checkpoint();
      const subsets = lesionSubsets(n, k, job.subsets, rng);
      const accuracies = subsets.map((s) => (k === 0 ? result.testAccuracy! : probe.accuracy(test, s)));
      const point: LesionPoint = { k, count: subsets.length, ...summarize(accuracies) };
      result.curve.push(point);
      ctx.report({ ...base, done: ++done, phase: 'subsets', point });
    }

    if (pathBatches > 0) {
      const prng = createRng(deriveSeed(job.seed, 'paths'));
      const sums = new Array<number>(n + 1).fill(0);
      const counts = pathCounts(n);
      let samples = 0;
      const lengths = () =>
        sums.map((s, k): PathLength => {
          const magnitude = s / samples;
          return { k, paths: counts[k]!, magnitude, total: magnitude * counts[k]! };
        });
      for (let r = 0; r < pathBatches; r++) {
        await ctx.checkpoint();
        const batch = Int32Array.from({ length: Math.min(pathBatch, data.n) }, () => prng.int(data.n));
        const branches: boolean[][] = [];
        for (let k = 0; k <= n; k++) {
          for (let j = 0; j < pathsPerBatch; j++) {
            const through = new Set(randomSubset(n, k, prng));
            branches.push(Array.from({ length: n }, (_, b) => through.has(b)));
          }
        }
        const norms = probe.pathGradientNorms(batch, branches);
        for (let k = 0; k <= n; k++) for (let j = 0; j < pathsPerBatch; j++) sums[k]! += norms[k * pathsPerBatch + j]!;
        samples += pathsPerBatch;
        ctx.report({ ...base, done: ++done, phase: 'paths', lengths: lengths(), samples });
      }
      result.paths = lengths();
      result.pathSamples = samples;
      result.effective = effectiveRange(result.paths.map((p) => p.total));
    }
    return result;
  } finally {
    probe.dispose();
  }
}
