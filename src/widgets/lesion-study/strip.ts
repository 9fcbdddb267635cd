/**
 * The strip diagram of the lesion study: each net as a row — input layer, n blocks, output — where
 * every block is a button that deletes it (from both nets) or puts it back. A block is tinted by
 * the held-out accuracy its net keeps without it (green: nothing lost, orange: down to chance).
 * Keyboard: one tab stop per row; ←/→, Home and End move along it; Enter or Space presses.
 */
import type { Arch } from './jobs';

export interface StripOptions {
  /** Row label, input and output names, per-block accessible text. */
  rowLabel(arch: Arch): string;
  stem: string;
  head: string;
  blockLabel(block: number, arch: Arch, accuracy: number | undefined): string;
  /** Pressed block b (1-based); the same block pressed again means "none" (0). */
  onPick(block: number): void;
}

export interface StripView {
  /** Draws n blocks per row, block `deleted` (1-based, 0 = none) pressed, tinted by `accuracy[arch][b]` (0-based b). */
  update(n: number, deleted: number, accuracy: Record<Arch, (number | undefined)[]>, chance: number): void;
}

export function createStrips(element: HTMLElement, archs: readonly Arch[], opts: StripOptions): StripView {
  const rows = new Map<Arch, HTMLElement>();
  for (const arch of archs) {
    const row = document.createElement('div');
    row.className = 'nb-strip';
    row.dataset.arch = arch;
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', opts.rowLabel(arch));
    const name = document.createElement('span');
    name.className = 'nb-strip__name';
    name.textContent = opts.rowLabel(arch);
    name.setAttribute('aria-hidden', 'true');
    element.append(name, row);
    rows.set(arch, row);
    row.addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-block]');
      if (button) opts.onPick(Number(button.dataset.block));
    });
    row.addEventListener('keydown', (e) => {
      const buttons = [...row.querySelectorAll<HTMLButtonElement>('button[data-block]')];
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      if (at < 0) return;
      const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : null;
      if (to === null) return;
      e.preventDefault();
      const next = buttons[Math.max(0, Math.min(buttons.length - 1, to))]!;
      for (const b of buttons) b.tabIndex = b === next ? 0 : -1;
      next.focus();
    });
  }

  const end = (cls: string, text: string) => {
    const span = document.createElement('span');
    span.className = `nb-strip__end ${cls}`;
    span.textContent = text;
    return span;
  };

  return {
    update(n, deleted, accuracy, chance) {
      for (const [arch, row] of rows) {
        const focused = row.contains(document.activeElement) ? Number((document.activeElement as HTMLElement).dataset.block) : undefined;
        const blocks = Array.from({ length: n }, (_, i) => {
          const b = i + 1;
          const acc = accuracy[arch][i];
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'nb-strip__block';
          button.dataset.block = String(b);
          button.textContent = String(b);
          button.setAttribute('aria-pressed', String(b === deleted));
          button.setAttribute('aria-label', opts.blockLabel(b, arch, acc));
          button.title = opts.blockLabel(b, arch, acc);
          // 0 at chance, 1 at perfect: the tint of the block.
          if (acc !== undefined) button.style.setProperty('--kept', String(Math.max(0, Math.min(1, (acc - chance) / (1 - chance)))));
          button.tabIndex = (focused ?? (deleted || 1)) === b ? 0 : -1;
          return button;
        });
        row.replaceChildren(end('nb-strip__stem', opts.stem), ...blocks, end('nb-strip__head', opts.head));
        if (focused !== undefined) row.querySelector<HTMLButtonElement>(`button[data-block="${focused}"]`)?.focus();
      }
    },
  };
}
