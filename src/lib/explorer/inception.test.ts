import { describe, expect, it } from 'vitest';
import { analyzeArchitecture, googlenet } from '../architectures';
import { branchCosts, inceptionIds, inceptionModule, naiveNetwork } from './inception';

describe('Inception module with and without 1×1 reductions', () => {
  it('(3a) on 28×28×192: 163,696 parameters with reductions (163,328 weights + 368 biases), 256 channels out', () => {
    const on = inceptionModule('3a', { reductions: true });
    expect(on.input).toEqual([28, 28, 192]);
    expect(on.report.totals.params).toBe(163_696);
    // weights: 192·(64 + 96 + 16 + 32) + 9·96·128 + 25·16·32, biases: one per filter
    expect(192 * (64 + 96 + 16 + 32) + 9 * 96 * 128 + 25 * 16 * 32).toBe(163_328);
    expect(163_328 + (64 + 96 + 128 + 16 + 32 + 32)).toBe(163_696);
    expect(on.report.totals.output).toEqual([28, 28, 256]);
  });

  it('(3a) naive: the 3×3 and 5×5 see all 192 channels and the pool passes them on: 416 channels out', () => {
    const off = inceptionModule('3a', { reductions: false });
    expect(off.report.totals.output).toEqual([28, 28, 64 + 128 + 32 + 192]);
    expect(off.report.totals.params).toBe(192 * 64 + 64 + 9 * 192 * 128 + 128 + 25 * 192 * 32 + 32);
    expect(off.report.totals.macs).toBe(28 * 28 * (192 * 64 + 9 * 192 * 128 + 25 * 192 * 32));
  });

  it('every module costs more without its reductions, and the branches add up to the module', () => {
    for (const id of inceptionIds) {
      const on = inceptionModule(id, { reductions: true });
      const off = inceptionModule(id, { reductions: false });
      expect(off.report.totals.params).toBeGreaterThan(on.report.totals.params);
      expect(off.report.totals.macs).toBeGreaterThan(on.report.totals.macs);
      for (const view of [on, off]) {
        const branches = branchCosts(view);
        expect(branches).toHaveLength(4);
        expect(branches.reduce((n, b) => n + b.params, 0)).toBe(view.report.totals.params);
        expect(branches.reduce((n, b) => n + b.macs, 0)).toBe(view.report.totals.macs);
        expect(branches.reduce((n, b) => n + b.outChannels, 0)).toBe(view.report.totals.output[2]);
      }
    }
  });

  it('the module inputs are those of Table 1 (the previous module’s output)', () => {
    const inputs = inceptionIds.map((id) => inceptionModule(id, { reductions: true }).input[2]);
    expect(inputs).toEqual([192, 256, 480, 512, 512, 512, 528, 832, 832]);
  });

  it('the whole network without reductions: the widths compound to 97.5 M parameters and 12.6 G multiply-adds', () => {
    const net = analyzeArchitecture(googlenet({ auxiliary: false })).totals;
    const naive = analyzeArchitecture(naiveNetwork(googlenet({ auxiliary: false }))).totals;
    expect(net.params).toBe(6_998_552);
    expect(naive.params).toBe(97_526_008);
    expect(naive.macs).toBe(12_568_061_056);
    expect(naive.params / net.params).toBeGreaterThan(13);
  });
});
