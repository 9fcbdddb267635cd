/**
 * Export helpers shared by all widgets: the numbers of a `<table data-metrics>` as CSV, a chart as a
 * standalone SVG (styles inlined) or PNG (the SVG rasterised at 2×). All local, nothing uploaded.
 */

/** CSV text of a table (header row included), RFC 4180 quoting. */
export function tableToCsv(table: HTMLTableElement): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [...table.rows]
    .map((row) => [...row.cells].map((c) => quote((c.textContent ?? '').trim())).join(','))
    .join('\n') + '\n';
}

export function download(filename: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A copy of the chart's SVG that renders the same outside the page (colours and fonts inlined). */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')] as Element[];
  const dst = [clone, ...clone.querySelectorAll('*')] as Element[];
  const props = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-size', 'font-family', 'opacity', 'text-anchor', 'dominant-baseline'];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const style = props.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    dst[i]!.setAttribute('style', style);
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const bg = getComputedStyle(document.body).backgroundColor;
  clone.insertAdjacentHTML('afterbegin', `<rect width="100%" height="100%" fill="${bg}"/>`);
  return new XMLSerializer().serializeToString(clone);
}

/** Rasterises an SVG string to a PNG blob at `scale`× its viewBox size. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('svg load failed'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('png failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
