import type { Locale } from '../locales';
import { count, percent } from '../number-format';
import { fill } from '../translate';

/** UI strings of `cnn-depth-lab` (English is the schema; zh must match). */
const en = {
  title: 'Deep plain vs residual CNNs on handwritten digits (He et al. 2016a, Fig. 6)',
  lede: 'He et al.’s CIFAR family of 6n + 2 layers, trained in your browser on the site’s 5,000 training digits: choose depths and press Train. Plain and residual nets of one depth start from the same weights and see the same mini-batches.',
  depths: 'Depths (weighted layers)',
  width: 'Width of the first stage (channels)',
  shortcut: 'Shortcut where a stage begins',
  'shortcut.A': 'A: identity, zero-padded',
  'shortcut.B': 'B: 1×1 projection',
  optimizer: 'Optimizer',
  'optimizer.sgd': 'SGD + momentum 0.9',
  'optimizer.adam': 'Adam',
  lr: 'Learning rate (÷10 at 50 % and 75 %)',
  steps: 'Iterations (mini-batches of 128)',
  size: 'Input size',
  'size.14': '14×14 (downsampled)',
  'size.28': '28×28 (as shipped)',
  seed: 'Seed',
  digit: 'Feature maps of the digit',
  plain: 'plain',
  residual: 'residual',
  panelPlain: 'Plain nets: error against iterations',
  panelResidual: 'Residual nets: error against iterations',
  depthChart: 'Final error against depth',
  iterations: 'iterations',
  errorAxis: 'error (%)',
  layersAxis: 'weighted layers',
  'series.train': '{layers} layers, training',
  'series.test': '{layers} layers, test',
  'series.depthTrain': '{arch}, training error',
  'series.depthTest': '{arch}, test error',
  features: 'Feature maps of one test digit, after training',
  featuresNote: 'The first test digit of class {digit}, through the {layers}-layer nets: the first 8 channels at the start of each stage (after the stem) and at the end of each stage, each map scaled to its own maximum (black = 0).',
  featuresNone: 'Feature maps appear here after a run (or for the recorded settings).',
  'stack.0': 'stem (start of stage 1)',
  'stack.1': 'end of stage 1',
  'stack.2': 'end of stage 2',
  'stack.3': 'end of stage 3',
  mapsOf: '{arch} net, {stack}: {size}×{size}, {shown} of {channels} channels',
  predicted: '{arch} net: predicts {label} with probability {p}',
  'col.architecture': 'architecture',
  'col.layers': 'weighted layers',
  'col.iterations': 'iterations',
  'col.trainError': 'final training error',
  'col.testError': 'final test error',
  'col.step': 'iteration',
  'col.stack': 'feature maps',
  'col.size': 'size',
  'col.channels': 'channels',
  'col.mean': 'mean activation',
  'col.active': 'share of activations > 0',
  runsTable: 'Finished runs (errors as fractions: training error on all 5,000 training digits, test error on 1,000 test digits)',
  curveTable: 'Error during training (training error on 1,000 training digits, test error on 1,000 test digits)',
  featuresTable: 'Feature maps in numbers',
  recorded: 'Shown: all depths recorded with the default settings by this same code (npm run record). Press Train to run the chosen depths live; their curves replace the recorded ones.',
  diverged: 'The {arch} net with {layers} layers diverged at iteration {step}: its loss became infinite, not a number or larger than 50. That run was stopped. Lower the learning rate (SGD: 0.1; Adam: 0.001) and train again.',
  caption: 'Not CIFAR-10: the site ships 5,000 MNIST training digits and 1,000 test digits, by default downsampled to 14×14. Same architecture as He et al. (2016a), §4.2 (3×3 convolutions, three stages of widths w, 2w, 4w, batch normalization, global average pooling, option A shortcuts), far narrower and far shorter training. Thin lines: training error; bold lines: test error.',
  runProgress: 'run {i} of {n}',
  'headline.pair': '{layers} layers, {steps} iterations: training error {plainTrain} for the plain net, {residualTrain} for the residual net (test error {plainTest} and {residualTest}).',
  'headline.range': 'Plain nets: training error {plainLow} at {low} layers, {plainHigh} at {high} layers. Residual nets: {residualLow} and {residualHigh}.',
} as const;

export type CnnDepthLabKey = keyof typeof en;

