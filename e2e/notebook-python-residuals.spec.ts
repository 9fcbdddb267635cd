/**
 * The notebooks of the "why residuals work" chapter (loss landscape, lesion study, block
 * variants), cross-checked with Debian's Python as in notebook-python.spec.ts: exported from the
 * built site in a real browser (the default and one other state, both languages), validated with
 * nbformat, executed headless with nbconvert, and compared with the browser's own run of a small
 * state (the widget's Train button, its WASM workers).
 *
 * Tolerances: both sides compute in float32 but sum in different orders, so identical inputs
 * differ in the last bits, and training compounds that step by step. The small states below are
 * well-conditioned (depth 4 to 8 with BN): their numbers stay within ~1e-6 relative of each other
 * (measured, see the console lines), and the tests allow a relative 1e-4 — room for another
 * CPU's summation order (SIMD widths), not for a wrong port. Where a number is a discrete outcome
 * of many (an accuracy over held-out points after deleting blocks), the direction of the effect
 * is compared, not the last point.
 */
import { readFileSync } from 'node:fs';
import { captureWorkerMessages, codeCells, executeNotebook, exportBoth, rel, trainAndWait, workerMessages, type ExportedNotebook } from './notebook-helpers';
import { expect, test } from './site';

const chapter = 'why-residuals-work';
const archs = ['plain', 'residual'] as const;
type Arch = (typeof archs)[number];

/** The notebook's code, for reading its settings. */
const code = (nb: ExportedNotebook) => codeCells(nb).join('\n');

interface LandscapeReport {
  runs: Record<Arch, {
    losses: number[];
    final_loss: number;
    diverged: unknown;
    line: [number, number, number][];
    grid: number[][];
    roughness: { up_down: number; local_minima: number };
    curvature: { min: number; max: number; ratio: number; products: number };
    centre_loss: number;
  }>;
}

