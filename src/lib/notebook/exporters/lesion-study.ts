/**
 * The lesion study's notebook: the degradation lab's plain and residual nets, trained, then blocks
 * deleted at test time (Veit, Wilber & Belongie 2016): one at a time, k at random, and the
 * residual net's gradient through paths of each length.
 */
import { lesionStudySchema, type LesionStudyState } from '../../state/schemas/lesion-study';
import { defineExporter } from '../exporter';
import { markdown } from '../nbformat';
import { pythonCells, settingsCell } from '../python-source';
import lesionPy from '../python/lesion_study.py?raw';
import trainedNetPy from '../python/trained_net.py?raw';
import { denseLabSections, settingsHeading } from '../sections';
import { fixedRunEntries, trainingEntries } from './degradation-lab';

/**
 * What a run of the widget uses besides its state (src/widgets/lesion-study/jobs.ts and
 * src/workers/lesion-job.ts; a unit test keeps them in step).
 */
export const lesionRun = {
  /** Decision-map resolution (intact, and with each block deleted). */
  gridResolution: 40,
  /** Held-out points the accuracies are measured on. */
  testPoints: 1000,
} as const;

function settings(s: LesionStudyState) {
  const blocks = s.depth / 2;
  return settingsCell("The lesion study's settings (from the link above).", [
    ...trainingEntries(s, 'the points, the weights, the batches, the subsets and the paths'),
    ['SUBSETS', s.subsets, 'random subsets of k deleted blocks per k (all of them when there are fewer)'],
    ['PATH_SAMPLES', s.paths, 'single-path gradient measurements per path length (residual net)'],
    ['BLOCK', Math.min(s.block, blocks), 'the block whose deletion the maps show, 1 … DEPTH / 2 (0 = none)'],
    ['TEST_POINTS', lesionRun.testPoints, 'held-out points (same distribution, other seed)'],
    ...fixedRunEntries(),
    ['GRID_RESOLUTION', lesionRun.gridResolution, 'decision maps: 40 × 40 cells'],
  ]);
}

export const lesionStudyExporter = defineExporter({
  schema: lesionStudySchema,
  title: {
    en: 'Lesion study: delete blocks from trained networks, in PyTorch',
    zh: '损伤实验：从训练好的网络中删去若干块（PyTorch 版）',
  },
  intro: (ctx) =>
    ctx.t({
      en: `Veit, Wilber & Belongie (2016) deleted blocks from trained networks at test time, with no retraining. A plain net collapsed as soon as one block was gone; a residual net barely noticed, and lost accuracy smoothly as more blocks went. Their explanation: a residual net with n blocks behaves like a collection of 2ⁿ paths of different lengths, most of its gradient flowing through the short ones. This notebook repeats the widget's experiment on the degradation lab's plain and residual nets of depth ${ctx.state.depth} (${ctx.state.depth / 2} blocks): it trains both, deletes each block alone, then k random blocks for every k, and measures the residual net's gradient through paths of each length.`,
      zh: `Veit、Wilber 和 Belongie（2016）在测试时从训练好的网络中删去若干块，不做任何重新训练。普通网络只要少了一个块就彻底失灵；残差网络却几乎不受影响，删去的块越多，准确率才平缓地下降。他们的解释是：有 n 个块的残差网络，表现得像 2ⁿ 条长短不一的路径的集合，大部分梯度经由其中较短的路径流过。这份笔记本重做组件里的实验：训练退化实验中深度为 ${ctx.state.depth}（${ctx.state.depth / 2} 个块）的普通网络和残差网络，然后逐个删去单个块，再对每个 k 随机删去 k 个块，并测量残差网络中各种长度的路径所传递的梯度。`,
    }),
  cells: (ctx) => {
    // Definitions are tagged for the port check, which runs them without training anything.
    const [lesions, subsets, paths] = pythonCells(lesionPy, ['definitions']);
    const [, , , run, maps, pathCharts, tables] = pythonCells(lesionPy, ['run']);
    return [
      settingsHeading(ctx),
      settings(ctx.state),
      ...denseLabSections(ctx),
      ...pythonCells(trainedNetPy, ['definitions']),
      markdown(ctx.t({
        en: '## Lesions\n\nA deleted block is left out of the forward pass; the rest of the net is unchanged, including the statistics its batch normalisations use. Accuracies are measured on 1,000 held-out points from the same distribution.',
        zh: '## 删去块\n\n被删去的块不参与前向传播；网络的其余部分保持不变，批量归一化使用的统计量也不变。准确率在同分布的 1000 个留出点上测量。',
      })),
      lesions!,
      subsets!,
      markdown(ctx.t({
        en: '## Paths\n\nThe gradient of one path is measured by cutting, at every block, the way the path does not take.',
        zh: '## 路径\n\n测量一条路径的梯度时，在每个块处把这条路径不走的那一路的梯度切断。',
      })),
      paths!,
      markdown(ctx.t({
        en: '## The experiment\n\nTraining takes most of the time (well under a minute per net on a laptop CPU at the default settings).',
        zh: '## 实验\n\n大部分时间花在训练上（默认设置下，在笔记本电脑的 CPU 上每个网络远不到一分钟）。',
      })),
      run!,
      markdown(ctx.t({
        en: `## What the widget shows

The same charts and tables as the widget. What to look for: deleting one block from the plain net drops its accuracy towards chance, from the residual net it costs little; with k blocks deleted the residual net degrades smoothly. How close are these numbers to the browser's? The nets are trained from the same weights on the same batches, but both sides round in float32 and add in different orders, so the trained weights differ in their last digits; an accuracy can then differ by a point or two where a held-out point sits on a boundary. The picture is the same.`,
        zh: `## 组件显示的内容

下面是与组件相同的图和表。要看的是：从普通网络中删去一个块，准确率就跌向随机猜测的水平；从残差网络中删去一个块，代价却很小；删去 k 个块时，残差网络的准确率平缓地下降。这些数字和浏览器的有多接近？两个网络从相同的权重出发、用相同的小批量训练，但两边都以 32 位浮点数舍入，求和顺序又不同，训练后的权重在最后几位上有差别；留出点恰好落在分界线附近时，准确率就可能相差一两个点。整体图景是相同的。`,
      })),
      maps!,
      pathCharts!,
      tables!,
    ];
  },
});
