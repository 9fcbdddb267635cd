/**
 * Cross-check against an independent implementation: each spec is rebuilt layer by layer as a
 * TF.js Layers model (zero-initialised, never trained), and TF.js's own bookkeeping must agree
 * with ours: `countParams()` (trainable + BN moving mean/variance, as Keras counts) equals
 * `params + bnStats`, the trainable weights equal `params`, and every layer's output shape
 * equals the one we computed. TF.js also refuses any concat or add whose shapes do not match.
 *
 * The translator lives here on purpose: the library itself has no tfjs dependency.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyzeArchitecture } from './analyze';
import type { ArchitectureSpec, LayerSpec, ResidualSpec, Shape } from './layer-spec';
import { cifarResNet } from './models/cifar-resnet';
import { googlenet } from './models/googlenet';
import { resnet } from './models/resnet';
import { vgg } from './models/vgg';
import { summary } from './summary';

type Sym = tfl.SymbolicTensor;

/** Option A shortcut: keep every `stride`-th pixel, then zero-pad the channels. No weights. */
class ZeroPadShortcut extends tfl.layers.Layer {
  static className = 'ZeroPadShortcut';

  constructor(
    private readonly stride: number,
    private readonly outChannels: number,
  ) {
    super({});
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const [n, h, w] = inputShape as tfl.Shape;
    return [n ?? null, Math.ceil((h ?? 0) / this.stride), Math.ceil((w ?? 0) / this.stride), this.outChannels];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      const [n, h, w, c] = x.shape;
      const subsampled = tf.stridedSlice(x, [0, 0, 0, 0], [n, h, w, c], [1, this.stride, this.stride, 1]);
      return tf.pad(subsampled, [
        [0, 0],
        [0, 0],
        [0, 0],
        [0, this.outChannels - c],
      ]);
    });
  }
}

/** Builds `spec` as a TF.js model and records each named layer's output shape as [H, W, C]. */
function toTfjs(spec: ArchitectureSpec): { model: tfl.LayersModel; shapes: Map<string, Shape> } {
  const shapes = new Map<string, Shape>();
  const record = (name: string, x: Sym): Sym => {
    const s = x.shape;
    shapes.set(name, s.length === 2 ? [1, 1, s[1] ?? 0] : [s[1] ?? 0, s[2] ?? 0, s[3] ?? 0]);
    return x;
  };
  const apply = (layer: tfl.layers.Layer, x: Sym | Sym[]): Sym => layer.apply(x) as Sym;
  const pad = (x: Sym, before: number, after: number): Sym =>
    before === 0 && after === 0 ? x : apply(tfl.layers.zeroPadding2d({ padding: [[before, after], [before, after]] }), x);

  const residual = (s: ResidualSpec, x: Sym): Sym => {
    const body = sequence(s.body, x);
    const sc = s.shortcut;
    const short =
      sc.kind === 'identity'
        ? x
        : sc.kind === 'projection'
          ? sequence(sc.layers, x)
          : apply(new ZeroPadShortcut(sc.stride, sc.outChannels), x);
    return apply(tfl.layers.add(), [body, short]);
  };

  const layer = (s: LayerSpec, x: Sym): Sym => {
    switch (s.kind) {
      case 'conv':
        if ((s.groups ?? 1) !== 1) throw new Error('grouped convs are not translated');
        return apply(
          tfl.layers.conv2d({
            filters: s.outChannels,
            kernelSize: s.kernel,
            strides: s.stride,
            dilationRate: s.dilation ?? 1,
            padding: 'valid',
            useBias: s.bias ?? false,
            kernelInitializer: 'zeros',
          }),
          pad(x, s.padding, s.padding),
        );
      case 'bn':
        return apply(tfl.layers.batchNormalization({ axis: -1, epsilon: s.eps ?? 1e-5 }), x);
      case 'relu':
        return apply(tfl.layers.reLU(), x);
      case 'lrn':
        return x; // TF.js Layers has no LRN; it is shape-preserving and has no weights.
      case 'maxpool':
      case 'avgpool': {
        // Ceil rounding = floor rounding after stride − 1 extra pixels on the bottom/right.
        const padded = pad(x, s.padding, s.padding + (s.ceilMode ? s.stride - 1 : 0));
        const args = { poolSize: s.kernel, strides: s.stride, padding: 'valid' as const };
        return apply(s.kind === 'maxpool' ? tfl.layers.maxPooling2d(args) : tfl.layers.averagePooling2d(args), padded);
      }
      case 'gap':
        return apply(tfl.layers.globalAveragePooling2d({}), x);
      case 'flatten':
        return apply(tfl.layers.flatten(), x);
      case 'fc':
        return apply(tfl.layers.dense({ units: s.units, useBias: s.bias, kernelInitializer: 'zeros' }), x);
      case 'dropout':
        return apply(tfl.layers.dropout({ rate: s.rate }), x);
      case 'softmax':
        return apply(tfl.layers.softmax(), x);
      case 'concat':
        return apply(tfl.layers.concatenate({ axis: -1 }), s.branches.map((b) => sequence(b, x)));
      case 'residual':
        return residual(s, x);
    }
  };

  const sequence = (layers: readonly LayerSpec[], x: Sym): Sym => layers.reduce((y, s) => record(s.name, layer(s, y)), x);

  const input = tfl.input({ shape: [...spec.input] });
  const afterBlock = new Map<string, Sym>();
  let x: Sym = input;
  for (const stage of spec.stages) {
    for (const block of stage.blocks) {
      x = sequence(block.layers, x);
      afterBlock.set(block.name, x);
    }
  }
  const heads = (spec.auxiliary ?? []).map((h) => sequence(h.layers, afterBlock.get(h.after) ?? input));
  return { model: tfl.model({ inputs: input, outputs: [x, ...heads] }), shapes };
}

