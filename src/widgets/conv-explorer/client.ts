/**
 * `conv-explorer` in the browser: wiring of the shared runtime (state ↔ controls ↔ link), the
 * drawing pad (`../shared/draw-pad.ts`), the kernel cells (`kernel-cells.ts`), the stepping window
 * (`stepper.ts`), the maps, and the tables and formulas (`tables.ts`) — all recomputed with the
 * plain-array reference on every change.
 */
import { createGridMap } from '../../charts/grid-map';
import { convExplorerStrings } from '../../lib/i18n/widgets/conv-explorer';
import { fill } from '../../lib/i18n/translate';
import { windowCells, type Grid } from '../../lib/ml/conv-reference';
import { convExplorerSchema } from '../../lib/state/schemas/conv-explorer';
import { createDrawPad } from '../shared/draw-pad';
import { yieldToMain } from '../shared/lazy-mount';
import { mountWidget } from '../shared/widget-runtime';
import { cellText, explore, sampleDigits, type Explored } from './compute';
import { createKernelCells, sameCells, wantedWeights } from './kernel-cells';
import { createStepper } from './stepper';
import { writeFormulas, writeGridTable, writeLayerTable } from './tables';

const side = 28;
const copy = (g: Grid): Grid => g.map((row) => [...row]);
const toGrid = (ink: Float32Array): Grid => Array.from({ length: side }, (_, i) => Array.from(ink.subarray(i * side, (i + 1) * side)));

