/**
 * A QR code as crisp SVG, made locally (`uqr`; nothing leaves the page): the 4-module quiet zone
 * the standard asks for (ISO/IEC 18004 §6.3.8), error correction M (15 %: a fold or a smudge on
 * paper), and a size in whole pixels per module on screen so a camera, or a screenshot, sees sharp
 * square modules. The element gets `--qr-modules` (modules across, quiet zone included) for the
 * stylesheet's printed size.
 */
import { encode } from 'uqr';

/** Quiet zone, in modules, on each side. */
export const quietZone = 4;

export interface QrOptions {
  /** CSS pixels per module on screen (default 4). */
  modulePx?: number;
  /** Accessible name of the image. */
  label: string;
}

/** Fills `el` with the QR code of `text`; returns the number of modules across (with the quiet zone). */
export function drawQr(el: HTMLElement, text: string, { modulePx = 4, label }: QrOptions): number {
  const qr = encode(text, { ecc: 'M', border: quietZone });
  const n = qr.size;
  let d = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  el.innerHTML =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" width="${n * modulePx}" height="${n * modulePx}" shape-rendering="crispEdges" aria-hidden="true">` +
    `<rect width="${n}" height="${n}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  el.style.setProperty('--qr-modules', String(n));
  el.dataset.qrText = text;
  el.dataset.qrModules = String(n);
  el.dataset.qrVersion = String(qr.version);
  return n;
}
