import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/state/schema';
import { lossLandscapeSchema } from '../../lib/state/schemas/loss-landscape';
import { recordedNumbers } from '../../components/recorded-numbers';
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

  it('gives the chapter its numbers (<Recorded k="ll.…" />)', () => {
    for (const d of recordedDepths) for (const a of archs) for (const f of ['accuracy', 'lambdaMax', 'ratio', 'upDown', 'minima']) expect(recordedNumbers[`ll.${d}.${a}.${f}`], `${d} ${a} ${f}`).toBeDefined();
    expect(recordedNumbers['ll.depth']!.value).toBe(state.depth);
  });
});

/** What the chapter (content/{zh,en}/_why-landscape.mdx) says about the recording, checked against it. */
describe('what the landscape section claims still holds', () => {
  const v = (k: string) => recordedNumbers[k]!.value;
  it('at depth 4 the two look alike', () => {
    expect(v('ll.4.plain.lambdaMax') / v('ll.4.residual.lambdaMax')).toBeLessThan(2);
    expect(v('ll.4.plain.upDown') / v('ll.4.residual.upDown')).toBeLessThan(1.3);
  });
  it('at the default depth both train, and the plain net’s valley is far narrower and its slice far rougher', () => {
    const d = state.depth;
    expect(v(`ll.${d}.plain.accuracy`)).toBeGreaterThan(0.95);
    expect(v(`ll.${d}.residual.accuracy`)).toBeGreaterThan(0.95);
    expect(v(`ll.${d}.plain.lambdaMax`)).toBeGreaterThan(3 * v(`ll.${d}.residual.lambdaMax`));
    expect(v(`ll.${d}.plain.upDown`)).toBeGreaterThan(2 * v(`ll.${d}.residual.upDown`));
    expect(v(`ll.${d}.plain.minima`)).toBeGreaterThan(2 * v(`ll.${d}.residual.minima`));
    // …while at the trained weights both are nearly convex.
    expect(v(`ll.${d}.plain.ratio`)).toBeLessThan(0.15);
    expect(v(`ll.${d}.residual.ratio`)).toBeLessThan(0.15);
  });
  it('at depth 32 the plain net does not train and sits among many dips; the residual net still has one wide valley', () => {
    expect(v('ll.32.plain.accuracy')).toBeLessThan(0.6);
    expect(v('ll.32.residual.accuracy')).toBeGreaterThan(0.95);
    expect(v('ll.32.plain.minima')).toBeGreaterThan(3 * v('ll.32.residual.minima'));
    expect(v('ll.32.residual.lambdaMax')).toBeLessThan(50);
    expect(v('ll.32.residual.upDown')).toBeLessThan(2);
  });
});
