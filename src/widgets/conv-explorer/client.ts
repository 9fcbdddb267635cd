/**
 * `conv-explorer` in the browser: state ↔ controls ↔ link (the shared runtime), the reader's
 * drawing (mouse, touch, keyboard), the kernel cells, the stepping window, and the maps, formulas
 * and tables — all recomputed with the plain-array reference on every change.
 */
import { createGridMap } from '../../charts/grid-map';
import { convExplorerStrings } from '../../lib/i18n/widgets/conv-explorer';
import { fill } from '../../lib/i18n/translate';
import { windowCells, type Grid } from '../../lib/ml/conv-reference';
import { flattenKernel, presetKernel, resizeKernel, kernelFromCells, type KernelSize } from '../../lib/ml/conv-presets';
import { convExplorerSchema, type ConvExplorerState } from '../../lib/state/schemas/conv-explorer';
import { mountWidget } from '../shared/widget-runtime';
import { cellText, explore, sampleDigits, type Explored } from './compute';

const side = 28;
const copy = (g: Grid): Grid => g.map((row) => [...row]);
const sameCells = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 1e-9);
/** A kernel's cells as a link carries them (3 significant digits), so comparisons match the state. */
const linkCells = (g: Grid) => flattenKernel(g).map((v) => Number(v.toPrecision(3)));

