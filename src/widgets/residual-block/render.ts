/**
 * HTML and SVG of the `residual-block` widget, as strings from pure data: the Astro component
 * renders them at build time, the client re-renders them on change (same code, same output).
 */
import { fill } from '../../lib/i18n/translate';
import type { SummaryRow } from '../../lib/architectures';
import { grouped, plain, shape, short } from '../../lib/explorer/format';
import {
  blockChannels,
  bottleneckVersusBasic,
  residualBlockCosts,
  type BlockCosts,
  type ResidualBlockConfig,
} from '../../lib/explorer/residual-block';
import type { Locale } from '../../lib/i18n/locales';
import { residualBlockStrings, type ResidualBlockKey } from '../../lib/i18n/widgets/residual-block';
import type { ResidualBlockState } from '../../lib/state/schemas/residual-block';
import { kindColor } from '../../charts/layer-colors';
import { esc, r1, textWidth } from '../../charts/svg-text';

type S = Record<ResidualBlockKey, string>;
const strings = (locale: Locale): S => residualBlockStrings[locale];


export function configOf(state: ResidualBlockState): ResidualBlockConfig {
  return {
    block: state.block,
    option: state.shortcut,
    downsample: state.downsample,
    activation: state.act,
    width: state.width,
    size: state.size,
  };
}

function kindText(kind: string, s: S): string {
  return s[`kind.${kind}` as ResidualBlockKey] ?? kind;
}

