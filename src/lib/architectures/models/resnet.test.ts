import { describe, expect, it } from 'vitest';
import { analyzeArchitecture } from '../analyze';
import type { ArchitectureSpec, BlockSpec, ConvSpec, LayerSpec, ResidualSpec } from '../layer-spec';
import { convBnRelu, maxPool } from '../layers';
import { agreesWithPrinted } from '../published-figures';
import { summary } from '../summary';
import { bottleneckBlock } from './resnet-blocks';
import { plainNet, resnet, type ResNetDepth } from './resnet';

const depths: ResNetDepth[] = [18, 34, 50, 101, 152];

describe('resnet(depth)', () => {
  it('halves the map stage by stage: conv1 112 → conv2_x 56 → 28 → 14 → conv5_x 7', () => {
    for (const depth of depths) {
      const sizes = analyzeArchitecture(resnet(depth)).stages.slice(0, 5).map((s) => s.output[0]);
      expect(sizes, `ResNet-${depth}`).toEqual([112, 56, 28, 14, 7]);
    }
  });

  it.each([
    [18, 11_689_512],
    [34, 21_797_672],
    [50, 25_557_032],
    [101, 44_549_160],
    [152, 60_192_808],
  ] as const)('resnet(%i) has %i trainable parameters, as torchvision', (depth, params) => {
    expect(analyzeArchitecture(resnet(depth)).totals.params).toBe(params);
  });

  it.each([
    [18, 1.8],
    [34, 3.6],
    [50, 3.8],
    [101, 7.6],
    [152, 11.3],
  ] as const)('resnet(%i) agrees with the %f G "FLOPs" (multiply-adds) of Table 1', (depth, printed) => {
    expect(agreesWithPrinted(analyzeArchitecture(resnet(depth)).totals.macs, printed * 1e9, 1e8)).toBe(true);
  });

  it('is as deep as its name: conv1 + the block convs + fc, projection shortcuts not counted', () => {
    for (const depth of depths) {
      const { totals } = analyzeArchitecture(resnet(depth));
      const projections = depth < 50 ? 3 : 4;
      expect(totals, `ResNet-${depth}`).toMatchObject({ depth, convLayers: depth - 1 + projections, fcLayers: 1 });
    }
  });

  it('ends conv5_x at 7×7×512 (basic) or 7×7×2048 (bottleneck), then a 1000-way fc', () => {
    expect(analyzeArchitecture(resnet(34)).stages[4]?.output).toEqual([7, 7, 512]);
    expect(analyzeArchitecture(resnet(50)).stages[4]?.output).toEqual([7, 7, 2048]);
    expect(analyzeArchitecture(resnet(50)).totals.output).toEqual([1, 1, 1000]);
  });

  it('puts the stride on the first 1×1 of a downsampling bottleneck, as the paper does', () => {
    const add = resnet(50).stages[2]?.blocks[0]?.layers[0] as ResidualSpec;
    const convs = add.body.filter((l): l is ConvSpec => l.kind === 'conv').map((c) => [c.kernel, c.stride]);
    expect(convs).toEqual([
      [1, 2],
      [3, 1],
      [1, 1],
    ]);
  });

  it('uses convs without bias, each followed by BN (2·C statistics per BN kept apart)', () => {
    const flat = (layers: readonly LayerSpec[]): LayerSpec[] =>
      layers.flatMap((l) =>
        l.kind === 'residual'
          ? [...flat(l.body), ...(l.shortcut.kind === 'projection' ? flat(l.shortcut.layers) : [])]
          : l.kind === 'concat'
            ? l.branches.flatMap(flat)
            : [l],
      );
    const layers = flat(resnet(50).stages.flatMap((s) => s.blocks.flatMap((b) => b.layers)));
    const convs = layers.flatMap((l, i) => (l.kind === 'conv' ? [[l, layers[i + 1]] as const] : []));
    expect(convs).toHaveLength(53);
    for (const [c, next] of convs) {
      expect(c.bias, c.name).toBe(false);
      expect(next?.kind, c.name).toBe('bn');
    }
    expect(analyzeArchitecture(resnet(50)).totals.bnStats).toBe(53_120);
  });

  it('stride on the 3×3 ("v1.5", torchvision) keeps the parameters and costs 4.09 / 7.80 / 11.51 G', () => {
    for (const [depth, gmacs] of [
      [50, 4.09],
      [101, 7.8],
      [152, 11.51],
    ] as const) {
      const report = analyzeArchitecture(resnet(depth, { strideOn: '3x3' }));
      expect(report.totals.params).toBe(analyzeArchitecture(resnet(depth)).totals.params);
      expect(Number((report.totals.macs / 1e9).toFixed(2))).toBe(gmacs);
    }
  });
});

