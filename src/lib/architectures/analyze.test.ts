import { describe, expect, it } from 'vitest';
import { analyzeArchitecture } from './analyze';
import type { ArchitectureSpec, LayerSpec, Shape } from './layer-spec';
import { bn, concat, conv, convRelu, dense, globalAvgPool, maxPool, relu, residual } from './layers';
import { shortcutFor } from './models/resnet-blocks';

/** A one-stage, one-block model around `layers`. */
function model(layers: LayerSpec[], input: Shape = [8, 8, 4]): ArchitectureSpec {
  return { id: 'toy', name: 'toy', input, stages: [{ name: 'stage', blocks: [{ name: 'block', layers }] }], source: 'test' };
}

describe('analyzeArchitecture(spec)', () => {
  it('chains shapes, sums costs and counts weighted depth along a plain stack', () => {
    const report = analyzeArchitecture(
      model([...convRelu('a', 3, 8), maxPool('pool', 2, 2), ...convRelu('b', 3, 16), globalAvgPool('gap'), dense('fc', 10)]),
    );
    // a: 3·3·4·8 + 8 = 296; b: 3·3·8·16 + 16 = 1,168; fc: 16·10 + 10 = 170.
    expect(report.totals.params).toBe(296 + 1168 + 170);
    // a: 8·8·8·36 = 18,432; b: 4·4·16·72 = 18,432; fc: 160.
    expect(report.totals.macs).toBe(18_432 + 18_432 + 160);
    expect(report.totals.output).toEqual([1, 1, 10]);
    expect(report.totals.depth).toBe(3);
    expect(report.totals).toMatchObject({ convLayers: 2, fcLayers: 1 });
    expect(report.stages[0]?.blocks[0]?.layers.map((l) => l.output[0])).toEqual([8, 8, 4, 4, 4, 1, 1]);
  });

  it('concat adds the branch widths and keeps the deepest path and largest field', () => {
    const report = analyzeArchitecture(
      model([concat('mix', [[conv('b1', 1, 8)], [conv('b2r', 1, 4), conv('b2', 5, 8)], [maxPool('b3p', 3, 1, 1), conv('b3', 1, 4)]])]),
    );
    const mix = report.stages[0]?.blocks[0]?.layers[0];
    expect(mix?.output).toEqual([8, 8, 20]);
    expect(mix?.depth).toBe(2);
    expect(mix?.rf).toEqual({ size: 5, jump: 1 });
    expect(mix?.paths.map((p) => p.label)).toEqual(['branch 1', 'branch 2', 'branch 3']);
    expect(mix?.params).toBe(4 * 8 + 4 * 4 + 25 * 4 * 8 + 4 * 4);
  });

  it('concat refuses branches of different spatial sizes', () => {
    const mismatched = concat('mix', [[conv('x', 1, 8)], [conv('y', 3, 8, { stride: 2 })]]);
    expect(() => analyzeArchitecture(model([mismatched]))).toThrow(/height × width/);
  });

  it('an identity residual needs the body to keep the shape', () => {
    const body = [conv('c1', 3, 4), bn('c1_bn'), relu('c1_relu'), conv('c2', 3, 4), bn('c2_bn')];
    const ok = analyzeArchitecture(model([residual('add', body, { kind: 'identity' }), relu('out')]));
    expect(ok.totals.output).toEqual([8, 8, 4]);
    expect(ok.totals.depth).toBe(2);
    const widening = [conv('w', 3, 8)];
    expect(() => analyzeArchitecture(model([residual('add', widening, { kind: 'identity' })]))).toThrow(/cannot be added/);
  });

  it('a projection shortcut (option B) is a strided 1×1 conv + BN with its own parameters', () => {
    const body = [conv('c1', 3, 8, { stride: 2 }), bn('c1_bn')];
    const report = analyzeArchitecture(model([residual('add', body, shortcutFor('s', 'B', 4, 8, 2))]));
    const add = report.stages[0]?.blocks[0]?.layers[0];
    expect(add?.output).toEqual([4, 4, 8]);
    expect(add?.paths[1]?.layers.map((l) => l.spec.name)).toEqual(['s_proj', 's_proj_bn']);
    // body: 3·3·4·8 + BN 16; shortcut: 4·8 + BN 16.
    expect(add?.params).toBe(288 + 16 + 32 + 16);
    expect(add?.bnStats).toBe(32);
  });

  it('a zero-padding shortcut (option A) subsamples and pads channels at no cost', () => {
    const body = [conv('c1', 3, 8, { stride: 2 }), bn('c1_bn')];
    const report = analyzeArchitecture(model([residual('add', body, shortcutFor('s', 'A', 4, 8, 2))]));
    expect(report.totals.output).toEqual([4, 4, 8]);
    expect(report.totals.params).toBe(288 + 16);
    const shrinking = residual('add', [conv('n', 1, 2)], { kind: 'zero-pad', stride: 1, outChannels: 2 });
    expect(() => analyzeArchitecture(model([shrinking]))).toThrow(/cannot shrink/);
  });

  it('reports stage and block costs that add up to the totals', () => {
    const report = analyzeArchitecture(model([...convRelu('a', 3, 8), bn('a_bn')]));
    expect(report.stages[0]?.params).toBe(report.totals.params);
    expect(report.stages[0]?.bnStats).toBe(16);
    expect(report.withAuxiliary).toMatchObject({ params: report.totals.params, macs: report.totals.macs });
  });

  it('rejects repeated layer names and auxiliary heads on unknown blocks', () => {
    expect(() => analyzeArchitecture(model([conv('x', 1, 4), conv('x', 1, 4)]))).toThrow(/duplicate layer name: x/);
    const spec = { ...model([conv('x', 1, 4)]), auxiliary: [{ name: 'aux', after: 'nowhere', layers: [] }] };
    expect(() => analyzeArchitecture(spec)).toThrow(/no block named nowhere/);
  });

  it('lets an auxiliary head name a repeated block only as stage/block', () => {
    const head = (after: string) => ({ name: 'aux', after, layers: [globalAvgPool('aux_pool'), dense('aux_fc', 2)] });
    const twoStages: ArchitectureSpec = {
      ...model([conv('x', 1, 4)]),
      stages: [
        { name: 's1', blocks: [{ name: 'block 1', layers: [conv('a', 1, 4)] }] },
        { name: 's2', blocks: [{ name: 'block 1', layers: [conv('b', 3, 6, { stride: 2 })] }] },
      ],
    };
    expect(() => analyzeArchitecture({ ...twoStages, auxiliary: [head('block 1')] })).toThrow(/use stage\/block/);
    const report = analyzeArchitecture({ ...twoStages, auxiliary: [head('s2/block 1')] });
    expect(report.auxiliary[0]?.input).toEqual([4, 4, 6]);
    expect(report.withAuxiliary.params - report.totals.params).toBe(6 * 2 + 2);
  });

  it('names the layer when a window does not fit', () => {
    expect(() => analyzeArchitecture(model([conv('big', 11, 4, { padding: 0 })]))).toThrow(/big \(conv\)/);
  });
});
