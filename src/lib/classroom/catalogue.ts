/**
 * Ready assignments for the classroom page: for every widget, at least two tasks a teacher can
 * hand out as they are — a link that opens the widget in the right state, with the controls that
 * are not the point of the exercise locked or hidden, a prompt in both languages and a condition
 * the widget checks live (see `condition.ts` for the language; `[i]` are 0-based columns of the
 * widget's `table[data-metrics]`, listed in the comment above each widget's entries).
 *
 * Unit tests check every entry: its state is valid for the widget, its condition parses and
 * type-checks, its locks name real settings, and each registered widget has at least two.
 */
import type { Locale } from '../i18n/locales';
import { flattenKernel, presetKernel } from '../ml/conv-presets';
import { widgets } from '../state/registry';
import { chapterLink, embedLink, type LinkSpec } from './links';
import type { Bilingual, CatalogueLookup, Task } from './task';

export interface Assignment {
  /** Stable id: it is the `task=` value of every link handed out, so never rename one. */
  id: string;
  widget: string;
  level: 'intro' | 'core' | 'challenge';
  title: Bilingual;
  prompt: Bilingual;
  /** The settings the link opens with (the rest are the widget's defaults). */
  state: Record<string, unknown>;
  lock?: string[];
  hide?: string[];
  run?: boolean;
  check: string;
  /**
   * Labelled key numbers for the submission code. Codes store only the values, by position, so
   * only ever append to this list.
   */
  report?: Task['report'];
  /** The condition gives the answer away: the task panel does not show it (the catalogue still does, for teachers). */
  hideCheck?: boolean;
}

