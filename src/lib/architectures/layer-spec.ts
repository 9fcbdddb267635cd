/**
 * Architectures as data: a model is stages → blocks → layers, and a layer is one case of the
 * `LayerSpec` discriminated union below. Specs hold only hyper-parameters (kernel, stride,
 * widths); every derived number (shapes, parameters, multiply-adds, receptive field) comes from
 * the pure functions of this folder, so a diagram and a table can never disagree.
 *
 * Conventions used everywhere in this folder:
 * - A feature map shape is `[height, width, channels]` (HWC, batch omitted), e.g. `[56, 56, 64]`.
 * - Kernels are square (`kernel: 3` means 3×3) and padding is the same on all four sides.
 * - Vectors (after flatten, global pooling or a fully connected layer) are `[1, 1, n]`, the
 *   shape of a 1×1 feature map, so every layer maps a `Shape` to a `Shape`.
 */

/** Feature-map shape `[height, width, channels]`, batch omitted. */
export type Shape = readonly [height: number, width: number, channels: number];

interface Named {
  /** Unique within the model, in the paper's or reference code's naming (e.g. `conv3_2b`). */
  name: string;
}

/** 2-D convolution. Output `[⌊(H + 2p − d(k−1) − 1)/s⌋ + 1, …, outChannels]`. */
export interface ConvSpec extends Named {
  kind: 'conv';
  kernel: number;
  stride: number;
  /** Zero padding on each side, in pixels. */
  padding: number;
  outChannels: number;
  /** Whether the layer adds a bias per output channel. Default false: ResNets put BN after every conv. */
  bias?: boolean;
  /** Dilation (atrous rate); default 1. */
  dilation?: number;
  /**
   * Channel groups; default 1. AlexNet's two-GPU layers (conv2, conv4, conv5) are `groups: 2`:
   * each half of the filters sees only half of the input channels.
   */
  groups?: number;
}

/**
 * Batch normalization over channels. Learns γ and β (2·C trainable) and keeps a running mean
 * and variance (2·C statistics that are not trained by gradient descent).
 */
export interface BatchNormSpec extends Named {
  kind: 'bn';
  /** ε added to the variance; 1e-5 in PyTorch, 1e-3 in torchvision's GoogLeNet and in Keras. */
  eps?: number;
}

export interface ReluSpec extends Named {
  kind: 'relu';
}

/** Local response normalization (AlexNet, GoogLeNet). Shape-preserving, no parameters. */
export interface LrnSpec extends Named {
  kind: 'lrn';
  /** Number of neighbouring channels normalized together. */
  size: number;
}

/** Max or average pooling. No parameters. */
export interface PoolSpec extends Named {
  kind: 'maxpool' | 'avgpool';
  kernel: number;
  stride: number;
  padding: number;
  /**
   * Round the output size up instead of down (Caffe, and PyTorch's `ceil_mode=True`), as the
   * GoogLeNet reference model does: 112 → 56 with a 3×3/2 pool and no padding. As in PyTorch,
   * a last window that would start in the right/bottom padding is dropped.
   */
  ceilMode?: boolean;
}

/** Global average pooling: `[H, W, C]` → `[1, 1, C]`. */
export interface GlobalAvgPoolSpec extends Named {
  kind: 'gap';
}

/** Flatten: `[H, W, C]` → `[1, 1, H·W·C]` (e.g. VGG's 7×7×512 → 25088 before fc6). */
export interface FlattenSpec extends Named {
  kind: 'flatten';
}

/** Fully connected (dense) layer on a vector `[1, 1, n]` → `[1, 1, units]`. */
export interface DenseSpec extends Named {
  kind: 'fc';
  units: number;
  bias: boolean;
}

export interface DropoutSpec extends Named {
  kind: 'dropout';
  /** Fraction of units zeroed during training (0.5 in VGG/AlexNet, 0.4 in GoogLeNet). */
  rate: number;
}

export interface SoftmaxSpec extends Named {
  kind: 'softmax';
}

/**
 * Parallel branches on the same input, concatenated along channels (an Inception module).
 * All branches must produce the same height and width.
 */
export interface ConcatSpec extends Named {
  kind: 'concat';
  branches: readonly (readonly LayerSpec[])[];
}

/**
 * How the input reaches the addition of a residual block (He et al. 2016a, §3.3):
 * - `identity`: x itself (Eq. 1); needs equal shapes.
 * - `zero-pad` (option A): x subsampled by `stride` and zero-padded to `outChannels`; no parameters.
 * - `projection` (options B/C): a 1×1 conv with stride + BN, i.e. W_s·x of Eq. 2.
 */
export type ShortcutSpec =
  | { kind: 'identity' }
  | { kind: 'zero-pad'; stride: number; outChannels: number }
  | { kind: 'projection'; layers: readonly LayerSpec[] };

/**
 * Residual unit: y = F(x) + shortcut(x), where F is `body`. The ReLU after the addition is a
 * separate `relu` layer that follows this one in the block.
 */
export interface ResidualSpec extends Named {
  kind: 'residual';
  body: readonly LayerSpec[];
  shortcut: ShortcutSpec;
}

export type LayerSpec =
  | ConvSpec
  | BatchNormSpec
  | ReluSpec
  | LrnSpec
  | PoolSpec
  | GlobalAvgPoolSpec
  | FlattenSpec
  | DenseSpec
  | DropoutSpec
  | SoftmaxSpec
  | ConcatSpec
  | ResidualSpec;

export type LayerKind = LayerSpec['kind'];

/** A named group of layers the diagram draws as one box, e.g. `block 2` or `inception (4a)`. */
export interface BlockSpec {
  name: string;
  layers: readonly LayerSpec[];
}

/** A named group of blocks, e.g. `conv3_x` (ResNet) or `block 2` (VGG). */
export interface StageSpec {
  name: string;
  blocks: readonly BlockSpec[];
}

/**
 * A side classifier used only during training (GoogLeNet's two auxiliary heads). It reads the
 * output of the block named `after` and is not part of the inference path.
 */
export interface AuxiliaryHeadSpec {
  name: string;
  /**
   * The block whose output feeds this head: its name if unique (`inception (4a)`), or
   * `stage/block` (`conv4_x/block 3`) when several stages have a block of that name.
   */
  after: string;
  layers: readonly LayerSpec[];
}

export interface ArchitectureSpec {
  /** Stable identifier, e.g. `resnet50`, usable as a URL value. */
  id: string;
  /** Display name, e.g. `ResNet-50`. */
  name: string;
  /** Input image shape, e.g. `[224, 224, 3]`. */
  input: Shape;
  stages: readonly StageSpec[];
  auxiliary?: readonly AuxiliaryHeadSpec[];
  /** Where the layer table comes from, e.g. `He et al. 2016a, Table 1`. */
  source: string;
  /** Choices a reader should know about (variants, deviations from the paper). */
  notes?: readonly string[];
}
