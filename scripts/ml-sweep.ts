/**
 * Reproduces the degradation experiments of issue 3 in Node with the ML core, on the wasm
 * backend (cpu if wasm cannot start), and prints markdown tables.
 *
 *   npx node scripts/ml-sweep.ts [--only main,nobn,short,lr,grads,during,collapse,timing] [--out results.json]
 *
 * Runs under Node ≥ 22.18 (type stripping); `npx` puts the project's Node 22 first on PATH.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { writeFileSync } from 'node:fs';
import {
  makeDataset,
  createTrainer,
  createLockstepTrainer,
  type Architecture,
  type TrainerConfig,
  type OptimizerConfig,
} from '../src/lib/ml/index.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const only = new Set((args.get('only') ?? 'main,nobn,short,lr,grads,during,collapse,timing').split(','));

tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false); // as in the browser build (stack notes P9)
let backend = 'wasm';
try {
  if (!(await tf.setBackend('wasm'))) throw new Error('setBackend returned false');
} catch (error) {
  console.log(`wasm failed (${String(error)}); using cpu`);
  backend = 'cpu';
  await tf.setBackend('cpu');
}
await tf.ready();
const simd = backend === 'wasm' ? await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') : false;
console.log(`backend ${tf.getBackend()}${backend === 'wasm' ? ` (SIMD ${simd}, 1 thread)` : ''}, Node ${process.version}\n`);

const data = makeDataset('spiral', { n: 1000, seed: 0 });
const adam = (learningRate: number): OptimizerConfig => ({ kind: 'adam', learningRate });
const base = (over: Partial<TrainerConfig>): TrainerConfig => ({
  data,
  architecture: 'plain',
  depth: 8,
  width: 32,
  batchNorm: true,
  batchSize: 64,
  optimizer: adam(1e-3),
  seed: 0,
  ...over,
});
const results: Record<string, unknown> = { backend, simd };
const fmt = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : String(v));

/** Trains and returns the final full-set loss and accuracy (or the divergence) and ms/step. */
function finalLoss(config: TrainerConfig, steps: number) {
  const trainer = createTrainer(config);
  const t0 = performance.now();
  const report = trainer.step(steps);
  const ms = (performance.now() - t0) / steps;
  const e = report.kind === 'ok' ? trainer.evaluate() : report;
  trainer.dispose();
  return e.kind === 'ok' ? { loss: e.loss, accuracy: e.accuracy, ms } : { loss: NaN, accuracy: NaN, ms, diverged: e };
}

