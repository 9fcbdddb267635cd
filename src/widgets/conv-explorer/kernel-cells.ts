/**
 * The conv-explorer's kernel editor: one text cell per weight (k × k, built again when k changes),
 * each a number field that takes free typing and turns the kernel into the reader's custom kernel;
 * and `wantedWeights`, which keeps the state's `weights` in step with a preset and with the size.
 */
import { fill } from '../../lib/i18n/translate';
import { flattenKernel, kernelFromCells, presetKernel, resizeKernel, type KernelSize } from '../../lib/ml/conv-presets';
import type { Grid } from '../../lib/ml/conv-reference';
import { convExplorerSchema, type ConvExplorerState } from '../../lib/state/schemas/conv-explorer';
import { bindNumberField, numberFieldOf } from '../shared/number-field';
import type { WidgetRuntime } from '../shared/widget-runtime';

/** A kernel's cells as a link carries them (3 significant digits), so comparisons match the state. */
const linkCells = (g: Grid) => flattenKernel(g).map((v) => Number(v.toPrecision(3)));

/** Whether two cell lists are equal (to 1e-9). */
export const sameCells = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 1e-9);

/** The weights the state should carry: the preset's cells, or the reader's resized to k×k. */
export function wantedWeights(state: ConvExplorerState): number[] {
  const k = state.size as KernelSize;
  if (state.kernel !== 'custom') return linkCells(presetKernel(state.kernel, k));
  const from = Math.round(Math.sqrt(state.weights.length));
  return from === k ? state.weights : linkCells(resizeKernel(kernelFromCells(state.weights, from), k));
}

export interface KernelCells {
  /** Shows `kernel` in the cells (rebuilding them if its size changed). */
  write(kernel: Grid): void;
}

/**
 * Binds the kernel cells in `grid` (and sizes the window-values table `patch` alike). A cell the
 * reader changes sets `kernel: 'custom'` and all weights; `locked` (the teacher's lock on
 * `weights` or `kernel`) disables the cells. Messages about corrected values go to `message`.
 */
export function createKernelCells(
  rt: WidgetRuntime<typeof convExplorerSchema>,
  els: { grid: HTMLElement; patch: HTMLElement; message: HTMLElement },
  cellLabel: string,
  locked: boolean,
): KernelCells {
  const spec = { kind: 'float', min: convExplorerSchema.fields.weights.min, max: convExplorerSchema.fields.weights.max, default: 0, digits: 3 } as const;
  let kernel: Grid = [];
  const value = (idx: number) => flattenKernel(kernel)[idx] ?? 0;

  function build(k: number) {
    if (els.grid.childElementCount === k * k && els.grid.querySelector('[data-number-field]')) return;
    els.grid.style.setProperty('--k', String(k));
    els.patch.style.setProperty('--k', String(k));
    els.grid.querySelectorAll<HTMLInputElement>('input[data-cell]').forEach((el) => numberFieldOf(el)?.destroy());
    els.grid.replaceChildren(
      ...Array.from({ length: k * k }, (_, idx) => {
        const el = document.createElement('input');
        el.type = 'text';
        el.dataset.step = '0.1';
        el.dataset.cell = String(idx);
        el.setAttribute('aria-label', fill(cellLabel, { r: Math.floor(idx / k) + 1, c: (idx % k) + 1 }));
        el.value = String(value(idx));
        // A cell takes free typing like every number field; its value becomes the custom kernel's.
        bindNumberField(el, {
          spec,
          t: rt.t,
          message: els.message,
          current: () => value(idx),
          apply: (v) => {
            if (locked) return value(idx);
            const cells = flattenKernel(kernel);
            cells[idx] = v;
            rt.set({ kernel: 'custom', weights: cells.map((x) => Number(x.toPrecision(3))) });
            return value(idx);
          },
        });
        return el;
      }),
    );
  }

  return {
    write(next) {
      kernel = next;
      build(next.length);
      els.grid.querySelectorAll<HTMLInputElement>('input[data-cell]').forEach((el) => {
        el.disabled = locked;
        numberFieldOf(el)?.sync();
      });
    },
  };
}
