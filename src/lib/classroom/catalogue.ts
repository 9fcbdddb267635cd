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
      zh: '深度锁定为 32 层，只训练普通网络（没有捷径连接）。调整学习率、优化器、宽度、批归一化或训练步数，让它的最终训练损失降到 0.3 以下。和残差网络相比，你付出了什么代价？',
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
    title: { zh: '去掉批归一化之后', en: 'Without batch normalization' },
    prompt: {
      zh: '关掉批归一化，找一个深度，使普通网络在初始化时第一层的梯度比最后一层还小（梯度比小于 1），也就是梯度在传回输入端的途中变弱了。残差网络在同一深度表现如何？',
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
  return a ? { widget: a.widget, task: { id: a.id, prompt: a.prompt, check: a.check, report: a.report } } : undefined;
};