export const catalogue: readonly Assignment[] = [
  // degradation-lab — runs: [0] architecture, [1] depth, [2] steps, [3] final loss, [4] final accuracy;
  // sweep: [0] depth, [1] plain loss, [2] residual loss; curve: [0] step, [1] plain loss, [2] residual loss, [3] plain acc, [4] residual acc.
  {
    id: 'dl-see-degradation',
    widget: 'degradation-lab',
    level: 'intro',
    title: { zh: '亲眼看到退化', en: 'See degradation happen' },
    prompt: {
      zh: '深度固定为 32 层。按“训练”，让普通网络和残差网络在同样的数据上训练，直到普通网络最终的训练损失至少是残差网络的 5 倍。想一想：更深的普通网络为什么连训练集都拟合不好？',
      en: 'The depth is fixed at 32 layers. Press Train and let the plain and the residual net learn the same data until the plain net’s final training loss is at least 5 times the residual net’s. Why can the deeper plain net not even fit its training set?',
    },
    state: { depth: 32, seed: 1, arch: ['plain', 'residual'], mode: 'single' },
    lock: ['depth', 'arch', 'mode'],
    hide: ['dataset'],
    check: 'last(runs[3] where [0] = "plain" and [1] = depth) >= 5 * last(runs[3] where [0] = "residual" and [1] = depth)',
    report: [
      { label: { zh: '普通网络最终训练损失', en: 'plain net, final training loss' }, expr: 'last(runs[3] where [0] = "plain" and [1] = depth)' },
      { label: { zh: '残差网络最终训练损失', en: 'residual net, final training loss' }, expr: 'last(runs[3] where [0] = "residual" and [1] = depth)' },
    ],
  },
  {
    id: 'dl-tune-learning-rate',
    widget: 'degradation-lab',
    level: 'intro',
    title: { zh: '调学习率', en: 'Tune the learning rate' },
    prompt: {
      zh: '训练步数锁定为 100 步，只训练 4 层的普通网络。只改学习率，让最终训练损失降到 0.1 以下。学习率太小或太大分别会怎样？',
      en: 'Training is locked at 100 steps, for a 4-layer plain net only. Change only the learning rate until the final training loss is below 0.1. What happens when the learning rate is too small, or too large?',
    },
    state: { depth: 4, steps: 100, lr: 0.0003, arch: ['plain'], mode: 'single', seed: 2 },
    lock: ['depth', 'steps', 'arch', 'mode'],
    hide: ['dataset', 'width'],
    check: 'last(runs[3] where [0] = "plain" and [1] = depth and [2] = steps) < 0.1',
    report: [
      { label: { zh: '学习率', en: 'learning rate' }, expr: 'lr' },
      { label: { zh: '普通网络最终训练损失', en: 'plain net, final training loss' }, expr: 'last(runs[3] where [0] = "plain" and [1] = depth and [2] = steps)' },
    ],
  },
  {
    id: 'dl-smallest-degrading-depth',
    widget: 'degradation-lab',
    level: 'core',
    title: { zh: '从哪个深度开始退化', en: 'Where degradation begins' },
    prompt: {
      zh: '运行深度扫描（2 到 64 层）。找出普通网络的最终损失超过残差网络两倍的最小深度，然后把“深度”滑块拨到这个深度。',
      en: 'Run the depth sweep (2 to 64 layers). Find the smallest depth at which the plain net’s final loss exceeds twice the residual net’s, then set the depth slider to that depth.',
    },
    state: { mode: 'sweep', seed: 1, steps: 300, arch: ['plain', 'residual'] },
    lock: ['mode', 'steps', 'arch', 'seed'],
    check: 'count(sweep where [1] > 0 and [2] > 0) >= 6 and depth = min(sweep[0] where [1] > 2 * [2])',
    report: [
      { label: { zh: '满足条件的最小深度', en: 'smallest depth found' }, expr: 'min(sweep[0] where [1] > 2 * [2])' },
      { label: { zh: '该深度普通网络损失', en: 'plain loss at that depth' }, expr: 'min(sweep[1] where [0] = depth)' },
      { label: { zh: '该深度残差网络损失', en: 'residual loss at that depth' }, expr: 'min(sweep[2] where [0] = depth)' },
    ],
  },
  {
    id: 'dl-rescue-plain',
    widget: 'degradation-lab',
    level: 'challenge',
    title: { zh: '不用捷径救回深层普通网络', en: 'Rescue a deep plain net without shortcuts' },
    prompt: {
      zh: '深度锁定为 32 层，只训练普通网络（没有捷径连接）。调整学习率、优化器、宽度、批量归一化或训练步数，让它的最终训练损失降到 0.3 以下。和残差网络相比，你付出了什么代价？',
      en: 'The depth is locked at 32 and only the plain net (no shortcuts) trains. Change the learning rate, optimizer, width, batch normalization or training steps until its final training loss is below 0.3. Compared with the residual net, what did it cost you?',
    },
    state: { depth: 32, arch: ['plain'], mode: 'single', seed: 0 },
    lock: ['depth', 'arch', 'mode'],
    check: 'depth >= 32 and not (arch has "residual") and last(runs[3] where [0] = "plain" and [1] = depth) < 0.3',
    report: [{ label: { zh: '普通网络最终训练损失', en: 'plain net, final training loss' }, expr: 'last(runs[3] where [0] = "plain" and [1] = depth)' }],
  },

  // gradient-flow — gradients: [0] layer, [1] plain at init, [2] residual at init, [3] plain at the step shown, [4] residual at the step shown;
  // gradient-growth: [0] architecture, [1] step, [2] first ÷ last layer, [3] factor per layer.
  {
    id: 'gf-compare-growth',
    widget: 'gradient-flow',
    level: 'intro',
    title: { zh: '比较梯度如何随深度变化', en: 'Compare how gradients change with depth' },
    prompt: {
      zh: '32 层的两个网络，训练 200 步。训练结束后，普通网络“第一层 ÷ 最后一层”的梯度比至少要是残差网络的 10 倍。看热力图：普通网络哪些层的梯度最大？',
      en: 'Two 32-layer nets, trained for 200 steps. After training, the plain net’s “first ÷ last layer” gradient ratio should be at least 10 times the residual net’s. Look at the heatmaps: which layers of the plain net get the largest gradients?',
    },
    state: { depth: 32, steps: 200, seed: 1, source: 'own' },
    lock: ['depth', 'steps', 'source'],
    check: 'last(gradient-growth[2] where [0] = "plain" and [1] > 0) >= 10 * last(gradient-growth[2] where [0] = "residual" and [1] > 0)',
    report: [
      { label: { zh: '普通网络梯度比（第一层 ÷ 最后一层）', en: 'plain net, first ÷ last layer' }, expr: 'last(gradient-growth[2] where [0] = "plain" and [1] > 0)' },
      { label: { zh: '残差网络梯度比（第一层 ÷ 最后一层）', en: 'residual net, first ÷ last layer' }, expr: 'last(gradient-growth[2] where [0] = "residual" and [1] > 0)' },
    ],
  },
  {
    id: 'gf-shallow-alike',
    widget: 'gradient-flow',
    level: 'core',
    title: { zh: '浅层网络中捷径还重要吗', en: 'Do shortcuts matter in a shallow net?' },
    prompt: {
      zh: '找一个至少 8 层的深度，使得在初始化时，普通网络的梯度比（第一层 ÷ 最后一层）不超过残差网络的 2 倍。再往深处试试：这说明残差连接在什么情况下最有用？',
      en: 'Find a depth of at least 8 layers at which, at initialization, the plain net’s gradient ratio (first ÷ last layer) is at most twice the residual net’s. Then try deeper: what does that tell you about when shortcuts matter most?',
    },
    state: { depth: 32, steps: 50, seed: 1, source: 'own' },
    lock: ['steps', 'source'],
    check: 'depth >= 8 and first(gradient-growth[2] where [0] = "plain" and [1] = 0) <= 2 * first(gradient-growth[2] where [0] = "residual" and [1] = 0)',
    report: [
      { label: { zh: '初始化时普通网络梯度比', en: 'plain net at init, first ÷ last layer' }, expr: 'first(gradient-growth[2] where [0] = "plain" and [1] = 0)' },
      { label: { zh: '初始化时残差网络梯度比', en: 'residual net at init, first ÷ last layer' }, expr: 'first(gradient-growth[2] where [0] = "residual" and [1] = 0)' },
    ],
  },
  {
    id: 'gf-vanishing-without-bn',
    widget: 'gradient-flow',
    level: 'challenge',
    title: { zh: '去掉批量归一化之后', en: 'Without batch normalization' },
    prompt: {
      zh: '关掉批量归一化，找一个深度，使普通网络在初始化时第一层的梯度比最后一层还小（梯度比小于 1），也就是梯度在传回输入端的途中变弱了。残差网络在同一深度表现如何？',
      en: 'Switch batch normalization off and find a depth at which, at initialization, the plain net’s first layer gets a smaller gradient than its last (ratio below 1): the gradient fades on its way back to the input. How does the residual net behave at the same depth?',
    },
    state: { depth: 8, steps: 50, seed: 0, bn: true, source: 'own' },
    lock: ['steps', 'source'],
    check: 'not bn and first(gradient-growth[2] where [0] = "plain" and [1] = 0) < 1',
    report: [
      { label: { zh: '初始化时普通网络梯度比', en: 'plain net at init, first ÷ last layer' }, expr: 'first(gradient-growth[2] where [0] = "plain" and [1] = 0)' },
      { label: { zh: '初始化时残差网络梯度比', en: 'residual net at init, first ÷ last layer' }, expr: 'first(gradient-growth[2] where [0] = "residual" and [1] = 0)' },
    ],
  },

  // boundary-lab — learners: [0] learner (raw / features / mlp), [1] features, [2] parameters, [3] final loss, [4] final accuracy.
  {
    id: 'bl-circles-features',
    widget: 'boundary-lab',
    level: 'intro',
    title: { zh: '为圆环数据设计特征', en: 'Features for the circles' },
    prompt: {
      zh: '两个同心圆环无法用一条直线分开，所以只用 x、y 的逻辑回归只能靠猜。请勾选合适的手工特征，让“手工特征 + 逻辑回归”的训练准确率达到 0.95 以上。你选的特征在几何上意味着什么？',
      en: 'Two rings, one inside the other, cannot be split by a straight line, so logistic regression on x and y can only guess. Tick hand-made features until logistic regression on your features reaches a training accuracy of 0.95 or more. What do your features mean geometrically?',
    },
    state: { dataset: 'circles', features: ['x', 'y'], learners: ['raw', 'features'], seed: 1 },
    lock: ['dataset', 'learners'],
    check: 'last(learners[4] where [0] = "features") >= 0.95',
    report: [
      { label: { zh: '手工特征模型的训练准确率', en: 'hand-made features, training accuracy' }, expr: 'last(learners[4] where [0] = "features")' },
      { label: { zh: '手工特征模型的参数个数', en: 'hand-made features, parameters' }, expr: 'last(learners[2] where [0] = "features")' },
    ],
  },
  {
    id: 'bl-xor-small-mlp',
    widget: 'boundary-lab',
    level: 'core',
    title: { zh: '解决异或的最小网络', en: 'The smallest net that solves XOR' },
    prompt: {
      zh: '在异或数据上只训练多层感知机。把网络调小，在参数不超过 60 个的前提下让训练准确率达到 0.95 以上。网络再小一些会怎样？',
      en: 'Train only the multilayer perceptron on the XOR data. Make the network small: reach a training accuracy of 0.95 or more with at most 60 parameters. What happens if you make it smaller still?',
    },
    state: { dataset: 'xor', learners: ['mlp'], layers: 2, width: 8, seed: 1 },
    lock: ['dataset', 'learners'],
    check: 'last(learners[4] where [0] = "mlp") >= 0.95 and last(learners[2] where [0] = "mlp") <= 60',
    report: [
      { label: { zh: '多层感知机的训练准确率', en: 'MLP, training accuracy' }, expr: 'last(learners[4] where [0] = "mlp")' },
      { label: { zh: '多层感知机的参数个数', en: 'MLP, parameters' }, expr: 'last(learners[2] where [0] = "mlp")' },
    ],
  },
  {
    id: 'bl-xor-one-feature',
    widget: 'boundary-lab',
    level: 'challenge',
    title: { zh: '一个特征解决异或', en: 'One feature for XOR' },
    prompt: {
      zh: '在 x、y 之外只再加一个手工特征，让逻辑回归在异或数据上的训练准确率达到 0.95 以上。为什么恰好是这个特征？深度网络又是怎样自己“找到”它的？',
      en: 'Add just one hand-made feature to x and y so that logistic regression reaches a training accuracy of 0.95 or more on the XOR data. Why this feature? And how does a deep network find something like it on its own?',
    },
    state: { dataset: 'xor', features: ['x', 'y'], learners: ['raw', 'features'], seed: 1 },
    lock: ['dataset', 'learners'],
    check: 'last(learners[4] where [0] = "features") >= 0.95 and last(learners[2] where [0] = "features") <= 8',
    report: [
      { label: { zh: '手工特征模型的训练准确率', en: 'hand-made features, training accuracy' }, expr: 'last(learners[4] where [0] = "features")' },
      { label: { zh: '手工特征模型的参数个数', en: 'hand-made features, parameters' }, expr: 'last(learners[2] where [0] = "features")' },
    ],
  },

  // conv-explorer — layer: [0] layer, [1] input side n, [2] window k, [3] stride s, [4] padding p, [5] dilation d,
  // [6] output side o, [7] parameters; the first row is the convolution, the second (if any) the pooling.
  {
    id: 'ce-same-size',
    widget: 'conv-explorer',
    level: 'intro',
    title: { zh: '保持特征图尺寸不变', en: 'Keep the feature map the same size' },
    prompt: {
      zh: '卷积核是 5×5，步幅为 1。选一个填充值，让卷积输出的特征图和 28×28 的输入一样大。用输出尺寸公式验证你的答案。',
      en: 'The kernel is 5×5 and the stride is 1. Choose the padding so that the convolution’s feature map is as large as the 28×28 input. Check your answer with the output-size formula.',
    },
    state: { size: 5, kernel: 'edge-v', weights: flattenKernel(presetKernel('edge-v', 5)), stride: 1, padding: 0, dilation: 1, pool: 'none' },
    lock: ['size', 'stride', 'dilation'],
    check: 'size = 5 and stride = 1 and first(layer[6]) = 28',
    report: [
      { label: { zh: '填充', en: 'padding' }, expr: 'padding' },
      { label: { zh: '卷积输出边长', en: 'convolution output side' }, expr: 'first(layer[6])' },
    ],
  },
  {
    id: 'ce-halve-without-pooling',
    widget: 'conv-explorer',
    level: 'core',
    title: { zh: '不用池化把尺寸减半', en: 'Halve the size without pooling' },
    prompt: {
      zh: '不使用池化，只调整卷积本身的步幅和填充，把 28×28 的输入变成 14×14 的特征图。ResNet 正是这样在各阶段之间缩小特征图的。',
      en: 'Without pooling, change only the convolution’s stride and padding to turn the 28×28 input into a 14×14 feature map. This is how ResNet shrinks its feature maps between stages.',
    },
    state: { size: 3, stride: 1, padding: 1, dilation: 1, pool: 'none' },
    lock: ['pool', 'size'],
    check: 'pool = "none" and first(layer[6]) = 14',
    report: [
      { label: { zh: '步幅', en: 'stride' }, expr: 'stride' },
      { label: { zh: '填充', en: 'padding' }, expr: 'padding' },
      { label: { zh: '卷积输出边长', en: 'convolution output side' }, expr: 'first(layer[6])' },
    ],
  },
  {
    id: 'ce-count-parameters',
    widget: 'conv-explorer',
    level: 'challenge',
    title: { zh: '数一数参数', en: 'Count the parameters' },
    prompt: {
      zh: '一个 3×3 卷积层有 64 个输入通道，带偏置。输出通道取多少时，这一层恰好有 73,856 个参数？先用公式算，再在组件里验证。',
      en: 'A 3×3 convolutional layer has 64 input channels and a bias. How many output channels give it exactly 73,856 parameters? Work it out with the formula first, then check it in the widget.',
    },
    state: { size: 3, cin: 64, cout: 64, bias: true },
    lock: ['size', 'cin', 'bias'],
    check: 'first(layer[7]) = 73856',
    report: [
      { label: { zh: '输出通道数', en: 'output channels' }, expr: 'cout' },
      { label: { zh: '参数个数', en: 'parameters' }, expr: 'first(layer[7])' },
    ],
  },

  // residual-block — block: [0] layer, [1] type, [2] kernel, [3] stride, [4] output (H×W×C), [5] parameters, [6] multiply-adds
  // (one row per layer of the block; the total is in the footer, so sum(block[5]) is the block's parameter count).
  {
    id: 'rb-free-shortcut',
    widget: 'residual-block',
    level: 'intro',
    title: { zh: '不花参数的捷径', en: 'A shortcut that costs nothing' },
    prompt: {
      zh: '这个残差块位于一个阶段的开头：它把特征图缩小一半、通道数加倍，于是 x 和 F(x) 的形状对不上了。选出一种不增加任何参数、却能让两者相加的捷径方案。它用什么办法补齐了通道？',
      en: 'This block starts a new stage: it halves the feature map and doubles the channels, so x and F(x) no longer have the same shape. Pick the shortcut option that makes them addable without adding a single parameter. How does it make up the missing channels?',
    },
    state: { block: 'basic', downsample: true, shortcut: 'C', act: 'post', width: 64, size: 28 },
    lock: ['block', 'downsample'],
    check: 'downsample and shortcut = "A"',
    hideCheck: true,
    report: [
      { label: { zh: '捷径方案', en: 'shortcut option' }, expr: 'shortcut' },
      { label: { zh: '残差块参数个数', en: 'parameters of the block' }, expr: 'sum(block[5])' },
    ],
  },
  {
    id: 'rb-bottleneck-cheaper',
    widget: 'residual-block',
    level: 'core',
    title: { zh: '瓶颈块省在哪里', en: 'Where the bottleneck saves' },
    prompt: {
      zh: '要做一个输入输出都是 256 个通道的残差块：可以用宽度 256 的基本块，也可以用宽度 64 的瓶颈块（输出 4 × 64 = 256 个通道）。把它配置成参数少于 100,000 个的样子。捷径方案对总数有什么影响？',
      en: 'You need a residual block with 256 channels in and out: a basic block of width 256, or a bottleneck block of width 64 (which outputs 4 × 64 = 256 channels). Set it up with fewer than 100,000 parameters. How does the shortcut option change the total?',
    },
    state: { block: 'basic', downsample: false, shortcut: 'C', act: 'post', width: 256, size: 14 },
    lock: ['downsample'],
    check: 'sum(block[5]) < 100000 and ((block = "bottleneck" and width = 64) or (block = "basic" and width = 256))',
    report: [
      { label: { zh: '残差块参数个数', en: 'parameters of the block' }, expr: 'sum(block[5])' },
      { label: { zh: '乘加运算量', en: 'multiply-adds' }, expr: 'sum(block[6])' },
    ],
  },

  // architecture-explorer — totals: [0] network, [1] parameters, [2] BN statistics, [3] multiply-adds, [4] conv layers,
  // [5] fc layers, [6] depth (weighted layers); first row the model, second the one compared.
  // layers: [0] stage, [1] layer name, [2] type, [3] kernel, [4] stride, [5] output, [6] parameters, [7] BN statistics,
  // [8] multiply-adds, [9] receptive field.
  {
    id: 'ae-vgg-biggest-layer',
    widget: 'architecture-explorer',
    level: 'intro',
    title: { zh: 'VGG-16 的参数都去哪了', en: 'Where VGG-16 keeps its parameters' },
    prompt: {
      zh: 'VGG-16 约有 1.38 亿个参数。找出参数最多的那一层，并在结构图中选中它（先展开它所在的阶段，再点击这一层）。这一层的参数约占全网的几成？',
      en: 'VGG-16 has about 138 million parameters. Find the single layer that holds the most of them and pin it in the diagram (open its stage, then click the layer). Roughly what fraction of the whole network is it?',
    },
    state: { model: 'vgg16', compare: 'none', view: 'diagram', layer: '' },
    lock: ['model', 'compare', 'view'],
    check: 'model = "vgg16" and max(layers[6] where [1] = layer) = max(layers[6])',
    report: [
      { label: { zh: '选中的层', en: 'layer selected' }, expr: 'layer' },
      { label: { zh: '该层参数个数', en: 'its parameters' }, expr: 'max(layers[6] where [1] = layer)' },
      { label: { zh: '全网参数个数', en: 'parameters of the network' }, expr: 'first(totals[1])' },
    ],
  },
  {
    id: 'ae-deeper-and-cheaper',
    widget: 'architecture-explorer',
    level: 'core',
    title: { zh: '更深却更省', en: 'Deeper, yet cheaper' },
    prompt: {
      zh: '把 VGG-16 与另一个网络并排比较，找出一个层数比 VGG-16 多、参数却比它少的网络。它靠哪些设计做到了这一点？',
      en: 'Compare VGG-16 side by side with another network and find one that has more layers than VGG-16 yet fewer parameters. Which design choices make that possible?',
    },
    state: { model: 'vgg16', compare: 'none', view: 'diagram' },
    lock: ['model', 'view'],
    check: 'compare != "none" and last(totals[6]) > first(totals[6]) and last(totals[1]) < first(totals[1])',
    report: [
      { label: { zh: '比较的网络', en: 'network compared' }, expr: 'compare' },
      { label: { zh: '其深度（带权重的层）', en: 'its depth (weighted layers)' }, expr: 'last(totals[6])' },
      { label: { zh: '其参数个数', en: 'its parameters' }, expr: 'last(totals[1])' },
    ],
  },

  // cnn-trainer — accuracy and logistic-accuracy: [0] epoch, [1] train accuracy, [2] test accuracy (fractions of the
  // 1,000 test digits); prediction (the digit shown): [0] digit, [1] CNN probability, [2] logistic-regression probability.
  {
    id: 'cnn-reach-95',
    widget: 'cnn-trainer',
    level: 'intro',
    title: { zh: '小 CNN 认数字', en: 'A tiny CNN reads digits' },
    prompt: {
      zh: '用默认的小型卷积网络训练，直到它在 1000 张从未见过的测试数字上的准确率达到 95% 以上。训练准确率和测试准确率差多少？这说明了什么？',
      en: 'Train the default tiny convolutional network until it classifies at least 95 % of the 1,000 test digits it has never seen correctly. How far apart are the training and the test accuracy, and what does that tell you?',
    },
    state: { epochs: 2, contrast: false },
    check: 'last(accuracy[2]) >= 0.95',
    report: [
      { label: { zh: '测试准确率', en: 'test accuracy' }, expr: 'last(accuracy[2])' },
      { label: { zh: '训练准确率', en: 'training accuracy' }, expr: 'last(accuracy[1])' },
    ],
  },
  {
    id: 'cnn-few-filters',
    widget: 'cnn-trainer',
    level: 'core',
    title: { zh: '卷积核少一点行不行', en: 'How few filters will do?' },
    prompt: {
      zh: '第一层只留 4 个卷积核、第二层只留 8 个，参数比默认网络少得多。调整训练轮数、批量大小或学习率，让测试准确率仍达到 93% 以上。哪些设置最有用？',
      en: 'Keep only 4 filters in the first convolution and 8 in the second: far fewer parameters than the default net. Change the epochs, the batch size or the learning rate until the test accuracy still reaches 93 %. Which settings help most?',
    },
    state: { filters1: 4, filters2: 8, epochs: 2, contrast: false },
    lock: ['filters1', 'filters2'],
    check: 'filters1 = 4 and filters2 = 8 and last(accuracy[2]) >= 0.93',
    report: [
      { label: { zh: '测试准确率', en: 'test accuracy' }, expr: 'last(accuracy[2])' },
      { label: { zh: '训练轮数', en: 'epochs' }, expr: 'epochs' },
    ],
  },
  {
    id: 'ct-beat-logistic',
    widget: 'cnn-trainer',
    level: 'intro',
    title: { zh: '卷积网络胜过逻辑回归', en: 'The CNN beats logistic regression' },
    prompt: {
      zh: '按“训练”，让小型 CNN 和原始像素上的逻辑回归在同样的小批量上各训练 4 轮。两者的参数个数相差无几（9098 对 7850），CNN 的测试准确率却要高出至少 3 个百分点，并且达到 95%。差距从哪里来？',
      en: 'Press Train: the tiny CNN and logistic regression on raw pixels learn from the same mini-batches for 4 epochs. They have about as many parameters (9,098 against 7,850), yet the CNN’s test accuracy should end at least 3 points higher, and at 95% or more. Where does the difference come from?',
    },
    state: { epochs: 4, filters1: 8, filters2: 16, contrast: true },
    lock: ['filters1', 'filters2', 'contrast'],
    check: 'last(accuracy[2]) >= 0.95 and last(logistic-accuracy[2]) <= last(accuracy[2]) - 0.03',
    report: [
      { label: { zh: 'CNN 测试准确率', en: 'CNN, test accuracy' }, expr: 'last(accuracy[2])' },
      { label: { zh: '逻辑回归测试准确率', en: 'logistic regression, test accuracy' }, expr: 'last(logistic-accuracy[2])' },
    ],
  },
  {
    id: 'ct-fool-logistic',
    widget: 'cnn-trainer',
    level: 'core',
    title: { zh: '一个只有 CNN 认得的 7', en: 'A 7 only the CNN can read' },
    prompt: {
      zh: '在手写板上写一个 7（也可以先看看测试集里的 7），让 CNN 以至少 80% 的把握认出它，而逻辑回归给 7 的概率低于 50%。手写板会像 MNIST 那样把数字缩放并居中，所以只挪动位置没有用；试试写得又宽又扁，或者又陡又细。为什么逻辑回归更容易被笔画形状的变化骗过？',
      en: 'Write a 7 on the pad (look at the test set’s 7 first if you like) that the CNN reads as 7 with at least 80% confidence while logistic regression gives 7 less than 50%. The pad scales and centres your digit as MNIST did, so moving it alone will not do; try a wide, flat 7 or a steep, thin one. Why is logistic regression the one fooled by changes in the shape of the strokes?',
    },
    state: { digit: 7, contrast: true },
    lock: ['contrast'],
    check: 'first(prediction[1] where [0] = 7) >= 0.8 and first(prediction[2] where [0] = 7) < 0.5',
    report: [
      { label: { zh: 'CNN 给 7 的概率', en: 'CNN, probability of 7' }, expr: 'first(prediction[1] where [0] = 7)' },
      { label: { zh: '逻辑回归给 7 的概率', en: 'logistic regression, probability of 7' }, expr: 'first(prediction[2] where [0] = 7)' },
    ],
  },
  // block-variants — runs: [0] variant, [1] b_g (gated variants only), [2] depth, [3] steps, [4] seed, [5] final training
  // loss, [6] final training accuracy, [7] final test accuracy; curve: [0] step, [1] variant, [2] training loss,
  // [3] training accuracy, [4] test loss, [5] test accuracy. (`variants`, `paper-1`, `paper-2` hold recorded numbers only.)
  {
    id: 'bv-halve-the-shortcut',
    widget: 'block-variants',
    level: 'intro',
    title: { zh: '把捷径打个对折', en: 'Halve the shortcut' },
    prompt: {
      zh: '两个残差网络只差一处：一个的捷径是恒等映射 x，另一个的捷径是 0.5x。按“训练”，直到“捷径 × 0.5”的最终训练损失至少是原始结构的 3 倍。用 16 个块里 0.5 的连乘解释你看到的结果。',
      en: 'The two residual nets differ in one place only: one shortcut is the identity x, the other is 0.5x. Press Train until the final training loss of “shortcut × 0.5” is at least 3 times the original’s. Explain what you see with the product of 0.5 over 16 blocks.',
    },
    state: { variants: ['original', 'scale-shortcut'], depth: 32 },
    lock: ['variants', 'depth'],
    hide: ['dataset', 'gateBias'],
    check: 'last(runs[5] where [0] = "scale-shortcut" and [2] = depth) >= 3 * last(runs[5] where [0] = "original" and [2] = depth)',
    report: [
      { label: { zh: '原始结构最终训练损失', en: 'original, final training loss' }, expr: 'last(runs[5] where [0] = "original" and [2] = depth)' },
      { label: { zh: '捷径 × 0.5 最终训练损失', en: 'shortcut × 0.5, final training loss' }, expr: 'last(runs[5] where [0] = "scale-shortcut" and [2] = depth)' },
    ],
  },
  {
    id: 'bv-gate-bias',
    widget: 'block-variants',
    level: 'core',
    title: { zh: '门控偏置的初值', en: 'Where the gate starts' },
    prompt: {
      zh: '仅捷径门控把捷径乘上 1 − g(x)，其中 g(x) = σ(W_g x + b_g)。先用 b_g = 0 训练一次，再把 b_g 调成别的值重新训练，直到找到一个 b_g，使它的最终训练损失不高于原始结构的 1.5 倍。b_g 越负，一开始的捷径越接近什么？',
      en: 'Shortcut-only gating multiplies the shortcut by 1 - g(x), with g(x) = sigmoid(W_g x + b_g). Train once with b_g = 0, then try other values of b_g until its final training loss is no more than 1.5 times the original’s. The more negative b_g, the closer the shortcut starts to what?',
    },
    state: { variants: ['original', 'shortcut-gate'], depth: 32, gateBias: 0 },
    lock: ['variants', 'depth'],
    hide: ['dataset'],
    check: 'count(runs where [0] = "shortcut-gate" and [1] = 0) >= 1 and last(runs[5] where [0] = "shortcut-gate" and [1] = gateBias and [2] = depth) <= 1.5 * last(runs[5] where [0] = "original" and [2] = depth)',
    report: [
      { label: { zh: '门控偏置初值 b_g', en: 'initial gate bias b_g' }, expr: 'gateBias' },
      { label: { zh: '仅捷径门控最终训练损失', en: 'shortcut-only gating, final training loss' }, expr: 'last(runs[5] where [0] = "shortcut-gate" and [1] = gateBias)' },
      { label: { zh: '原始结构最终训练损失', en: 'original, final training loss' }, expr: 'last(runs[5] where [0] = "original")' },
    ],
  },
  {
    id: 'bv-preact-three-seeds',
    widget: 'block-variants',
    level: 'challenge',
    title: { zh: '一次训练说明不了问题', en: 'One run proves nothing' },
    prompt: {
      zh: '论文中完全预激活比原始结构低 0.24 个百分点的测试错误率。在这里把两者至少用 3 个不同的随机种子各训练一次（改“随机种子”再按“训练”），比较它们测试准确率的平均值和波动。这么小的差别，3 个种子够不够判断谁更好？',
      en: 'In the paper, full pre-activation has 0.24 points less test error than the original. Train both here with at least 3 different seeds (change the seed, press Train, repeat) and compare the mean and the spread of their test accuracy. Are 3 seeds enough to tell which is better, for a difference this small?',
    },
    state: { variants: ['original', 'full-preact'], depth: 32, seed: 1 },
    lock: ['variants', 'depth', 'steps'],
    hide: ['gateBias'],
    check: 'count(runs where [0] = "full-preact" and [2] = depth) >= 3 and count(runs where [0] = "original" and [2] = depth) >= 3',
    report: [
      { label: { zh: '完全预激活的平均测试准确率', en: 'full pre-activation, mean test accuracy' }, expr: 'mean(runs[7] where [0] = "full-preact" and [2] = depth)' },
      { label: { zh: '原始结构的平均测试准确率', en: 'original, mean test accuracy' }, expr: 'mean(runs[7] where [0] = "original" and [2] = depth)' },
    ],
  },
  // lesion-study — nets: [0] architecture, [1] depth, [2] training accuracy, [3] held-out accuracy;
  // single: [0] deleted block, [1] plain accuracy, [2] residual accuracy; lesion: [0] architecture, [1] k,
  // [2] mean accuracy, [3] lowest, [4] highest; paths: [0] length k, [1] C(n, k), [2] share of paths,
  // [3] gradient norm of one path, [4] all paths of length k, [5] share of the gradient, [6] effective (1/0).
  {
    id: 'ls-delete-one-block',
    widget: 'lesion-study',
    level: 'intro',
    title: { zh: '删掉一个块会怎样', en: 'What one missing block does' },
    prompt: {
      zh: '按“训练”，等两个网络训练完、删块实验做完。然后在示意条上逐个点击各个块，对比两个网络的决策区域。找一个块：删掉它以后，残差网络仍有 90% 以上的准确率，而普通网络跌到 50% 以下。为什么同样删掉两层，两个网络的反应差这么多？',
      en: 'Press Train and wait until both networks are trained and the deletions are measured. Then press the blocks in the strip one by one and compare the decision regions. Find a block whose deletion leaves the residual net above 90% accuracy while the plain net falls below 50%. Why do the two networks react so differently to losing the same two layers?',
    },
    state: { depth: 32, bn: false, seed: 0 },
    lock: ['depth', 'bn'],
    check: 'count(single where [2] >= 0.9 and [1] < 0.5) >= 1',
    report: [
      { label: { zh: '删掉一个块后残差网络的平均准确率', en: 'residual net, mean accuracy with one block deleted' }, expr: 'mean(single[2])' },
      { label: { zh: '删掉一个块后普通网络的平均准确率', en: 'plain net, mean accuracy with one block deleted' }, expr: 'mean(single[1])' },
    ],
  },
  {
    id: 'ls-how-many-blocks',
    widget: 'lesion-study',
    level: 'core',
    title: { zh: '能删掉多少个块', en: 'How many blocks can go?' },
    prompt: {
      zh: '换一个随机种子（不要用 0），按“训练”，等全部结果出来。在“随机删掉 k 个块”的图和表里读出：残差网络的平均准确率在 k 等于几时仍不低于 80%？普通网络删掉一个块后还剩多少？用“集成”的观点解释这两个数。',
      en: 'Pick a seed other than 0, press Train and wait for all the results. From the chart and table of k random deletions, read off the largest k at which the residual net’s mean accuracy is still at least 80%, and what the plain net keeps after losing one block. Explain both numbers with the ensemble view.',
    },
    state: { depth: 32, bn: false, seed: 3 },
    lock: ['depth', 'bn'],
    check: 'seed != 0 and count(lesion where [0] = "residual") = depth / 2 + 1 and count(lesion where [0] = "plain") = depth / 2 + 1',
    report: [
      { label: { zh: '残差网络平均准确率 ≥ 80% 时的最大 k', en: 'largest k with residual mean accuracy ≥ 80%' }, expr: 'max(lesion[1] where [0] = "residual" and [2] >= 0.8)' },
      { label: { zh: '普通网络删掉一个块后的平均准确率', en: 'plain net, mean accuracy with one block deleted' }, expr: 'last(lesion[2] where [0] = "plain" and [1] = 1)' },
    ],
  },
  {
    id: 'ls-paths-with-bn',
    widget: 'lesion-study',
    level: 'challenge',
    title: { zh: '加上批量归一化，有效路径还短吗', en: 'With batch normalization, are the effective paths still short?' },
    prompt: {
      zh: '这里打开了批量归一化，深度设为 16（这个深度下普通网络仍能训练）。按“训练”，看“展开来看”两张图：单条路径上的梯度还随长度迅速衰减吗？有效路径还比最常见的长度短吗？和默认设置（深度 32、不用批量归一化）对比，说说“有效路径很短”这个结论依赖于什么。',
      en: 'Batch normalization is on and the depth is 16, where the plain net still trains. Press Train and look at the unraveled view: does the gradient of a path still fall quickly with its length? Are the effective paths still shorter than the most common length? Compare with the default (depth 32, no batch normalization): what does “the effective paths are short” depend on?',
    },
    state: { depth: 16, bn: true, seed: 0 },
    lock: ['depth', 'bn'],
    check: 'count(paths) = depth / 2 + 1',
    report: [
      { label: { zh: '最长路径与最短路径的梯度之比', en: 'gradient of the longest path / the shortest' }, expr: 'last(paths[3] where [0] = depth / 2) / last(paths[3] where [0] = 0)' },
      { label: { zh: '有效路径的最短长度', en: 'shortest effective length' }, expr: 'min(paths[0] where [6] = 1)' },
      { label: { zh: '有效路径的最长长度', en: 'longest effective length' }, expr: 'max(paths[0] where [6] = 1)' },
    ],
  },
  // loss-landscape — roughness (one pair of rows per run): [0] architecture, [1] depth, [2] loss at θ*,
  // [3] λmax, [4] λmin, [5] |λmin/λmax|, [6] up-and-down ratio of the slice, [7] local minima in the slice;
  // line: [0] t, [1] plain loss, [2] residual loss, [3] plain accuracy, [4] residual accuracy; cut: [0] α, [1] plain, [2] residual.
  {
    id: 'll-read-the-maps',
    widget: 'loss-landscape',
    level: 'intro',
    title: { zh: '读两张损失曲面图', en: 'Read two loss landscapes' },
    prompt: {
      zh: '深度为 16。按“训练”，等两张地形图画完。拖动剖面滑块，看看剖线穿过谷底时两条曲线有什么不同。哪个网络的谷更宽？哪个网络的切面里小坑（局部极小点）更多？对照表格中的数字回答。',
      en: 'The depth is 16. Press Train and wait until both maps are drawn. Move the cut slider and compare the two curves where the cut crosses the valley. Which network has the wider valley? Which slice has more small dips (local minima)? Check your answers against the table.',
    },
    state: { depth: 16, bn: true, seed: 1 },
    lock: ['depth', 'bn'],
    check: 'count(roughness where [0] = "plain") >= 1 and count(roughness where [0] = "residual") >= 1',
    report: [
      { label: { zh: '普通网络切面的局部极小点数', en: 'plain slice, local minima' }, expr: 'last(roughness[7] where [0] = "plain")' },
      { label: { zh: '残差网络切面的局部极小点数', en: 'residual slice, local minima' }, expr: 'last(roughness[7] where [0] = "residual")' },
      { label: { zh: '普通网络的 λmax', en: 'plain net, λmax' }, expr: 'last(roughness[3] where [0] = "plain")' },
      { label: { zh: '残差网络的 λmax', en: 'residual net, λmax' }, expr: 'last(roughness[3] where [0] = "residual")' },
    ],
  },
  {
    id: 'll-depth-and-sharpness',
    widget: 'loss-landscape',
    level: 'core',
    title: { zh: '网络越深，谷越尖吗', en: 'Deeper, sharper?' },
    prompt: {
      zh: '分别在深度 4 和深度 16 各训练一次（每次都按“训练”），表格会保留每一次的结果。比较两个网络的最大特征值 λmax 和切面的起伏比：加深网络时，哪个网络的地形变化更大？λmax 大意味着谷底在某个方向上很陡，这对梯度下降每一步能迈多大意味着什么？',
      en: 'Train once at depth 4 and once at depth 16 (press Train each time); the table keeps every run. Compare the largest Hessian eigenvalue (column lambda-max) and the up-and-down ratio of both networks: which landscape changes more as the network gets deeper? A large eigenvalue means the valley is steep in some direction; what does that mean for the step size of gradient descent?',
    },
    state: { depth: 4, bn: true, resolution: 21 },
    lock: ['bn'],
    check: 'count(roughness where [0] = "plain" and [1] <= 4) >= 1 and count(roughness where [0] = "plain" and [1] >= 16) >= 1 and count(roughness where [0] = "residual" and [1] >= 16) >= 1',
    report: [
      { label: { zh: '普通网络 λmax（深度 ≥ 16）', en: 'plain λmax, depth ≥ 16' }, expr: 'last(roughness[3] where [0] = "plain" and [1] >= 16)' },
      { label: { zh: '普通网络 λmax（深度 4）', en: 'plain λmax, depth 4' }, expr: 'last(roughness[3] where [0] = "plain" and [1] <= 4)' },
      { label: { zh: '残差网络 λmax（深度 ≥ 16）', en: 'residual λmax, depth ≥ 16' }, expr: 'last(roughness[3] where [0] = "residual" and [1] >= 16)' },
    ],
  },
];

