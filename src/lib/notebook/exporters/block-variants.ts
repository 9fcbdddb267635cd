/**
 * The block variants' notebook: residual nets that differ only in their block (He et al. 2016b,
 * Fig. 2 and Fig. 4), trained side by side on the degradation lab's data from the same weights.
 */
import { blockVariants, paperTable1, paperTable2, type BlockVariantId, type PaperError } from '../../ml/block-variants';
import { blockVariantsSchema, type BlockVariantsState } from '../../state/schemas/block-variants';
import { defineExporter } from '../exporter';
import { markdown } from '../nbformat';
import { pythonCells, pyValue, settingsCell } from '../python-source';
import variantsPy from '../python/block_variants.py?raw';
import { denseLabSections, settingsHeading } from '../sections';
import { degradationRun } from './degradation-lab';

/** Evaluations per run (src/widgets/block-variants/jobs.ts; a unit test keeps the two in step). */
export const blockVariantsEvaluations = 20;

/** The chosen variants in the order of the paper's tables, as the widget trains them. */
export const variantOrder = (s: BlockVariantsState): BlockVariantId[] => blockVariants.filter((v) => s.variants.includes(v.id)).map((v) => v.id);

/**
 * What He et al. 2016b measured for a variant with this gate bias (ResNet-110 on CIFAR-10, test
 * error %), or null where the paper has no such row (a gate bias it did not try).
 */
export function paperError(variant: BlockVariantId, gateBias: number): PaperError | null {
  const rows = paperTable1.filter((r) => r.variant === variant);
  if (rows.length === 1 && rows[0]!.gateBias === undefined) return rows[0]!.error;
  // Gated rows: b_g = 0 stands for the paper's "0 to −5" row where that is its remark.
  const row = rows.find((r) => r.gateBias === gateBias) ?? rows.find((r) => r.remark === 'b_g = 0 to −5' && gateBias <= 0 && gateBias >= -5);
  if (row) return row.error;
  return paperTable2.find((r) => r.variant === variant)?.error110 ?? null;
}

function settings(s: BlockVariantsState) {
  const ids = variantOrder(s);
  const paper = ids.map((v) => [v, paperError(v, s.gateBias)] as const).filter(([, e]) => e !== null);
  return settingsCell("The block-variants widget's settings (from the link above).", [
    ['VARIANT_IDS', ids, 'two to four of the variants below, in the order of the paper\'s tables'],
    ['DATASET', s.dataset, "'spiral', 'moons', 'circles' or 'xor'"],
    ['DEPTH', s.depth, 'layers in the blocks (even, 2 … 64): DEPTH / 2 blocks'],
    ['WIDTH', s.width, 'units per layer'],
    ['GATE_BIAS', s.gateBias, 'initial b_g of the gated variants (0 … −10)'],
    ['OPTIMIZER', s.optimizer, "'adam' or 'sgd' (with momentum 0.9)"],
    ['LEARNING_RATE', s.lr],
    ['STEPS', s.steps, 'training steps (mini-batches)'],
    ['SEED', s.seed, 'seeds the points, the weights, the batches and the dropout masks'],
    ['POINTS', degradationRun.points, 'training points, and as many test points'],
    ['BATCH_SIZE', degradationRun.batchSize, 'fixed in the widget'],
    ['EVAL_EVERY', { python: `max(5, js_round(STEPS / ${blockVariantsEvaluations}))` }, `${blockVariantsEvaluations} evaluations per run`],
    ['PAPER_ERRORS', { python: `{${paper.map(([v, e]) => `${pyValue(v)}: ${pyValue(e)}`).join(', ')}}` }, 'He et al. 2016b, Tables 1 and 2: test error %'],
  ]);
}

export const blockVariantsExporter = defineExporter({
  schema: blockVariantsSchema,
  title: {
    en: 'Block variants: what should the shortcut and the block look like? (PyTorch)',
    zh: '残差块变体：捷径和残差块该是什么样子？（PyTorch 版）',
  },
  intro: (ctx) =>
    ctx.t({
      en: `He et al. (2016b, "Identity Mappings in Deep Residual Networks") asked what a residual block should look like: what may sit on the shortcut (a constant scale, a gate, a projection, dropout), and where batch normalisation and ReLU should go. Only the clean identity shortcut trained well in their 110-layer nets, and moving BN and ReLU before the weights ("full pre-activation") helped further. This notebook repeats the widget's experiment: ${variantOrder(ctx.state).join(', ')} at depth ${ctx.state.depth}, from the same initial weights, on the same mini-batches, with training and test scores along the way.`,
      zh: `He 等人（2016b，《Identity Mappings in Deep Residual Networks》）研究了残差块应该是什么样子：捷径上可以放什么（常数缩放、门控、投影、丢弃法），批量归一化和 ReLU 又该放在哪里。在他们的 110 层网络中，只有干净的恒等捷径训练得好；再把 BN 和 ReLU 移到权重之前（“完全预激活”）效果更好。这份笔记本重做组件里的实验：深度 ${ctx.state.depth} 的 ${variantOrder(ctx.state).join('、')}，从相同的初始权重出发、用相同的小批量训练，并在训练过程中记录训练和测试的得分。`,
    }),
  cells: (ctx) => {
    // Definitions are tagged for the port check, which runs them without training anything.
    const [variants, block, net, training] = pythonCells(variantsPy, ['definitions']);
    const [, , , , run, charts, tables] = pythonCells(variantsPy, ['run']);
    return [
      settingsHeading(ctx, { en: '`VARIANT_IDS` may list any of the twelve variants', zh: '`VARIANT_IDS` 可以列出下面十二种变体中的任意几种' }),
      settings(ctx.state),
      ...denseLabSections(ctx),
      markdown(ctx.t({
        en: `## The block variants
Each variant is the residual net above with one kind of block. The shortcut variants (Fig. 2 of the paper) keep the original placement of BN and ReLU and change the shortcut; the activation variants (Fig. 4) keep the identity shortcut and move BN and ReLU. All of them start from the residual net's initial weights and are trained with the optimisers above.`,
        zh: `## 残差块的各种变体
每种变体都是上面的残差网络，只是换了一种残差块。捷径类变体（论文图 2）保留原来 BN 和 ReLU 的位置，只改捷径；激活类变体（图 4）保留恒等捷径，移动 BN 和 ReLU 的位置。它们都从残差网络的初始权重出发，用上面的优化器训练。`,
      })),
      variants!,
      block!,
      net!,
      training!,
      markdown(ctx.t({
        en: '## The experiment\n\nThe variants are trained one after the other (well under a minute each on a laptop CPU at the default settings).',
        zh: '## 实验\n\n各变体依次训练（默认设置下，在笔记本电脑的 CPU 上每个远不到一分钟）。',
      })),
      run!,
      markdown(ctx.t({
        en: `## What the widget shows

The same charts and tables as the widget, and the paper's numbers for these variants. How close are these numbers to the browser's? The first steps' losses agree to about six significant digits; both sides compute in float32 but add numbers in different orders, so later steps drift apart in the last digits and a final accuracy can differ by a point or so. Which variants train well and which do not is the same.`,
        zh: `## 组件显示的内容

下面是与组件相同的图和表，以及论文中这些变体的结果。这些数字和浏览器的有多接近？前面若干步的损失大约有六位有效数字相同；两边都用 32 位浮点数计算，只是求和的先后顺序不同，所以后面的步骤会在最后几位上逐渐分开，最终准确率可能相差一个点左右。但哪些变体训练得好、哪些不好，结论是相同的。`,
      })),
      charts!,
      tables!,
    ];
  },
});