describe('shortcut options (He et al. §3.3, Table 3)', () => {
  it('option A adds no parameters: ResNet-34 A has exactly the parameters of plain-34', () => {
    const optionA = analyzeArchitecture(resnet(34, { shortcut: 'A' })).totals;
    expect(optionA.params).toBe(analyzeArchitecture(plainNet(34)).totals.params);
  });

  it('option B adds three projections to ResNet-34: 173,824 parameters', () => {
    const b = analyzeArchitecture(resnet(34)).totals.params;
    const a = analyzeArchitecture(resnet(34, { shortcut: 'A' })).totals.params;
    expect(b - a).toBe(64 * 128 + 256 + 128 * 256 + 512 + 256 * 512 + 1024);
  });

  it('option C projects every shortcut, so it has the most parameters', () => {
    const c = analyzeArchitecture(resnet(34, { shortcut: 'C' })).totals;
    expect(c.params).toBeGreaterThan(21_797_672);
    expect(c.convLayers).toBe(33 + 16);
  });
});

describe('plainNet(depth)', () => {
  it('plain-34 has no residual units and costs 3.6 G multiply-adds, like ResNet-34', () => {
    const rows = summary(plainNet(34));
    expect(rows.some((r) => r.kind === 'residual')).toBe(false);
    const { totals } = analyzeArchitecture(plainNet(34));
    expect(totals.depth).toBe(34);
    expect(Number((totals.macs / 1e9).toFixed(1))).toBe(3.6);
    expect(Number((analyzeArchitecture(resnet(34)).totals.macs / 1e9).toFixed(1))).toBe(3.7);
  });
});

describe('receptive fields of ResNet-50', () => {
  /**
   * TF-Slim's resnet_v1_50, as measured by google-research/receptive_field: stride 2 on the 3×3
   * of the *last* unit of blocks 1–3 (block4 has stride 1), built here from the same blocks.
   */
  function slimResnet50(): ArchitectureSpec {
    const widths = [64, 128, 256, 512];
    const counts = [3, 4, 6, 3];
    let channels = 64;
    const stages = widths.map((width, i) => {
      const blocks: BlockSpec[] = [];
      for (let j = 1; j <= (counts[i] ?? 0); j++) {
        const stride = i < 3 && j === counts[i] ? 2 : 1;
        const options = { inChannels: channels, stride, shortcut: 'B', strideOn: '3x3' } as const;
        blocks.push({ name: `unit_${j}`, layers: bottleneckBlock(`b${i + 1}_${j}`, width, options) });
        channels = 4 * width;
      }
      return { name: `block${i + 1}`, blocks };
    });
    const stem = [...convBnRelu('conv1', 7, 64, { stride: 2, padding: 3 }), maxPool('pool1', 3, 2, 1)];
    const root = { name: 'root', blocks: [{ name: 'root', layers: stem }] };
    return { id: 'slim', name: 'slim', input: [224, 224, 3], stages: [root, ...stages], source: 'test' };
  }

  it('a TF-Slim layout reproduces the published sizes and jumps: 35/8, 99/16, 291/32, 483/32', () => {
    const rf = analyzeArchitecture(slimResnet50()).stages.slice(1).map((s) => s.rf);
    expect(rf).toEqual([
      { size: 35, jump: 8 },
      { size: 99, jump: 16 },
      { size: 291, jump: 32 },
      { size: 483, jump: 32 },
    ]);
  });

  it('the paper layout sees the same sizes at the end of conv2_x … conv5_x (35, 99, 291, 483)', () => {
    const rf = analyzeArchitecture(resnet(50)).stages.slice(1, 5).map((s) => s.rf);
    expect(rf).toEqual([
      { size: 35, jump: 4 },
      { size: 99, jump: 8 },
      { size: 291, jump: 16 },
      { size: 483, jump: 32 },
    ]);
  });

  it('moving the stride to the 3×3 (v1.5) shrinks the field to 427', () => {
    expect(analyzeArchitecture(resnet(50, { strideOn: '3x3' })).stages[4]?.rf).toEqual({ size: 427, jump: 32 });
  });
});
