/**
 * Small constructors for layer specs, so model files read like the papers' tables:
 * `conv('conv1', 7, 64, { stride: 2, padding: 3 })` instead of object literals.
 */
import type {
  BatchNormSpec,
  ConcatSpec,
  ConvSpec,
  DenseSpec,
  DropoutSpec,
  FlattenSpec,
  GlobalAvgPoolSpec,
  LayerSpec,
  LrnSpec,
  PoolSpec,
  ReluSpec,
  ResidualSpec,
  ShortcutSpec,
  SoftmaxSpec,
} from './layer-spec';

export interface ConvOptions {
  /** Default 1. */
  stride?: number;
  /** Default `⌊kernel/2⌋` ("same" for odd kernels at stride 1). */
  padding?: number;
  /** Default false. */
  bias?: boolean;
  dilation?: number;
  groups?: number;
}

/** A `kernel`×`kernel` convolution to `outChannels` channels. */
export function conv(name: string, kernel: number, outChannels: number, options: ConvOptions = {}): ConvSpec {
  const spec: ConvSpec = {
    kind: 'conv',
    name,
    kernel,
    stride: options.stride ?? 1,
    padding: options.padding ?? Math.floor(kernel / 2),
    outChannels,
    bias: options.bias ?? false,
  };
  if (options.dilation !== undefined) spec.dilation = options.dilation;
  if (options.groups !== undefined) spec.groups = options.groups;
  return spec;
}

export function bn(name: string, eps?: number): BatchNormSpec {
  return eps === undefined ? { kind: 'bn', name } : { kind: 'bn', name, eps };
}

export function relu(name: string): ReluSpec {
  return { kind: 'relu', name };
}

export function lrn(name: string, size = 5): LrnSpec {
  return { kind: 'lrn', name, size };
}

export function maxPool(name: string, kernel: number, stride: number, padding = 0, ceilMode = false): PoolSpec {
  return ceilMode
    ? { kind: 'maxpool', name, kernel, stride, padding, ceilMode }
    : { kind: 'maxpool', name, kernel, stride, padding };
}

export function avgPool(name: string, kernel: number, stride: number, padding = 0): PoolSpec {
  return { kind: 'avgpool', name, kernel, stride, padding };
}

export function globalAvgPool(name: string): GlobalAvgPoolSpec {
  return { kind: 'gap', name };
}

export function flatten(name: string): FlattenSpec {
  return { kind: 'flatten', name };
}

/** Fully connected layer with a bias (every classifier in this folder has one). */
export function dense(name: string, units: number, bias = true): DenseSpec {
  return { kind: 'fc', name, units, bias };
}

export function dropout(name: string, rate: number): DropoutSpec {
  return { kind: 'dropout', name, rate };
}

export function softmax(name: string): SoftmaxSpec {
  return { kind: 'softmax', name };
}

export function concat(name: string, branches: readonly (readonly LayerSpec[])[]): ConcatSpec {
  return { kind: 'concat', name, branches };
}

export function residual(name: string, body: readonly LayerSpec[], shortcut: ShortcutSpec): ResidualSpec {
  return { kind: 'residual', name, body, shortcut };
}

/**
 * conv → BN → ReLU without a conv bias (BN's β makes it redundant; Ioffe & Szegedy 2015, §3.2).
 * Names: `<name>`, `<name>_bn`, `<name>_relu`.
 */
export function convBnRelu(
  name: string,
  kernel: number,
  outChannels: number,
  options: ConvOptions & { eps?: number } = {},
): LayerSpec[] {
  const { eps, ...convOptions } = options;
  return [
    conv(name, kernel, outChannels, { ...convOptions, bias: false }),
    bn(`${name}_bn`, eps),
    relu(`${name}_relu`),
  ];
}

/** conv (with bias) → ReLU, the unit of VGG, AlexNet and the original GoogLeNet. */
export function convRelu(
  name: string,
  kernel: number,
  outChannels: number,
  options: Omit<ConvOptions, 'bias'> = {},
): LayerSpec[] {
  return [conv(name, kernel, outChannels, { ...options, bias: true }), relu(`${name}_relu`)];
}