test.describe('notebooks of “why residuals work”, executed with PyTorch', () => {
  test.describe.configure({ timeout: 900_000 });

  test('loss landscape, a small state (depth 4, width 8, 60 steps, 11 × 11): both languages run, the slice’s centre is the trained net’s loss, and line, slice and curvature agree with the browser’s own run', async ({ page }, info) => {
    const query = '?w=loss-landscape&v=1&depth=4&width=8&steps=60&resolution=11&span=0.5&cut=0.2';
    await captureWorkerMessages(page);
    const nbs = await exportBoth(page, info.outputPath(), chapter, query, 'loss-landscape');
    expect(code(nbs.en)).toMatch(/^RESOLUTION = 11\b/m);
    expect(code(nbs.en)).toMatch(/^SPAN = 0\.5\b/m);
    await page.goto(`/en/${chapter}/${query}#loss-landscape`);
    await trainAndWait(page, 'loss-landscape');
    const messages = await workerMessages(page);
    expect(messages.find((m) => m.type === 'ready')?.backend).toBe('wasm');
    const browser = Object.fromEntries(archs.map((a) => [a, { losses: [] as number[], rows: [] as number[][], line: [] as { t: number; loss: number; accuracy: number }[], trainLoss: NaN, curvature: { min: NaN, max: NaN } }]));
    for (const m of messages) {
      const b = browser[m.arch as Arch];
      if (!b) continue;
      if (m.type === 'progress' && m.phase === 'train') b.losses.push(...(m.losses as number[]));
      if (m.type === 'progress' && m.phase === 'row') b.rows[m.row as number] = m.losses as number[];
      if (m.type === 'done') Object.assign(b, { trainLoss: m.trainLoss, line: m.line, curvature: m.curvature });
    }
    for (const lang of ['en', 'zh'] as const) {
      const run = await executeNotebook<LandscapeReport>(nbs[lang]);
      expect(run.errors).toEqual([]);
      if (lang === 'zh') continue;
      for (const a of archs) {
        const torch = run.report!.runs[a];
        const b = browser[a]!;
        expect(torch.diverged).toBeNull();
        expect(torch.grid).toHaveLength(11);
        // The centre of the slice (α = β = 0) is θ* itself: the trained net's loss on the 500 landscape points.
        expect(torch.grid[5]![5]).toBe(torch.centre_loss);
        const losses = Math.max(...torch.losses.slice(0, 20).map((v, i) => rel(v, b.losses[i]!)));
        const grid = Math.max(...torch.grid.flatMap((row, i) => row.map((v, j) => rel(v, b.rows[i]![j]!))));
        const line = Math.max(...torch.line.map(([, loss], i) => rel(loss, b.line[i]!.loss)));
        const curvature = Math.max(rel(torch.curvature.max, b.curvature.max), rel(torch.curvature.min, b.curvature.min));
        console.log(`[notebook compare] landscape ${a}: steps 1–20 ${losses.toExponential(2)}, final loss ${rel(torch.final_loss, b.trainLoss).toExponential(2)}, line ${line.toExponential(2)}, slice ${grid.toExponential(2)}, λmin/λmax ${curvature.toExponential(2)} (worst relative differences)`);
        expect(b.rows).toHaveLength(11);
        expect(losses).toBeLessThan(1e-4);
        expect(rel(torch.final_loss, b.trainLoss)).toBeLessThan(1e-4);
        expect(line).toBeLessThan(1e-4);
        expect(grid).toBeLessThan(1e-4);
        // Twenty Hessian-vector products through double backward: float32 rounding of every product
        // enters the Lanczos vectors (measured 2e-6).
        expect(curvature).toBeLessThan(1e-3);
      }
    }
  });

  test('loss landscape, default state, in Chinese: the notebook runs, and its outcome is the recorded browser run’s: the plain net’s slice is the rougher one', async ({ page }, info) => {
    const nbs = await exportBoth(page, info.outputPath(), chapter, '', 'loss-landscape');
    expect(code(nbs.zh)).toMatch(/^DEPTH = 16\b/m);
    const run = await executeNotebook<LandscapeReport>(nbs.zh);
    expect(run.errors).toEqual([]);
    // The widget's recording of this state (the site's workers, WASM).
    type Recorded = { trainLoss: number; roughness: { upDown: number }; curvature: { ratio: number } };
    const recorded = JSON.parse(readFileSync('src/widgets/loss-landscape/recorded.json', 'utf8')) as { depths: { depth: number; nets: Record<Arch, Recorded> }[] };
    const browser = recorded.depths.find((d) => d.depth === 16)!.nets;
    const torch = run.report!.runs;
    for (const a of archs) {
      const r = torch[a];
      expect(r.grid).toHaveLength(31);
      expect(r.grid[15]![15]).toBe(r.centre_loss);
      expect(r.curvature.products).toBe(20);
      console.log(`[notebook compare] landscape default ${a}: final loss browser ${browser[a].trainLoss}, PyTorch ${r.final_loss.toFixed(6)}; up-and-down ratio browser ${browser[a].roughness.upDown.toFixed(3)}, PyTorch ${r.roughness.up_down.toFixed(3)}; |λmin/λmax| browser ${browser[a].curvature.ratio}, PyTorch ${r.curvature.ratio.toFixed(4)}`);
    }
    // 400 Adam steps of BN nets drift apart in the last digits of every weight; the outcome must match.
    expect(browser.plain.roughness.upDown).toBeGreaterThan(2 * browser.residual.roughness.upDown);
    expect(torch.plain.roughness.up_down).toBeGreaterThan(2 * torch.residual.roughness.up_down);
  });

  interface LesionReport {
    runs: Record<Arch, {
      losses: number[];
      final_accuracy: number;
      test_accuracy: number;
      single: number[];
      curve: { k: number; count: number; mean: number; min: number; max: number }[];
      paths: { k: number; paths: number; magnitude: number; total: number }[] | null;
      effective: [number, number, number] | null;
    }>;
  }

  /** How much held-out accuracy a net loses, on average, when one block is deleted. */
  const singleDrop = (intact: number, single: readonly number[]) => intact - single.reduce((a, v) => a + v, 0) / single.length;

  test('lesion study, a small state (depth 8, width 16, 60 steps, no BN): both languages run; accuracies, lesions and path gradients agree with the browser’s own run', async ({ page }, info) => {
    const query = '?w=lesion-study&v=1&depth=8&width=16&steps=60&subsets=5&paths=16&block=2';
    await captureWorkerMessages(page);
    const nbs = await exportBoth(page, info.outputPath(), chapter, query, 'lesion-study');
    expect(code(nbs.en)).toMatch(/^BLOCK = 2\b/m);
    await page.goto(`/en/${chapter}/${query}#lesion-study`);
    await trainAndWait(page, 'lesion-study');
    const messages = await workerMessages(page);
    expect(messages.find((m) => m.type === 'ready')?.backend).toBe('wasm');
    type Done = { testAccuracy: number; trainAccuracy: number; single: { accuracy: number }[]; curve: { mean: number }[]; paths?: { magnitude: number }[]; effective?: { from: number; to: number } };
    const browser = Object.fromEntries(archs.map((a) => [a, { losses: [] as number[], done: null as Done | null }]));
    for (const m of messages) {
      const b = browser[m.arch as Arch];
      if (!b) continue;
      if (m.type === 'progress' && m.phase === 'train') b.losses.push(...(m.losses as number[]));
      if (m.type === 'done') b.done = m as unknown as Done;
    }
    for (const lang of ['en', 'zh'] as const) {
      const run = await executeNotebook<LesionReport>(nbs[lang]);
      expect(run.errors).toEqual([]);
      if (lang === 'zh') continue;
      for (const a of archs) {
        const torch = run.report!.runs[a];
        const b = browser[a]!.done!;
        const losses = Math.max(...torch.losses.slice(0, 20).map((v, i) => rel(v, browser[a]!.losses[i]!)));
        const accuracies = [torch.test_accuracy - b.testAccuracy, ...torch.single.map((v, i) => v - b.single[i]!.accuracy), ...torch.curve.map((p, i) => p.mean - b.curve[i]!.mean)];
        const worstAccuracy = Math.max(...accuracies.map(Math.abs));
        console.log(`[notebook compare] lesion ${a}: steps 1–20 ${losses.toExponential(2)} (worst relative difference); held-out accuracy intact, each block deleted, k blocks deleted: worst difference ${worstAccuracy.toFixed(4)} (of ${accuracies.length} accuracies)`);
        expect(losses).toBeLessThan(1e-4);
        // 60 steps without BN stay within float32 rounding (measured: every accuracy identical);
        // one held-out point in a thousand that flips is allowed.
        expect(worstAccuracy).toBeLessThanOrEqual(0.001 + 1e-6);
        if (a === 'residual') {
          const worstPath = Math.max(...torch.paths!.map((p, i) => rel(p.magnitude, b.paths![i]!.magnitude)));
          console.log(`[notebook compare] lesion residual, gradient through one path by length: worst relative difference ${worstPath.toExponential(2)}; effective paths browser ${b.effective!.from}–${b.effective!.to}, PyTorch ${torch.effective![0]}–${torch.effective![1]}`);
          expect(worstPath).toBeLessThan(1e-4);
          expect([torch.effective![0], torch.effective![1]]).toEqual([b.effective!.from, b.effective!.to]);
        } else expect(torch.paths).toBeNull();
      }
    }
  });

  test('lesion study, default state, in Chinese: the notebook runs, and the effect is the recorded browser run’s: one deleted block costs the plain net far more than the residual net', async ({ page }, info) => {
    const nbs = await exportBoth(page, info.outputPath(), chapter, '', 'lesion-study');
    expect(code(nbs.zh)).toMatch(/^DEPTH = 32\b/m);
    const run = await executeNotebook<LesionReport>(nbs.zh);
    expect(run.errors).toEqual([]);
    type Recorded = { testAccuracy: number; single: { accuracy: number }[] };
    const recorded = JSON.parse(readFileSync('src/widgets/lesion-study/recorded.json', 'utf8')) as { nets: Record<Arch, Recorded> };
    const drop = {
      browser: Object.fromEntries(archs.map((a) => [a, singleDrop(recorded.nets[a].testAccuracy, recorded.nets[a].single.map((s) => s.accuracy))])) as Record<Arch, number>,
      torch: Object.fromEntries(archs.map((a) => [a, singleDrop(run.report!.runs[a].test_accuracy, run.report!.runs[a].single)])) as Record<Arch, number>,
    };
    console.log(`[notebook compare] lesion default, mean accuracy lost with one block deleted: browser plain ${drop.browser.plain.toFixed(3)}, residual ${drop.browser.residual.toFixed(3)}; PyTorch plain ${drop.torch.plain.toFixed(3)}, residual ${drop.torch.residual.toFixed(3)}`);
    // 400 steps of a 32-layer net drift apart in the last digits of every weight; the effect must be the same.
    for (const side of [drop.browser, drop.torch]) expect(side.plain).toBeGreaterThan(5 * side.residual);
    expect(run.report!.runs.residual.curve).toHaveLength(17);
  });

  interface VariantsReport {
    runs: Record<string, { losses: number[]; evals: number[][]; final: number[] | null; diverged: unknown; parameters: number }>;
  }

  test('block variants, a small state (depth 8, width 16, 60 steps, b_g = −3), both languages: the notebook runs; the first 20 losses agree with the browser’s own run, and so do the parameter counts and the ranking at the end', async ({ page }, info) => {
    const variants = ['original', 'exclusive-gate', 'projection', 'dropout-shortcut'];
    const query = `?w=block-variants&v=1&variants=${variants.join(',')}&depth=8&width=16&gateBias=-3&steps=60`;
    await captureWorkerMessages(page);
    const nbs = await exportBoth(page, info.outputPath(), chapter, query, 'block-variants');
    expect(code(nbs.en)).toContain(`VARIANT_IDS = [${variants.map((v) => `'${v}'`).join(', ')}]`);
    expect(code(nbs.en)).toMatch(/^GATE_BIAS = -3\b/m);
    await page.goto(`/en/${chapter}/${query}#block-variants`);
    await trainAndWait(page, 'block-variants');
    const messages = await workerMessages(page);
    expect(messages.find((m) => m.type === 'ready')?.backend).toBe('wasm');
    const browser: Record<string, { losses: number[]; loss?: number; parameters?: number }> = Object.fromEntries(variants.map((v) => [v, { losses: [] }]));
    for (const m of messages) {
      const b = browser[m.variant as string];
      if (!b) continue;
      if (m.type === 'progress') b.losses.push(...(m.losses as number[]));
      if (m.type === 'done') Object.assign(b, { loss: (m.final as { loss: number }).loss, parameters: m.parameterCount });
    }
    for (const lang of ['en', 'zh'] as const) {
      const run = await executeNotebook<VariantsReport>(nbs[lang]);
      expect(run.errors).toEqual([]);
      if (lang === 'zh') continue;
      const torch = run.report!.runs;
      expect(Object.keys(torch)).toEqual(variants);
      for (const v of variants) {
        const b = browser[v]!;
        const worst = Math.max(...torch[v]!.losses.slice(0, 20).map((x, i) => rel(x, b.losses[i]!)));
        console.log(`[notebook compare] block variant ${v}: steps 1–20 worst relative difference ${worst.toExponential(2)}; final training loss browser ${b.loss}, PyTorch ${torch[v]!.final![1]}`);
        expect(torch[v]!.losses).toHaveLength(40);
        expect(worst).toBeLessThan(1e-4);
        expect(torch[v]!.parameters).toBe(b.parameters);
        expect(torch[v]!.evals.map((e) => e[0])).toEqual(Array.from({ length: 13 }, (_, i) => 5 * i)); // every max(5, round(60 / 20)) = 5
      }
      // The ranking of the final training losses is the same on both sides.
      const rank = (loss: (v: string) => number) => [...variants].sort((a, b) => loss(a) - loss(b));
      expect(rank((v) => torch[v]!.final![1]!)).toEqual(rank((v) => browser[v]!.loss!));
    }
  });

  test('block variants, default state, in Chinese: the notebook runs, and each variant ends on the same side of a training loss of 0.15 as in the recorded browser run', async ({ page }, info) => {
    const nbs = await exportBoth(page, info.outputPath(), chapter, '', 'block-variants');
    expect(code(nbs.zh)).toContain("VARIANT_IDS = ['original', 'scale-shortcut', 'projection', 'full-preact']");
    const run = await executeNotebook<VariantsReport>(nbs.zh);
    expect(run.errors).toEqual([]);
    // The widget's recording of the default state, seed 0 (the site's workers, WASM).
    type Recorded = { variant: string; gateBias: number | null; seed: number; final: { loss: number } };
    const recorded = (JSON.parse(readFileSync('src/widgets/block-variants/recorded.json', 'utf8')) as { runs: Recorded[] }).runs.filter((r) => r.seed === 0 && r.gateBias === null);
    // 400 Adam steps of 32-layer BN nets drift apart in the last digits of every weight, and a
    // variant that trains badly amplifies that; what must match is which variants train well
    // (final training loss below 0.15: original and full pre-activation) and which do not.
    for (const [v, r] of Object.entries(run.report!.runs)) {
      const browser = recorded.find((x) => x.variant === v)!.final.loss;
      const torch = r.final![1]!;
      console.log(`[notebook compare] block variant ${v}, default state: final training loss browser ${browser}, PyTorch ${torch.toFixed(5)}`);
      expect(torch < 0.15).toBe(browser < 0.15);
      expect(torch < 0.15).toBe(v === 'original' || v === 'full-preact');
    }
  });
});
