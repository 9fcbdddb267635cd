/**
 * GoogLeNet / Inception-v1 (Szegedy et al. 2014, Table 1 and Fig. 3), with the layer names of
 * the BVLC Caffe reference model (`inception_4a/5x5_reduce`, …).
 *
 * Two variants:
 * - `paper` (default): every conv has a bias and a ReLU, the "5×5" branch is a true 5×5 conv,
 *   LRN after the first conv and after conv2 (no parameters), max pools 3×3/2 with ceil rounding,
 *   then 7×7/1 average pooling, dropout 0.4 and a 1000-way linear layer.
 *   Main path: 6,998,552 parameters (Table 1 rounds per row and sums to ≈ 6.8 M) and 1.58 G
 *   multiply-adds (the paper's stated budget: 1.5 G).
 * - `torchvision`: the layers of `torchvision.models.googlenet`, whose counts people often quote
 *   (6,624,904). Every conv is conv (no bias) + BN (ε = 0.001) + ReLU, there is no LRN, the pool
 *   before (5a) is 2×2/2, and branch 3 uses a 3×3 kernel where the paper has 5×5, a known
 *   discrepancy (pytorch/vision#906) kept for compatibility with the ported weights.
 *
 * Auxiliary heads (training only, on top of (4a) and (4d)): 5×5/3 average pooling (14 → 4),
 * 1×1 conv to 128, fc 1024 + ReLU, dropout 0.7, fc 1000. They add about 6.4 M parameters;
 * `analyzeArchitecture(...).withAuxiliary` counts them, `.totals` does not.
 */
import type { ArchitectureSpec, LayerSpec } from '../layer-spec';
import {
  avgPool,
  concat,
  convBnRelu,
  convRelu,
  dense,
  dropout,
  flatten,
  globalAvgPool,
  lrn,
  maxPool,
  relu,
  softmax,
  type ConvOptions,
} from '../layers';

export interface GoogLeNetOptions {
  /** `paper` (default) or `torchvision`; see the module comment. */
  variant?: 'paper' | 'torchvision';
  /** Include the two auxiliary classifiers (default true; they never count in `totals`). */
  auxiliary?: boolean;
}

/** Table 1 columns: #1×1, #3×3 reduce, #3×3, #5×5 reduce, #5×5, pool proj. */
type InceptionWidths = readonly [number, number, number, number, number, number];

const modules: Record<string, InceptionWidths> = {
  '3a': [64, 96, 128, 16, 32, 32],
  '3b': [128, 128, 192, 32, 96, 64],
  '4a': [192, 96, 208, 16, 48, 64],
  '4b': [160, 112, 224, 24, 64, 64],
  '4c': [128, 128, 256, 24, 64, 64],
  '4d': [112, 144, 288, 32, 64, 64],
  '4e': [256, 160, 320, 32, 128, 128],
  '5a': [256, 160, 320, 32, 128, 128],
  '5b': [384, 192, 384, 48, 128, 128],
};

/**
 * GoogLeNet for 224×224×3 input: stem 224 → 112 → 56 → 28, Inception (3) at 28×28, (4) at
 * 14×14, (5) at 7×7×1024, then a 1000-way classifier.
 *
 * @example analyzeArchitecture(googlenet({ variant: 'torchvision' })).totals.params // → 6,624,904
 */