/** The block drawn top to bottom: body on the left, shortcut on the right, the adder, the output. */
export function renderBlockDiagram(c: ResidualBlockConfig, costs: BlockCosts, locale: Locale): string {
  const s = strings(locale);
  const W = 360;
  const cx = 128;
  const bw = 196;
  const sx = 300;
  const laneW = 104;
  const body = costs.rows.filter((r) => r.path === 'residual');
  const lane = costs.rows.filter((r) => r.path === 'shortcut');
  const after = costs.rows.filter((r) => r.level === 0 && r.kind !== 'residual');
  const parts: string[] = [];
  const arrow = (x1: number, y1: number, x2: number, y2: number, cls = '') =>
    `<line class="rb-flow ${cls}" x1="${r1(x1)}" y1="${r1(y1)}" x2="${r1(x2)}" y2="${r1(y2)}" marker-end="url(#rb-arrow)"/>`;
  const height = (r: SummaryRow) => (r.kind === 'conv' ? 44 : 26);
  const gap = 14;
  const box = (r: SummaryRow, x: number, y: number, w: number, compact: boolean) => {
    const h = height(r);
    const color = kindColor(r.kind);
    const pill = r.kind !== 'conv';
    const out: string[] = [
      `<rect x="${r1(x - w / 2)}" y="${r1(y)}" width="${w}" height="${h}" rx="${pill ? h / 2 : 5}" fill="${color}" fill-opacity="0.16" stroke="${color}" stroke-width="1.6"/>`,
    ];
    if (r.kind === 'conv') {
      const k = r.kernel ?? 1;
      const title = compact ? `${k}×${k}, ${r.outShape[2]}` : fill(s.conv, { k, c: r.outShape[2] });
      const sub = `${r.stride && r.stride > 1 ? `${compact ? '/2' : s.stride2} · ` : ''}${compact ? grouped(r.params) : fill(s.weights, { n: grouped(r.params) })}`;
      out.push(`<text x="${r1(x)}" y="${r1(y + 17)}" text-anchor="middle" class="rb-title">${esc(title)}</text>`);
      out.push(`<text x="${r1(x)}" y="${r1(y + 34)}" text-anchor="middle" class="rb-sub">${esc(sub)}</text>`);
    } else {
      out.push(`<text x="${r1(x)}" y="${r1(y + h / 2)}" text-anchor="middle" dominant-baseline="central" class="rb-title">${esc(kindText(r.kind, s))}</text>`);
    }
    return out.join('');
  };

  let y = 8;
  parts.push(`<text x="${cx}" y="${y + 12}" text-anchor="middle" class="rb-io">${esc(`${s.input} · ${shape(costs.input)}`)}</text>`);
  y += 20;
  const forkY = y + 8;
  parts.push(arrow(cx, y, cx, y + 18));
  y += 22;
  body.forEach((r, i) => {
    if (i > 0) {
      parts.push(arrow(cx, y, cx, y + gap - 2));
      y += gap;
    }
    parts.push(box(r, cx, y, bw, false));
    y += height(r);
  });
  const rAdd = 14;
  const addY = y + 24 + rAdd;
  parts.push(arrow(cx, y, cx, addY - rAdd - 1));
  // Shortcut lane.
  const laneTop = forkY;
  const laneHeight = addY - laneTop;
  if (lane.length > 0) {
    const total = lane.reduce((n, r) => n + height(r), 0) + gap * (lane.length - 1);
    let ly = laneTop + (laneHeight - total) / 2;
    parts.push(`<polyline class="rb-flow" points="${cx},${forkY} ${sx},${forkY} ${sx},${r1(ly - 2)}" fill="none" marker-end="url(#rb-arrow)"/>`);
    lane.forEach((r, i) => {
      if (i > 0) {
        parts.push(arrow(sx, ly, sx, ly + gap - 2));
        ly += gap;
      }
      parts.push(box(r, sx, ly, laneW, true));
      ly += height(r);
    });
    parts.push(`<polyline class="rb-flow" points="${sx},${r1(ly)} ${sx},${addY} ${cx + rAdd + 1},${addY}" fill="none" marker-end="url(#rb-arrow)"/>`);
  } else {
    const zero = costs.shortcut === 'zero-pad';
    parts.push(
      `<polyline class="rb-shortcut${zero ? ' rb-shortcut--zero' : ''}" points="${cx},${forkY} ${sx},${forkY} ${sx},${addY} ${cx + rAdd + 1},${addY}" fill="none" marker-end="url(#rb-arrow-s)"/>`,
    );
    const label = zero ? fill(s.zeroPadLane, { c: costs.output[2] }) : s.identityLane;
    const lines = zero ? wrap(label, laneW - 10) : [label];
    const ly = laneTop + laneHeight / 2 - ((lines.length - 1) * 16) / 2;
    parts.push(`<rect x="${sx - laneW / 2}" y="${r1(ly - 12)}" width="${laneW}" height="${lines.length * 16 + 8}" class="rb-label-bg"/>`);
    lines.forEach((line, i) => parts.push(`<text x="${sx}" y="${r1(ly + i * 16 + 4)}" text-anchor="middle" class="rb-sub rb-shortcut-label">${esc(line)}</text>`));
  }
  // Adder.
  const red = kindColor('residual');
  parts.push(`<circle cx="${cx}" cy="${addY}" r="${rAdd}" fill="${red}" fill-opacity="0.16" stroke="${red}" stroke-width="1.8"/>`);
  parts.push(`<path d="M${cx - 7},${addY}H${cx + 7}M${cx},${addY - 7}V${addY + 7}" stroke="${red}" stroke-width="2"/>`);
  y = addY + rAdd;
  for (const r of after) {
    parts.push(arrow(cx, y, cx, y + gap + 8));
    y += gap + 10;
    parts.push(box(r, cx, y, bw, false));
    y += height(r);
  }
  parts.push(arrow(cx, y, cx, y + 20));
  y += 22;
  parts.push(`<text x="${cx}" y="${y + 14}" text-anchor="middle" class="rb-io">${esc(`${s.output} · ${shape(costs.output)}`)}</text>`);
  const H = y + 24;
  const title = fill(s.diagramTitle, {
    block: s[`name.${c.block}`],
    shortcut: s[`name.${costs.shortcut}`],
    act: s[`name.${c.activation}`],
  });
  const desc = [
    `${s.input} ${shape(costs.input)}`,
    ...body.map((r) => (r.kind === 'conv' ? fill(s.conv, { k: r.kernel ?? 1, c: r.outShape[2] }) : kindText(r.kind, s))),
    `${s.add} (${s[`name.${costs.shortcut}`]})`,
    ...after.map((r) => kindText(r.kind, s)),
    `${s.output} ${shape(costs.output)}`,
  ].join(' → ');
  return (
    `<svg class="nb-chart nb-rb-diagram" data-chart="block" data-variant="${c.block}-${costs.shortcut}-${c.activation}" viewBox="0 0 ${W} ${r1(H)}" role="img" aria-labelledby="rb-title rb-desc">` +
    `<title id="rb-title">${esc(title)}</title><desc id="rb-desc">${esc(desc)}</desc>` +
    '<defs><marker id="rb-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker>' +
    '<marker id="rb-arrow-s" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#0072B2"/></marker></defs>' +
    parts.join('') +
    '</svg>'
  );
}

