/**
 * The deep CNN lab on WebGPU, where the reader's browser has an adapter. Headless Chromium gets
 * one from SwiftShader (a software Vulkan): far too slow to say anything about speed, but the same
 * tfjs WebGPU kernels run, so it checks correctness.
 *
 * 1. The site's own training worker (the built bundle, its own message protocol) trains a tiny
 *    residual net once on WebGPU and once on WASM, same job: the per-step mini-batch losses agree
 *    within 0.01 nats and the final errors within 2 percentage points. Why not exactly: float32
 *    sums run in a different order on the GPU (convolutions, batch-norm statistics), and SGD
 *    carries the differences forward; measured here they stay near 1e-3 nats over 12 steps.
 * 2. The widget itself takes WebGPU in such a browser and says so in its run bar.
 */
import { readdirSync } from 'node:fs';
import { defaults } from '../src/lib/state/schema';
import { cnnDepthLabSchema } from '../src/lib/state/schemas/cnn-depth-lab';
import { jobFor } from '../src/widgets/cnn-depth-lab/jobs';
import { chromiumArgs } from '../scripts/chromium-args.mjs';
import { expect, test } from './site';

test.use({
  launchOptions: {
    executablePath: process.env.PW_CHROMIUM ?? '/usr/bin/chromium',
    // The usual flags without --disable-gpu, plus a SwiftShader WebGPU adapter.
    args: [
      ...chromiumArgs.filter((a) => a !== '--disable-gpu'),
      '--enable-unsafe-webgpu',
      '--enable-features=Vulkan',
      '--use-vulkan=swiftshader',
      '--use-webgpu-adapter=swiftshader',
    ],
  },
});

const workerFile = readdirSync('dist/_astro').find((f) => /^cnn-depth\.worker-.*\.js$/.test(f));

/** A residual 8-layer net of width 4 on 512 digits, batches of 64, 12 steps, errors on 256 digits. */
const tinyJob = {
  ...jobFor(defaults(cnnDepthLabSchema), 'residual', 8, []),
  width: 4,
  steps: 12,
  evaluations: 2,
  trainCount: 512,
  trainSample: 256,
  testCount: 256,
  batchSize: 64,
};

test('the training worker trains the same tiny net on WebGPU as on WASM, within the stated tolerance', async ({ page }) => {
  test.setTimeout(240_000);
  expect(workerFile, 'the cnn-depth worker bundle in dist/_astro').toBeTruthy();
  await page.goto('/en/');
  const run = (backend: 'webgpu' | 'wasm') =>
    page.evaluate(
      ({ url, job, backend }) =>
        new Promise<{ backend: string; losses: number[]; trainError: number; testError: number }>((resolve, reject) => {
          const worker = new Worker(url, { type: 'module' });
          let used = '';
          const losses: number[] = [];
          worker.onerror = (e) => reject(new Error(e.message));
          worker.onmessage = ({ data }) => {
            if (data.type === 'ready') used = data.backend;
            else if (data.type === 'progress') losses.push(...data.progress.losses);
            else if (data.type === 'done') {
              worker.terminate();
              resolve({ backend: used, losses, trainError: data.result.trainError, testError: data.result.testError });
            } else if (data.type === 'error') reject(new Error(data.message));
          };
          worker.postMessage({ type: 'start', runId: 1, job, backend });
        }),
      { url: `/_astro/${workerFile}`, job: tinyJob, backend },
    );
  const gpu = await run('webgpu');
  const wasm = await run('wasm');
  expect(gpu.backend).toBe('webgpu');
  expect(wasm.backend).toBe('wasm');
  expect(gpu.losses).toHaveLength(12);
  expect(wasm.losses).toHaveLength(12);
  // The net learns on both: the last losses are below the first (ln 10 ≈ 2.30 at the start).
  expect(gpu.losses.at(-1)!).toBeLessThan(gpu.losses[0]!);
  gpu.losses.forEach((loss, i) => expect(Math.abs(loss - wasm.losses[i]!), `step ${i + 1}: WebGPU ${loss}, WASM ${wasm.losses[i]}`).toBeLessThanOrEqual(0.01));
  expect(Math.abs(gpu.trainError - wasm.trainError)).toBeLessThanOrEqual(0.02);
  expect(Math.abs(gpu.testError - wasm.testError)).toBeLessThanOrEqual(0.02);
});

test('the widget trains on WebGPU where the browser has an adapter, and shows it (zh)', async ({ page, problems }) => {
  test.setTimeout(180_000);
  await page.goto('/zh/embed/cnn-depth-lab/?w=cnn-depth-lab&depths=8&width=4&steps=20');
  const root = page.locator('#cnn-depth-lab');
  await expect(root).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
  await expect(root).toHaveAttribute('data-state', /depths=8&width=4&.*steps=20/);
  await root.locator('button[data-run="train"]').click();
  await expect(root).toHaveAttribute('data-backend', 'webgpu', { timeout: 60_000 });
  await expect(root.locator('.nb-run-bar')).toContainText('WebGPU');
  await root.locator('button[data-run="stop"]').click();
  await expect(root).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(root).toHaveAttribute('data-run-state', 'stopped');
  expect(problems.pageErrors).toEqual([]);
});
