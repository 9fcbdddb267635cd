/**
 * The loss landscape of one net (Li, Xu, Taylor, Studer & Goldstein 2018), as a worker job: train it
 * through the shared loop, then evaluate the training loss (on all points, or on `lossPoints` of them)
 * 1. along the straight line from the initial weights (t = 0) to the trained ones (t = 1),
 * 2. on an R × R grid of the plane through the trained weights spanned by two random
 *    filter-normalised directions, row by row (the page draws each row as it comes),
 * 3. and estimate the Hessian's extreme eigenvalues at the trained weights (Lanczos on exact
 *    Hessian-vector products, Li et al. Fig. 7).
 * The Hessian needs tfjs-core's gradients registered (the worker entry imports them).
 */
import type { DivergenceReason } from '../lib/ml/learner';
import { lanczos } from '../lib/ml/hessian';
import { createLandscapeEvaluator, filterNormalizedDirection, linspace, spreadSubset } from '../lib/ml/landscape';
import type { Architecture } from '../lib/ml/net-config';
import { paramLayout } from '../lib/ml/param-vector';
import { createRng, deriveSeed } from '../lib/ml/prng';
import { sliceRoughness, type SliceRoughness } from '../lib/ml/slice-roughness';
import type { JobContext } from './serve-jobs';
import { netConfigOf, trainNet, trainingSet, type NetTraining } from './train-net';

export interface LandscapeJob extends NetTraining {
  /** R: the 2-D slice is R × R points. */
  resolution: number;
  /** α and β run from −span to span (in units of the filter-normalised directions). */
  span: number;
  /** Points on the 1-D line, t from −0.5 to 1.5 (0 = none). */
  linePoints: number;
  /** Hessian-vector products for the eigenvalue estimate (0 = none). */
  lanczosSteps: number;
  /**
   * Training points the landscape's loss is measured on (default: all). Fewer make every point of
   * the slice cheaper; they are spread evenly over the training set (`spreadSubset`).
   */
  lossPoints?: number;
}

export interface LinePoint {
  t: number;
  loss: number;
  accuracy: number;
}

/** The extreme Hessian eigenvalues at the trained weights, and |λmin/λmax| (Li et al.'s measure of non-convexity). */
export interface Curvature {
  min: number;
  max: number;
  ratio: number;
  products: number;
}

export type LandscapeProgress = {
  arch: Architecture;
  /** Units of work done and in all (a training step, a line point, a grid point, a Hessian-vector product: one each). */
  done: number;
  total: number;
} & (
  | { phase: 'train'; step: number; losses: number[] }
  | { phase: 'line'; points: LinePoint[] }
  | { phase: 'row'; row: number; losses: number[] }
  | { phase: 'hessian'; products: number }
  | { phase: 'curvature'; curvature: Curvature }
);

export interface LandscapeResult {
  arch: Architecture;
  depth: number;
  steps: number;
  diverged?: { atStep: number; reason: DivergenceReason };
  trainLoss?: number;
  trainAccuracy?: number;
  /** Training points the landscape was measured on. */
  lossPoints?: number;
  line: LinePoint[];
  /** The slice: loss[i·R + j] at α = axis[j], β = axis[i] (row i = β), R × R. */
  grid?: { resolution: number; span: number; loss: Float32Array };
  roughness?: SliceRoughness;
  curvature?: Curvature;
  msPerStep: number;
  /** Milliseconds per slice point (compute only, in the worker). */
  msPerPoint?: number;
}

/** Line points evaluated per chunk (the slice goes one row per chunk). */
const lineChunk = 8;

export async function runLandscapeJob(job: LandscapeJob, ctx: Pick<JobContext<LandscapeProgress>, 'report' | 'checkpoint'>): Promise<LandscapeResult> {
  const data = trainingSet(job);
  const config = netConfigOf(job, data);
  const R = job.resolution;
  const total = job.steps + job.linePoints + R * R + job.lanczosSteps;
  const base = { arch: job.arch, total };
  const result: LandscapeResult = { arch: job.arch, depth: job.depth, steps: job.steps, line: [], msPerStep: 0 };

  const trained = await trainNet(job, data, ctx.checkpoint, (step, losses) => ctx.report({ ...base, done: step, phase: 'train', step, losses }));
  if (trained.kind === 'diverged') return { ...result, diverged: { atStep: trained.atStep, reason: trained.reason } };
  Object.assign(result, { trainLoss: trained.loss, trainAccuracy: trained.accuracy, msPerStep: trained.msPerStep });
  const { initial, final } = trained;
  const lossSet = job.lossPoints && job.lossPoints < data.n ? spreadSubset(data, job.lossPoints) : data;
  let done = job.steps;
  result.lossPoints = lossSet.n;

  if (job.linePoints > 0) {
    const toFinal = final.map((v, i) => v - initial[i]!);
    const line = createLandscapeEvaluator(config, lossSet, initial, [toFinal]);
    try {
      const ts = linspace(-0.5, 1.5, job.linePoints);
      for (let i = 0; i < ts.length; i += lineChunk) {
        await ctx.checkpoint();
        const part = ts.slice(i, i + lineChunk);
        const values = line.values(part.map((t) => [t]));
        const points = part.map((t, j) => ({ t, ...values[j]! }));
        result.line.push(...points);
        done += points.length;
        ctx.report({ ...base, done, phase: 'line', points });
      }
    } finally {
      line.dispose();
    }
  }

  const layout = paramLayout(config);
  const rng = createRng(deriveSeed(job.seed, 'directions'));
  const directions = [filterNormalizedDirection(layout, final, rng), filterNormalizedDirection(layout, final, rng)];
  const plane = createLandscapeEvaluator(config, lossSet, final, directions);
  try {
    if (R > 0) {
      const axis = linspace(-job.span, job.span, R);
      const loss = new Float32Array(R * R);
      let ms = 0;
      for (let i = 0; i < R; i++) {
        await ctx.checkpoint();
        const t0 = performance.now();
        const row = plane.values(axis.map((alpha) => [alpha, axis[i]!])).map((v) => v.loss);
        ms += performance.now() - t0;
        loss.set(row, i * R);
        done += R;
        ctx.report({ ...base, done, phase: 'row', row: i, losses: row });
      }
      result.grid = { resolution: R, span: job.span, loss };
      result.roughness = sliceRoughness(loss, R);
      result.msPerPoint = ms / (R * R);
    }
    if (job.lanczosSteps > 0) {
      const zero = new Float32Array(layout.size);
      const run = lanczos(layout.size, job.lanczosSteps, createRng(deriveSeed(job.seed, 'lanczos')));
      let step = run.next();
      let products = 0;
      while (!step.done) {
        await ctx.checkpoint();
        const hv = plane.hessianVector(zero, Float32Array.from(step.value));
        ctx.report({ ...base, done: ++done, phase: 'hessian', products: ++products });
        step = run.next(Float64Array.from(hv));
      }
      const e = step.value;
      result.curvature = { min: e.min, max: e.max, ratio: Math.abs(e.min / e.max), products: e.products };
      ctx.report({ ...base, done, phase: 'curvature', curvature: result.curvature });
    }
    return result;
  } finally {
    plane.dispose();
  }
}
