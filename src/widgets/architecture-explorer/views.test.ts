import { describe, expect, it } from 'vitest';
import { loadModel } from './model';
import { renderComparison } from './comparison-view';
import { renderInception } from './inception-view';
import { renderShare } from './share-view';
import { renderTables } from './tables-view';
import { renderTotals } from './totals-view';
import { renderBlockParts, renderWhy } from '../residual-block/render';

/** Cells of the rows of `<table data-metrics="name">` in an HTML string. */
function table(html: string, name: string, part: 'tbody' | 'tfoot' = 'tbody'): string[][] {
  const t = html.match(new RegExp(`<table data-metrics="${name}"[\\s\\S]*?</table>`))?.[0] ?? '';
  const section = t.match(new RegExp(`<${part}>([\\s\\S]*?)</${part}>`))?.[1] ?? '';
  return [...section.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
  );
}

describe('explorer HTML (the same at build time and in the browser)', () => {
  it('the layers table has one row per layer and a total row equal to the totals, plain decimals', () => {
    const m = loadModel('resnet50');
    const html = renderTables([m], 'en');
    const rows = table(html, 'layers');
    expect(rows).toHaveLength(m.rows.length);
    expect(rows).toHaveLength(175);
    const foot = table(html, 'layers', 'tfoot')[0]!;
    expect(foot.slice(1, 4)).toEqual(['25557032', '53120', '3857973248']);
    expect(table(html, 'totals')[0]).toEqual(['ResNet-50', '25557032', '53120', '3857973248', '53', '1', '50']);
    for (const r of rows) for (const cell of r.slice(6, 10)) expect(cell).toMatch(/^\d+$/);
  });

  it('totals and the comparison sentence for ResNet-34 (option A) vs plain-34', () => {
    const html = renderTotals([loadModel('resnet34-a'), loadModel('plain34')], 'en');
    expect(html).toContain('data-value="21623848"');
    expect(html).toMatch(/have the same number of parameters and multiply-adds/);
    // The sentence says which has more, in words (issue 15: a bare “−173,824” did not).
    const zh = renderTotals([loadModel('resnet34'), loadModel('plain34')], 'zh');
    expect(zh).toContain('与 ResNet-34 相比，plain-34 的参数少 173,824 个（少 0.8%），乘加少 19,267,584 次（少 0.5%）。');
    const en = renderTotals([loadModel('resnet34'), loadModel('plain34')], 'en');
    expect(en).toContain('Compared with ResNet-34, plain-34 has 173,824 fewer parameters (0.8\u00a0% fewer) and 19,267,584 fewer multiply-adds (0.5\u00a0% fewer).');
  });

  it('share: VGG-16’s fc6 holds 74.3 % of the parameters', () => {
    const html = renderShare(loadModel('vgg16'), 'en');
    expect(html).toContain('89.4\u00a0%');
    expect(html).toMatch(/fc6, alone holds 102,764,544 \(74\.3\u00a0%\)/);
    expect(html).toContain('<svg class="nb-chart nb-share"');
  });

  it('comparison table: exact parameter counts, multiply-adds to 3 significant figures, sources linked', () => {
    const html = renderComparison('en');
    const rows = table(html, 'comparison');
    const r50 = rows.find((r) => r[0] === 'ResNet-50')!;
    expect(r50.slice(0, 7)).toEqual(['ResNet-50', '25557032', '3.86', '', '3.8', '6.71', '']);
    const vgg = rows.find((r) => r[0] === 'VGG-16')!;
    expect(vgg.slice(1, 7)).toEqual(['138357544', '15.5', '138', '15.3', '9.33', '7.3']);
    expect(html).toContain('href="/en/references/#ref-resnet"');
    expect(renderComparison('zh')).toContain('href="/zh/references/#ref-vgg"');
  });

  it('Inception view: (3a) with and without reductions', () => {
    const html = renderInception('3a', false, 'en');
    const module = table(html, 'inception').find((r) => r[0] === 'module')!;
    expect(module).toEqual(['module', '163696', '128049152', '387296', '303464448', '256', '416']);
    expect(html).toContain('data-reduce="0"');
    expect(html).toMatch(/2\.37× the parameters/);
  });

  it('residual block: table rows, totals and the bottleneck point', () => {
    const parts = renderBlockParts({ block: 'bottleneck', shortcut: 'B', downsample: false, act: 'post', width: 64, size: 56 }, 'en');
    expect(parts.variant).toBe('bottleneck-identity-post');
    expect(table(parts.table, 'block', 'tfoot')[0]).toEqual(['total', '70400', '218365952']);
    expect(table(parts.table, 'block')).toHaveLength(10);
    const why = table(renderWhy('zh'), 'bottleneck-vs-basic');
    expect(why.map((r) => r[2])).toEqual(['73728', '69632', '1179648']);
  });
});
