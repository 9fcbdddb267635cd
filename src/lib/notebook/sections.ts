/**
 * Sections shared by several notebooks: the seeded random numbers, the 2-D point sets, the
 * mini-batch order, the fully connected plain/residual nets and their training loop, and the
 * chart helpers. Each is a markdown cell (reader's language) followed by the code cells of one
 * `python/*.py` file.
 */
import type { ExportContext } from './exporter';
import { markdown, type CellDraft } from './nbformat';
import { pythonCells } from './python-source';
import batchesPy from './python/batches.py?raw';
import chartsPy from './python/charts.py?raw';
import denseNetPy from './python/dense_net.py?raw';
import optimizersPy from './python/optimizers.py?raw';
import pointsPy from './python/points.py?raw';
import prngPy from './python/prng.py?raw';
import trainDensePy from './python/train_dense.py?raw';
import type { WidgetSchema } from '../state/schema';

type Ctx = ExportContext<WidgetSchema>;

export function randomSection(ctx: Ctx): CellDraft[] {
  return [
    markdown(ctx.t({
      en: `## Random numbers, the same as the browser's

Everything random in the widget — the points, the initial weights, the order of the mini-batches — comes from one seeded generator (sfc32), never from an unseeded source. Ported to Python, it gives the same integers bit for bit and the same 32-bit floats, so this notebook starts from exactly the browser's numbers. Separate streams (\`derive_seed\`) keep the weights and the batch order independent of each other.`,
      zh: `## 随机数：与浏览器完全相同

组件里一切随机的东西——数据点、初始权重、小批量的顺序——都来自同一个带种子的随机数生成器（sfc32），从不使用无种子的随机源。把它移植到 Python 后，整数逐位相同，32 位浮点数也完全相同，所以这份笔记本能从与浏览器完全相同的数字出发。不同用途各用一条独立的随机数流（\`derive_seed\`），所以权重和小批量顺序互不影响。`,
    })),
    ...pythonCells(prngPy, ['definitions']),
  ];
}

export function pointsSection(ctx: Ctx): CellDraft[] {
  return [
    markdown(ctx.t({
      en: `## The data

Points in the plane, in two or three classes: a three-arm spiral, two moons, two circles or XOR. The generators below are the widget's, line for line; with the same seed they give the same points (as 32-bit floats, like the browser's).`,
      zh: `## 数据

平面上分成两类或三类的点：三臂螺旋、双月牙、同心圆或异或。下面的生成函数逐行照搬组件的代码；种子相同，生成的点就相同（和浏览器一样存成 32 位浮点数）。`,
    })),
    ...pythonCells(pointsPy, ['definitions']),
  ];
}

export function batchesSection(ctx: Ctx): CellDraft[] {
  return [
    markdown(ctx.t({
      en: `## Mini-batches in the browser's order

Each step trains on a mini-batch of examples. The order is shuffled anew every epoch by the seeded generator, so this notebook sees the same batches, in the same order, as the widget.`,
      zh: `## 与浏览器相同顺序的小批量

每一步用一个小批量的样本训练。每轮（epoch）开始时用带种子的生成器重新打乱顺序，所以笔记本看到的小批量和组件里的完全一样，顺序也一样。`,
    })),
    ...pythonCells(batchesPy, ['definitions']),
  ];
}

