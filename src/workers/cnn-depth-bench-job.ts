/**
 * The speed comparison of `npm run bench`: one training step of a CIFAR-family net with the
 * hand-written backward pass (`cifarLearner`) against the same net trained the usual tfjs way
 * (`autodiffCifar`: `tf.variableGrads` + `tf.train.momentum`), same backend, same batches, same
 * worker, one after the other. tfjs's gradients must be registered by the caller (the bench
 * worker does). On WASM the autodiff side cannot run (no `Conv2DBackpropFilter` kernel): its time
 * is then absent and `autodiffError` says why.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createBatchStream } from '../lib/ml/batch-stream';
import { autodiffCifar } from '../lib/ml/cifar-net-autodiff';
import { cifarData, cifarLearner } from '../lib/ml/cifar-learner';
import { createCifarNet, type CifarArch } from '../lib/ml/cifar-net';
import type { DigitSubset } from '../lib/ml/mnist-subset';
import { createRng, deriveSeed } from '../lib/ml/prng';
import type { JobContext } from './serve-jobs';

export interface CnnDepthBenchJob {
  arch: CifarArch;
  layers: number;
  width: number;
  inputSize: 14 | 28;
  batchSize: number;
  /** Timed steps of each (after one warm-up step). */
  steps: number;
  seed: number;
}

export interface CnnDepthBenchResult {
  backend: string;
  handMsPerStep: number;
  autodiffMsPerStep?: number;
  autodiffError?: string;
  /** Live tensors after each timed step of the hand-written loop (constant when nothing leaks). */
  handTensors: number[];
}

const now = () => (globalThis.performance ?? Date).now();

export async function runCnnDepthBench(job: CnnDepthBenchJob, ctx: Pick<JobContext<never>, 'checkpoint'>, digits: DigitSubset): Promise<CnnDepthBenchResult> {
  const data = cifarData(digits, job.inputSize, 5000, 100);
  const blocks = (job.layers - 2) / 6;
  const lr = 0.1;
  try {
    const learner = cifarLearner({ net: { arch: job.arch, blocks, width: job.width, seed: job.seed }, data, batchSize: job.batchSize, optimizer: 'sgd', lr, steps: 1000 });
    learner.step(1);
    const handTensors: number[] = [];
    let t0 = now();
    for (let i = 0; i < job.steps; i++) {
      learner.step(1);
      handTensors.push(tf.memory().numTensors);
    }
    const handMsPerStep = (now() - t0) / job.steps;
    learner.dispose();
    await ctx.checkpoint();

    const result: CnnDepthBenchResult = { backend: tf.getBackend(), handMsPerStep, handTensors };
    const net = createCifarNet({ arch: job.arch, blocks, width: job.width, seed: job.seed, inputSize: job.inputSize });
    const base = autodiffCifar(net, { optimizer: 'sgd', weightDecay: 1e-4, learningRate: lr });
    const stream = createBatchStream(data.train.n, job.batchSize, createRng(deriveSeed(job.seed, 'cifar-batches')));
    const batch = () => {
      const idx = tf.tensor1d(stream.next(), 'int32');
      const out = [tf.gather(data.train.x, idx) as tf.Tensor4D, tf.gather(data.train.oneHot, idx) as tf.Tensor2D] as const;
      idx.dispose();
      return out;
    };
    try {
      const step = () => {
        const [x, y] = batch();
        const loss = base.step(x, y, lr);
        tf.dispose([x, y]);
        return loss;
      };
      step().dispose();
      t0 = now();
      const losses: tf.Tensor[] = [];
      for (let i = 0; i < job.steps; i++) losses.push(step());
      // One read-back at the end, as the hand-written loop reads once per chunk.
      const all = tf.concat(losses.map((l) => tf.reshape(l, [1])));
      all.dataSync();
      tf.dispose([all, ...losses]);
      result.autodiffMsPerStep = (now() - t0) / job.steps;
    } catch (err) {
      result.autodiffError = err instanceof Error ? err.message : String(err);
    } finally {
      base.dispose();
      net.dispose();
    }
    return result;
  } finally {
    data.dispose();
  }
}
