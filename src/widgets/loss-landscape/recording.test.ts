import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/state/schema';
import { lossLandscapeSchema } from '../../lib/state/schemas/loss-landscape';
import { landscapeFacts } from './facts';
import { archs, lanczosSteps, linePoints, recordedDepths, resultKeys } from './jobs';
import { loadRecording, recordedEntry, replayNet } from './recording';
import { cutRow, cutRows, roughnessCells, sliceRows } from './rows';

const rec = loadRecording()!;
const state = defaults(lossLandscapeSchema) as Record<string, unknown>;

describe('the loss-landscape recording', () => {
  it('is of the current defaults, at every recorded depth (re-record with npm run record:landscape)', () => {
    for (const k of resultKeys) if (k !== 'depth') expect(rec.state[k], k).toEqual(state[k]);
    expect(rec.depths.map((d) => d.depth)).toEqual([...recordedDepths]);
    expect(recordedDepths).toContain(state.depth);
  });

  it('has, for both nets at every depth, the line, the full slice, its roughness and the curvature', () => {
    const R = state.resolution as number;
    for (const d of rec.depths) {
      for (const a of archs) {
        const net = d.nets[a];
        expect(net.line).toHaveLength(linePoints);
        expect(net.grid).toHaveLength(R * R);
        expect(net.grid.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
        expect(net.roughness.upDown).toBeGreaterThanOrEqual(1);
        expect(net.curvature.products).toBe(lanczosSteps);
        expect(net.curvature.max).toBeGreaterThan(0);
      }
    }
  });

  it('finds the recorded entry only for recorded settings', () => {
    expect(recordedEntry(rec, state, resultKeys)?.depth).toBe(state.depth);
    expect(recordedEntry(rec, { ...state, depth: 6 }, resultKeys)).toBeUndefined();
    expect(recordedEntry(rec, { ...state, seed: 5 }, resultKeys)).toBeUndefined();
    expect(recordedEntry(rec, { ...state, cut: 0.5 }, resultKeys)?.depth).toBe(state.depth);
  });

  it('rows: the centre of the slice is the trained net; the cut and slice tables read the grid', () => {
    const entry = recordedEntry(rec, state, resultKeys)!;
    const r = replayNet(rec, entry, 'residual');
    const R = r.grid!.resolution;
    const centre = r.grid!.loss[((R - 1) / 2) * R + (R - 1) / 2]!;
    expect(Math.min(...r.grid!.loss)).toBeCloseTo(centre, 1);
    const row = cutRow(0, R);
    expect(row).toBe((R - 1) / 2);
    const cut = cutRows({ residual: r.grid!.loss }, R, r.grid!.span, row);
    expect(cut).toHaveLength(R);
    expect(Number(cut[(R - 1) / 2]![2])).toBeCloseTo(centre, 3);
    const slice = sliceRows(r.grid!.loss, R, r.grid!.span);
    expect(slice[0]![0]).toBe(String(r.grid!.span)); // top row is the largest β
    expect(roughnessCells(r)).toHaveLength(8);
  });

  it('facts for the chapter come out of it', () => {
    const f = landscapeFacts('en');
    expect(f.defaultDepth).toBe(String(state.depth));
    expect(Number(f.d16.plain.upDown)).toBeGreaterThanOrEqual(1);
    expect(landscapeFacts('zh').depths).toBe(recordedDepths.join('、'));
  });
});