export function start(root: HTMLElement) {
  const rt = mountWidget(root, convExplorerSchema);
  const s = convExplorerStrings[rt.locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;

  const inputMap = createGridMap(q('[data-chart="input"]'), { title: s.inputMap, scale: 'grey', focusable: false });
  const featureMap = createGridMap(q('[data-chart="feature-map"]'), { title: s.featureMap, scale: 'diverging' });
  const afterMap = createGridMap(q('[data-chart="after"]'), { title: s['after.both'], scale: 'diverging' });
  inputMap.svg.dataset.chart = 'input';
  featureMap.svg.dataset.chart = 'feature-map';
  afterMap.svg.dataset.chart = 'after';

  const draw = q<HTMLElement>('[data-draw]');
  const inputLabel = q<HTMLElement>('[data-input-label]');
  const kernelGrid = q<HTMLElement>('[data-kernel-grid]');
  const patch = q<HTMLTableElement>('[data-patch]');
  const message = q<HTMLElement>('[data-message]');
  const readout = q<HTMLElement>('[data-readout]');
  const scrub = q<HTMLInputElement>('[data-step-scrub]');
  const positionOut = q<HTMLElement>('[data-position-output]');
  const playBtn = q<HTMLButtonElement>('[data-step="play"]');
  const reducedNote = q<HTMLElement>('[data-reduced-motion]');
  const afterTitle = q<HTMLElement>('[data-after-title]');

  // Teacher options for the kernel cells, which are not ordinary bound controls.
  const cellsLocked = rt.options.lock.includes('weights') || rt.options.lock.includes('kernel');
  if (rt.options.hide.includes('weights')) q<HTMLElement>('.nb-kernel-cells').hidden = true;

  let image: Grid = copy(sampleDigits[rt.state.digit]!.image);
  let drawn = false;
  let position = 0;
  let result: Explored = explore(rt.state, image);
  let cursor: [number, number] = [14, 14];
  let cursorShown = false;

  // ---- kernel: keep `weights` in step with a preset and with the size ----
  /** The weights the state should carry: the preset's cells, or the reader's resized to k×k. */
  function wantedWeights(state: ConvExplorerState): number[] {
    const k = state.size as KernelSize;
    if (state.kernel !== 'custom') return linkCells(presetKernel(state.kernel, k));
    const from = Math.round(Math.sqrt(state.weights.length));
    return from === k ? state.weights : linkCells(resizeKernel(kernelFromCells(state.weights, from), k));
  }
  function syncWeights() {
    const want = wantedWeights(rt.state);
    if (!sameCells(want, rt.state.weights)) rt.set({ weights: want });
  }

  function buildCells(k: number) {
    if (kernelGrid.childElementCount === k * k) return;
    kernelGrid.style.setProperty('--k', String(k));
    patch.style.setProperty('--k', String(k));
    kernelGrid.replaceChildren(
      ...Array.from({ length: k * k }, (_, idx) => {
        const el = document.createElement('input');
        el.type = 'number';
        el.step = '0.1';
        el.min = String(convExplorerSchema.fields.weights.min);
        el.max = String(convExplorerSchema.fields.weights.max);
        el.dataset.cell = String(idx);
        el.setAttribute('aria-label', fill(s.cell, { r: Math.floor(idx / k) + 1, c: (idx % k) + 1 }));
        return el;
      }),
    );
  }
  function writeCells() {
    const flat = flattenKernel(result.kernel);
    buildCells(result.kernel.length);
    kernelGrid.querySelectorAll<HTMLInputElement>('input[data-cell]').forEach((el, i) => {
      el.disabled = cellsLocked;
      if (document.activeElement === el && Number(el.value) === flat[i]) return; // don't fight the reader's typing
      el.value = String(flat[i]);
    });
  }
  kernelGrid.addEventListener('input', (event) => {
    const el = event.target as HTMLInputElement;
    if (!el.dataset.cell || cellsLocked) return;
    const v = Number(el.value);
    if (el.value.trim() === '' || !Number.isFinite(v)) return; // half-typed ("-", "") waits for more
    const cells = flattenKernel(result.kernel);
    cells[Number(el.dataset.cell)] = v;
    rt.set({ kernel: 'custom', weights: cells.map((x) => Number(x.toPrecision(3))) });
  });
  kernelGrid.addEventListener('change', () => writeCells()); // show the clamped value once the reader leaves the cell

  // ---- drawing ----
  function paint(r: number, c: number, erase: boolean) {
    for (let dr = -1; dr <= 1; dr++)
      for (let dc = -1; dc <= 1; dc++) {
        const i = r + dr, j = c + dc;
        if (i < 0 || j < 0 || i >= side || j >= side) continue;
        const w = dr === 0 && dc === 0 ? 1 : dr === 0 || dc === 0 ? 0.55 : 0.2;
        if (erase) image[i]![j] = 0;
        else image[i]![j] = Math.max(image[i]![j]!, w);
      }
    drawn = true;
  }
  const brushErases = () => root.querySelector<HTMLInputElement>('input[data-brush]:checked')?.value === 'erase';
  let frame = 0;
  const scheduleCompute = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      compute();
    });
  };

  let last: [number, number] | undefined;
  const inside = (p: [number, number] | undefined): p is [number, number] => !!p && p[0] >= 0 && p[1] >= 0 && p[0] < side && p[1] < side;
  function strokeTo(p: [number, number], erase: boolean) {
    // Fill the gap between two pointer samples so fast strokes stay continuous.
    const from = last ?? p;
    const n = Math.max(Math.abs(p[0] - from[0]), Math.abs(p[1] - from[1]), 1);
    for (let t = 1; t <= n; t++) paint(Math.round(from[0] + ((p[0] - from[0]) * t) / n), Math.round(from[1] + ((p[1] - from[1]) * t) / n), erase);
    last = p;
    scheduleCompute();
  }
  draw.addEventListener('pointerdown', (e) => {
    const p = inputMap.cellAt(e.clientX, e.clientY);
    if (!inside(p)) return;
    e.preventDefault();
    draw.setPointerCapture(e.pointerId);
    last = undefined;
    strokeTo(p, brushErases() || e.button === 2);
  });
  draw.addEventListener('pointermove', (e) => {
    if (!draw.hasPointerCapture(e.pointerId)) return;
    const p = inputMap.cellAt(e.clientX, e.clientY);
    if (inside(p)) strokeTo(p, brushErases() || (e.buttons & 2) !== 0);
  });
  const endStroke = (e: PointerEvent) => {
    if (draw.hasPointerCapture(e.pointerId)) draw.releasePointerCapture(e.pointerId);
    last = undefined;
  };
  draw.addEventListener('pointerup', endStroke);
  draw.addEventListener('pointercancel', endStroke);
  draw.addEventListener('contextmenu', (e) => e.preventDefault());
  draw.addEventListener('focus', () => {
    cursorShown = true;
    render();
  });
  draw.addEventListener('blur', () => {
    cursorShown = false;
    render();
  });
  draw.addEventListener('keydown', (e) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (move) {
      cursor = [Math.min(side - 1, Math.max(0, cursor[0] + move[0])), Math.min(side - 1, Math.max(0, cursor[1] + move[1]))];
      cursorShown = true;
      render();
    } else if (e.key === ' ' || e.key === 'Spacebar') {
      paint(cursor[0], cursor[1], brushErases());
      compute();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      paint(cursor[0], cursor[1], true);
      compute();
    } else return;
    e.preventDefault();
  });
  q<HTMLButtonElement>('[data-action-local="clear"]').addEventListener('click', () => {
    image = Array.from({ length: side }, () => Array(side).fill(0));
    drawn = true;
    compute();
  });

  // ---- the stepping window ----
  const reduced = matchMedia('(prefers-reduced-motion: reduce)');
  let timer: ReturnType<typeof setInterval> | undefined;
  function setPlaying(on: boolean) {
    if (on && reduced.matches) return;
    clearInterval(timer);
    timer = undefined;
    if (on) {
      if (position >= result.o * result.o - 1) position = 0;
      timer = setInterval(() => {
        if (position >= result.o * result.o - 1) return setPlaying(false);
        position++;
        render();
      }, 60);
    }
    playBtn.textContent = on ? s.pause : s.play;
    playBtn.setAttribute('aria-pressed', on ? 'true' : 'false');
    readout.setAttribute('aria-live', on ? 'off' : 'polite');
    rt.setStatus(on ? 'running' : 'done');
  }
  const applyMotion = () => {
    playBtn.disabled = reduced.matches;
    reducedNote.hidden = !reduced.matches;
    if (reduced.matches) setPlaying(false);
  };
  reduced.addEventListener('change', applyMotion);
  applyMotion();
  playBtn.addEventListener('click', () => setPlaying(timer === undefined));
  q<HTMLButtonElement>('[data-step="forward"]').addEventListener('click', () => {
    setPlaying(false);
    position = Math.min(position + 1, Math.max(0, result.o * result.o - 1));
    render();
  });
  q<HTMLButtonElement>('[data-step="back"]').addEventListener('click', () => {
    setPlaying(false);
    position = Math.max(position - 1, 0);
    render();
  });
  scrub.addEventListener('input', () => {
    setPlaying(false);
    position = Number(scrub.value);
    render();
  });

  // ---- rendering ----
  function setSlot(name: string, value: number | string) {
    root.querySelectorAll<HTMLElement>(`.nb-v-${name}`).forEach((el) => {
      const mord = el.querySelector<HTMLElement>(':scope > .mord');
      if (mord) mord.textContent = String(value);
      else el.textContent = String(value);
    });
  }

  function fillGridTable(metrics: string, grid: Grid) {
    const table = q<HTMLTableElement>(`table[data-metrics="${metrics}"]`);
    const headRow = table.tHead!.rows[0]!;
    const cols = grid[0]?.length ?? 0;
    const head = [headRow.cells[0]!];
    for (let j = 0; j < cols; j++) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = String(j);
      head.push(th);
    }
    headRow.replaceChildren(...head);
    table.tBodies[0]!.replaceChildren(
      ...grid.map((row, i) => {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = String(i);
        tr.append(th);
        for (const v of row) {
          const td = document.createElement('td');
          td.textContent = cellText(v);
          tr.append(td);
        }
        return tr;
      }),
    );
  }

  function fillLayerTable() {
    const st = rt.state;
    const k = result.kernel.length;
    const rows: (string | number)[][] = [[s['layer.conv'], result.n, k, st.stride, st.padding, st.dilation, result.o, result.params]];
    if (st.pool !== 'none') rows.push([s['layer.pool'], result.o, st.poolSize, st.poolSize, 0, 1, result.po, 0]);
    q<HTMLTableSectionElement>('table[data-metrics="layer"] tbody').replaceChildren(
      ...rows.map((cells) => {
        const tr = document.createElement('tr');
        for (const c of cells) {
          const td = document.createElement('td');
          td.textContent = String(c);
          tr.append(td);
        }
        return tr;
      }),
    );
  }

  function fillFormulas() {
    const st = rt.state;
    const k = result.kernel.length;
    const values = { n: result.n, k, s: st.stride, p: st.padding, d: st.dilation, o: result.o, m: st.poolSize, po: result.po, cin: st.cin, cout: st.cout, params: result.params };
    for (const [name, value] of Object.entries(values)) setSlot(name, value);
    q<HTMLElement>('[data-pool-formula]').hidden = st.pool === 'none';
    root.querySelectorAll<HTMLElement>('.nb-katex[data-bias]').forEach((el) => (el.dataset.bias = st.bias ? 'on' : 'off'));
    q<HTMLElement>('[data-sr="formula"]').textContent = fill(s.formulaSr, values);
    q<HTMLElement>('[data-sr="pool"]').textContent = fill(s.poolSr, values);
    q<HTMLElement>('[data-sr="params"]').textContent = fill(s.paramsSr, { ...values, b: st.bias ? ' + C_out' : '', bv: st.bias ? ` + ${st.cout}` : '' });
  }

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
    const total = result.o * result.o;
    scrub.max = String(Math.max(0, total - 1));
    position = Math.min(position, Math.max(0, total - 1));
    writeCells();
    fillGridTable('feature-map', result.featureMap);
    fillGridTable('pooled', result.after);
    fillLayerTable();
    fillFormulas();
    root.dataset.outputSize = String(result.o);
    render();
  }

  /** Redraws the maps, the window and the readout for the current position (no recomputation). */
  function render() {
    const st = rt.state;
    const k = result.kernel.length;
    const o = result.o;
    const i = o ? Math.floor(position / o) : 0;
    const j = o ? position % o : 0;
    scrub.value = String(position);
    positionOut.textContent = o ? `${i}, ${j}` : '—';
    root.dataset.position = String(position);
    const opts = { stride: st.stride, padding: st.padding, dilation: st.dilation };
    const taps = o ? windowCells(i, j, k, opts) : [];
    const r0 = i * st.stride - st.padding;
    const c0 = j * st.stride - st.padding;
    inputMap.update({
      grid: image,
      pad: st.padding,
      max: 1,
      taps,
      box: o ? { r0, c0, r1: r0 + result.span - 1, c1: c0 + result.span - 1 } : undefined,
      cursor: cursorShown ? cursor : undefined,
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
      drawn = false;
    }
    if (changed.includes('kernel') || changed.includes('size')) {
      const want = wantedWeights(state);
      if (!sameCells(want, state.weights)) return rt.set({ weights: want }); // recomputes through this listener again
    }
    compute();
  });

  syncWeights();
  compute();
  // Start with the window where the feature map is largest (it survives ReLU), not in an empty corner.
  const flat = result.featureMap.flat();
  position = flat.length ? flat.indexOf(Math.max(...flat)) : 0;
  render();
  rt.setStatus('done');
}