/** Mounts the widget; yields between building it and drawing its first figures (see lazyMount). */
export async function start(root: HTMLElement) {
  const rt = mountWidget(root, convExplorerSchema);
  const s = convExplorerStrings[rt.locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;

  const inputMap = createGridMap(q('[data-chart="input"]'), { title: s.inputMap, scale: 'grey', focusable: false });
  const featureMap = createGridMap(q('[data-chart="feature-map"]'), { title: s.featureMap, scale: 'diverging' });
  const afterMap = createGridMap(q('[data-chart="after"]'), { title: s['after.both'], scale: 'diverging' });
  inputMap.svg.dataset.chart = 'input';
  featureMap.svg.dataset.chart = 'feature-map';
  afterMap.svg.dataset.chart = 'after';

  const inputLabel = q<HTMLElement>('[data-input-label]');
  const patch = q<HTMLTableElement>('[data-patch]');
  const message = q<HTMLElement>('[data-message]');
  const readout = q<HTMLElement>('[data-readout]');
  const positionOut = q<HTMLElement>('[data-position-output]');
  const afterTitle = q<HTMLElement>('[data-after-title]');
  const scrub = q<HTMLInputElement>('[data-step-scrub]');

  // Teacher options for the kernel cells, which are not ordinary bound controls.
  const cellsLocked = rt.options.lock.includes('weights') || rt.options.lock.includes('kernel');
  if (rt.options.hide.includes('weights')) q<HTMLElement>('.nb-kernel-cells').hidden = true;
  const cells = createKernelCells(rt, { grid: q('[data-kernel-grid]'), patch, message: q('[data-cell-message]') }, s.cell, cellsLocked);

  let image: Grid = copy(sampleDigits[rt.state.digit]!.image);
  let drawn = false;
  let result: Explored = explore(rt.state, image);
  let cursor: [number, number] | undefined;

  // The reader draws on the input map (on top of the sample digit); recomputed at most once a frame.
  let frame = 0;
  const scheduleCompute = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      compute();
    });
  };
  const pad = createDrawPad(
    q<HTMLElement>('[data-draw]'),
    (ink) => {
      image = toGrid(ink);
      drawn = true;
      scheduleCompute();
    },
    {
      size: side,
      locate: (x, y) => {
        const cell = inputMap.cellAt(x, y);
        return cell && cell[0] >= 0 && cell[1] >= 0 && cell[0] < side && cell[1] < side ? { x: cell[1], y: cell[0] } : undefined;
      },
      erasing: () => root.querySelector<HTMLInputElement>('input[data-brush]:checked')?.value === 'erase',
      onCursor: (c) => {
        cursor = c && [c.y, c.x];
        render();
      },
    },
  );
  pad.load(image.flat());
  q<HTMLButtonElement>('[data-action-local="clear"]').addEventListener('click', () => pad.clear());

  const stepper = createStepper(
    {
      play: q('[data-step="play"]'),
      forward: q('[data-step="forward"]'),
      back: q('[data-step="back"]'),
      scrub,
      reducedNote: q('[data-reduced-motion]'),
      readout,
    },
    { play: s.play, pause: s.pause },
    (on) => rt.setStatus(on ? 'running' : 'done'),
    () => render(),
  );

  /** Recomputes everything after a change of state or image. */
  function compute() {
    result = explore(rt.state, image);
    const st = rt.state;
    const digit = sampleDigits[st.digit]!;
    inputLabel.textContent = drawn ? s.inputDrawing : fill(s.inputDigit, { label: digit.label });
    const poolName = s[`pool.${st.pool}`];
    afterTitle.textContent =
      st.relu && st.pool !== 'none' ? fill(s['after.both'], { pool: poolName }) : st.relu ? s['after.relu'] : st.pool !== 'none' ? fill(s['after.pool'], { pool: poolName }) : s['after.none'];
    q<HTMLElement>('[data-dims="conv"]').textContent = `${result.o} × ${result.o}`;
    q<HTMLElement>('[data-dims="after"]').textContent = `${result.po} × ${result.po}`;
    if (result.o === 0) {
      message.textContent = fill(s.noFit, { span: result.span, n: result.n, p: st.padding, padded: result.n + 2 * st.padding });
      message.hidden = false;
    } else message.hidden = true;
    stepper.setTotal(result.o * result.o);
    cells.write(result.kernel);
    writeGridTable(q('table[data-metrics="feature-map"]'), result.featureMap);
    writeGridTable(q('table[data-metrics="pooled"]'), result.after);
    writeLayerTable(q('table[data-metrics="layer"] tbody'), st, result, s);
    writeFormulas(root, st, result, s);
    root.dataset.outputSize = String(result.o);
    render();
  }

  /** Redraws the maps, the window and the readout for the current position (no recomputation). */
  function render() {
    const st = rt.state;
    const k = result.kernel.length;
    const o = result.o;
    const position = stepper.position;
    const i = o ? Math.floor(position / o) : 0;
    const j = o ? position % o : 0;
    scrub.value = String(position);
    positionOut.textContent = o ? `${i}, ${j}` : '—';
    scrub.setAttribute('aria-valuetext', o ? fill(s.positionValue, { i, j }) : '—');
    root.dataset.position = String(position);
    const taps = o ? windowCells(i, j, k, { stride: st.stride, padding: st.padding, dilation: st.dilation }) : [];
    const r0 = i * st.stride - st.padding;
    const c0 = j * st.stride - st.padding;
    inputMap.update({
      grid: image,
      pad: st.padding,
      max: 1,
      taps,
      box: o ? { r0, c0, r1: r0 + result.span - 1, c1: c0 + result.span - 1 } : undefined,
      cursor,
    });
    const max = Math.max(1e-9, ...result.featureMap.flat().map(Math.abs));
    featureMap.update({ grid: result.featureMap, max, box: o ? { r0: i, c0: j, r1: i, c1: j } : undefined });
    const m = st.pool === 'none' ? 1 : st.poolSize;
    const pi = Math.floor(i / m), pj = Math.floor(j / m);
    afterMap.update({ grid: result.after, max, box: o && pi < result.po && pj < result.po ? { r0: pi, c0: pj, r1: pi, c1: pj } : undefined });

    // The window's input values beside the kernel.
    const value = (r: number, c: number) => (r >= 0 && c >= 0 && r < side && c < side ? image[r]![c]! : 0);
    patch.tBodies[0] ?? patch.createTBody();
    patch.tBodies[0]!.replaceChildren(
      ...Array.from({ length: k }, (_, u) => {
        const tr = document.createElement('tr');
        for (let v = 0; v < k; v++) {
          const [r, c] = taps[u * k + v] ?? [-1, -1];
          const td = document.createElement('td');
          td.textContent = o ? value(r, c).toFixed(2) : '';
          if (o && (r < 0 || c < 0 || r >= side || c >= side)) td.className = 'pad';
          tr.append(td);
        }
        return tr;
      }),
    );
    if (o) {
      const z = result.featureMap[i]![j]!;
      readout.textContent = fill(s.readout, { i, j, taps: k * k, z: cellText(z) }) + (st.relu ? (rt.locale === 'zh' ? '' : ' ') + fill(s.readoutRelu, { a: cellText(Math.max(0, z)) }) : '');
    } else readout.textContent = '';
  }

  rt.onChange((state, changed) => {
    if (changed.includes('digit')) {
      image = copy(sampleDigits[state.digit]!.image);
      pad.load(image.flat());
      drawn = false;
    }
    if (changed.includes('kernel') || changed.includes('size')) {
      const want = wantedWeights(state);
      if (!sameCells(want, state.weights)) return rt.set({ weights: want }); // recomputes through this listener again
    }
    compute();
  });

  const want = wantedWeights(rt.state);
  if (!sameCells(want, rt.state.weights)) rt.set({ weights: want });
  await yieldToMain();
  compute();
  // Start with the window where the feature map is largest (it survives ReLU), not in an empty corner.
  const flat = result.featureMap.flat();
  stepper.moveTo(flat.length ? flat.indexOf(Math.max(...flat)) : 0);
  await yieldToMain();
  render();
  rt.setStatus('done');
}
