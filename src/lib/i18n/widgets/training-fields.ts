import type { Locale } from '../locales';

/**
 * Labels of the training settings shared by the widgets that train the degradation lab's nets
 * (`src/lib/state/schemas/training-fields.ts`): one wording for the same setting everywhere.
 */
export const trainingFieldStrings = {
  en: {
    depth: 'Depth (hidden layers)',
    width: 'Width (units per layer)',
    bn: 'Batch normalization',
    optimizer: 'Optimizer',
    lr: 'Learning rate',
    steps: 'Training steps',
    seed: 'Seed',
    dataset: 'Dataset',
    'dataset.spiral': '3-arm spiral',
    'dataset.moons': 'two moons',
    'dataset.circles': 'circles',
    'dataset.xor': 'XOR',
    'optimizer.adam': 'Adam',
    'optimizer.sgd': 'SGD + momentum',
  },
  zh: {
    depth: '深度（隐藏层数）',
    width: '宽度（每层单元数）',
    bn: '批量归一化',
    optimizer: '优化器',
    lr: '学习率',
    steps: '训练步数',
    seed: '随机种子',
    dataset: '数据集',
    'dataset.spiral': '三臂螺旋',
    'dataset.moons': '双月牙',
    'dataset.circles': '同心圆',
    'dataset.xor': '异或',
    'optimizer.adam': 'Adam',
    'optimizer.sgd': '带动量的 SGD',
  },
} as const satisfies Record<Locale, Record<string, string>>;