/** Splits a label into lines at most `px` wide (13 px text) at spaces or commas. */
function wrap(text: string, px: number): string[] {
  const words = text.split(/(?<=[ ,，])/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (textWidth((line + w).trim(), 13) > px && line) {
      lines.push(line.trim());
      line = w;
    } else line += w;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/** The formatted summary, the shortcut note and the legend of the equation's symbols. */
export function renderBlockSummary(c: ResidualBlockConfig, costs: BlockCosts, locale: Locale): string {
  const s = strings(locale);
  const bn = costs.params - costs.convWeights;
  const summary = fill(s.summary, {
    params: grouped(costs.params),
    weights: grouped(costs.convWeights),
    bn: grouped(bn),
    macs: locale === 'zh' ? `${grouped(costs.macs)}（${short(costs.macs)}）` : `${grouped(costs.macs)} (${short(costs.macs)})`,
    input: shape(costs.input),
    output: shape(costs.output),
  });
  const ch = blockChannels(c);
  const proj = costs.rows.find((r) => r.path === 'shortcut' && r.kind === 'conv');
  const note =
    costs.shortcut === 'identity'
      ? fill(s['shortcutNote.identity'], { abc: c.option === 'C' ? '' : s['shortcutNote.abc'] })
      : costs.shortcut === 'zero-pad'
        ? fill(s['shortcutNote.zero-pad'], { c: ch.out - ch.in })
        : fill(s['shortcutNote.projection'], {
            stride: c.downsample ? 2 : 1,
            w: grouped(proj?.params ?? 0),
            bn: costs.rows.some((r) => r.path === 'shortcut' && r.kind === 'bn') ? s['shortcutNote.bn'] : '',
          });
  const symbols = fill(s.symbols, {
    weights: fill(c.block === 'basic' ? s['symbols.basic'] : s['symbols.bottleneck'], { w: c.width, c: ch.out }),
  });
  return (
    `<p class="nb-rb-summary" data-block-summary><span data-total="params" data-value="${costs.params}" hidden></span>` +
    `<span data-total="macs" data-value="${costs.macs}" hidden></span>${esc(summary)}</p>` +
    `<p class="nb-rb-note" data-shortcut-note>${esc(note)}</p><p class="nb-caption" data-symbols>${esc(symbols)}</p>`
  );
}

/** `<table data-metrics="block">`: every layer of the chosen block, plain decimals, total in the footer. */
export function renderBlockTable(costs: BlockCosts, locale: Locale): string {
  const s = strings(locale);
  const th = (x: string) => `<th scope="col">${esc(x)}</th>`;
  const rows = costs.rows.map(
    (r) =>
      `<tr data-layer="${esc(r.name)}"><th scope="row" class="nb-lvl-${Math.min(r.level, 3)}">${esc(r.name)}</th><td>${esc(kindText(r.kind, s))}</td>` +
      `<td>${r.kernel === null ? '' : plain(r.kernel)}</td><td>${r.stride === null ? '' : plain(r.stride)}</td><td>${esc(shape(r.outShape))}</td>` +
      `<td>${plain(r.params)}</td><td>${plain(r.macs)}</td></tr>`,
  );
  return (
    `<div class="nb-table-wrap" tabindex="0" role="region" aria-label="${esc(s.blockCaption)}"><table data-metrics="block" class="nb-arch-layers"><caption>${esc(s.blockCaption)}</caption><thead><tr>` +
    [s['col.layer'], s['col.kind'], s['col.kernel'], s['col.stride'], s['col.output'], s['col.params'], s['col.macs']].map(th).join('') +
    `</tr></thead><tbody>${rows.join('')}</tbody><tfoot><tr><th scope="row" colspan="5">${esc(s.total)}</th><td>${costs.params}</td><td>${costs.macs}</td></tr></tfoot></table></div>`
  );
}

/** He et al. §4.1 in numbers: the bottleneck at 256 channels vs the basic block at 64. */
export function renderWhy(locale: Locale): string {
  const s = strings(locale);
  const v = bottleneckVersusBasic(56);
  const text = fill(s.why, {
    a: grouped(v.basic64.convWeights),
    b: grouped(v.bottleneck256.convWeights),
    c: grouped(v.basic256.convWeights),
    ratio: Math.round(v.basic256.convWeights / v.bottleneck256.convWeights),
  });
  const th = (x: string) => `<th scope="col">${esc(x)}</th>`;
  const row = (key: ResidualBlockKey, channels: string, p: { convWeights: number; params: number; macs: number }) =>
    `<tr><th scope="row">${esc(s[key])}</th><td>${channels}</td><td>${p.convWeights}</td><td>${p.params}</td><td>${p.macs}</td></tr>`;
  return (
    `<h4 class="nb-rb-why-title">${esc(s.whyTitle)}</h4><p class="nb-rb-why" data-why>${esc(text)}</p>` +
    `<div class="nb-table-wrap" tabindex="0" role="region" aria-label="${esc(s.whyCaption)}"><table data-metrics="bottleneck-vs-basic"><caption>${esc(s.whyCaption)}</caption><thead><tr>` +
    [s['col.block'], s['col.channels'], s['col.weights'], s['col.allParams'], s['col.macs56']].map(th).join('') +
    `</tr></thead><tbody>${row('row.basic64', '64 → 64', v.basic64)}${row('row.bottleneck256', '256 → 256', v.bottleneck256)}${row('row.basic256', '256 → 256', v.basic256)}</tbody></table></div>`
  );
}

/** Everything that depends on the state, keyed by the slot it fills. */
export function renderBlockParts(state: ResidualBlockState, locale: Locale): { diagram: string; summary: string; table: string; variant: string } {
  const c = configOf(state);
  const costs = residualBlockCosts(c);
  return {
    diagram: renderBlockDiagram(c, costs, locale),
    summary: renderBlockSummary(c, costs, locale),
    table: renderBlockTable(costs, locale),
    variant: `${c.block}-${costs.shortcut}-${c.activation}`,
  };
}
