/**
 * The one drawing pad of the notebook: a square grid of ink (28×28 by default) drawn with the
 * mouse, a pen or a finger (pointer events), or the keyboard — the arrow keys move the cursor
 * (Shift + arrow: 3 cells), Space lowers or lifts the pen (a lowered pen inks where the cursor goes),
 * Delete or Backspace clears the pad. Ink is floats in [0, 1], `[size·size]` row-major; the brush is
 * a soft disc about 2.5 cells wide, like an MNIST stroke. An erasing pen (`erasing()`, or the right
 * mouse button) takes ink away with the same disc.
 *
 * The pad draws itself on a `<canvas>` (dark ink on a light pad, the keyboard cursor as an orange
 * outline), or leaves drawing to the widget: pass `locate` (pointer → cell coordinates) and
 * `onCursor` to paint the ink and cursor on any element, e.g. an SVG grid map.
 */
export interface DrawPad {
  /** The ink, [size·size] in [0, 1], row-major (a live view; copy it to keep it). */
  readonly pixels: Float32Array;
  clear(): void;
  /** Replaces the ink (values clamped to [0, 1]), without calling `onChange` or `onCursor`. */
  load(values: ArrayLike<number>): void;
  /** Draws a stroke through points in cell units, `[x, y]` (tests and scripted demos). */
  stroke(points: [number, number][]): void;
  destroy(): void;
}

/** The keyboard cursor in cell units (column x, row y), and whether the pen is down. */
export interface PadCursor {
  x: number;
  y: number;
  penDown: boolean;
}

export interface DrawPadOptions {
  /** Cells per side (default 28). */
  size?: number;
  /**
   * Cell coordinates (x = column, y = row; cell centres at integers) of a pointer position, or
   * undefined outside the pad. Default: the element's box divided into size × size cells.
   */
  locate?: (clientX: number, clientY: number) => { x: number; y: number } | undefined;
  /** Whether the pen erases (e.g. an eraser brush is chosen). Default: never (the right button always does). */
  erasing?: () => boolean;
  /**
   * Called with the cursor while the pad has the keyboard focus, and with undefined when it loses
   * it. When given, the pad leaves all drawing to the widget (no canvas rendering).
   */
  onCursor?: (cursor: PadCursor | undefined) => void;
}

const INNER = 0.9; // full ink within this radius (cells)
const OUTER = 1.9; // no ink beyond this radius

/** Which way each arrow key moves the cursor, in cells [dx, dy]. */
const arrows: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

/**
 * Makes `element` (focusable: `tabindex="0"`) a drawing pad. `onChange` runs after every change of
 * the ink, with the live ink array.
 */
