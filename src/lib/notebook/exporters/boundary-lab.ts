/**
 * The boundary lab's notebook: logistic regression on the raw coordinates, logistic regression
 * on hand-made features, and a small MLP, trained the same way on the same 2-D points.
 */
import { boundaryLabSchema, type BoundaryLabState } from '../../state/schemas/boundary-lab';
import { defineExporter } from '../exporter';
import { markdown } from '../nbformat';
import { pythonCells, settingsCell } from '../python-source';
import boundaryPy from '../python/boundary_lab.py?raw';
import { denseLabSections } from '../sections';

/** What a run of the widget uses besides its state (src/widgets/boundary-lab/jobs.ts; a unit test keeps them in step). */
export const boundaryRun = {
  points: 600,
  batchSize: 32,
  /** Evaluations per run: every max(10, round(steps / 20)) steps. */
  evaluations: 20,
  minEvalEvery: 10,
  gridResolution: 40,
} as const;

function settings(s: BoundaryLabState) {
  return settingsCell('The boundary lab\'s settings (from the link above).', [
    ['DATASET', s.dataset, "'circles', 'xor', 'moons' or 'spiral'"],
    ['FEATURES', s.features, 'features of the second logistic regression'],
    ['LAYERS', s.layers, 'hidden layers of the MLP (2 … 6)'],
    ['WIDTH', s.width, 'units per hidden layer of the MLP'],
    ['LEARNING_RATE', s.lr, "Adam's learning rate, the same for all three learners"],
    ['STEPS', s.steps, 'training steps (mini-batches)'],
    ['SEED', s.seed, 'seeds the points, the MLP\'s initial weights and the batch order'],
    ['LEARNERS', s.learners, "'raw', 'features' and/or 'mlp'"],
    ['POINTS', boundaryRun.points, 'fixed in the widget'],
    ['BATCH_SIZE', boundaryRun.batchSize, 'fixed in the widget'],
    ['EVAL_EVERY', { python: `max(${boundaryRun.minEvalEvery}, js_round(STEPS / ${boundaryRun.evaluations}))` }, 'about 20 evaluations per run'],
    ['GRID_RESOLUTION', boundaryRun.gridResolution, 'decision maps: 40 × 40 cells'],
  ]);
}

export const boundaryLabExporter = defineExporter({
  schema: boundaryLabSchema,
  title: {
    en: 'Boundary lab: hand-made features vs learned features, in PyTorch',
    zh: '决策边界实验：手工特征与学习到的特征（PyTorch 版）',
  },
  intro: (ctx) =>
    ctx.t({
      en: 'Classical machine learning puts a simple model on top of features a person designed; deep learning learns the features too. This notebook trains three learners side by side on the same points, with the same loss, optimiser, learning rate, mini-batches and number of steps: logistic regression on the raw coordinates (x, y) — a straight decision boundary —, logistic regression on the features you ticked (x², sin πx, …), and a small multi-layer perceptron (MLP) that learns its own features. It is the widget\'s experiment, in the state you exported.',
      zh: '传统机器学习在人工设计的特征之上放一个简单的模型；深度学习则连特征也一起学习。这份笔记本在同样的数据点上并排训练三个学习器，损失函数、优化器、学习率、小批量和训练步数全都相同：直接用坐标 (x, y) 的逻辑回归——决策边界只能是直线；用你勾选的特征（x²、sin πx 等）的逻辑回归；以及一个自己学习特征的小型多层感知机（MLP）。这就是组件里的实验，状态与你导出时相同。',
    }),
  cells: (ctx) => {
    const [features, training, runs, charts, tables] = pythonCells(boundaryPy);
    return [
      markdown(ctx.t({
        en: '## Settings\n\nThe widget\'s settings at the moment you exported it. Change any of them and run the notebook again.',
        zh: '## 设置\n\n导出时组件的设置。可以修改其中任何一项，然后重新运行整个笔记本。',
      })),
      settings(ctx.state),
      ...denseLabSections(ctx),
      markdown(ctx.t({
        en: '## Hand-made features and logistic regression\n\nThe features, standardised with the training set\'s mean and standard deviation, and a logistic regression (a single linear layer and softmax) on top of them.',
        zh: '## 手工特征与逻辑回归\n\n先计算特征，并用训练集的均值和标准差做标准化；再在其上放一个逻辑回归（一个线性层加 softmax）。',
      })),
      { ...features!, tags: ['definitions'] },
      { ...training!, tags: ['definitions'] },
      markdown(ctx.t({
        en: '## The experiment\n\nThe three learners, each on the same mini-batches (a few seconds on a laptop CPU).',
        zh: '## 实验\n\n三个学习器，用的小批量完全相同（在笔记本电脑的 CPU 上只需几秒）。',
      })),
      { ...runs!, tags: ['run'] },
      markdown(ctx.t({
        en: '## What the widget shows\n\nThe same charts and tables as the widget. On the circles, x² and y² separate the classes with a straight line in feature space, so the second logistic regression does as well as the MLP; the one on the raw coordinates cannot. Try XOR or the spiral with the same features: the feature regression stays close to a guess while the MLP learns features that work (for XOR, tick xy and the feature regression solves it too).',
        zh: '## 组件显示的内容\n\n下面是与组件相同的图和表。在同心圆数据上，有了 x² 和 y² 这两个特征，两类点在特征空间里可以用一条直线分开，所以第二个逻辑回归和 MLP 一样好；只用原始坐标的逻辑回归则做不到。用同样的特征换成异或或螺旋数据试试：基于特征的逻辑回归几乎只能瞎猜，而 MLP 能学出管用的特征（对异或，勾选 xy，基于特征的逻辑回归也能解决）。',
      })),
      { ...charts!, tags: ['run'] },
      { ...tables!, tags: ['run'] },
    ];
  },
});
