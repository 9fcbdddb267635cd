/**
 * ImageNet ResNets of He et al. (2016a, Table 1) and the plain nets they are compared with.
 *
 * conv1 7×7/2 → 112×112×64; conv2_x opens with a 3×3/2 max pool → 56×56; conv3_x, conv4_x and
 * conv5_x halve the map in their first block → 28, 14, 7; then global average pooling and a
 * 1000-way fc. Convs have no bias and are followed by BN. Depth counts conv1, the convs of the
 * blocks and the fc, not the projection shortcuts: ResNet-50 = 1 + 16·3 + 1.
 */
import type { ArchitectureSpec, BlockSpec, StageSpec } from '../layer-spec';
import { convBnRelu, dense, globalAvgPool, maxPool, softmax } from '../layers';
import { basicBlock, bottleneckBlock, type ShortcutOption } from './resnet-blocks';

const layouts = {
  18: { block: 'basic', counts: [2, 2, 2, 2] },
  34: { block: 'basic', counts: [3, 4, 6, 3] },
  50: { block: 'bottleneck', counts: [3, 4, 6, 3] },
  101: { block: 'bottleneck', counts: [3, 4, 23, 3] },
  152: { block: 'bottleneck', counts: [3, 8, 36, 3] },
} as const;

export type ResNetDepth = keyof typeof layouts;

export interface ResNetOptions {
  /** Shortcut option A, B (default, as in Table 1's models and torchvision) or C. */
  shortcut?: Exclude<ShortcutOption, 'none'>;
  /** Bottleneck only: stride on the first 1×1 (`'1x1'`, default, the paper) or on the 3×3 (`'3x3'`, "v1.5"). */
  strideOn?: '1x1' | '3x3';
}

const widths = [64, 128, 256, 512] as const;

function build(depth: ResNetDepth, shortcut: ShortcutOption, strideOn: '1x1' | '3x3'): StageSpec[] {
  const { block, counts } = layouts[depth];
  let channels = 64;
  const stages: StageSpec[] = counts.map((count, i) => {
    const stage = i + 2;
    const width = widths[i] ?? 512;
    const blocks: BlockSpec[] = i === 0 ? [{ name: 'pool', layers: [maxPool('pool1', 3, 2, 1)] }] : [];
    for (let j = 1; j <= count; j++) {
      const options = { inChannels: channels, stride: i > 0 && j === 1 ? 2 : 1, shortcut };
      const prefix = `conv${stage}_${j}`;
      const layers =
        block === 'basic'
          ? basicBlock(prefix, width, options)
          : bottleneckBlock(prefix, width, { ...options, strideOn });
      blocks.push({ name: `block ${j}`, layers });
      channels = block === 'basic' ? width : 4 * width;
    }
    return { name: `conv${stage}_x`, blocks };
  });
  return [
    { name: 'conv1', blocks: [{ name: 'conv1', layers: convBnRelu('conv1', 7, 64, { stride: 2, padding: 3 }) }] },
    ...stages,
    {
      name: 'classifier',
      blocks: [{ name: 'fc', layers: [globalAvgPool('pool5'), dense('fc1000', 1000), softmax('prob')] }],
    },
  ];
}

/**
 * ResNet-`depth` for 224×224×3 input (Table 1).
 *
 * @example analyzeArchitecture(resnet(50)).totals // → params 25,557,032; macs ≈ 3.86 G
 */
export function resnet(depth: ResNetDepth, options: ResNetOptions = {}): ArchitectureSpec {
  const shortcut = options.shortcut ?? 'B';
  const strideOn = options.strideOn ?? '1x1';
  const v15 = layouts[depth].block === 'bottleneck' && strideOn === '3x3';
  const suffix = `${shortcut === 'B' ? '' : `-${shortcut.toLowerCase()}`}${v15 ? '-v1.5' : ''}`;
  return {
    id: `resnet${depth}${suffix}`,
    name: `ResNet-${depth}${shortcut === 'B' ? '' : ` (option ${shortcut})`}${v15 ? ' v1.5' : ''}`,
    input: [224, 224, 3],
    stages: build(depth, shortcut, strideOn),
    source: 'He et al. 2016a, Table 1',
    notes: [
      `Shortcut option ${shortcut}${shortcut === 'B' ? ': projections only where dimensions change' : ''}.`,
      ...(v15 ? ['Stride 2 on the 3×3 of each downsampling bottleneck ("v1.5"), not the first 1×1.'] : []),
    ],
  };
}

/**
 * The plain net of Fig. 3 (middle) and Table 2: the same layers as ResNet-18/34 without any
 * shortcut. Same parameters as ResNet-`depth` with option A.
 */
export function plainNet(depth: 18 | 34): ArchitectureSpec {
  return {
    id: `plain${depth}`,
    name: `plain-${depth}`,
    input: [224, 224, 3],
    stages: build(depth, 'none', '1x1'),
    source: 'He et al. 2016a, Fig. 3 (middle) and Table 2',
  };
}
