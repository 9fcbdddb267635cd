import type { Locale } from '../locales';
import { count, fixed, percent } from '../number-format';
import { fill } from '../translate';
import { trainingFieldStrings } from './training-fields';

/** UI strings of `degradation-lab` and `gradient-flow` (English is the schema; zh must match). */
const en = {
  title: 'Degradation lab: plain vs residual, trained in your browser',
  lede: 'Pick a depth and press Train. Both networks see the same data, the same initial weights for their shared layers, and the same mini-batches.',
  // The training settings, worded as in every widget that trains these nets.
  ...trainingFieldStrings.en,
  arch: 'Networks',
  mode: 'Mode',
  'mode.single': 'One depth',
  'mode.sweep': 'Depth sweep (2–64)',
  plain: 'plain',
  residual: 'residual',
  lossChart: 'Training loss (mini-batch, smoothed) per step',
  accChart: 'Training accuracy on the full set',
  sweepChart: 'Final training loss vs depth',
  boundaryPlain: 'Decision regions of the plain net',
  boundaryResidual: 'Decision regions of the residual net',
  step: 'step',
  loss: 'loss',
  accuracy: 'accuracy',
  depthAxis: 'depth (hidden layers)',
  chance: 'chance (ln {c})',
  'col.architecture': 'architecture',
  'col.depth': 'depth',
  'col.steps': 'steps',
  'col.loss': 'final training loss',
  'col.accuracy': 'final training accuracy',
  'col.step': 'step',
  'col.plainLoss': 'plain loss',
  'col.residualLoss': 'residual loss',
  'col.plainAcc': 'plain accuracy',
  'col.residualAcc': 'residual accuracy',
  runsTable: 'Finished runs',
  curveTable: 'Loss and accuracy on the full training set',
  recorded: 'Shown: a run recorded with the default settings by this same code. Press Train to run it live.',
  diverged: 'The {arch} net diverged at step {step}: its loss became infinite or not a number. The run was stopped. Lower the learning rate (try 1e-3) and train again.',
  caption: 'A toy problem, not CIFAR-10: small fully connected networks on 1,000 two-dimensional points. It shows the same symptom as He et al. (2016a), Fig. 1 — a deeper plain net reaching a higher training loss — and says nothing about test error.',
  sweepProgress: 'run {i} of {n}',
  'headline.both': 'After {steps} steps at depth {depth}: final training loss {plainLoss} for the plain net, {residualLoss} for the residual net (training accuracy {plainAcc} and {residualAcc}).',
  'headline.one': 'After {steps} steps at depth {depth}: final training loss {loss} for the {arch} net (training accuracy {acc}).',
  'headline.sweep': 'Deepest pair of the sweep, depth {depth}: final training loss {plainLoss} for the plain net, {residualLoss} for the residual net.',
} as const;

export type DegradationLabKey = keyof typeof en;

const zh: Record<DegradationLabKey, string> = {
  title: '退化实验：普通网络与残差网络，在你的浏览器里训练',
  lede: '选一个深度，按“训练”。两个网络使用相同的数据、相同的共享层初始权重和相同的小批量顺序。',
  ...trainingFieldStrings.zh,
  arch: '网络',
  mode: '模式',
  'mode.single': '单一深度',
  'mode.sweep': '深度扫描（2–64）',
  plain: '普通网络',
  residual: '残差网络',
  lossChart: '每步的训练损失（小批量，平滑后）',
  accChart: '全训练集上的准确率',
  sweepChart: '最终训练损失随深度的变化',
  boundaryPlain: '普通网络的决策区域',
  boundaryResidual: '残差网络的决策区域',
  step: '步数',
  loss: '损失',
  accuracy: '准确率',
  depthAxis: '深度（隐藏层数）',
  chance: '随机猜测（ln {c}）',
  'col.architecture': '结构',
  'col.depth': '深度',
  'col.steps': '步数',
  'col.loss': '最终训练损失',
  'col.accuracy': '最终训练准确率',
  'col.step': '步数',
  'col.plainLoss': '普通网络损失',
  'col.residualLoss': '残差网络损失',
  'col.plainAcc': '普通网络准确率',
  'col.residualAcc': '残差网络准确率',
  runsTable: '已完成的训练',
  curveTable: '全训练集上的损失与准确率',
  recorded: '当前显示的是用同一套代码、按默认设置事先记录的一次训练。按“训练”可在本机实时重跑。',
  diverged: '{arch}在第 {step} 步发散：损失变成了无穷大或非数值，训练已停止。请把学习率调低（例如 1e-3）后重新训练。',
  caption: '这是一个玩具问题，不是 CIFAR-10：在 1000 个二维点上训练小型全连接网络。它复现的是 He 等人（2016a）图 1 中的同一现象——更深的普通网络训练损失反而更高——但不涉及测试误差。',
  sweepProgress: '第 {i} / {n} 次训练',
  'headline.both': '深度 {depth}、训练 {steps} 步后：普通网络的最终训练损失为 {plainLoss}，残差网络为 {residualLoss}（训练准确率分别为 {plainAcc} 和 {residualAcc}）。',
  'headline.one': '深度 {depth}、训练 {steps} 步后：{arch}的最终训练损失为 {loss}（训练准确率 {acc}）。',
  'headline.sweep': '扫描中最深的一组（深度 {depth}）：普通网络的最终训练损失为 {plainLoss}，残差网络为 {residualLoss}。',
};

export const degradationLabStrings: Record<Locale, Record<DegradationLabKey, string>> = { en, zh };

/** A finished run, as the headline reads it. */
export interface HeadlineRun {
  arch: 'plain' | 'residual';
  depth: number;
  steps: number;
  finalLoss?: number;
  finalAccuracy?: number;
}

/**
 * The lab's key result as a sentence (beside its charts), from the runs shown: in one-depth mode the
 * final loss and accuracy of each net; in the sweep, the deepest depth both nets finished. '' when
 * no run has finished (nothing recorded for these settings, or the run was stopped).
 */
export function degradationHeadline(locale: Locale, mode: 'single' | 'sweep', runs: readonly HeadlineRun[]): string {
  const s = degradationLabStrings[locale];
  const done = runs.filter((r) => r.finalLoss !== undefined && Number.isFinite(r.finalLoss));
  const loss = (v: number | undefined) => fixed(v ?? NaN, 3);
  const acc = (v: number | undefined) => percent(v ?? NaN, locale);
  if (mode === 'sweep') {
    const depths = [...new Set(done.map((r) => r.depth))].filter((d) => done.some((r) => r.depth === d && r.arch === 'plain') && done.some((r) => r.depth === d && r.arch === 'residual'));
    if (!depths.length) return '';
    const depth = Math.max(...depths);
    const at = (a: 'plain' | 'residual') => done.find((r) => r.depth === depth && r.arch === a)!;
    return fill(s['headline.sweep'], { depth, plainLoss: loss(at('plain').finalLoss), residualLoss: loss(at('residual').finalLoss) });
  }
  const plain = done.find((r) => r.arch === 'plain');
  const residual = done.find((r) => r.arch === 'residual');
  if (plain && residual) {
    return fill(s['headline.both'], { steps: count(plain.steps), depth: plain.depth, plainLoss: loss(plain.finalLoss), residualLoss: loss(residual.finalLoss), plainAcc: acc(plain.finalAccuracy), residualAcc: acc(residual.finalAccuracy) });
  }
  const one = plain ?? residual;
  if (!one) return '';
  return fill(s['headline.one'], { steps: count(one.steps), depth: one.depth, arch: s[one.arch], loss: loss(one.finalLoss), acc: acc(one.finalAccuracy) });
}