/** Final-loss table: one row per depth, columns per architecture, cells "mean (seed values)". */
function sweep(title: string, depths: number[], seeds: number[], steps: number, over: Partial<TrainerConfig>) {
  console.log(`### ${title}\n`);
  console.log('| D | plain: mean (seeds) | residual: mean (seeds) | plain acc | residual acc |');
  console.log('|---|---|---|---|---|');
  const rows = [];
  for (const depth of depths) {
    const cell: Record<Architecture, { loss: number[]; acc: number[] }> = { plain: { loss: [], acc: [] }, residual: { loss: [], acc: [] } };
    for (const architecture of ['plain', 'residual'] as const) {
      for (const seed of seeds) {
        const r = finalLoss(base({ ...over, architecture, depth, seed }), steps);
        cell[architecture].loss.push(r.loss);
        cell[architecture].acc.push(r.accuracy);
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const show = (xs: number[]) => `${fmt(mean(xs))} (${xs.map((x) => fmt(x)).join(', ')})`;
    console.log(`| ${depth} | ${show(cell.plain.loss)} | ${show(cell.residual.loss)} | ${fmt(mean(cell.plain.acc))} | ${fmt(mean(cell.residual.acc))} |`);
    rows.push({ depth, ...cell });
  }
  console.log('');
  return rows;
}

/** Weight-gradient norms per body layer on the first mini-batch, for several seeds. */
function initGradients(depth: number, seeds: number[]) {
  console.log(`### Weight-gradient norm at initialisation, D = ${depth}: first hidden layer / last hidden layer\n`);
  console.log('| net | ratio per seed | geometric mean ratio | per-layer factor | norms first … last (seed 0) |');
  console.log('|---|---|---|---|---|');
  const variants = [
    ['plain + BN', { architecture: 'plain', batchNorm: true }],
    ['plain, no BN', { architecture: 'plain', batchNorm: false }],
    ['residual + BN (post-act.)', { architecture: 'residual', batchNorm: true }],
    ['residual, no BN (pre-act., 1/√blocks)', { architecture: 'residual', batchNorm: false }],
  ] as const;
  const out: Record<string, unknown> = {};
  for (const [name, over] of variants) {
    const ratios: number[] = [];
    let norms0: number[] = [];
    for (const seed of seeds) {
      const trainer = createTrainer(base({ ...over, depth, seed }));
      const g = trainer.gradNorms();
      trainer.dispose();
      if (g.kind !== 'ok') throw new Error(`${name}: diverged at init`);
      if (seed === seeds[0]) norms0 = g.norms;
      ratios.push(g.norms[0]! / g.norms[depth - 1]!);
    }
    const geo = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
    const perLayer = geo ** (1 / (depth - 1));
    const sketch = [0, 1, Math.floor(depth / 4), Math.floor(depth / 2), Math.floor((3 * depth) / 4), depth - 1]
      .map((i) => norms0[i]!.toExponential(1))
      .join(' ');
    console.log(`| ${name} | ${ratios.map((r) => fmt(r, 2)).join(', ')} | ${fmt(geo, 2)} | ${fmt(perLayer, 3)} | ${sketch} |`);
    out[name] = { ratios, geometricMean: geo, perLayer, normsSeed0: norms0 };
  }
  console.log('');
  return out;
}

if (only.has('main')) {
  results.main = sweep(
    'Main: BN, Adam lr 1e-3, 400 steps, width 32, batch 64 — final full-set training loss (nats)',
    [4, 8, 16, 32, 64],
    [0, 1, 2],
    400,
    {},
  );
}
if (only.has('nobn')) {
  results.noBn = sweep(
    'No BN: plain vs pre-activation residual (second kernel ×1/√blocks), Adam lr 1e-3, 400 steps',
    [4, 8, 16, 32, 64],
    [0, 1, 2],
    400,
    { batchNorm: false },
  );
}
if (only.has('short')) {
  results.short = sweep('BN, Adam lr 1e-3, 200 steps', [8, 16, 32], [0, 1, 2], 200, {});
}
if (only.has('lr')) {
  results.lr3e3 = sweep('BN, Adam lr 3e-3, 400 steps', [8, 16, 32], [0, 1, 2], 400, { optimizer: adam(3e-3) });
  results.lr1e2 = sweep('BN, Adam lr 1e-2, 400 steps', [16, 32], [0, 1, 2], 400, { optimizer: adam(1e-2) });
}
if (only.has('grads')) {
  results.grads32 = initGradients(32, [0, 1, 2]);
  results.grads64 = initGradients(64, [0, 1, 2]);
}
if (only.has('during')) {
  // How the gradient profile changes while training (the gradient-flow chart shows it over time).
  console.log('### Weight-gradient norms while training, D = 32, BN, Adam 1e-3 (seed 0): first/last layer ratio, first-layer norm\n');
  console.log('| net | step 0 | 50 | 100 | 200 | 400 |');
  console.log('|---|---|---|---|---|---|');
  const rows: Record<string, unknown> = {};
  for (const architecture of ['plain', 'residual'] as const) {
    const trainer = createTrainer(base({ architecture, depth: 32 }));
    const cells: string[] = [];
    const series: number[][] = [];
    for (const until of [0, 50, 100, 200, 400]) {
      if (until > trainer.stepsDone) trainer.step(until - trainer.stepsDone);
      const g = trainer.gradNorms();
      if (g.kind !== 'ok') break;
      series.push(g.norms);
      cells.push(`${fmt(g.norms[0]! / g.norms.at(-1)!, 1)} (${g.norms[0]!.toExponential(1)})`);
    }
    trainer.dispose();
    console.log(`| ${architecture} | ${cells.join(' | ')} |`);
    rows[architecture] = series;
  }
  console.log('');
  results.during = rows;
}
if (only.has('collapse')) {
  // Plain without BN trained with plain SGD: does the gradient "vanish" once the output collapses?
  console.log('### Plain, no BN, D = 32, SGD (momentum 0.9): gradient norms first/last layer before and after 400 steps\n');
  console.log('| lr | loss at init → after | ratio at init | ratio after | first-layer norm at init → after |');
  console.log('|---|---|---|---|---|');
  const rows = [];
  for (const lr of [0.01, 0.05, 0.1]) {
    const trainer = createTrainer(base({ batchNorm: false, depth: 32, optimizer: { kind: 'sgd', learningRate: lr, momentum: 0.9 } }));
    const e0 = trainer.evaluate();
    const g0 = trainer.gradNorms();
    const r = trainer.step(400);
    const e1 = r.kind === 'ok' ? trainer.evaluate() : r;
    const g1 = r.kind === 'ok' ? trainer.gradNorms() : r;
    trainer.dispose();
    if (e0.kind !== 'ok' || g0.kind !== 'ok') continue;
    const ratio = (n: number[]) => n[0]! / n.at(-1)!;
    const after = g1.kind === 'ok' ? g1.norms : null;
    console.log(
      `| ${lr} | ${fmt(e0.loss)} → ${e1.kind === 'ok' ? fmt(e1.loss) : 'diverged'} | ${fmt(ratio(g0.norms), 2)} | ${after ? ratio(after).toExponential(1) : '–'} | ${g0.norms[0]!.toExponential(1)} → ${after ? after[0]!.toExponential(1) : '–'} |`,
    );
    rows.push({ lr, init: g0.norms, after, lossInit: e0.loss, lossAfter: e1.kind === 'ok' ? e1.loss : null });
  }
  console.log('');
  results.collapse = rows;
}
if (only.has('timing')) {
  /** CPU milliseconds of this process (user + system): unlike wall time, not inflated while other processes hold the cores. */
  const cpuMs = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  /** Best CPU ms/step over 6 chunks of 25 steps after 10 warm-up steps. */
  const msPerStep = (trainer: { step(n: number): unknown; dispose(): void }) => {
    trainer.step(10);
    let best = Infinity;
    for (let i = 0; i < 6; i++) {
      const t0 = cpuMs();
      trainer.step(25);
      best = Math.min(best, (cpuMs() - t0) / 25);
    }
    trainer.dispose();
    return best;
  };
  const pair = (depth: number, batchNorm: boolean, seed = 0) =>
    createLockstepTrainer({
      ...base({ depth, batchNorm, seed }),
      nets: [
        { architecture: 'plain', seed },
        { architecture: 'residual', seed },
      ],
    });
  console.log('### Speed, CPU ms per step (best of 6 chunks of 25 steps)\n');
  console.log('| D | plain+BN | residual+BN | plain | residual (pre-act.) | lockstep pair, BN | lockstep pair, no BN |');
  console.log('|---|---|---|---|---|---|---|');
  const timing: Record<number, Record<string, number>> = {};
  for (const depth of [2, 8, 32, 64]) {
    const row: Record<string, number> = {
      'plain+BN': msPerStep(createTrainer(base({ architecture: 'plain', batchNorm: true, depth }))),
      'residual+BN': msPerStep(createTrainer(base({ architecture: 'residual', batchNorm: true, depth }))),
      plain: msPerStep(createTrainer(base({ architecture: 'plain', batchNorm: false, depth }))),
      residual: msPerStep(createTrainer(base({ architecture: 'residual', batchNorm: false, depth }))),
      'pair+BN': msPerStep(pair(depth, true)),
      pair: msPerStep(pair(depth, false)),
    };
    timing[depth] = row;
    console.log(`| ${depth} | ${Object.values(row).map((v) => fmt(v, 2)).join(' | ')} |`);
  }
  // The widget's depth sweep, one run after another on one thread, with its reporting.
  const depths = [2, 4, 8, 16, 32, 64];
  const runSweep = (make: (depth: number) => { step(n: number): unknown; evaluate(): unknown; dispose(): void }[]) => {
    const t0 = performance.now();
    const c0 = cpuMs();
    for (const depth of depths) {
      for (const trainer of make(depth)) {
        for (let s = 0; s < 400; s += 20) {
          trainer.step(20);
          if ((s + 20) % 100 === 0) trainer.evaluate();
        }
        trainer.dispose();
      }
    }
    return { wall: (performance.now() - t0) / 1000, cpu: (cpuMs() - c0) / 1000 };
  };
  const separate = runSweep((depth) => (['plain', 'residual'] as const).map((architecture) => createTrainer(base({ architecture, depth }))));
  const lockstep = runSweep((depth) => [pair(depth, true)]);
  console.log(`\nFull sweep D ∈ {${depths}} × {plain, residual}, BN, 400 steps, losses read every 20 steps, full-set evaluation every 100, one thread:`);
  const show = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(1)} s wall, ${t.cpu.toFixed(1)} s CPU`;
  console.log(`separate trainers ${show(separate)}; lockstep pairs ${show(lockstep)}\n`);
  results.timing = { msPerStep: timing, sweepSeconds: { separate, lockstep } };
}

const out = args.get('out');
if (out) writeFileSync(out, JSON.stringify(results, null, 1));
