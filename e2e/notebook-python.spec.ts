/**
 * The notebooks, cross-checked with Debian's Python (python3-torch, -torchvision, -nbformat,
 * -nbconvert, -ipykernel; scripts/ensure-python.sh installs them): each training widget's
 * notebook is exported from the built site in a real browser (default and one other state, both
 * languages), validated against the nbformat schema and executed headless with nbconvert; the
 * PyTorch runs are compared with the browser's own runs; the Python port of the random numbers
 * is checked bit for bit; torchvision's parameter counts are compared with the site's.
 *
 * Tolerances (why they are what they are): the browser (TensorFlow.js, WASM) and PyTorch (CPU)
 * both compute in float32 but sum in different orders, so identical inputs give results that
 * differ in the last bits (relative 1e-7 per operation), and training compounds the difference
 * step by step. Well-conditioned runs stay far closer than that over the first 20 steps
 * (measured: the residual net 9e-6 relative, the CNN 2e-7; the boundary lab's three learners
 * after all 400 steps 2e-6): the tests allow a relative 1e-4, room for other CPUs' summation
 * orders (SIMD widths) without letting a wrong port through. The 32-layer *plain* BN net is not
 * well-conditioned at initialisation: PyTorch's own float32 and float64 gradients of it differ
 * by ~2 % (median over its weights), so after the first update no two float32 implementations
 * follow the same path; for it the first step must agree (before any update: 1e-4), later
 * steps only in aggregate, and the outcome (plain/residual final loss > 3 at depth 32) must match.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArchitecture, architectureById } from '../src/lib/architectures';
import {
  captureWorkerMessages,
  executeNotebook,
  exportBoth,
  exportNotebook,
  rel,
  runPython,
  trainAndWait,
  workerMessages,
} from './notebook-helpers';
import { portReference } from './notebook-reference';
import { expect, test } from './site';

interface DenseReport {
  mode: 'single' | 'sweep';
  runs: Record<string, { losses: number[]; final_loss: number | null; final_accuracy: number | null; diverged: unknown; evals: [number, number, number][] }>;
  sweep: { arch: string; depth: number; final_loss: number | null; diverged: unknown }[];
}

test.describe('notebooks, executed with PyTorch', () => {
  test.describe.configure({ timeout: 900_000 });

  test('degradation lab, default state: the notebook runs, and its PyTorch run agrees with the browser’s own run', async ({ page }, info) => {
    await captureWorkerMessages(page);
    const nbs = await exportBoth(page, info.outputPath(), 'resnet-principles', '', 'degradation-lab');
    // The browser's own run of the same state: the widget's Train button, its workers.
    await page.goto('/en/resnet-principles/#degradation-lab');
    await trainAndWait(page, 'degradation-lab');
    const messages = await workerMessages(page);
    expect(messages.find((m) => m.type === 'ready')?.backend).toBe('wasm');
    const browser: Record<string, { losses: number[]; finalLoss?: number }> = { plain: { losses: [] }, residual: { losses: [] } };
    for (const m of messages) {
      const arch = m.arch as string;
      if (m.type === 'progress') browser[arch]!.losses.push(...(m.losses as number[]));
      if (m.type === 'done') browser[arch]!.finalLoss = m.finalLoss as number;
    }
    const run = await executeNotebook<DenseReport>(nbs.en);
    expect(run.errors).toEqual([]);
    const torch = run.report!.runs;
    const first20 = (a: string) => ({ browser: browser[a]!.losses.slice(0, 20), torch: torch[a]!.losses.slice(0, 20) });
    const r = first20('residual');
    const p = first20('plain');
    const residualWorst = Math.max(...r.torch.map((v, i) => rel(v, r.browser[i]!)));
    const plainFirst = rel(p.torch[0]!, p.browser[0]!);
    const plainMean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(`[notebook compare] degradation residual, steps 1–20: worst relative difference ${residualWorst.toExponential(2)}`);
    console.log(`[notebook compare] degradation plain, step 1: ${plainFirst.toExponential(2)}; mean loss of steps 1–20: browser ${plainMean(p.browser).toFixed(4)}, PyTorch ${plainMean(p.torch).toFixed(4)}`);
    console.log(`[notebook compare] final loss: browser plain ${browser.plain!.finalLoss}, residual ${browser.residual!.finalLoss}; PyTorch plain ${torch.plain!.final_loss}, residual ${torch.residual!.final_loss}`);
    expect(r.torch).toHaveLength(20);
    expect(residualWorst).toBeLessThan(1e-4);
    expect(plainFirst).toBeLessThan(1e-4);
    expect(Math.abs(plainMean(p.torch) - plainMean(p.browser))).toBeLessThan(0.1);
    // The outcome: degradation at depth 32 on both sides.
    const browserRatio = browser.plain!.finalLoss! / browser.residual!.finalLoss!;
    const torchRatio = torch.plain!.final_loss! / torch.residual!.final_loss!;
    console.log(`[notebook compare] plain/residual final-loss ratio at depth 32: browser ${browserRatio.toFixed(2)}, PyTorch ${torchRatio.toFixed(2)}`);
    expect(browserRatio).toBeGreaterThan(3);
    expect(torchRatio).toBeGreaterThan(3);
  });

  test('degradation lab, another state (depth sweep, no BN, SGD, moons), in Chinese: the notebook runs', async ({ page }, info) => {
    const query = '?w=degradation-lab&v=1&mode=sweep&bn=0&optimizer=sgd&lr=0.01&steps=50&width=16&seed=7&dataset=moons&arch=plain,residual';
    const nbs = await exportBoth(page, info.outputPath(), 'resnet-principles', query, 'degradation-lab');
    expect(nbs.zh.text).toContain("MODE = 'sweep'");
    expect(nbs.zh.text).toContain('BATCH_NORM = False');
    const run = await executeNotebook<DenseReport>(nbs.zh);
    expect(run.errors).toEqual([]);
    const sweep = run.report!.sweep;
    expect(sweep.map((r) => `${r.arch}-${r.depth}`).sort()).toEqual(
      [2, 4, 8, 16, 32, 64].flatMap((d) => [`plain-${d}`, `residual-${d}`]).sort(),
    );
    for (const r of sweep) if (r.diverged === null) expect(Number.isFinite(r.final_loss)).toBe(true);
    expect(sweep.some((r) => r.final_loss !== null)).toBe(true);
  });

  test('gradient flow, default state: the notebook runs, and its gradient norms before training match the recorded browser run', async ({ page }, info) => {
    const nbs = await exportBoth(page, info.outputPath(), 'resnet-principles', '', 'gradient-flow');
    const run = await executeNotebook<{ runs: Record<string, { grad_norms: [number, number[]][]; final_loss: number }> }>(nbs.en);
    expect(run.errors).toEqual([]);
    // The lab's recording (same nets, seed and data; the site's workers, WASM): its gradient norms at step 0.
    const recorded = JSON.parse(readFileSync('src/widgets/degradation-lab/recorded.json', 'utf8'));
    for (const arch of ['plain', 'residual'] as const) {
      const torch = run.report!.runs[arch]!.grad_norms;
      expect(torch).toHaveLength(41); // before training and every 10 of 400 steps
      const init = torch[0]![1];
      const browser = recorded.gradNorms[arch][0].norms as number[];
      expect(init).toHaveLength(32);
      const worst = Math.max(...init.map((v, l) => rel(v, browser[l]!)));
      console.log(`[notebook compare] gradient norms before training, ${arch}: worst relative difference over 32 layers ${worst.toExponential(2)}`);
      // Recorded with 5 significant digits (up to 5e-5 of rounding); the plain net's gradients carry
      // float32 rounding of a few per cent per weight, which a layer's norm averages over its 1,024
      // weights (measured: residual 3e-5, plain 3e-4).
      expect(worst).toBeLessThan(arch === 'residual' ? 2e-4 : 1e-2);
    }
  });

  test('gradient flow, another state (depth 8, no BN, SGD), in Chinese: the notebook runs', async ({ page }, info) => {
    const query = '?w=gradient-flow&v=1&depth=8&bn=0&optimizer=sgd&lr=0.01&steps=60&width=16&seed=3';
    const nbs = await exportBoth(page, info.outputPath(), 'resnet-principles', query, 'gradient-flow');
    const run = await executeNotebook<{ runs: Record<string, { grad_norms: [number, number[]][]; final_loss: number }> }>(nbs.zh);
    expect(run.errors).toEqual([]);
    for (const arch of ['plain', 'residual']) {
      const norms = run.report!.runs[arch]!.grad_norms;
      expect(norms.map(([step]) => step)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]); // max(5, round(60 / 40)) = 5
      expect(norms.every(([, n]) => n.length === 8 && n.every((v) => v > 0 && Number.isFinite(v)))).toBe(true);
    }
  });

  test('boundary lab, default state: the notebook runs, and matches the recorded browser runs', async ({ page }, info) => {
    const nbs = await exportBoth(page, info.outputPath(), 'ml-vs-dl', '', 'boundary-lab');
    type Report = { runs: Record<string, { final_loss: number; final_accuracy: number; parameters: number; losses: number[] }> };
    const run = await executeNotebook<Report>(nbs.en);
    expect(run.errors).toEqual([]);
    const recorded = JSON.parse(readFileSync('src/widgets/boundary-lab/recorded.json', 'utf8'));
    for (const rec of recorded.datasets.circles as { learner: string; finalLoss: number; finalAccuracy: number; parameterCount: number }[]) {
      const torch = run.report!.runs[rec.learner]!;
      const d = rel(torch.final_loss, rec.finalLoss);
      console.log(`[notebook compare] boundary lab ${rec.learner}: final loss browser ${rec.finalLoss.toFixed(6)}, PyTorch ${torch.final_loss.toFixed(6)} (relative ${d.toExponential(2)})`);
      expect(torch.parameters).toBe(rec.parameterCount);
      expect(torch.final_accuracy).toBeCloseTo(rec.finalAccuracy, 2);
      // After all 400 steps (measured: 2e-6 at most).
      expect(d).toBeLessThan(1e-4);
    }
  });

  test('boundary lab, another state (spiral, periodic features, 3 layers), in Chinese: the notebook runs', async ({ page }, info) => {
    const query = '?w=boundary-lab&v=1&dataset=spiral&features=x,y,sinx,cosy&layers=3&width=16&lr=0.02&steps=250&seed=5&learners=raw,features,mlp';
    const nbs = await exportBoth(page, info.outputPath(), 'ml-vs-dl', query, 'boundary-lab');
    type Report = { runs: Record<string, { final_loss: number; parameters: number; eval_steps: number[] }> };
    const run = await executeNotebook<Report>(nbs.zh);
    expect(run.errors).toEqual([]);
    // The widget's schedule: every max(10, Math.round(250 / 20)) = 13 steps (JavaScript rounds 12.5
    // up; Python's round() would give 12), and after the last step.
    const every = Math.max(10, Math.round(250 / 20));
    const expected = [...Array.from({ length: Math.floor(250 / every) + 1 }, (_, i) => i * every), 250];
    for (const learner of ['raw', 'features', 'mlp']) expect(run.report!.runs[learner]!.eval_steps).toEqual(expected);
    // 3 classes: logistic on 2 raw features 2·3 + 3, on 4 features 4·3 + 3; the MLP: stem 2·16 + 2 body 16·16, BN γβ 3·2·16, head 16·3 + 3.
    expect(run.report!.runs.raw!.parameters).toBe(9);
    expect(run.report!.runs.features!.parameters).toBe(15);
    expect(run.report!.runs.mlp!.parameters).toBe(2 * 16 + 2 * 16 * 16 + 3 * 2 * 16 + 16 * 3 + 3);
    expect(run.report!.runs.mlp!.final_loss).toBeLessThan(run.report!.runs.raw!.final_loss);
  });

  test('CNN trainer, default state: the notebook downloads the digits from the site, runs, and its first epoch agrees with the browser’s own run', async ({ page }, info) => {
    await captureWorkerMessages(page);
    const nbs = await exportBoth(page, info.outputPath(), 'cnn-anatomy', '', 'cnn-trainer');
    expect(nbs.en.text).toMatch(/MNIST_URL = 'http:\/\/localhost:\d+\/[^']+\.bin'/);
    await page.goto('/en/cnn-anatomy/#cnn-trainer');
    await trainAndWait(page, 'cnn-trainer');
    const messages = await workerMessages(page);
    expect(messages.find((m) => m.type === 'ready')?.backend).toBe('wasm');
    const losses: number[] = [];
    const evaluations: { epoch: number; test: number; train: number }[] = [];
    for (const m of messages.filter((x) => x.type === 'progress')) {
      losses.push(...(m.losses as number[]));
      if (m.evaluation) evaluations.push(m.evaluation as { epoch: number; test: number; train: number });
    }
    type Report = { losses: Record<string, number[]>; curve: Record<string, number>[]; parameters: Record<string, number> };
    const run = await executeNotebook<Report>(nbs.en);
    expect(run.errors).toEqual([]);
    expect(run.outputs).toContain('Downloading http://localhost:');
    const torch = run.report!.losses.cnn!.slice(0, 20);
    const worst = Math.max(...torch.map((v, i) => rel(v, losses[i]!)));
    const epoch1 = { browser: evaluations.find((e) => e.epoch === 1)!, torch: run.report!.curve.find((e) => e.epoch === 1)! };
    console.log(`[notebook compare] CNN steps 1–20: worst relative difference ${worst.toExponential(2)}`);
    console.log(`[notebook compare] CNN after epoch 1: test accuracy browser ${epoch1.browser.test}, PyTorch ${epoch1.torch['cnn test']}; training digits browser ${epoch1.browser.train}, PyTorch ${epoch1.torch['cnn train']}`);
    expect(torch).toHaveLength(20);
    expect(worst).toBeLessThan(1e-4);
    // After 157 steps the runs have drifted apart in the last digits of every weight; the first
    // epoch's outcome must be the same to within 2 points of accuracy (20 of the 1,000 digits).
    expect(Math.abs(epoch1.torch['cnn test']! - epoch1.browser.test)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(epoch1.torch['cnn train']! - epoch1.browser.train)).toBeLessThanOrEqual(0.02);
    expect(run.report!.parameters.cnn).toBe(8 * 9 + 8 + 16 * 8 * 9 + 16 + 49 * 16 * 10 + 10);
  });

  test('CNN trainer, another state (1 epoch, batch 128, 4 and 8 filters, no contrast), in Chinese: the notebook runs', async ({ page }, info) => {
    const query = '?w=cnn-trainer&v=1&epochs=1&batch=128&lr=0.01&filters1=4&filters2=8&seed=2&contrast=0&digit=7';
    const nbs = await exportBoth(page, info.outputPath(), 'cnn-anatomy', query, 'cnn-trainer');
    type Report = { losses: Record<string, number[]>; curve: Record<string, number>[]; parameters: Record<string, number> };
    const run = await executeNotebook<Report>(nbs.zh);
    expect(run.errors).toEqual([]);
    expect(Object.keys(run.report!.losses)).toEqual(['cnn']);
    expect(run.report!.curve.map((e) => e.epoch)).toEqual([0, 0.5, 1]);
    expect(run.report!.curve.at(-1)!['cnn test']).toBeGreaterThan(0.5);
  });

  test('cnn-depth lab, tiny state (8 layers, width 4, 20 iterations), both languages: the notebook downloads the digits, runs, and agrees with the browser’s own run', async ({ page }, info) => {
    // Tiny on purpose (a few seconds per net on either side): the default 20-layer pair takes minutes.
    const query = '?w=cnn-depth-lab&v=1&depths=8&width=4&steps=20&seed=0';
    await captureWorkerMessages(page);
    const nbs = await exportBoth(page, info.outputPath(), 'case-studies/resnet', query, 'cnn-depth-lab');
    expect(nbs.en.text).toContain('DEPTHS = [8]');
    expect(nbs.en.text).toMatch(/MNIST_URL = 'http:\/\/localhost:\d+\/[^']+\.bin'/);
    await page.goto(`/en/case-studies/resnet/${query}#cnn-depth-lab`);
    await trainAndWait(page, 'cnn-depth-lab');
    const messages = await workerMessages(page);
    expect(messages.find((m) => m.type === 'ready')?.backend).toBe('wasm');
    const browser: Record<string, { losses: number[]; evaluatedAt: number[]; trainError?: number; testError?: number }> = { plain: { losses: [], evaluatedAt: [] }, residual: { losses: [], evaluatedAt: [] } };
    for (const m of messages) {
      const arch = m.arch as string;
      if (m.type === 'progress') browser[arch]!.losses.push(...(m.losses as number[]));
      if (m.type === 'progress' && m.evaluation) browser[arch]!.evaluatedAt.push((m.evaluation as { step: number }).step);
      if (m.type === 'done') Object.assign(browser[arch]!, { trainError: m.trainError, testError: m.testError });
    }
    type Report = { runs: Record<string, { losses: number[]; train_error: number; test_error: number; diverged: unknown; curve: [number, number, number][] }> };
    for (const lang of ['en', 'zh'] as const) {
      const run = await executeNotebook<Report>(nbs[lang]);
      expect(run.errors).toEqual([]);
      if (lang === 'zh') continue;
      expect(run.outputs).toContain('Downloading http://localhost:');
      for (const arch of ['plain', 'residual'] as const) {
        const torch = run.report!.runs[`${arch}-8`]!;
        const b = browser[arch]!;
        const first = Math.max(...[0, 1].map((i) => rel(torch.losses[i]!, b.losses[i]!)));
        console.log(`[notebook compare] cnn-depth ${arch}-8: steps 1–2 worst relative difference ${first.toExponential(2)}; final training error browser ${b.trainError}, PyTorch ${torch.train_error}; test ${b.testError} / ${torch.test_error}`);
        expect(torch.losses).toHaveLength(20);
        // Errors measured at the same iterations: before training, then at (i/8)² of the 20, rounded, and the end.
        expect(b.evaluatedAt).toEqual([0, 1, 3, 5, 8, 11, 15, 20]);
        expect(torch.curve.map((c) => c[0])).toEqual(b.evaluatedAt);
        // Same weights and batches: the first two steps agree to float32 rounding (measured 3e-7 and 1e-6);
        // BN nets then drift apart in the last digits, so the outcome after 20 steps is compared to
        // within 2 points of error (measured 0.3 points at most).
        expect(first).toBeLessThan(1e-4);
        expect(Math.abs(torch.train_error - b.trainError!)).toBeLessThanOrEqual(0.02);
        expect(Math.abs(torch.test_error - b.testError!)).toBeLessThanOrEqual(0.02);
      }
    }
  });

  test('the Python port makes the TypeScript core’s random numbers bit for bit: points, grids, batches, initial weights (also of the block variants), features', async ({ page }, info) => {
    const dir = info.outputPath();
    mkdirSync(dir, { recursive: true });
    const reference = join(dir, 'reference.json');
    writeFileSync(reference, JSON.stringify(await portReference()));
    const sources: [string, string][] = [['resnet-principles', 'degradation-lab'], ['ml-vs-dl', 'boundary-lab'], ['cnn-anatomy', 'cnn-trainer'], ['why-residuals-work', 'block-variants']];
    const paths: string[] = [];
    for (const [chapter, id] of sources) {
      await page.goto(`/en/${chapter}/#${id}`);
      paths.push((await exportNotebook(page, id, dir)).path);
    }
    const out = join(dir, 'port.json');
    const seconds = await runPython('check_port.py', [reference, out, ...paths], 300_000);
    console.log(`[notebook python] port check of ${paths.length} notebooks: ${seconds.toFixed(1)} s`);
    const results = JSON.parse(readFileSync(out, 'utf8')) as Record<string, Record<string, { equal: boolean }>>;
    let checked = 0;
    for (const path of paths) {
      const failed = Object.entries(results[path]!).filter(([, r]) => !r.equal);
      expect(failed, path).toEqual([]);
      checked += Object.keys(results[path]!).length;
    }
    expect(checked).toBeGreaterThan(40);
    // The block variants' initial weights (the residual net's, W_s, W_g, b_g): three cases, bit for bit.
    expect(Object.keys(results[paths[3]!]!).filter((k) => k.startsWith('block variant '))).toHaveLength(3);
  });

  test('parameter counts: torchvision’s ResNet-18/34/50/101/152, VGG-16/19 and GoogLeNet equal the site’s computed counts exactly', async ({}, info) => {
    const site: Record<string, number> = {};
    for (const depth of [18, 34, 50, 101, 152]) site[`resnet${depth}`] = analyzeArchitecture(architectureById(`resnet${depth}`)!).totals.params;
    for (const depth of [16, 19]) site[`vgg${depth}`] = analyzeArchitecture(architectureById(`vgg${depth}`)!).totals.params;
    // torchvision's GoogLeNet is the BN variant (the site's `googlenet-torchvision`); the site's
    // total is the inference net, its `withAuxiliary` adds the two auxiliary classifiers.
    const googlenet = analyzeArchitecture(architectureById('googlenet-torchvision')!);
    site.googlenet = googlenet.totals.params;
    site['googlenet+aux'] = googlenet.withAuxiliary.params;
    const dir = info.outputPath();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'site.json'), JSON.stringify(site));
    const seconds = await runPython('check_params.py', [join(dir, 'site.json'), join(dir, 'params.json')], 300_000);
    const result = JSON.parse(readFileSync(join(dir, 'params.json'), 'utf8')) as { models: Record<string, { torchvision: number; site: number }> };
    console.log(`[notebook python] parameter counts (${seconds.toFixed(1)} s): ${Object.entries(result.models).map(([k, v]) => `${k} ${v.torchvision}`).join(', ')}`);
    expect(Object.keys(result.models)).toHaveLength(9);
    for (const [name, counts] of Object.entries(result.models)) expect(counts.site, name).toBe(counts.torchvision);
  });
});
