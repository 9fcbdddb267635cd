/**
 * The cnn-depth-lab experiment in Node with the site's own ML core (WASM backend, one thread, as
 * in a worker): plain and residual CIFAR-family nets on the shipped digits, one JSON line per run.
 *
 *   npx node scripts/cnn-depth-sweep.ts --size 14 --width 8 --steps 160 --depths 20,56 [--archs plain,residual]
 *        [--seeds 1,2] [--optimizer sgd|adam] [--lr 0.1] [--shortcut A|B] [--evals 8] [--train 5000]
 *   npx node scripts/cnn-depth-sweep.ts ... --replay-out tmp/replay.json   # one run; also writes its
 *        initial weights and batch order for scripts/cnn-depth-torch.py --replay, and prints its losses
 *
 * Runs under Node ≥ 22.18 (type stripping); `npx` puts the project's Node 22 first on PATH. Times
 * are CPU milliseconds of this process (the machine is shared: wall time says little).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createBatchStream } from '../src/lib/ml/batch-stream.ts';
import { cifarData, cifarLearner } from '../src/lib/ml/cifar-learner.ts';
import { decodeDigitSubset } from '../src/lib/ml/mnist-subset.ts';
import { createRng, deriveSeed } from '../src/lib/ml/prng.ts';
import { trainingRun } from '../src/lib/ml/training-run.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const num = (k: string, d: number) => Number(args.get(k) ?? d);
const list = (k: string, d: string) => (args.get(k) ?? d).split(',');
const size = num('size', 14) as 14 | 28;
const width = num('width', 8);
const steps = num('steps', 160);
const batchSize = num('batch', 128);
const lr = num('lr', 0.1);
const wd = num('wd', 1e-4);
const optimizer = (args.get('optimizer') ?? 'sgd') as 'sgd' | 'adam';
const shortcut = (args.get('shortcut') ?? 'A') as 'A' | 'B';
const evals = num('evals', 8);
const replayOut = args.get('replay-out');

tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend(args.get('backend') ?? 'wasm');
await tf.ready();
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const subset = decodeDigitSubset(gunzipSync(readFileSync('src/data/mnist/mnist-subset.bin')));
const data = cifarData(subset, size, num('train', 5000), num('test', 1000));

for (const seed of list('seeds', '1').map(Number)) {
  for (const layers of list('depths', '20,32,44,56').map(Number)) {
    for (const arch of list('archs', 'plain,residual') as ('plain' | 'residual')[]) {
      const learner = cifarLearner({ net: { arch, blocks: (layers - 2) / 6, width, seed, shortcut }, data, batchSize, optimizer, lr, weightDecay: wd, steps });
      if (replayOut) {
        const stream = createBatchStream(data.train.n, batchSize, createRng(deriveSeed(seed, 'cifar-batches')));
        const batches = Array.from({ length: steps }, () => Array.from(stream.next()));
        const config = { arch, layers, seed, size, width, lr, wd, optimizer, shortcut, train: data.train.n, test: data.test.n };
        writeFileSync(replayOut, JSON.stringify({ config, bank: Array.from(learner.net.bank.read()), batches }));
      }
      const curve: number[][] = [];
      const losses: number[] = [];
      const t0 = cpuMs();
      let trainCpu = 0;
      let end: unknown;
      for (const event of trainingRun(learner, { steps, reportEvery: 10, evaluateEvery: Math.max(1, Math.floor(steps / Math.max(1, evals))), evaluateAtStart: false })) {
        if (event.type === 'progress') {
          losses.push(...event.losses[0]!);
          if (event.evaluation) curve.push([event.step, +event.evaluation.trainError.toFixed(4), +event.evaluation.testError.toFixed(4)]);
        }
        if (event.type === 'done') {
          trainCpu = event.trainMs;
          end = { trainError: event.evaluation!.trainError, testError: event.evaluation!.testError, trainLoss: +event.evaluation!.trainLoss.toFixed(4), testLoss: +event.evaluation!.testLoss.toFixed(4) };
        }
        if (event.type === 'diverged') end = { diverged: event.atStep, reason: event.reason };
      }
      const out: Record<string, unknown> = { arch, layers, seed, steps, ...(end as object), wallTrainS: +(trainCpu / 1000).toFixed(1), cpuS: +((cpuMs() - t0) / 1000).toFixed(1), curve, tensors: tf.memory().numTensors };
      if (replayOut) out.losses = losses.map((v) => +v.toFixed(5));
      console.log(JSON.stringify(out));
      learner.dispose();
    }
  }
}
data.dispose();
