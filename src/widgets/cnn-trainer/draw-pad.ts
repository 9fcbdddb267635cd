/**
 * A 28×28 drawing pad for digits on a canvas: mouse, pen and touch (pointer events), and the
 * keyboard (arrow keys move the pen, Shift + arrow moves 3 pixels, Space lowers or lifts it,
 * Delete/Backspace clears). Ink is kept as floats in [0, 1], [28·28] row-major; the brush is a
 * soft disc about 2.5 pixels wide, like an MNIST stroke.
 */
export interface DrawPad {
  /** The ink, [784] in [0, 1] (a live view; copy it to keep it). */
  readonly pixels: Float32Array;
  clear(): void;
  /** Draws a stroke through points given in pixel units (tests and scripted demos). */
  stroke(points: [number, number][]): void;
  destroy(): void;
}

const SIZE = 28;
const INNER = 0.9; // full ink within this radius (pixels)
const OUTER = 1.9; // no ink beyond this radius

export function createDrawPad(canvas: HTMLCanvasElement, onChange: (pixels: Float32Array) => void): DrawPad {
  canvas.width = SIZE;
  canvas.height = SIZE;
  const ctx = canvas.getContext('2d')!;
  const pixels = new Float32Array(SIZE * SIZE);
  const cursor = { x: 13, y: 13 }; // the keyboard pen, at a pixel centre
  let penDown = false;
  let focused = false;
  let pointer: { x: number; y: number } | null = null;

  function stamp(cx: number, cy: number) {
    for (let y = Math.max(0, Math.floor(cy - OUTER)); y <= Math.min(SIZE - 1, Math.ceil(cy + OUTER)); y++)
      for (let x = Math.max(0, Math.floor(cx - OUTER)); x <= Math.min(SIZE - 1, Math.ceil(cx + OUTER)); x++) {
        const d = Math.hypot(x - cx, y - cy);
        const ink = d <= INNER ? 1 : d >= OUTER ? 0 : (OUTER - d) / (OUTER - INNER);
        if (ink > pixels[y * SIZE + x]!) pixels[y * SIZE + x] = ink;
      }
  }

  function line(from: { x: number; y: number }, to: { x: number; y: number }) {
    const steps = Math.max(1, Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) / 0.35));
    for (let i = 0; i <= steps; i++) stamp(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
  }

  function render() {
    const image = ctx.createImageData(SIZE, SIZE);
    for (let i = 0; i < pixels.length; i++) {
      const v = Math.round(255 * (1 - pixels[i]!)); // dark ink on a light pad
      image.data.set([v, v, v, 255], i * 4);
    }
    ctx.putImageData(image, 0, 0);
    if (focused) {
      // The keyboard pen: an outlined pixel, filled while the pen is down.
      ctx.strokeStyle = '#D55E00';
      ctx.lineWidth = 0.25;
      ctx.strokeRect(cursor.x - 0.375, cursor.y - 0.375, 1.75, 1.75);
      if (penDown) {
        ctx.fillStyle = 'rgba(213, 94, 0, 0.6)';
        ctx.fillRect(cursor.x, cursor.y, 1, 1);
      }
    }
  }

  const changed = () => {
    render();
    onChange(pixels);
  };

  const toGrid = (e: PointerEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * SIZE - 0.5, y: ((e.clientY - r.top) / r.height) * SIZE - 0.5 };
  };
  const onDown = (e: PointerEvent) => {
    e.preventDefault();
    canvas.setPointerCapture?.(e.pointerId);
    pointer = toGrid(e);
    stamp(pointer.x, pointer.y);
    changed();
  };
  const onMove = (e: PointerEvent) => {
    if (!pointer) return;
    e.preventDefault();
    const next = toGrid(e);
    line(pointer, next);
    pointer = next;
    changed();
  };
  const onUp = () => (pointer = null);

  const onKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 3 : 1;
    const moves: Record<string, [number, number]> = { ArrowUp: [0, -step], ArrowDown: [0, step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] };
    const move = moves[e.key];
    if (move) {
      const from = { ...cursor };
      cursor.x = Math.min(SIZE - 1, Math.max(0, cursor.x + move[0]));
      cursor.y = Math.min(SIZE - 1, Math.max(0, cursor.y + move[1]));
      if (penDown) line(from, cursor);
      e.preventDefault();
      if (penDown) changed();
      else render();
    } else if (e.key === ' ' || e.key === 'Spacebar') {
      penDown = !penDown;
      if (penDown) stamp(cursor.x, cursor.y);
      e.preventDefault();
      changed();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      pad.clear();
    }
  };
  const onFocus = () => {
    focused = true;
    render();
  };
  const onBlur = () => {
    focused = false;
    penDown = false;
    render();
  };

  const listeners = [
    ['pointerdown', onDown],
    ['pointermove', onMove],
    ['pointerup', onUp],
    ['pointercancel', onUp],
    ['keydown', onKey],
    ['focus', onFocus],
    ['blur', onBlur],
  ] as [string, (e: never) => void][];
  for (const [type, fn] of listeners) canvas.addEventListener(type, fn as EventListener);
  render();

  const pad: DrawPad = {
    pixels,
    clear() {
      pixels.fill(0);
      penDown = false;
      changed();
    },
    stroke(points) {
      for (let i = 0; i < points.length; i++) {
        const [x, y] = points[i]!;
        if (i === 0) stamp(x, y);
        else line({ x: points[i - 1]![0], y: points[i - 1]![1] }, { x, y });
      }
      changed();
    },
    destroy() {
      for (const [type, fn] of listeners) canvas.removeEventListener(type, fn as EventListener);
    },
  };
  return pad;
}
