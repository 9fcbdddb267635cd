/**
 * VGG (Simonyan & Zisserman 2014, Table 1): 3×3 convs with stride 1 and padding 1, five 2×2/2 max
 * pools, then three fully connected layers (4096, 4096, 1000) with dropout 0.5 after the first
 * two. Every conv and fc has a bias. The number in the name counts weight layers: VGG-16 is
 * 13 conv + 3 fc (configuration D), VGG-19 is 16 conv + 3 fc (configuration E).
 */
import type { ArchitectureSpec, BlockSpec, StageSpec } from '../layer-spec';
import { convRelu, dense, dropout, flatten, maxPool, relu, softmax } from '../layers';

/** Convs per block, by depth; A = 11, B = 13, D = 16, E = 19 (configuration C's 1×1 convs are not modelled). */
const configurations = {
  11: { letter: 'A', convs: [1, 1, 2, 2, 2] },
  13: { letter: 'B', convs: [2, 2, 2, 2, 2] },
  16: { letter: 'D', convs: [2, 2, 3, 3, 3] },
  19: { letter: 'E', convs: [2, 2, 4, 4, 4] },
} as const;

export type VggDepth = keyof typeof configurations;

const widths = [64, 128, 256, 512, 512] as const;

/**
 * VGG-`depth` for 224×224×3 input, ending in a 1000-way softmax.
 * Conv stack output: 7×7×512 (= 25088 inputs to fc6).
 *
 * @example analyzeArchitecture(vgg(16)).totals.params // → 138,357,544
 */
export function vgg(depth: VggDepth): ArchitectureSpec {
  const { letter, convs } = configurations[depth];
  const features: StageSpec[] = convs.map((count, i) => {
    const n = i + 1;
    const blocks: BlockSpec[] = Array.from({ length: count }, (_, j) => ({
      name: `conv${n}_${j + 1}`,
      layers: convRelu(`conv${n}_${j + 1}`, 3, widths[i] ?? 512, { padding: 1 }),
    }));
    blocks.push({ name: `pool${n}`, layers: [maxPool(`pool${n}`, 2, 2)] });
    return { name: `block ${n}`, blocks };
  });
  const classifier: StageSpec = {
    name: 'classifier',
    blocks: [
      {
        name: 'fc6',
        layers: [flatten('flatten'), dense('fc6', 4096), relu('fc6_relu'), dropout('fc6_dropout', 0.5)],
      },
      { name: 'fc7', layers: [dense('fc7', 4096), relu('fc7_relu'), dropout('fc7_dropout', 0.5)] },
      { name: 'fc8', layers: [dense('fc8', 1000), softmax('prob')] },
    ],
  };
  return {
    id: `vgg${depth}`,
    name: `VGG-${depth}`,
    input: [224, 224, 3],
    stages: [...features, classifier],
    source: `Simonyan & Zisserman 2014, Table 1, configuration ${letter}`,
  };
}
