import { describe, expect, it } from 'vitest';
import { choose } from '../../lib/ml/lesion';
import { defaults } from '../../lib/state/schema';
import { lesionStudySchema } from '../../lib/state/schemas/lesion-study';
import { archs, gridResolution, resultKeys } from './jobs';
import { perBranchFactor, recordedNumbers } from '../../components/recorded-numbers';
import { loadRecording, replayNet } from './recording';
import { lesionCells, pathCells } from './rows';

const rec = loadRecording()!;
const n = (rec.state.depth as number) / 2;

describe('the lesion study recording', () => {
  it('is of the current defaults (re-record with npm run record:lesion when they change)', () => {
    const d = defaults(lesionStudySchema) as Record<string, unknown>;
    for (const k of resultKeys) expect(rec.state[k], k).toEqual(d[k]);
    expect(rec.grid.resolution).toBe(gridResolution);
  });

  it('has both nets complete: every single deletion with its map, k = 0 … n, and the residual paths', () => {
    for (const a of archs) {
      const net = rec.nets[a];
      expect(net.single.map((s) => s.block)).toEqual(Array.from({ length: n }, (_, b) => b));
      expect(net.grids).toHaveLength(n + 1);
      expect(net.curve.map((p) => p.k)).toEqual(Array.from({ length: n + 1 }, (_, k) => k));
      expect(net.curve.every((p) => p.min <= p.mean && p.mean <= p.max && p.count >= 1 && p.count <= Math.min(choose(n, p.k), rec.state.subsets as number))).toBe(true);
    }
    expect(rec.nets.plain.paths).toBeUndefined();
    expect(rec.nets.residual.paths!.map((p) => p.paths)).toEqual(Array.from({ length: n + 1 }, (_, k) => choose(n, k)));
  });

  it('replays into the shape of a live result, maps unpacked', () => {
    const r = replayNet(rec, 'residual');
    expect(r.blocks).toBe(n);
    expect(r.intactGrid!.probabilities).toHaveLength(gridResolution ** 2 * rec.grid.classes);
    expect(r.single[3]!.grid!.probabilities).toHaveLength(gridResolution ** 2 * rec.grid.classes);
  });

  it('rows: the lesion table is architecture, k, mean, lowest, highest; the paths table marks the effective run', () => {
    const p = rec.nets.residual.curve[1]!;
    expect(lesionCells('residual', p)).toEqual(['residual', '1', p.mean.toFixed(4), p.min.toFixed(4), p.max.toFixed(4)]);
    const paths = rec.nets.residual.paths!;
    const eff = rec.nets.residual.effective!;
    const marked = paths.filter((q) => pathCells(q, paths, eff)[6] === '1').map((q) => q.k);
    expect(marked[0]).toBe(eff.from);
    expect(marked.at(-1)).toBe(eff.to);
    const shares = paths.map((q) => Number(pathCells(q, paths, eff)[5]));
    expect(shares.reduce((a, b) => a + b)).toBeCloseTo(1, 3);
  });

  it('gives the chapter its numbers (<Recorded k="ls.…" />)', () => {
    for (const k of ['ls.blocks', 'ls.paths', 'ls.residual.k1', 'ls.plain.k1', 'ls.effective.share', 'ls.branchFactor', 'ls.shortestOverLongest']) expect(recordedNumbers[k], k).toBeDefined();
    expect(recordedNumbers['ls.paths']!.value).toBe(2 ** n);
    expect(perBranchFactor([1, 0.5, 0.25, 0.125])).toBeCloseTo(0.5, 10);
  });
});

/** What the chapter (content/{zh,en}/_why-lesion.mdx) says about the recording, checked against it. */
describe('what the lesion section claims still holds', () => {
  const v = (k: string) => recordedNumbers[k]!.value;
  it('both nets work intact; one deletion costs the residual net little and sends the plain net near chance', () => {
    expect(v('ls.plain.intact')).toBeGreaterThan(0.97);
    expect(v('ls.residual.intact')).toBeGreaterThan(0.97);
    expect(v('ls.residual.k1')).toBeGreaterThan(0.9);
    expect(v('ls.residual.worstOne')).toBeGreaterThan(0.7);
    expect(v('ls.plain.k1')).toBeLessThan(0.5);
    expect(v('ls.plain.bestOne')).toBeLessThan(0.8);
    // “Blocks near the input matter a little more than the rest.”
    const single = rec.nets.residual.single.map((s) => s.accuracy);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(single.slice(0, n / 4))).toBeLessThan(mean(single.slice(n / 2)));
  });
  it('the residual net degrades gradually; with every block gone both score about the same', () => {
    const curve = rec.nets.residual.curve;
    for (let k = 1; k < curve.length; k++) expect(curve[k]!.mean, `k = ${k}`).toBeLessThanOrEqual(curve[k - 1]!.mean + 0.02);
    expect(v('ls.residual.half')).toBeGreaterThan(0.6);
    expect(Math.abs(v('ls.residual.all') - v('ls.plain.all'))).toBeLessThan(0.1);
  });
  it('a path’s gradient shrinks with every branch, and the effective paths are shorter than the most common length', () => {
    expect(v('ls.branchFactor')).toBeLessThan(0.7);
    expect(v('ls.shortestOverLongest')).toBeGreaterThan(1000);
    expect(v('ls.effective.to')).toBeLessThan(v('ls.mode'));
  });
});
