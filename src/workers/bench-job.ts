/**
 * Benchmark job (for `npm run bench` only): milliseconds per training step at one depth for the
 * notebook's own training loop and for the naive tfjs Layers `trainOnBatch` path on the same
 * backend, same net shape (Dense → BN → ReLU × depth, width, batch 64, Adam 1e-3).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { makeDataset } from '../lib/ml/datasets';
import { createTrainer } from '../lib/ml/trainer';
import type { JobContext } from './serve-jobs';

export interface BenchJob {
  depth: number;
  width: number;
  steps: number;
  warmup: number;
}

export interface BenchResult {
  backend: string;
  ownMsPerStep: number;
  layersMsPerStep: number;
}

const now = () => performance.now();

export async function runBenchJob(job: BenchJob, ctx: Pick<JobContext<never>, 'checkpoint'>): Promise<BenchResult> {
  const data = makeDataset('spiral', { n: 1000, seed: 0 });
  // Own loop: chunks of 20 steps per read-back, as the widget does.
  const trainer = createTrainer({
    data, architecture: 'plain', depth: job.depth, width: job.width, batchNorm: true, batchSize: 64,
    optimizer: { kind: 'adam', learningRate: 1e-3 }, seed: 0,
  });
  trainer.step(job.warmup);
  let t0 = now();
  for (let done = 0; done < job.steps; done += 20) trainer.step(Math.min(20, job.steps - done));
  const ownMsPerStep = (now() - t0) / job.steps;
  trainer.dispose();
  await ctx.checkpoint();

  // Baseline: the Layers API, trainOnBatch per step (it reads the loss back every step).
  const model = tfl.sequential();
  model.add(tfl.layers.dense({ units: job.width, inputShape: [2], kernelInitializer: 'heNormal' }));
  model.add(tfl.layers.batchNormalization());
  model.add(tfl.layers.activation({ activation: 'relu' }));
  for (let i = 0; i < job.depth; i++) {
    model.add(tfl.layers.dense({ units: job.width, kernelInitializer: 'heNormal' }));
    model.add(tfl.layers.batchNormalization());
    model.add(tfl.layers.activation({ activation: 'relu' }));
  }
  model.add(tfl.layers.dense({ units: data.classes, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  const xs = tf.tensor2d(data.x, [data.n, 2]);
  const ys = tf.oneHot(tf.tensor1d(data.y, 'int32'), data.classes);
  const batches: [tf.Tensor, tf.Tensor][] = [];
  for (let b = 0; b < 16; b++) {
    const idx = tf.tensor1d(Array.from({ length: 64 }, (_, i) => (b * 64 + i) % data.n), 'int32');
    batches.push([tf.gather(xs, idx), tf.gather(ys, idx)]);
    idx.dispose();
  }
  for (let i = 0; i < job.warmup; i++) await model.trainOnBatch(batches[i % 16]![0], batches[i % 16]![1]);
  t0 = now();
  for (let i = 0; i < job.steps; i++) await model.trainOnBatch(batches[i % 16]![0], batches[i % 16]![1]);
  const layersMsPerStep = (now() - t0) / job.steps;
  model.dispose();
  tf.dispose([xs, ys, ...batches.flat()]);
  return { backend: tf.getBackend(), ownMsPerStep, layersMsPerStep };
}