export function createDrawPad(element: HTMLElement, onChange: (pixels: Float32Array) => void, options: DrawPadOptions = {}): DrawPad {
  const size = options.size ?? 28;
  const pixels = new Float32Array(size * size);
  const centre = Math.floor(size / 2); // 14 on a 28-cell pad
  const cursor = { x: centre, y: centre };
  let penDown = false;
  let focused = false;
  let pointer: { x: number; y: number; erase: boolean } | null = null;
  const canvas = !options.onCursor && element instanceof HTMLCanvasElement ? element : null;
  const ctx = canvas?.getContext('2d') ?? null;
  if (canvas) {
    canvas.width = size;
    canvas.height = size;
  }

  function stamp(cx: number, cy: number, erase: boolean) {
    for (let y = Math.max(0, Math.floor(cy - OUTER)); y <= Math.min(size - 1, Math.ceil(cy + OUTER)); y++)
      for (let x = Math.max(0, Math.floor(cx - OUTER)); x <= Math.min(size - 1, Math.ceil(cx + OUTER)); x++) {
        const d = Math.hypot(x - cx, y - cy);
        const ink = d <= INNER ? 1 : d >= OUTER ? 0 : (OUTER - d) / (OUTER - INNER);
        const i = y * size + x;
        if (erase) pixels[i] = Math.min(pixels[i]!, 1 - ink);
        else if (ink > pixels[i]!) pixels[i] = ink;
      }
  }

  function line(from: { x: number; y: number }, to: { x: number; y: number }, erase: boolean) {
    // Stamps every 0.35 cells, so a fast stroke stays continuous between two pointer samples.
    const steps = Math.max(1, Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) / 0.35));
    for (let i = 0; i <= steps; i++) stamp(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps, erase);
  }

  /** Redraws the canvas, or tells the widget where the cursor is. */
  function render() {
    if (options.onCursor) return options.onCursor(focused ? { ...cursor, penDown } : undefined);
    if (!ctx) return;
    const image = ctx.createImageData(size, size);
    for (let i = 0; i < pixels.length; i++) {
      const v = Math.round(255 * (1 - pixels[i]!)); // dark ink on a light pad
      image.data.set([v, v, v, 255], i * 4);
    }
    ctx.putImageData(image, 0, 0);
    if (focused) {
      // The keyboard cursor: an outlined cell, filled while the pen is down.
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
  const erasing = () => options.erasing?.() ?? false;

  const locate =
    options.locate ??
    ((clientX: number, clientY: number) => {
      const r = element.getBoundingClientRect();
      return { x: ((clientX - r.left) / r.width) * size - 0.5, y: ((clientY - r.top) / r.height) * size - 0.5 };
    });
  const onDown = (e: PointerEvent) => {
    const at = locate(e.clientX, e.clientY);
    if (!at) return;
    e.preventDefault();
    element.setPointerCapture?.(e.pointerId);
    pointer = { ...at, erase: erasing() || e.button === 2 };
    stamp(at.x, at.y, pointer.erase);
    changed();
  };
  const onMove = (e: PointerEvent) => {
    if (!pointer) return;
    e.preventDefault();
    const next = locate(e.clientX, e.clientY);
    if (!next) return;
    line(pointer, next, pointer.erase);
    pointer = { ...next, erase: pointer.erase };
    changed();
  };
  const onUp = (e: PointerEvent) => {
    if (element.hasPointerCapture?.(e.pointerId)) element.releasePointerCapture(e.pointerId);
    pointer = null;
  };

  const onKey = (e: KeyboardEvent) => {
    const arrow = arrows[e.key];
    if (arrow) {
      const step = e.shiftKey ? 3 : 1;
      const from = { ...cursor };
      cursor.x = Math.min(size - 1, Math.max(0, cursor.x + arrow[0] * step));
      cursor.y = Math.min(size - 1, Math.max(0, cursor.y + arrow[1] * step));
      e.preventDefault();
      if (penDown) {
        line(from, cursor, erasing());
        changed();
      } else render();
    } else if (e.key === ' ' || e.key === 'Spacebar') {
      e.preventDefault();
      penDown = !penDown;
      if (penDown) {
        stamp(cursor.x, cursor.y, erasing());
        changed();
      } else render();
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
  const noMenu = (e: Event) => e.preventDefault(); // the right button erases

  const listeners = [
    ['pointerdown', onDown],
    ['pointermove', onMove],
    ['pointerup', onUp],
    ['pointercancel', onUp],
    ['keydown', onKey],
    ['focus', onFocus],
    ['blur', onBlur],
    ['contextmenu', noMenu],
  ] as [string, (e: never) => void][];
  for (const [type, fn] of listeners) element.addEventListener(type, fn as EventListener);
  if (canvas) render(); // a widget that draws the pad itself shows it when it is ready

  const pad: DrawPad = {
    pixels,
    clear() {
      pixels.fill(0);
      penDown = false;
      changed();
    },
    load(values) {
      for (let i = 0; i < pixels.length; i++) pixels[i] = Math.min(1, Math.max(0, values[i] ?? 0));
      if (canvas) render();
    },
    stroke(points) {
      for (let i = 0; i < points.length; i++) {
        const [x, y] = points[i]!;
        if (i === 0) stamp(x, y, false);
        else line({ x: points[i - 1]![0], y: points[i - 1]![1] }, { x, y }, false);
      }
      changed();
    },
    destroy() {
      for (const [type, fn] of listeners) element.removeEventListener(type, fn as EventListener);
    },
  };
  return pad;
}