export function denseNetSection(ctx: Ctx): CellDraft[] {
  return [
    markdown(ctx.t({
      en: `## The networks: plain and residual

A stem layer, D hidden layers of equal width (the *body*), and a linear head. The plain net stacks the body layers one after the other. The residual net groups them into blocks of two and adds each block's input to its output — the shortcut of He et al. (2016a): a block only has to learn the *change* F(a) to its input, a ↦ a + F(a). Both start from the same He-initialised matrices (same seed). With batch normalisation (BN) the residual blocks are the paper's (ReLU after the addition); without BN they are the "pre-activation" blocks of He et al. (2016b), whose second layer starts scaled down so that the sum of all blocks stays at the scale of the input.`,
      zh: `## 网络：普通网络与残差网络

一个输入层（stem）、D 个宽度相同的隐藏层（主体）和一个线性输出层。普通网络把主体各层一层接一层地堆叠起来；残差网络把它们每两层组成一个块，并把块的输入加到块的输出上——这就是 He 等人（2016a）提出的捷径连接：一个块只需学习对输入的*改变量* F(a)，即 a ↦ a + F(a)。两种网络从相同的 He 初始化矩阵出发（种子相同）。使用批量归一化（BN）时，残差块与论文相同（相加之后再做 ReLU）；不用 BN 时，采用 He 等人（2016b）的“预激活”残差块，并把每个块第二层的初始权重缩小，使所有块的输出之和保持与输入相当的尺度。`,
    })),
    ...pythonCells(denseNetPy, ['definitions']),
  ];
}

export function trainDenseSection(ctx: Ctx): CellDraft[] {
  return [
    markdown(ctx.t({
      en: `## Training

Plain PyTorch: a forward pass, the mean cross-entropy of the mini-batch, \`loss.backward()\` (autograd — the widget has its own hand-written backward pass, so this is an independent check of it), one optimiser step. The schedule of evaluations and the divergence check are the widget's.`,
      zh: `## 训练

用最普通的 PyTorch 写法：前向传播，计算小批量的平均交叉熵，调用 \`loss.backward()\`（自动求导；组件里的反向传播是手写的，所以这里正好独立地检验它），再让优化器走一步。评估的时间点和发散检测都与组件相同。`,
    })),
    ...pythonCells(optimizersPy, ['definitions']),
    ...pythonCells(trainDensePy, ['definitions']),
  ];
}

/** The optimisers and the training step alone (for models other than the fully connected nets). */
export function optimizerSection(ctx: Ctx): CellDraft[] {
  return [
    markdown(ctx.t({
      en: `## The optimiser and one training step

Plain PyTorch: a forward pass, the mean cross-entropy of the mini-batch, \`loss.backward()\` (autograd — the widget has its own hand-written backward pass, so this is an independent check of it), one optimiser step.`,
      zh: `## 优化器与一步训练

用最普通的 PyTorch 写法：前向传播，计算小批量的平均交叉熵，调用 \`loss.backward()\`（自动求导；组件里的反向传播是手写的，所以这里正好独立地检验它），再让优化器走一步。`,
    })),
    ...pythonCells(optimizersPy, ['definitions']),
  ];
}

export function chartsSection(ctx: Ctx): CellDraft[] {
  return [
    markdown(ctx.t({
      en: '## Charts and tables\n\nSmall helpers that draw the widget\'s charts with Matplotlib and print its tables.',
      zh: '## 图表与表格\n\n几个小函数：用 Matplotlib 画出组件里的图，并打印组件里的表格。',
    })),
    ...pythonCells(chartsPy, ['definitions']),
  ];
}

/** The "Settings" heading before a settings cell (`extra`: a sentence after the first, in both languages). */
export function settingsHeading(ctx: Ctx, extra?: { en: string; zh: string }): CellDraft {
  return markdown(ctx.t({
    en: `## Settings\n\nThe widget's settings at the moment you exported it. Change any of them${extra ? ` — ${extra.en} —` : ''} and run the notebook again.`,
    zh: `## 设置\n\n导出时组件的设置。可以修改其中任何一项${extra ? `（${extra.zh}）` : ''}，然后重新运行整个笔记本。`,
  }));
}

/**
 * Everything a notebook of the degradation lab's nets builds on: random numbers, points, batches,
 * the plain/residual nets, their training loop and the chart helpers.
 */
export function denseLabSections(ctx: Ctx): CellDraft[] {
  return [
    ...randomSection(ctx),
    ...pointsSection(ctx),
    ...batchesSection(ctx),
    ...denseNetSection(ctx),
    ...trainDenseSection(ctx),
    ...chartsSection(ctx),
  ];
}

