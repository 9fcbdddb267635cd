/**
 * Cells of the deep CNN lab's tables (`table[data-metrics]`), as text: used by `CnnDepthLab.astro`
 * for the recorded rows at build time and by the client for live ones. Errors are fractions
 * (0–1) with four decimals; layers and steps are integers.
 */
import type { CifarArch } from '../../lib/ml/cifar-net';

const fmt = (v: number) => v.toFixed(4);

/** `runs` table: architecture, layers, iterations, final training error, final test error. */
export function runCells(r: { arch: CifarArch; layers: number; steps: number; trainError: number; testError: number }): string[] {
  return [r.arch, String(r.layers), String(r.steps), fmt(r.trainError), fmt(r.testError)];
}

/** `curve` table: one evaluation [step, training error, test error] of a run. */
export function curveCells(arch: CifarArch, layers: number, [step, train, test]: readonly [number, number, number]): string[] {
  return [arch, String(layers), String(step), fmt(train), fmt(test)];
}

/** `features` table: one stack of feature maps (size × size × channels; mean activation, fraction > 0). */
export function featureCells(arch: CifarArch, layers: number, stack: string, st: { size: number; channels: number; mean: number; active: number }): string[] {
  return [arch, String(layers), stack, String(st.size), String(st.channels), fmt(st.mean), fmt(st.active)];
}
