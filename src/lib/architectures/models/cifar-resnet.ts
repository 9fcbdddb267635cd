/**
 * The CIFAR-10 ResNets of He et al. (2016a, §4.2): 6n + 2 weight layers for 32×32×3 input.
 *
 * A 3×3 conv to 16 channels, then three stages of n basic blocks on 32×32×16, 16×16×32 and
 * 8×8×64 (the first block of stages 2 and 3 has stride 2), then global average pooling and a
 * 10-way fc. All shortcuts are identities; where the width doubles, option A subsamples and
 * zero-pads, so the shortcuts add no parameters. Depths in the paper: 20, 32, 44, 56, 110, 1202.
 */
import type { ArchitectureSpec, BlockSpec, StageSpec } from '../layer-spec';
import { convBnRelu, dense, globalAvgPool, softmax } from '../layers';
import { basicBlock, type ShortcutOption } from './resnet-blocks';

export interface CifarResNetOptions {
  /** `A` (default, the paper), `B` (projections where the width changes) or `none` (the plain nets of Fig. 6 left). */
  shortcut?: Exclude<ShortcutOption, 'C'>;
}

const widths = [16, 32, 64] as const;

/**
 * CIFAR-10 ResNet-`depth`; `depth` must be 6n + 2 (20, 32, 44, 56, 110, 1202, …).
 *
 * @example analyzeArchitecture(cifarResNet(20)).totals.params // → 269,722 (0.27 M in Table 6)
 */
export function cifarResNet(depth: number, options: CifarResNetOptions = {}): ArchitectureSpec {
  const n = (depth - 2) / 6;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`CIFAR ResNet depth must be 6n + 2, got ${depth}`);
  const shortcut = options.shortcut ?? 'A';
  let channels = 16;
  const stages: StageSpec[] = widths.map((width, i) => {
    const blocks: BlockSpec[] = [];
    for (let j = 1; j <= n; j++) {
      const stride = i > 0 && j === 1 ? 2 : 1;
      const layers = basicBlock(`conv${i + 2}_${j}`, width, { inChannels: channels, stride, shortcut });
      blocks.push({ name: `block ${j}`, layers });
      channels = width;
    }
    return { name: `conv${i + 2}_x`, blocks };
  });
  const plain = shortcut === 'none';
  return {
    id: plain ? `cifar-plain${depth}` : `cifar-resnet${depth}${shortcut === 'A' ? '' : '-b'}`,
    name: plain ? `plain-${depth} (CIFAR-10)` : `ResNet-${depth} (CIFAR-10)`,
    input: [32, 32, 3],
    stages: [
      { name: 'conv1', blocks: [{ name: 'conv1', layers: convBnRelu('conv1', 3, 16) }] },
      ...stages,
      {
        name: 'classifier',
        blocks: [{ name: 'fc', layers: [globalAvgPool('pool'), dense('fc10', 10), softmax('prob')] }],
      },
    ],
    source: 'He et al. 2016a, §4.2',
    notes: plain ? ['No shortcuts: the plain net of Fig. 6 (left).'] : [`Shortcut option ${shortcut}.`],
  };
}
