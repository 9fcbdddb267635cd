/** Escaping for SVG/HTML built as strings (charts rendered at build time and in the browser alike). */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Rounds a coordinate for compact markup. */
export const r1 = (v: number) => Math.round(v * 10) / 10;

/** Estimated width of 12 px text: 0.6 em per Latin character, 1 em per CJK character. */
export function textWidth(text: string, size = 12): number {
  return [...text].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.6), 0);
}
