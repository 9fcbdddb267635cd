/**
 * Every architecture the explorer offers, with the figures published for it. The same list feeds
 * the comparison table and the unit tests that check each computed total against print.
 */
import type { ArchitectureSpec } from './layer-spec';
import { alexnet } from './models/alexnet';
import { cifarResNet } from './models/cifar-resnet';
import { googlenet } from './models/googlenet';
import { plainNet, resnet } from './models/resnet';
import { vgg } from './models/vgg';
import type { PublishedFigure } from './published-figures';

export type Family = 'AlexNet' | 'VGG' | 'GoogLeNet' | 'ResNet' | 'plain' | 'CIFAR-10 ResNet';

export interface CatalogueEntry {
  id: string;
  family: Family;
  build: () => ArchitectureSpec;
  published: readonly PublishedFigure[];
}

const G = 1e9;
const M = 1e6;

/** He et al. 2016a "FLOPs" (= multiply-adds), printed with one decimal, e.g. `he(3.8)` for Table 1's "3.8×10⁹". */
const he = (giga: number, where = 'Table 1'): PublishedFigure => ({
  quantity: 'macs',
  value: giga * G,
  step: 0.1 * G,
  source: `He et al. 2016a, ${where}`,
  cite: 'resnet',
});

/** VGG Table 2, parameters in whole millions. */
const vggTable2 = (millions: number): PublishedFigure => ({
  quantity: 'params',
  value: millions * M,
  step: M,
  source: 'Simonyan & Zisserman 2014, Table 2',
  cite: 'vgg',
});

/** He et al. 2016a, Table 6 (CIFAR-10), parameters in millions as printed. */
const table6 = (millions: number, step: number): PublishedFigure => ({
  quantity: 'params',
  value: millions * M,
  step: step * M,
  source: 'He et al. 2016a, Table 6',
  cite: 'resnet',
});

/**
 * torchvision model docs: `num_params` is `sum(p.numel() for p in model.parameters())`, i.e.
 * trainable parameters without BN buffers; "GFLOPS" are multiply-adds, printed with two decimals.
 */
const tvParams = (value: number, model: string): PublishedFigure => ({
  quantity: 'params',
  value,
  step: 1,
  source: `torchvision docs, ${model}`,
});
const tvMacs = (giga: number, model: string): PublishedFigure => ({
  quantity: 'macs',
  value: giga * G,
  step: 0.01 * G,
  source: `torchvision docs, ${model}`,
});

const vgg16Macs: PublishedFigure = {
  ...he(15.3, '§4.1'),
  discrepancy:
    'The 13 convs alone give 15.35 G; with the three fc layers (0.12 G) the total is 15.47 G. ' +
    'The same convention reproduces their 19.6 G for VGG-19, so 15.3 G reads as a conv-only count.',
};

const googlenetParams: PublishedFigure = {
  quantity: 'params',
  value: 6.8 * M,
  step: 0.1 * M,
  source: 'Szegedy et al. 2014, Table 1 (sum of the rows)',
  cite: 'googlenet',
  discrepancy:
    'Table 1 prints rounded per-row counts that sum to about 6.8 M; counting every weight and bias of the ' +
    'same layers gives 7.00 M. The auxiliary heads (training only) add 6.38 M more.',
};

const cifar: readonly (readonly [depth: number, millions: number, step: number])[] = [
  [20, 0.27, 0.01],
  [32, 0.46, 0.01],
  [44, 0.66, 0.01],
  [56, 0.85, 0.01],
  [110, 1.7, 0.1],
  [1202, 19.4, 0.1],
];

