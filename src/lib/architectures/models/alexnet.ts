/**
 * AlexNet (Krizhevsky et al. 2012, Fig. 2 and §3) drawn as a single tower.
 *
 * The paper's network ran on two GPUs: conv2, conv4 and conv5 only see the half of the previous
 * layer that sits on their own GPU, while conv3 and the fc layers see both halves. A single
 * tower reproduces exactly that connectivity with `groups: 2` on conv2, conv4 and conv5, which
 * gives 60,965,224 parameters (61.0 M; the paper rounds to "60 million"). With `groups: 1` every
 * conv sees all channels and the count is 62,378,344 (the "62.3 M" often quoted).
 * torchvision's `alexnet` (61,100,840) is a different net: the narrower "one weird trick"
 * variant (64-192-384-256-256 filters), so it is not modelled here.
 *
 * Input is 227×227×3: the paper says 224, but 11×11/4 without padding needs 227 to give 55×55.
 */
import type { ArchitectureSpec } from '../layer-spec';
import { conv, dense, dropout, flatten, lrn, maxPool, relu, softmax } from '../layers';

export interface AlexNetOptions {
  /** 2 (default): the two-GPU connectivity of the paper; 1: every conv sees all its input. */
  groups?: 1 | 2;
}

/** AlexNet for 227×227×3 input; conv stack output 6×6×256 (= 9216 inputs to fc6). */
export function alexnet(options: AlexNetOptions = {}): ArchitectureSpec {
  const groups = options.groups ?? 2;
  const c = (name: string, kernel: number, out: number, stride: number, padding: number, g: number) =>
    [conv(name, kernel, out, { stride, padding, bias: true, groups: g }), relu(`${name}_relu`)];
  return {
    id: groups === 2 ? 'alexnet' : 'alexnet-ungrouped',
    name: groups === 2 ? 'AlexNet' : 'AlexNet (ungrouped)',
    input: [227, 227, 3],
    stages: [
      {
        name: 'features',
        blocks: [
          { name: 'conv1', layers: [...c('conv1', 11, 96, 4, 0, 1), lrn('norm1'), maxPool('pool1', 3, 2)] },
          { name: 'conv2', layers: [...c('conv2', 5, 256, 1, 2, groups), lrn('norm2'), maxPool('pool2', 3, 2)] },
          { name: 'conv3', layers: c('conv3', 3, 384, 1, 1, 1) },
          { name: 'conv4', layers: c('conv4', 3, 384, 1, 1, groups) },
          { name: 'conv5', layers: [...c('conv5', 3, 256, 1, 1, groups), maxPool('pool5', 3, 2)] },
        ],
      },
      {
        name: 'classifier',
        blocks: [
          {
            name: 'fc6',
            layers: [flatten('flatten'), dense('fc6', 4096), relu('fc6_relu'), dropout('fc6_dropout', 0.5)],
          },
          { name: 'fc7', layers: [dense('fc7', 4096), relu('fc7_relu'), dropout('fc7_dropout', 0.5)] },
          { name: 'fc8', layers: [dense('fc8', 1000), softmax('prob')] },
        ],
      },
    ],
    source: 'Krizhevsky et al. 2012, §3 and Fig. 2',
    notes: [
      groups === 2
        ? 'Single tower with groups = 2 on conv2, conv4, conv5: the two-GPU connectivity of the paper.'
        : 'Single tower without groups: every conv sees all input channels (not the paper’s net).',
      'Input 227×227: the paper’s “224” does not fit 11×11/4 without padding.',
    ],
  };
}
