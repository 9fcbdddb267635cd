/**
 * Explores when the ranking of He et al. 2016's block variants shows in the notebook's small
 * fully connected nets: trains every variant for several seeds in Node with the ML core (wasm
 * backend, cpu if wasm cannot start) and prints medians and ranges as a markdown table.
 *
 *   npx node scripts/block-variants-sweep.ts [--depth 32] [--width 32] [--steps 400] [--seeds 5]
 *     [--optimizer adam|sgd] [--lr 0.001] [--dataset spiral] [--gate-bias -6] [--variants a,b,…] [--out file.json]
 *
 * Runs under Node ≥ 22.18 (type stripping); `npx` puts the project's Node 22 first on PATH.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { writeFileSync } from 'node:fs';
import { blockVariantIds, type BlockVariantId } from '../src/lib/ml/block-variants.ts';
import { makeDataset, type DatasetName } from '../src/lib/ml/datasets.ts';
import { isDiverged } from '../src/lib/ml/learner.ts';
import { deriveSeed } from '../src/lib/ml/prng.ts';
import { createVariantLearner } from '../src/lib/ml/variant-learner.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const num = (k: string, d: number) => (args.has(k) ? Number(args.get(k)) : d);
const depth = num('depth', 32), width = num('width', 32), steps = num('steps', 400), seeds = num('seeds', 5);
const lr = num('lr', 1e-3), gateBias = num('gate-bias', -6);
const optimizer = (args.get('optimizer') ?? 'adam') as 'adam' | 'sgd';
const dataset = (args.get('dataset') ?? 'spiral') as DatasetName;
const variants = (args.get('variants')?.split(',') ?? blockVariantIds) as BlockVariantId[];

tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
try {
  if (!(await tf.setBackend('wasm'))) throw new Error('setBackend returned false');
} catch {
  await tf.setBackend('cpu');
}
await tf.ready();
console.log(`backend ${tf.getBackend()}; depth ${depth}, width ${width}, ${steps} steps, ${optimizer} lr ${lr}, ${dataset}, b_g ${gateBias}, seeds 0…${seeds - 1}\n`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const rows: Record<string, unknown>[] = [];
console.log('| variant | train loss (median) | train acc | test acc (median) | test acc min–max | diverged | ms/step |');
console.log('|---|---|---|---|---|---|---|');
for (const variant of variants) {
  const runs: { loss: number; acc: number; testAcc: number }[] = [];
  let diverged = 0, ms = 0;
  for (let seed = 0; seed < seeds; seed++) {
    const data = makeDataset(dataset, { n: 1000, seed });
    const test = makeDataset(dataset, { n: 1000, seed: deriveSeed(seed, 'test') });
    const learner = createVariantLearner({
      data, test, variants: [variant], depth, width, gateBias, batchSize: 64, seed,
      optimizer: optimizer === 'adam' ? { kind: 'adam', learningRate: lr } : { kind: 'sgd', learningRate: lr, momentum: 0.9 },
    });
    const t0 = performance.now();
    const r = learner.step(steps);
    ms += (performance.now() - t0) / steps;
    const e = learner.evaluate();
    learner.dispose();
    if (r.kind === 'diverged' || isDiverged(e)) {
      diverged++;
      continue;
    }
    runs.push({ loss: e.loss[0]!, acc: e.accuracy[0]!, testAcc: e.testAccuracy[0]! });
  }
  const row = {
    variant,
    loss: runs.length ? median(runs.map((r) => r.loss)) : NaN,
    acc: runs.length ? median(runs.map((r) => r.acc)) : NaN,
    testAcc: runs.length ? median(runs.map((r) => r.testAcc)) : NaN,
    testMin: Math.min(...runs.map((r) => r.testAcc)),
    testMax: Math.max(...runs.map((r) => r.testAcc)),
    diverged,
    msPerStep: ms / seeds,
    runs,
  };
  rows.push(row);
  console.log(`| ${variant} | ${row.loss.toFixed(4)} | ${row.acc.toFixed(3)} | ${row.testAcc.toFixed(3)} | ${row.testMin.toFixed(3)}–${row.testMax.toFixed(3)} | ${diverged} | ${row.msPerStep.toFixed(1)} |`);
}
if (args.get('out')) writeFileSync(args.get('out')!, JSON.stringify({ depth, width, steps, seeds, optimizer, lr, dataset, gateBias, rows }, null, 1));