const size = (shape: readonly (number | null)[]) => shape.reduce<number>((a, b) => a * (b ?? Number.NaN), 1);

/** Builds, compares and disposes. */
function crossCheck(spec: ArchitectureSpec): void {
  const report = analyzeArchitecture(spec);
  const { model, shapes } = toTfjs(spec);
  try {
    const ours = report.withAuxiliary;
    expect(model.countParams()).toBe(ours.params + ours.bnStats);
    expect(model.trainableWeights.reduce((n, w) => n + size(w.shape), 0)).toBe(ours.params);
    expect(model.nonTrainableWeights.reduce((n, w) => n + size(w.shape), 0)).toBe(ours.bnStats);
    for (const row of summary(report, { auxiliary: true })) expect(shapes.get(row.name), row.name).toEqual(row.outShape);
  } finally {
    model.dispose();
  }
}

describe('TF.js Layers cross-check: countParams() = params + bnStats, and the same shapes', () => {
  let tensorsBefore = 0;

  beforeAll(async () => {
    tf.env().set('IS_TEST', true); // silences the "install tfjs-node" hint; speed is not the point here
    await tf.setBackend('cpu');
    await tf.ready();
  });

  afterEach(() => {
    // Every model is disposed: no weight tensor survives a test.
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('VGG-16 at 224×224 (fc6 sees 7·7·512): 138,357,544, no BN', () => {
    tensorsBefore = tf.memory().numTensors;
    crossCheck(vgg(16));
  });

  it('GoogLeNet as in the paper, with both auxiliary heads (13,378,280)', () => {
    tensorsBefore = tf.memory().numTensors;
    crossCheck(googlenet());
  });

  it('GoogLeNet as in torchvision, with its heads: 6,624,904 trainable + BN statistics on the main path', () => {
    tensorsBefore = tf.memory().numTensors;
    crossCheck(googlenet({ variant: 'torchvision' }));
  });

  it('ResNet-18 (basic blocks) and ResNet-50 (bottlenecks) with projection shortcuts', () => {
    tensorsBefore = tf.memory().numTensors;
    crossCheck(resnet(18));
    crossCheck(resnet(50));
  });

  it('ResNet-34 with option A (zero-padding shortcuts)', () => {
    tensorsBefore = tf.memory().numTensors;
    crossCheck(resnet(34, { shortcut: 'A' }));
  });

  it('CIFAR-10 ResNet-20 and -56 (option A), and ResNet-20 runs on a 32×32 image', () => {
    tensorsBefore = tf.memory().numTensors;
    crossCheck(cifarResNet(56));
    const { model } = toTfjs(cifarResNet(20));
    try {
      expect(model.countParams()).toBe(269_722 + 1376);
      const image = tf.ones([1, 32, 32, 3]);
      const probabilities = model.predict(image) as tf.Tensor;
      expect(probabilities.shape).toEqual([1, 10]);
      // Zero weights give equal logits, so softmax is uniform.
      expect(Array.from(probabilities.dataSync()).every((p) => Math.abs(p - 0.1) < 1e-6)).toBe(true);
      tf.dispose([image, probabilities]);
    } finally {
      model.dispose();
    }
  });
});