const zh: Record<CnnDepthLabKey, string> = {
  title: '深层普通网络与残差网络：在手写数字上重做 He 等人的图 6',
  lede: '这里用的是 He 等人为 CIFAR 设计的 6n + 2 层网络，在你的浏览器里用本站自带的 5000 张训练数字训练。选好深度，按“训练”。同一深度的普通网络和残差网络从相同的初始权重出发，看到的小批量也完全相同。',
  depths: '深度（带权重的层数）',
  width: '第一阶段的宽度（通道数）',
  shortcut: '阶段开头的捷径连接',
  'shortcut.A': 'A：恒等捷径，零填充',
  'shortcut.B': 'B：1×1 投影捷径',
  optimizer: '优化器',
  'optimizer.sgd': 'SGD，动量 0.9',
  'optimizer.adam': 'Adam',
  lr: '学习率（训练到 50% 和 75% 时各除以 10）',
  steps: '迭代次数（每个小批量 128 张）',
  size: '输入尺寸',
  'size.14': '14×14（下采样）',
  'size.28': '28×28（原始尺寸）',
  seed: '随机种子',
  digit: '显示哪个数字的特征图',
  plain: '普通网络',
  residual: '残差网络',
  panelPlain: '普通网络：误差随迭代次数的变化',
  panelResidual: '残差网络：误差随迭代次数的变化',
  depthChart: '最终误差随深度的变化',
  iterations: '迭代次数',
  errorAxis: '误差（%）',
  layersAxis: '带权重的层数',
  'series.train': '{layers} 层，训练误差',
  'series.test': '{layers} 层，测试误差',
  'series.depthTrain': '{arch}，训练误差',
  'series.depthTest': '{arch}，测试误差',
  features: '训练后一张测试数字的特征图',
  featuresNote: '取类别 {digit} 的第一张测试图片，送进 {layers} 层的两个网络：显示每个阶段开头（即第一层卷积之后）和每个阶段结尾的前 8 个通道，每张图按自身的最大值缩放（黑色表示 0）。',
  featuresNone: '训练结束后（或在默认设置下），这里会显示特征图。',
  'stack.0': '第一层卷积之后（第 1 阶段开头）',
  'stack.1': '第 1 阶段结尾',
  'stack.2': '第 2 阶段结尾',
  'stack.3': '第 3 阶段结尾',
  mapsOf: '{arch}，{stack}：{size}×{size}，显示 {channels} 个通道中的 {shown} 个',
  predicted: '{arch}：预测为 {label}，概率 {p}',
  'col.architecture': '结构',
  'col.layers': '带权重的层数',
  'col.iterations': '迭代次数',
  'col.trainError': '最终训练误差',
  'col.testError': '最终测试误差',
  'col.step': '迭代次数',
  'col.stack': '特征图',
  'col.size': '尺寸',
  'col.channels': '通道数',
  'col.mean': '平均激活值',
  'col.active': '激活值大于 0 的比例',
  runsTable: '已完成的训练（误差用 0–1 的小数表示：训练误差在全部 5000 张训练数字上计算，测试误差在 1000 张测试数字上计算）',
  curveTable: '训练过程中的误差（训练误差取 1000 张训练数字，测试误差取 1000 张测试数字）',
  featuresTable: '特征图的数值概况',
  recorded: '当前显示的是用同一套代码、按默认设置事先记录的全部深度（npm run record）。按“训练”可在本机实时重跑所选深度，新曲线会替换对应的记录曲线。',
  diverged: '{layers} 层的{arch}在第 {step} 次迭代时发散：损失变成了无穷大、非数值或大于 50，这次训练已停止。请调低学习率（SGD 用 0.1，Adam 用 0.001）后重新训练。',
  caption: '这不是 CIFAR-10：本站只带了 5000 张 MNIST 训练数字和 1000 张测试数字，默认下采样到 14×14。网络结构与 He 等人（2016a）§4.2 相同（3×3 卷积，三个阶段，宽度依次为 w、2w、4w，批量归一化，全局平均池化，A 型捷径），只是窄得多，训练也短得多。细线是训练误差，粗线是测试误差。',
  runProgress: '第 {i} / {n} 次训练',
  'headline.pair': '{layers} 层、迭代 {steps} 次后：普通网络的训练误差为 {plainTrain}，残差网络为 {residualTrain}（测试误差分别为 {plainTest} 和 {residualTest}）。',
  'headline.range': '普通网络的训练误差：{low} 层时为 {plainLow}，{high} 层时为 {plainHigh}；残差网络分别为 {residualLow} 和 {residualHigh}。',
};

export const cnnDepthLabStrings: Record<Locale, Record<CnnDepthLabKey, string>> = { en, zh };

/** A finished run, as the headline reads it (errors as fractions). */
export interface DepthHeadlineRun {
  arch: 'plain' | 'residual';
  layers: number;
  steps: number;
  trainError?: number;
  testError?: number;
}

/**
 * The lab's key result as one sentence: with finished plain and residual runs at two or more depths,
 * the training errors at the shallowest and the deepest of them; at one depth, that pair's errors;
 * '' when no pair has finished.
 */
export function cnnDepthHeadline(locale: Locale, runs: readonly DepthHeadlineRun[]): string {
  const s = cnnDepthLabStrings[locale];
  const done = runs.filter((r) => r.trainError !== undefined && r.testError !== undefined);
  const at = (arch: 'plain' | 'residual', layers: number) => done.find((r) => r.arch === arch && r.layers === layers);
  const pairs = [...new Set(done.map((r) => r.layers))].filter((l) => at('plain', l) && at('residual', l)).sort((a, b) => a - b);
  if (!pairs.length) return '';
  const pc = (v: number | undefined) => percent(v ?? NaN, locale);
  const low = pairs[0]!;
  const high = pairs.at(-1)!;
  if (low === high) {
    const p = at('plain', low)!;
    const r = at('residual', low)!;
    return fill(s['headline.pair'], { layers: low, steps: count(p.steps), plainTrain: pc(p.trainError), residualTrain: pc(r.trainError), plainTest: pc(p.testError), residualTest: pc(r.testError) });
  }
  return fill(s['headline.range'], {
    low,
    high,
    plainLow: pc(at('plain', low)!.trainError),
    plainHigh: pc(at('plain', high)!.trainError),
    residualLow: pc(at('residual', low)!.trainError),
    residualHigh: pc(at('residual', high)!.trainError),
  });
}
