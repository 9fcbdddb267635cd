/**
 * The loss landscape's notebook: the degradation lab's plain and residual nets, trained, then the
 * training loss along the line from the initial to the trained weights, on a 2-D slice spanned by
 * two filter-normalised random directions (Li et al. 2018), and the Hessian's extreme eigenvalues.
 */
import { lossLandscapeSchema, type LossLandscapeState } from '../../state/schemas/loss-landscape';
import { defineExporter } from '../exporter';
import { markdown } from '../nbformat';
import { pythonCells, settingsCell } from '../python-source';
import landscapePy from '../python/loss_landscape.py?raw';
import trainedNetPy from '../python/trained_net.py?raw';
import { denseLabSections, settingsHeading } from '../sections';
import { fixedRunEntries, trainingEntries } from './degradation-lab';

/**
 * What a run of the widget uses besides its state (src/widgets/loss-landscape/jobs.ts; a unit
 * test keeps the two in step).
 */
export const landscapeRun = {
  /** Points on the line t ∈ [−0.5, 1.5]. */
  linePoints: 41,
  /** Hessian-vector products of the Lanczos run. */
  lanczosSteps: 20,
  /** Training points each landscape value is measured on (every second one of the 1,000). */
  lossPoints: 500,
} as const;

function settings(s: LossLandscapeState) {
  return settingsCell("The loss landscape's settings (from the link above).", [
    ...trainingEntries(s, 'the points, the weights, the batches and the directions'),
    ['RESOLUTION', s.resolution, 'the slice is RESOLUTION × RESOLUTION points (odd: θ* is the centre)'],
    ['SPAN', s.span, 'α and β run from −SPAN to SPAN'],
    ['CUT', s.cut, 'the 1-D cut at β = CUT · SPAN'],
    ...fixedRunEntries(),
    ['LOSS_POINTS', landscapeRun.lossPoints, 'training points each landscape value is measured on'],
    ['LINE_POINTS', landscapeRun.linePoints, 'points on the line, t from −0.5 to 1.5'],
    ['LANCZOS_STEPS', landscapeRun.lanczosSteps, 'Hessian-vector products for the curvature (0 = none)'],
  ]);
}

export const lossLandscapeExporter = defineExporter({
  schema: lossLandscapeSchema,
  title: {
    en: 'Loss landscape: the ground around a trained network, in PyTorch',
    zh: '损失曲面：训练好的网络周围是什么样子（PyTorch 版）',
  },
  intro: (ctx) =>
    ctx.t({
      en: `Li et al. (2018) drew the training loss around trained networks on a plane through their weights θ*, spanned by two random directions scaled neuron by neuron to the weights themselves ("filter normalisation"). Deep plain nets sat in chaotic, bumpy ground; the same nets with shortcuts in smooth, nearly convex basins. This notebook repeats the widget's experiment: the degradation lab's plain and residual nets of depth ${ctx.state.depth}, trained for ${ctx.state.steps} steps, then the loss along the line from the initial to the trained weights, on a ${ctx.state.resolution} × ${ctx.state.resolution} slice, and the extreme eigenvalues of the Hessian at θ*.`,
      zh: `Li 等人（2018）在训练好的网络的权重 θ* 处取一个平面，画出平面上的训练损失。平面由两个随机方向张成，每个方向都逐个卷积核做了归一化（filter normalization），即逐个神经元地按权重本身的大小缩放。深层普通网络所处的地形崎岖混乱，加上捷径连接的同一网络则处在平滑、近乎凸的盆地里。这份笔记本重做组件里的实验：训练退化实验中深度为 ${ctx.state.depth} 的普通网络和残差网络各 ${ctx.state.steps} 步，然后计算从初始权重到训练后权重这条直线上的损失、${ctx.state.resolution} × ${ctx.state.resolution} 的切面，以及 θ* 处海森矩阵的最大和最小特征值。`,
    }),
  cells: (ctx) => {
    // Definitions are tagged for the port check, which runs them without training anything.
    const [flat, directions, roughness, curvature] = pythonCells(landscapePy, ['definitions']);
    const [, , , , run, charts, tables] = pythonCells(landscapePy, ['run']);
    return [
      settingsHeading(ctx),
      settings(ctx.state),
      ...denseLabSections(ctx),
      ...pythonCells(trainedNetPy, ['definitions']),
      markdown(ctx.t({
        en: `## Points in parameter space
A landscape is the loss at points θ of parameter space, so the notebook handles a net's parameters as one flat vector, in the widget's order. The two random directions are filter-normalised: Gaussian numbers, then each neuron's incoming weights rescaled to the length of that neuron's weights in θ*, so that α = 1 moves every neuron by as much as its own size (BN makes a neuron's scale irrelevant, so only such relative steps mean the same in every layer).`,
        zh: `## 参数空间中的点
损失曲面就是参数空间中各点 θ 处的损失，所以笔记本把一个网络的全部参数当作一个扁平的向量，顺序与组件相同。两个随机方向都逐个卷积核做了归一化（filter normalization）：先取高斯随机数，再把每个神经元的输入权重缩放到 θ* 中同一神经元权重的长度，这样 α = 1 就让每个神经元移动与它自身大小相当的距离（BN 使神经元权重的绝对大小无关紧要，只有这种相对的移动量在每一层才有相同的意义）。`,
      })),
      flat!,
      directions!,
      markdown(ctx.t({
        en: '## Measuring the ground\n\nTwo numbers say how rough a slice is, and the Hessian\'s extreme eigenvalues say how curved the ground is at θ*: Li et al. read a large |λmin/λmax| as a sign of non-convexity.',
        zh: '## 度量地形\n\n两个数描述切面有多崎岖；海森矩阵的最大、最小特征值描述 θ* 处地形的弯曲程度：Li 等人把较大的 |λmin/λmax| 看作非凸的迹象。',
      })),
      roughness!,
      curvature!,
      markdown(ctx.t({
        en: '## The experiment\n\nBoth nets are trained, then measured (about a minute on a laptop CPU at the default settings; the slice costs RESOLUTION² evaluations of the loss).',
        zh: '## 实验\n\n先训练两个网络，再逐点测量（默认设置下在笔记本电脑的 CPU 上约需一分钟；切面需要计算 RESOLUTION² 次损失）。',
      })),
      run!,
      markdown(ctx.t({
        en: `## What the widget shows

The same charts and tables as the widget. The centre of each slice (α = β = 0) is the trained net itself, so its value is the loss at θ* on the landscape's ${landscapeRun.lossPoints} points. How close are these numbers to the browser's? Training ends a few steps' float32 rounding apart (both compute in 32-bit floating point but add numbers in different orders), so the slices agree to a few significant digits, not to the last one; their shape — a smooth bowl or rough ground — is the same.`,
        zh: `## 组件显示的内容

下面是与组件相同的图和表。每个切面的中心（α = β = 0）就是训练好的网络本身，所以中心的值就是 θ* 在这 ${landscapeRun.lossPoints} 个点上的损失。这些数字和浏览器的有多接近？两边都用 32 位浮点数计算，只是求和的先后顺序不同，训练结束时已有舍入误差积累下来的细微差别，所以切面上的数值只有前几位有效数字相同，不会每一位都一样；但切面的形状——平滑的碗还是崎岖的地面——是相同的。`,
      })),
      charts!,
      tables!,
    ];
  },
});