/** The assignment with this id, or `undefined`. */
export function assignmentById(id: string): Assignment | undefined {
  return catalogue.find((a) => a.id === id);
}

/** The link spec of an assignment (its state, locks and task). */
export function assignmentSpec(a: Assignment): LinkSpec {
  return { widget: a.widget, state: a.state, lock: a.lock, hide: a.hide, run: a.run, task: a.id };
}

/** The chapter link of an assignment in one language (relative to the site unless `origin` is given). */
export function assignmentLink(a: Assignment, lang: Locale, origin = ''): string {
  return chapterLink(assignmentSpec(a), lang, origin);
}

export function assignmentEmbedLink(a: Assignment, lang: Locale, origin = ''): string {
  return embedLink(assignmentSpec(a), lang, origin);
}

/** Assignments of the widgets that are registered, grouped by widget in registry order. */
export function assignmentsByWidget(): { widget: string; assignments: Assignment[] }[] {
  return widgets.map((w) => ({ widget: w.id, assignments: catalogue.filter((a) => a.widget === w.id) })).filter((g) => g.assignments.length > 0);
}

/** For `parseTaskParam`: a catalogue id → its widget and task. */
export const catalogueLookup: CatalogueLookup = (id) => {
  const a = assignmentById(id);
  return a ? { widget: a.widget, task: { id: a.id, prompt: a.prompt, check: a.check, report: a.report, hideCheck: a.hideCheck } } : undefined;
};