export function googlenet(options: GoogLeNetOptions = {}): ArchitectureSpec {
  const torchvision = options.variant === 'torchvision';
  const unit = (name: string, kernel: number, out: number, o: Omit<ConvOptions, 'bias'> = {}): LayerSpec[] =>
    torchvision ? convBnRelu(name, kernel, out, { ...o, eps: 0.001 }) : convRelu(name, kernel, out, o);
  const norm = (name: string): LayerSpec[] => (torchvision ? [] : [lrn(name)]);
  const pool = (name: string, kernel = 3): LayerSpec => maxPool(name, kernel, 2, 0, true);
  const wideKernel = torchvision ? 3 : 5;

  const inception = (id: string) => {
    const [c1, r3, c3, r5, c5, pp] = modules[id] ?? [];
    const p = `inception_${id}`;
    const branches: LayerSpec[][] = [
      unit(`${p}/1x1`, 1, c1 ?? 0),
      [...unit(`${p}/3x3_reduce`, 1, r3 ?? 0), ...unit(`${p}/3x3`, 3, c3 ?? 0)],
      [...unit(`${p}/5x5_reduce`, 1, r5 ?? 0), ...unit(`${p}/5x5`, wideKernel, c5 ?? 0)],
      [maxPool(`${p}/pool`, 3, 1, 1), ...unit(`${p}/pool_proj`, 1, pp ?? 0)],
    ];
    return { name: `inception (${id})`, layers: [concat(`${p}/output`, branches)] };
  };

  const auxiliaryHead = (n: 1 | 2, after: string) => ({
    name: `auxiliary classifier ${n}`,
    after: `inception (${after})`,
    layers: [
      avgPool(`loss${n}/ave_pool`, 5, 3),
      ...unit(`loss${n}/conv`, 1, 128),
      flatten(`loss${n}/flatten`),
      dense(`loss${n}/fc`, 1024),
      relu(`loss${n}/fc_relu`),
      dropout(`loss${n}/drop_fc`, 0.7),
      dense(`loss${n}/classifier`, 1000),
      softmax(`loss${n}/prob`),
    ],
  });

  const head: LayerSpec[] = torchvision
    ? [globalAvgPool('pool5/7x7_s1'), dropout('pool5/drop_7x7_s1', 0.2)]
    : [avgPool('pool5/7x7_s1', 7, 1), dropout('pool5/drop_7x7_s1', 0.4)];

  return {
    id: torchvision ? 'googlenet-torchvision' : 'googlenet',
    name: torchvision ? 'GoogLeNet (torchvision)' : 'GoogLeNet',
    input: [224, 224, 3],
    stages: [
      {
        name: 'stem',
        blocks: [
          { name: 'conv1', layers: unit('conv1/7x7_s2', 7, 64, { stride: 2, padding: 3 }) },
          { name: 'pool1', layers: [pool('pool1/3x3_s2'), ...norm('pool1/norm1')] },
          {
            name: 'conv2',
            layers: [...unit('conv2/3x3_reduce', 1, 64), ...unit('conv2/3x3', 3, 192), ...norm('conv2/norm2')],
          },
          { name: 'pool2', layers: [pool('pool2/3x3_s2')] },
        ],
      },
      {
        name: 'inception (3)',
        blocks: [inception('3a'), inception('3b'), { name: 'pool3', layers: [pool('pool3/3x3_s2')] }],
      },
      {
        name: 'inception (4)',
        blocks: [
          ...['4a', '4b', '4c', '4d', '4e'].map(inception),
          { name: 'pool4', layers: [pool('pool4/3x3_s2', torchvision ? 2 : 3)] },
        ],
      },
      { name: 'inception (5)', blocks: [inception('5a'), inception('5b')] },
      {
        name: 'classifier',
        blocks: [
          { name: 'pool5', layers: head },
          { name: 'loss3/classifier', layers: [dense('loss3/classifier', 1000), softmax('prob')] },
        ],
      },
    ],
    auxiliary: options.auxiliary === false ? [] : [auxiliaryHead(1, '4a'), auxiliaryHead(2, '4d')],
    source: torchvision
      ? 'torchvision.models.googlenet (BN, 3×3 in branch 3; pytorch/vision#906)'
      : 'Szegedy et al. 2014, Table 1 and Fig. 3',
    notes: torchvision
      ? ['Branch 3 is 3×3 instead of 5×5 and every conv is conv + BN, as in torchvision; not the paper’s net.']
      : ['Conv biases included; LRN has no parameters.'],
  };
}
