import type { Locale } from '../locales';
import { percent } from '../number-format';

/** UI strings of `boundary-lab` (English is the schema; zh must match). */
const en = {
  title: 'Boundary lab: features made by hand, or learned',
  lede: 'Three classifiers on the same points, trained the same way (cross-entropy, Adam, the same mini-batches). Only where their features come from differs.',
  dataset: 'Dataset',
  'dataset.circles': 'circles',
  'dataset.xor': 'XOR',
  'dataset.moons': 'two moons',
  'dataset.spiral': '3-arm spiral',
  features: 'Hand-made features for the second model',
  layers: 'MLP hidden layers',
  width: 'MLP units per layer',
  lr: 'Learning rate (Adam)',
  steps: 'Training steps',
  seed: 'Seed',
  learners: 'Models to train',
  'learner.raw': 'logistic regression on (x, y)',
  'learner.features': 'logistic regression on your features',
  'learner.mlp': 'MLP (learns its own features)',
  'short.raw': 'raw LR',
  'short.features': 'hand features',
  'short.mlp': 'MLP',
  'map.raw': 'Logistic regression on x, y',
  'map.features': 'Logistic regression on {features}',
  'map.mlp': 'MLP, {layers} hidden layers × {width} units, on x, y',
  lossChart: 'Training loss (mini-batch, smoothed) per step',
  accChart: 'Training accuracy on all 600 points',
  step: 'step',
  loss: 'loss',
  accuracy: 'accuracy',
  chance: 'chance',
  learnersTable: 'Final numbers of each model',
  curveTable: 'Loss and accuracy on the full training set',
  'col.learner': 'learner',
  'col.features': 'features',
  'col.params': 'parameters',
  'col.loss': 'final training loss',
  'col.accuracy': 'final training accuracy',
  'col.step': 'step',
  'col.lossOf': '{learner} loss',
  'col.accOf': '{learner} accuracy',
  recorded: 'Shown: runs recorded with these settings by this same code. Press Train to run them live.',
  notRecorded: 'No recorded run for these settings: press Train.',
  diverged: 'The {learner} diverged at step {step}: its loss became infinite or not a number. Lower the learning rate and train again.',
  headline: 'Final training accuracy: {list}.',
  caption: 'Toy data: 600 points in the plane. Shading shows the predicted class, paler where the model is less sure; the dots are the training points. Accuracy is measured on the training points.',
} as const;

export type BoundaryLabKey = keyof typeof en;

const zh: Record<BoundaryLabKey, string> = {
  title: '决策边界实验：特征是人工设计的，还是学出来的',
  lede: '三个分类器面对同样的数据点，训练方法完全相同（交叉熵损失、Adam 优化器、同样的小批量），唯一的区别是特征从哪里来。',
  dataset: '数据集',
  'dataset.circles': '同心圆',
  'dataset.xor': '异或',
  'dataset.moons': '双月牙',
  'dataset.spiral': '三臂螺旋',
  features: '第二个模型使用的人工特征',
  layers: 'MLP 隐藏层数',
  width: 'MLP 每层单元数',
  lr: '学习率（Adam）',
  steps: '训练步数',
  seed: '随机种子',
  learners: '要训练的模型',
  'learner.raw': '以 (x, y) 为输入的逻辑回归',
  'learner.features': '以你选的特征为输入的逻辑回归',
  'learner.mlp': 'MLP（自己学习特征）',
  'short.raw': '原始坐标逻辑回归',
  'short.features': '人工特征逻辑回归',
  'short.mlp': 'MLP',
  'map.raw': '逻辑回归，输入 x、y',
  'map.features': '逻辑回归，输入 {features}',
  'map.mlp': 'MLP，{layers} 个隐藏层 × {width} 个单元，输入 x、y',
  lossChart: '每步的训练损失（小批量，平滑后）',
  accChart: '全部 600 个点上的训练准确率',
  step: '步数',
  loss: '损失',
  accuracy: '准确率',
  chance: '随机猜测',
  learnersTable: '各模型的最终结果',
  curveTable: '全训练集上的损失与准确率',
  'col.learner': '模型',
  'col.features': '特征',
  'col.params': '参数量',
  'col.loss': '最终训练损失',
  'col.accuracy': '最终训练准确率',
  'col.step': '步数',
  'col.lossOf': '{learner}损失',
  'col.accOf': '{learner}准确率',
  recorded: '当前显示的是用同一套代码、按这些设置事先记录的训练结果。按“训练”可在本机实时重跑。',
  notRecorded: '这组设置没有事先记录的结果，请按“训练”。',
  diverged: '{learner}在第 {step} 步发散：损失变成了无穷大或非数值。请调低学习率后重新训练。',
  headline: '最终训练准确率：{list}。',
  caption: '这是玩具数据：平面上的 600 个点。底色表示模型预测的类别，颜色越浅表示模型越没有把握；圆点是训练数据。准确率在训练数据上计算。',
};

export const boundaryLabStrings: Record<Locale, Record<BoundaryLabKey, string>> = { en, zh };

/** The lab's key result as a sentence: each shown model's final training accuracy ('' before any). */
export function boundaryHeadline(locale: Locale, runs: readonly { learner: 'raw' | 'features' | 'mlp'; finalAccuracy?: number }[]): string {
  const s = boundaryLabStrings[locale];
  const done = runs.filter((r) => r.finalAccuracy !== undefined && Number.isFinite(r.finalAccuracy));
  if (!done.length) return '';
  const list = done.map((r) => `${s[`short.${r.learner}`]} ${percent(r.finalAccuracy!, locale)}`).join(locale === 'zh' ? '，' : ', ');
  return s.headline.replace('{list}', list);
}