export const architectureCatalogue: readonly CatalogueEntry[] = [
  {
    id: 'alexnet',
    family: 'AlexNet',
    build: () => alexnet(),
    published: [
      { quantity: 'params', value: 60 * M, step: M, source: 'Krizhevsky et al. 2012, abstract', cite: 'alexnet' },
    ],
  },
  { id: 'alexnet-ungrouped', family: 'AlexNet', build: () => alexnet({ groups: 1 }), published: [] },
  {
    id: 'vgg11',
    family: 'VGG',
    build: () => vgg(11),
    published: [vggTable2(133), tvParams(132_863_336, 'vgg11'), tvMacs(7.61, 'vgg11')],
  },
  {
    id: 'vgg13',
    family: 'VGG',
    build: () => vgg(13),
    published: [vggTable2(133), tvParams(133_047_848, 'vgg13'), tvMacs(11.31, 'vgg13')],
  },
  {
    id: 'vgg16',
    family: 'VGG',
    build: () => vgg(16),
    published: [vggTable2(138), tvParams(138_357_544, 'vgg16'), tvMacs(15.47, 'vgg16'), vgg16Macs],
  },
  {
    id: 'vgg19',
    family: 'VGG',
    build: () => vgg(19),
    published: [vggTable2(144), tvParams(143_667_240, 'vgg19'), tvMacs(19.63, 'vgg19'), he(19.6, '§3.3')],
  },
  {
    id: 'googlenet',
    family: 'GoogLeNet',
    build: () => googlenet(),
    published: [
      googlenetParams,
      { quantity: 'macs', value: 1.5 * G, step: 0.1 * G, source: 'Szegedy et al. 2014, §1', cite: 'googlenet' },
    ],
  },
  {
    id: 'googlenet-torchvision',
    family: 'GoogLeNet',
    build: () => googlenet({ variant: 'torchvision' }),
    published: [tvParams(6_624_904, 'googlenet'), tvMacs(1.5, 'googlenet')],
  },
  { id: 'plain18', family: 'plain', build: () => plainNet(18), published: [he(1.8)] },
  { id: 'plain34', family: 'plain', build: () => plainNet(34), published: [he(3.6, '§3.3')] },
  {
    id: 'resnet18',
    family: 'ResNet',
    build: () => resnet(18),
    published: [tvParams(11_689_512, 'resnet18'), he(1.8), tvMacs(1.81, 'resnet18')],
  },
  {
    id: 'resnet34',
    family: 'ResNet',
    build: () => resnet(34),
    published: [tvParams(21_797_672, 'resnet34'), he(3.6), tvMacs(3.66, 'resnet34')],
  },
  { id: 'resnet34-a', family: 'ResNet', build: () => resnet(34, { shortcut: 'A' }), published: [] },
  { id: 'resnet34-c', family: 'ResNet', build: () => resnet(34, { shortcut: 'C' }), published: [] },
  // torchvision's resnet50/101/152 are "v1.5" (stride on the 3×3): same parameters, more multiply-adds.
  { id: 'resnet50', family: 'ResNet', build: () => resnet(50), published: [tvParams(25_557_032, 'resnet50'), he(3.8)] },
  {
    id: 'resnet101',
    family: 'ResNet',
    build: () => resnet(101),
    published: [tvParams(44_549_160, 'resnet101'), he(7.6)],
  },
  {
    id: 'resnet152',
    family: 'ResNet',
    build: () => resnet(152),
    published: [tvParams(60_192_808, 'resnet152'), he(11.3)],
  },
  {
    id: 'resnet50-v1.5',
    family: 'ResNet',
    build: () => resnet(50, { strideOn: '3x3' }),
    published: [tvParams(25_557_032, 'resnet50'), tvMacs(4.09, 'resnet50')],
  },
  {
    id: 'resnet101-v1.5',
    family: 'ResNet',
    build: () => resnet(101, { strideOn: '3x3' }),
    published: [tvParams(44_549_160, 'resnet101'), tvMacs(7.8, 'resnet101')],
  },
  {
    id: 'resnet152-v1.5',
    family: 'ResNet',
    build: () => resnet(152, { strideOn: '3x3' }),
    published: [tvParams(60_192_808, 'resnet152'), tvMacs(11.51, 'resnet152')],
  },
  ...cifar.map(
    ([depth, millions, step]): CatalogueEntry => ({
      id: `cifar-resnet${depth}`,
      family: 'CIFAR-10 ResNet',
      build: () => cifarResNet(depth),
      published: [table6(millions, step)],
    }),
  ),
  { id: 'cifar-plain56', family: 'CIFAR-10 ResNet', build: () => cifarResNet(56, { shortcut: 'none' }), published: [] },
];

/** The spec for a catalogue id (e.g. from a URL), or undefined for an unknown id. */
export function architectureById(id: string): ArchitectureSpec | undefined {
  return architectureCatalogue.find((entry) => entry.id === id)?.build();
}
