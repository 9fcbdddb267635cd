/**
 * One residual block on its own, for the `residual-block` widget: basic or bottleneck (He et al.
 * 2015, Fig. 5), shortcut option A/B/C (§3.3), original ("post-activation") or pre-activation
 * order (He et al. 2016b, Fig. 4 (e)), at a given width and feature-map size. The post-activation
 * blocks are the library's own `basicBlock` / `bottleneckBlock`, so the numbers are those of the
 * ResNets in the explorer; the pre-activation blocks reuse the library's layer constructors.
 */
import {
  analyzeArchitecture,
  basicBlock,
  bn,
  bottleneckBlock,
  conv,
  relu,
  residual,
  summary,
  type ArchitectureSpec,
  type LayerSpec,
  type ShortcutSpec,
  type SummaryRow,
} from '../architectures';

export type BlockKind = 'basic' | 'bottleneck';
export type ShortcutOptionABC = 'A' | 'B' | 'C';
export type Activation = 'post' | 'pre';
export type ShortcutKind = 'identity' | 'zero-pad' | 'projection';

export interface ResidualBlockConfig {
  block: BlockKind;
  /** He et al. 2016a §3.3: A zero-pads, B projects where the shape changes, C projects everywhere. */
  option: ShortcutOptionABC;
  /** First block of a stage: stride 2, and the channels double (the shape changes). */
  downsample: boolean;
  activation: Activation;
  /** The stage width of Table 1: channels of a basic block, inner width of a bottleneck (output 4×). */
  width: number;
  /** Output feature-map side (56, 28, 14, 7 in an ImageNet ResNet). */
  size: number;
}

/** Channels entering and leaving the block. */
export function blockChannels(c: Pick<ResidualBlockConfig, 'block' | 'downsample' | 'width'>): { in: number; out: number } {
  const out = c.block === 'basic' ? c.width : 4 * c.width;
  return { in: c.downsample ? out / 2 : out, out };
}

/** What the shortcut is for this option and shape: identity unless the shape changes or option C. */
export function shortcutKind(option: ShortcutOptionABC, downsample: boolean): ShortcutKind {
  if (option === 'C') return 'projection';
  if (!downsample) return 'identity';
  return option === 'A' ? 'zero-pad' : 'projection';
}

/** Pre-activation unit: (BN → ReLU → conv) ×2 or ×3, plus the shortcut, no ReLU after the addition. */
function preActivationBlock(c: ResidualBlockConfig, channels: { in: number; out: number }, stride: number): LayerSpec[] {
  const units: [string, number, number, number][] =
    c.block === 'basic'
      ? [
          ['a', 3, c.width, stride],
          ['b', 3, c.width, 1],
        ]
      : [
          ['a', 1, c.width, stride],
          ['b', 3, c.width, 1],
          ['c', 1, 4 * c.width, 1],
        ];
  const body = units.flatMap(([s, k, out, st]) => [bn(`unit${s}_bn`), relu(`unit${s}_relu`), conv(`unit${s}`, k, out, { stride: st })]);
  const kind = shortcutKind(c.option, c.downsample);
  const shortcut: ShortcutSpec =
    kind === 'identity'
      ? { kind: 'identity' }
      : kind === 'zero-pad'
        ? { kind: 'zero-pad', stride, outChannels: channels.out }
        : { kind: 'projection', layers: [conv('unit_proj', 1, channels.out, { stride, padding: 0 })] };
  return [residual('unit_add', body, shortcut)];
}

/** The block as a one-block model on its input `[2·size or size, …, C_in]`. */
export function residualBlockSpec(c: ResidualBlockConfig): ArchitectureSpec {
  const channels = blockChannels(c);
  const stride = c.downsample ? 2 : 1;
  const side = c.size * stride;
  const options = { inChannels: channels.in, stride, shortcut: c.option };
  const layers =
    c.activation === 'pre'
      ? preActivationBlock(c, channels, stride)
      : c.block === 'basic'
        ? basicBlock('unit', c.width, options)
        : bottleneckBlock('unit', c.width, options);
  return {
    id: `${c.block}-${c.option}-${c.activation}-${c.width}`,
    name: `${c.block} block`,
    input: [side, side, channels.in],
    stages: [{ name: 'block', blocks: [{ name: 'block', layers }] }],
    source: c.activation === 'pre' ? 'He et al. 2016b, Fig. 4 (e)' : 'He et al. 2016a, Fig. 5',
  };
}

export interface BlockCosts {
  rows: SummaryRow[];
  /** Trainable parameters: conv weights plus BN γ and β. */
  params: number;
  /** Convolution weights alone (the number the papers' back-of-envelope counts use). */
  convWeights: number;
  bnStats: number;
  macs: number;
  input: readonly [number, number, number];
  output: readonly [number, number, number];
  shortcut: ShortcutKind;
}

export function residualBlockCosts(c: ResidualBlockConfig): BlockCosts {
  const report = analyzeArchitecture(residualBlockSpec(c));
  const rows = summary(report);
  return {
    rows,
    params: report.totals.params,
    convWeights: rows.filter((r) => r.kind === 'conv').reduce((n, r) => n + r.params, 0),
    bnStats: report.totals.bnStats,
    macs: report.totals.macs,
    input: report.totals.input,
    output: report.totals.output,
    shortcut: shortcutKind(c.option, c.downsample),
  };
}

export interface CostPoint {
  convWeights: number;
  params: number;
  macs: number;
}

/**
 * He et al. 2016a §4.1 in numbers: a bottleneck at 256 channels (inner width 64) costs about what
 * a basic block at 64 channels does, and far less than two 3×3 convs at 256 channels.
 * Identity shortcuts, post-activation, at `size`×`size` (default 56, the stage where both live).
 */
export function bottleneckVersusBasic(size = 56): { basic64: CostPoint; bottleneck256: CostPoint; basic256: CostPoint } {
  const point = (block: BlockKind, width: number): CostPoint => {
    const c = residualBlockCosts({ block, option: 'B', downsample: false, activation: 'post', width, size });
    return { convWeights: c.convWeights, params: c.params, macs: c.macs };
  };
  return { basic64: point('basic', 64), bottleneck256: point('bottleneck', 64), basic256: point('basic', 256) };
}
