/**
 * The degradation lab's notebook: plain vs residual fully connected nets of one depth (or a
 * sweep over depths) on 2-D points, trained as the widget's workers train them.
 */
import { degradationLabSchema, sweepDepths, type DegradationLabState } from '../../state/schemas/degradation-lab';
import { defineExporter } from '../exporter';
import { markdown } from '../nbformat';
import { pythonCells, settingsCell } from '../python-source';
import degradationPy from '../python/degradation_lab.py?raw';
import { denseLabSections } from '../sections';

/**
 * What a run of the widget uses besides its state (src/widgets/degradation-lab/jobs.ts and
 * src/workers/degradation-job.ts; a unit test keeps the two in step).
 */
export const degradationRun = {
  points: 1000,
  batchSize: 64,
  /** Evaluations per run (single depth): every max(5, round(steps / 20)) steps. */
  evaluations: 20,
  gridResolution: 48,
} as const;

/** Steps between evaluations for a single-depth run, as the widget computes it (JS rounding). */
export const evalEvery = (steps: number, evaluations: number) => Math.max(5, Math.round(steps / evaluations));

/** The settings lines of the degradation lab's training fields, shared by the notebooks that train its nets. */
export function trainingEntries(s: Pick<DegradationLabState, 'dataset' | 'depth' | 'width' | 'bn' | 'optimizer' | 'lr' | 'steps' | 'seed'>, seeds = 'the points, the initial weights and the batch order') {
  return [
    ['DATASET', s.dataset, "'spiral', 'moons', 'circles' or 'xor'"],
    ['DEPTH', s.depth, 'hidden layers in the body (even, 2 … 64)'],
    ['WIDTH', s.width, 'units per hidden layer'],
    ['BATCH_NORM', s.bn],
    ['OPTIMIZER', s.optimizer, "'adam' or 'sgd' (with momentum 0.9)"],
    ['LEARNING_RATE', s.lr],
    ['STEPS', s.steps, 'training steps (mini-batches)'],
    ['SEED', s.seed, `seeds ${seeds}`],
  ] as [string, unknown, string?][];
}

/** The training set's size and the batch size, fixed in every widget that trains the lab's nets. */
export const fixedRunEntries = (): [string, unknown, string][] => [
  ['POINTS', degradationRun.points, 'fixed in the widget'],
  ['BATCH_SIZE', degradationRun.batchSize, 'fixed in the widget'],
];

export function degradationSettings(s: DegradationLabState, title: string) {
  return settingsCell(title, [
    ...trainingEntries(s),
    ['ARCHITECTURES', s.arch, "'plain' and/or 'residual'"],
    ['MODE', s.mode, "'single': one depth; 'sweep': depths 2 … 64"],
    ...fixedRunEntries(),
    ['EVAL_EVERY', { python: `max(5, js_round(STEPS / ${degradationRun.evaluations}))` }, `${degradationRun.evaluations} evaluations per run`],
    ['GRID_RESOLUTION', degradationRun.gridResolution, 'decision maps: 48 × 48 cells'],
    ['SWEEP_DEPTHS', [...sweepDepths]],
  ]);
}

export const degradationLabExporter = defineExporter({
  schema: degradationLabSchema,
  title: {
    en: 'Degradation lab: plain vs residual networks, in PyTorch',
    zh: '退化实验：普通网络与残差网络（PyTorch 版）',
  },
  intro: (ctx) =>
    ctx.t({
      en: `He et al. (2016a) observed that a deeper *plain* network can end with a **higher training error** than a shallower one — not overfitting, but an optimisation failure they called *degradation* — and that adding shortcut connections (a *residual* network) removes it. This notebook trains a plain and a residual fully connected net of the same depth on the same points, from the same initial weights, on the same mini-batches, and compares their training loss — the widget's experiment, in ${ctx.state.mode === 'sweep' ? 'its depth-sweep mode (final loss at depths 2 to 64)' : `the state you exported (depth ${ctx.state.depth})`}.`,
      zh: `He 等人（2016a）发现：更深的*普通*网络，最终的**训练误差**反而可能比浅的网络更高——这不是过拟合，而是优化上的失败，他们称之为*退化*；加上捷径连接（即*残差*网络）后，这个问题就消失了。这份笔记本在同样的数据点上、从同样的初始权重出发、用同样的小批量，训练同样深度的普通全连接网络和残差全连接网络，并比较它们的训练损失——也就是组件里的实验，${ctx.state.mode === 'sweep' ? '采用深度扫描模式（深度 2 到 64 的最终损失）' : `采用你导出时的状态（深度 ${ctx.state.depth}）`}。`,
    }),
  cells: (ctx) => {
    const [points, runs, charts, maps, tables] = pythonCells(degradationPy, ['run']);
    return [
      markdown(ctx.t({
        en: '## Settings\n\nThe widget\'s settings at the moment you exported it. Change any of them and run the notebook again.',
        zh: '## 设置\n\n导出时组件的设置。可以修改其中任何一项，然后重新运行整个笔记本。',
      })),
      degradationSettings(ctx.state, 'The degradation lab\'s settings (from the link above).'),
      ...denseLabSections(ctx),
      markdown(ctx.t({
        en: '## The experiment\n\nFirst the points, then the runs (a few seconds to a minute on a laptop CPU, more for a sweep).',
        zh: '## 实验\n\n先看数据点，再开始训练（在笔记本电脑的 CPU 上需要几秒到一分钟，深度扫描更久）。',
      })),
      points!,
      runs!,
      markdown(ctx.t({
        en: `## What the widget shows

The same charts and tables as the widget. With the default settings (depth 32) the plain net's training loss ends about twenty times higher than the residual net's — around 1.0 against 0.05, where a random guess scores ln 3 ≈ 1.10 — although both nets have the same layers and the same number of parameters: that is the degradation problem. How close are these numbers to the browser's? For the residual net, the mini-batch losses of the first steps agree to about five significant digits. For the deep plain net they agree at the first step only: its gradients are so ill-conditioned at initialisation that 32-bit rounding alone changes them by a few per cent (PyTorch's float32 and float64 gradients differ that much too), so no two float32 implementations follow the same path for long. The outcome — plain far above residual — is the same.`,
        zh: `## 组件显示的内容

下面是与组件相同的图和表。在默认设置（深度 32）下，普通网络最终的训练损失约为残差网络的二十倍——大约 1.0 对 0.05，而随机猜测的损失是 ln 3 ≈ 1.10——尽管两个网络的层和参数量完全相同：这就是退化问题。这些数字和浏览器的有多接近？对残差网络，前面若干步的小批量损失大约有五位有效数字相同。对很深的普通网络，只有第一步相同：它在初始化时的梯度条件数极差，单是 32 位浮点的舍入误差就足以让梯度改变百分之几（PyTorch 自己的 float32 梯度与 float64 梯度也相差这么多），所以任何两种 float32 实现都不会长时间走同一条路径。但结论相同：普通网络的损失远高于残差网络。`,
      })),
      charts!,
      maps!,
      tables!,
    ];
  },
});
