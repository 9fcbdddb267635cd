/**
 * The bilingual glossary: one entry per concept, with the recommended Chinese term (alternatives
 * in `zhAlt`), the English term, and a one-line definition in each language.
 * Chapters link a term's first use with `<Term id="…">`; the glossary page renders this list.
 */
export interface GlossaryEntry {
  /** kebab-case, stable: used in `#term-<id>` anchors. */
  id: string;
  zh: string;
  en: string;
  /** Other Chinese renderings in use (e.g. 批量规范化 for BN). */
  zhAlt?: string[];
  defZh: string;
  defEn: string;
}

export const glossary: readonly GlossaryEntry[] = [
  { id: 'residual-network', zh: '残差网络', en: 'residual network (ResNet)', defZh: '', defEn: '' },
  { id: 'residual-block', zh: '残差块', en: 'residual block', defZh: '', defEn: '' },
  { id: 'residual-function', zh: '残差函数', en: 'residual function', defZh: '', defEn: '' },
  { id: 'residual-learning', zh: '残差学习', en: 'residual learning', defZh: '', defEn: '' },
  { id: 'shortcut-connection', zh: '捷径连接', en: 'shortcut connection', defZh: '', defEn: '' },
  { id: 'identity-mapping', zh: '恒等映射', en: 'identity mapping', defZh: '', defEn: '' },
  { id: 'identity-shortcut', zh: '恒等捷径', en: 'identity shortcut', defZh: '', defEn: '' },
  { id: 'projection-shortcut', zh: '投影捷径', en: 'projection shortcut', defZh: '', defEn: '' },
  { id: 'zero-padding-shortcut', zh: '零填充捷径', en: 'zero-padding shortcut', defZh: '', defEn: '' },
  { id: 'basic-block', zh: '基本块', en: 'basic block', defZh: '', defEn: '' },
  { id: 'bottleneck-block', zh: '瓶颈块', en: 'bottleneck block', defZh: '', defEn: '' },
  { id: 'pre-activation', zh: '预激活', en: 'pre-activation', defZh: '', defEn: '' },
  { id: 'degradation-problem', zh: '退化问题', en: 'degradation problem', defZh: '', defEn: '' },
  { id: 'vanishing-gradient', zh: '梯度消失', en: 'vanishing gradient', defZh: '', defEn: '' },
  { id: 'exploding-gradient', zh: '梯度爆炸', en: 'exploding gradient', defZh: '', defEn: '' },
  { id: 'shattered-gradients', zh: '梯度破碎', en: 'shattered gradients', defZh: '', defEn: '' },
  { id: 'batch-normalization', zh: '批量归一化', en: 'batch normalization (BN)', defZh: '', defEn: '' },
  { id: 'internal-covariate-shift', zh: '内部协变量偏移', en: 'internal covariate shift', defZh: '', defEn: '' },
  { id: 'scale-shift', zh: '缩放与平移参数', en: 'scale and shift parameters (γ, β)', defZh: '', defEn: '' },
  { id: 'bias-term', zh: '偏置项', en: 'bias term', defZh: '', defEn: '' },
  { id: 'inductive-bias', zh: '归纳偏置', en: 'inductive bias', defZh: '', defEn: '' },
  { id: 'translation-equivariance', zh: '平移等变性', en: 'translation equivariance', defZh: '', defEn: '' },
  { id: 'translation-invariance', zh: '平移不变性', en: 'translation invariance', defZh: '', defEn: '' },
  { id: 'parameter-sharing', zh: '参数共享', en: 'parameter sharing', defZh: '', defEn: '' },
  { id: 'sparse-interactions', zh: '稀疏连接', en: 'sparse interactions', defZh: '', defEn: '' },
  { id: 'receptive-field', zh: '感受野', en: 'receptive field', defZh: '', defEn: '' },
  { id: 'effective-receptive-field', zh: '有效感受野', en: 'effective receptive field', defZh: '', defEn: '' },
  { id: 'kernel', zh: '卷积核', en: 'kernel (filter)', defZh: '', defEn: '' },
  { id: 'stride', zh: '步幅', en: 'stride', defZh: '', defEn: '' },
  { id: 'padding', zh: '填充', en: 'padding', defZh: '', defEn: '' },
  { id: 'feature-map', zh: '特征图', en: 'feature map', defZh: '', defEn: '' },
  { id: 'channel', zh: '通道', en: 'channel', defZh: '', defEn: '' },
  { id: 'pooling', zh: '池化层', en: 'pooling layer', defZh: '', defEn: '' },
  { id: 'max-pooling', zh: '最大池化', en: 'max pooling', defZh: '', defEn: '' },
  { id: 'global-average-pooling', zh: '全局平均池化', en: 'global average pooling (GAP)', defZh: '', defEn: '' },
  { id: 'fully-connected', zh: '全连接层', en: 'fully connected (FC) layer', defZh: '', defEn: '' },
  { id: 'activation-function', zh: '激活函数', en: 'activation function', defZh: '', defEn: '' },
  { id: 'relu', zh: '修正线性单元', en: 'rectified linear unit (ReLU)', defZh: '', defEn: '' },
  { id: 'conv-1x1', zh: '1×1 卷积', en: '1×1 convolution', defZh: '', defEn: '' },
  { id: 'inception-module', zh: 'Inception 模块', en: 'Inception module', defZh: '', defEn: '' },
  { id: 'auxiliary-classifier', zh: '辅助分类器', en: 'auxiliary classifier', defZh: '', defEn: '' },
  { id: 'dropout', zh: '丢弃法', en: 'dropout', defZh: '', defEn: '' },
  { id: 'weight-decay', zh: '权重衰减', en: 'weight decay', defZh: '', defEn: '' },
  { id: 'sgd', zh: '随机梯度下降', en: 'stochastic gradient descent (SGD)', defZh: '', defEn: '' },
  { id: 'backpropagation', zh: '反向传播', en: 'backpropagation', defZh: '', defEn: '' },
  { id: 'end-to-end', zh: '端到端训练', en: 'end-to-end training', defZh: '', defEn: '' },
  { id: 'representation-learning', zh: '表示学习', en: 'representation learning', defZh: '', defEn: '' },
  { id: 'supervised-learning', zh: '监督学习', en: 'supervised learning', defZh: '', defEn: '' },
  { id: 'unsupervised-learning', zh: '无监督学习', en: 'unsupervised learning', defZh: '', defEn: '' },
  { id: 'self-supervised-learning', zh: '自监督学习', en: 'self-supervised learning', defZh: '', defEn: '' },
  { id: 'reinforcement-learning', zh: '强化学习', en: 'reinforcement learning', defZh: '', defEn: '' },
  { id: 'overfitting', zh: '过拟合', en: 'overfitting', defZh: '', defEn: '' },
  { id: 'underfitting', zh: '欠拟合', en: 'underfitting', defZh: '', defEn: '' },
  { id: 'generalization', zh: '泛化', en: 'generalization', defZh: '', defEn: '' },
  { id: 'top5-error', zh: 'top-5 错误率', en: 'top-5 error rate', defZh: '', defEn: '' },
  { id: 'ensemble', zh: '集成模型', en: 'ensemble', defZh: '', defEn: '' },
  { id: 'multiply-adds', zh: '乘加运算量', en: 'multiply-adds (MACs)', defZh: '', defEn: '' },
  { id: 'downsampling', zh: '下采样', en: 'downsampling', defZh: '', defEn: '' },
  { id: 'convolution', zh: '卷积', en: 'convolution', defZh: '', defEn: '' },
  { id: 'softmax', zh: 'softmax 函数', en: 'softmax', defZh: '', defEn: '' },
  { id: 'cross-entropy', zh: '交叉熵', en: 'cross-entropy loss', defZh: '', defEn: '' },
  { id: 'loss-function', zh: '损失函数', en: 'loss function', defZh: '', defEn: '' },
  { id: 'he-initialization', zh: 'He 初始化', en: 'He initialization', defZh: '', defEn: '' },
  { id: 'feature-engineering', zh: '特征工程', en: 'feature engineering', defZh: '', defEn: '' },
  { id: 'deep-learning', zh: '深度学习', en: 'deep learning', defZh: '', defEn: '' },
  { id: 'machine-learning', zh: '机器学习', en: 'machine learning', defZh: '', defEn: '' },
  { id: 'plain-network', zh: '普通网络', en: 'plain network', defZh: '', defEn: '' },
];
