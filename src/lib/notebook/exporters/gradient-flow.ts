/**
 * The gradient-flow chart's notebook: per-layer weight-gradient norms of the degradation lab's
 * plain and residual nets, before and during training.
 */
import { gradientFlowSchema, type GradientFlowState } from '../../state/schemas/gradient-flow';
import { defineExporter } from '../exporter';
import { markdown } from '../nbformat';
import { pythonCells, settingsCell } from '../python-source';
import gradientFlowPy from '../python/gradient_flow.py?raw';
import { denseLabSections } from '../sections';
import { fixedRunEntries } from './degradation-lab';

/** Gradient measurements per run: every max(5, round(steps / 40)) steps (src/widgets/gradient-flow/client.ts). */
export const gradientFlowEvaluations = 40;

function settings(s: GradientFlowState) {
  return settingsCell('The gradient-flow chart\'s settings (from the link above).', [
    ['DEPTH', s.depth, 'hidden layers in the body (even, 2 … 64)'],
    ['WIDTH', s.width, 'units per hidden layer'],
    ['BATCH_NORM', s.bn],
    ['OPTIMIZER', s.optimizer, "'adam' or 'sgd' (with momentum 0.9)"],
    ['LEARNING_RATE', s.lr],
    ['STEPS', s.steps, 'training steps (mini-batches)'],
    ['SEED', s.seed, 'seeds the points, the initial weights and the batch order'],
    ['DATASET', 'spiral', 'the chart always trains on the spiral'],
    ...fixedRunEntries(),
    ['EVAL_EVERY', { python: `max(5, js_round(STEPS / ${gradientFlowEvaluations}))` }, `${gradientFlowEvaluations} measurements per run`],
  ]);
}

export const gradientFlowExporter = defineExporter({
  schema: gradientFlowSchema,
  title: {
    en: 'Gradient flow: how big is each layer\'s gradient? (PyTorch)',
    zh: '梯度流：每一层的梯度有多大？（PyTorch 版）',
  },
  intro: (ctx) =>
    ctx.t({
      en: `Training changes each layer's weights W by an amount proportional to the gradient ∂loss/∂W. If those gradients are very uneven across layers — much larger near the input than near the output, or much smaller — plain gradient descent cannot move all layers at a good pace at once. This notebook measures the length (L2 norm) of each hidden layer's weight gradient in the degradation lab's plain and residual nets (depth ${ctx.state.depth}), before training and every few steps during it, as the widget does.${ctx.state.source === 'lab' ? ' (In the page, the chart was following the degradation lab\'s runs; the notebook trains with the chart\'s own settings, listed below.)' : ''}`,
      zh: `训练时，每一层的权重 W 按梯度 ∂loss/∂W 的比例更新。如果各层梯度的大小相差悬殊——靠近输入的层比靠近输出的层大得多或小得多——普通的梯度下降就没法让所有层同时以合适的步伐前进。这份笔记本和组件一样，在退化实验的普通网络和残差网络（深度 ${ctx.state.depth}）中，测量每个隐藏层权重梯度的长度（L2 范数）：训练前测一次，训练中每隔几步再测一次。${ctx.state.source === 'lab' ? '（在网页中，这张图当时跟随的是退化实验的训练；笔记本则按图表自己的设置训练，见下文。）' : ''}`,
    }),
  cells: (ctx) => {
    const [runs, stats, charts, tables] = pythonCells(gradientFlowPy, ['run']);
    return [
      markdown(ctx.t({
        en: '## Settings\n\nThe chart\'s settings at the moment you exported it. Change any of them and run the notebook again.',
        zh: '## 设置\n\n导出时图表的设置。可以修改其中任何一项，然后重新运行整个笔记本。',
      })),
      settings(ctx.state),
      ...denseLabSections(ctx),
      markdown(ctx.t({
        en: '## The experiment\n\nBoth nets, measured as in the widget (about a minute on a laptop CPU at depth 32).',
        zh: '## 实验\n\n训练两个网络，测量方式与组件相同（深度 32 时，在笔记本电脑的 CPU 上大约需要一分钟）。',
      })),
      runs!,
      stats!,
      markdown(ctx.t({
        en: `## What the widget shows

The gradient norm of each layer, and how it changes during training. With the default settings (depth 32, BN) the plain net's first layer gets a gradient several hundred times larger than its last layer's before training; the residual net's gradients are far more even. The shortcuts carry the gradient from the loss straight to every block, so no layer depends on a long product of other layers' derivatives.`,
        zh: `## 组件显示的内容

每一层的梯度范数，以及它在训练中如何变化。在默认设置（深度 32，使用 BN）下，训练前普通网络第一层的梯度是最后一层的几百倍；残差网络各层的梯度则均匀得多。捷径连接把梯度从损失直接送到每一个块，所以没有哪一层要依赖其他许多层导数的连乘。`,
      })),
      charts!,
      tables!,
    ];
  },
});
