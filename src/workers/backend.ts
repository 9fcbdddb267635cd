/**
 * Picks the tfjs backend inside a worker: WebGPU when the job prefers it and the browser has an
 * adapter (the backend is loaded only then, as its own chunk), else WASM (SIMD, single-threaded),
 * CPU as the last fallback.
 * The threaded WASM build breaks after bundling (its pthread workers are built from
 * `Function.toString()` of bundled code), so multithreading is switched off; and because a broken
 * WASM load can make `setBackend` hang rather than reject, the attempt has a time limit.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName } from './protocol';

let chosen: Promise<{ backend: BackendName; fallbackReason?: string }> | undefined;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);
}

/** The WebGPU backend if this worker can have it; throws why not. */
async function tryWebGpu(): Promise<void> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<unknown> } } | undefined)?.gpu;
  if (!gpu) throw new Error('navigator.gpu is missing');
  if (!(await withTimeout(gpu.requestAdapter(), 8000))) throw new Error('no WebGPU adapter');
  await import('@tensorflow/tfjs-backend-webgpu');
  const ok = await withTimeout(tf.setBackend('webgpu'), 20000);
  await tf.ready();
  if (!ok || tf.getBackend() !== 'webgpu') throw new Error('the WebGPU backend did not initialise');
}

/**
 * Initialises tfjs once per worker; later calls return the same answer. `fallbackReason` is set
 * when the worker ends up on CPU although it asked for more (a missing WebGPU is not a failure:
 * most machines have none, and WASM is the normal case).
 */
export function initBackend(preferred: BackendName): Promise<{ backend: BackendName; fallbackReason?: string }> {
  chosen ??= (async () => {
    if (preferred === 'webgpu') {
      try {
        await tryWebGpu();
        return { backend: 'webgpu' as const };
      } catch {
        // Fall through to WASM.
      }
    }
    if (preferred !== 'cpu') {
      try {
        setWasmPaths({
          'tfjs-backend-wasm.wasm': wasmUrl,
          'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
          'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
        });
        tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
        const ok = await withTimeout(tf.setBackend('wasm'), 8000);
        await tf.ready();
        if (ok && tf.getBackend() === 'wasm') return { backend: 'wasm' as const };
        throw new Error('the WASM backend did not initialise');
      } catch (err) {
        await tf.setBackend('cpu');
        await tf.ready();
        return { backend: 'cpu' as const, fallbackReason: err instanceof Error ? err.message : String(err) };
      }
    }
    await tf.setBackend('cpu');
    await tf.ready();
    return { backend: 'cpu' as const };
  })();
  return chosen;
}
