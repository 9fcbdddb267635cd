import { describe, expect, it } from 'vitest';
import { analyzeArchitecture, resnet } from '../architectures';
import { blockChannels, bottleneckVersusBasic, residualBlockCosts, shortcutKind, type ResidualBlockConfig } from './residual-block';

const base: ResidualBlockConfig = { block: 'basic', option: 'B', downsample: false, activation: 'post', width: 64, size: 56 };

describe('residual block on its own', () => {
  it('He et al. §4.1: a bottleneck at 256 channels ≈ a basic block at 64 (69,632 vs 73,728 weights)', () => {
    const v = bottleneckVersusBasic();
    expect(v.bottleneck256.convWeights).toBe(256 * 64 + 9 * 64 * 64 + 64 * 256);
    expect(v.bottleneck256.convWeights).toBe(69_632);
    expect(v.basic64.convWeights).toBe(73_728);
    expect(v.basic256.convWeights).toBe(1_179_648);
    // BN γ, β on top: 2·(64 + 64) and 2·(64 + 64 + 256)
    expect(v.basic64.params).toBe(73_728 + 256);
    expect(v.bottleneck256.params).toBe(69_632 + 768);
    expect(v.basic64.macs).toBe(56 * 56 * 73_728);
  });

  it('options A/B/C: identity unless the shape changes or C; then zero-padding (A) or projection', () => {
    expect(shortcutKind('A', false)).toBe('identity');
    expect(shortcutKind('B', false)).toBe('identity');
    expect(shortcutKind('C', false)).toBe('projection');
    expect(shortcutKind('A', true)).toBe('zero-pad');
    expect(shortcutKind('B', true)).toBe('projection');
    expect(shortcutKind('C', true)).toBe('projection');
  });

  it('channels: a downsampling block doubles them; a bottleneck outputs 4× its width', () => {
    expect(blockChannels({ block: 'basic', downsample: true, width: 128 })).toEqual({ in: 64, out: 128 });
    expect(blockChannels({ block: 'bottleneck', downsample: false, width: 64 })).toEqual({ in: 256, out: 256 });
    expect(blockChannels({ block: 'bottleneck', downsample: true, width: 128 })).toEqual({ in: 256, out: 512 });
  });

  it('the post-activation blocks are the blocks of the library’s ResNets (conv3_1 of ResNet-50, conv3_2 of ResNet-34)', () => {
    const r50 = analyzeArchitecture(resnet(50));
    const conv3First = r50.stages.find((s) => s.name === 'conv3_x')!.blocks[0]!;
    const c = residualBlockCosts({ ...base, block: 'bottleneck', downsample: true, width: 128, size: 28 });
    expect(c.params).toBe(conv3First.params);
    expect(c.macs).toBe(conv3First.macs);
    expect(c.input).toEqual(conv3First.input);
    expect(c.output).toEqual(conv3First.output);
    const r34 = analyzeArchitecture(resnet(34));
    const second = r34.stages.find((s) => s.name === 'conv3_x')!.blocks[1]!;
    expect(residualBlockCosts({ ...base, width: 128, size: 28 }).params).toBe(second.params);
  });

  it('option A adds no parameters; a projection adds Cin·Cout weights (+ BN after it in the original order)', () => {
    const a = residualBlockCosts({ ...base, option: 'A', downsample: true });
    const b = residualBlockCosts({ ...base, option: 'B', downsample: true });
    expect(a.shortcut).toBe('zero-pad');
    expect(b.params - a.params).toBe(32 * 64 + 2 * 64);
    const preB = residualBlockCosts({ ...base, option: 'B', downsample: true, activation: 'pre' });
    expect(preB.rows.filter((r) => r.path === 'shortcut').map((r) => r.kind)).toEqual(['conv']);
  });

  it('pre-activation: BN → ReLU → conv, nothing after the addition; same weights as the original order', () => {
    const post = residualBlockCosts({ ...base, block: 'bottleneck' });
    const pre = residualBlockCosts({ ...base, block: 'bottleneck', activation: 'pre' });
    expect(pre.convWeights).toBe(post.convWeights);
    expect(pre.params).toBe(post.params);
    expect(pre.rows.filter((r) => r.path === 'residual').map((r) => r.kind).slice(0, 3)).toEqual(['bn', 'relu', 'conv']);
    expect(pre.rows.at(-1)?.kind).not.toBe('relu');
    expect(post.rows.at(-1)?.kind).toBe('relu');
  });
});
