/**
 * The parts every exported notebook shares: the introduction (what, the link back, how to run,
 * what needs the network), the imports, and the "scale it up" section (He et al. 2016a, §4.2 on
 * CIFAR-10). Markdown in the reader's language; code identical in both.
 */
import { analyzeArchitecture } from '../architectures/analyze';
import { cifarResNet } from '../architectures/models/cifar-resnet';
import { dataFiles, type DataFileId } from './data-files';
import type { ExportContext, Localized, NotebookExporter } from './exporter';
import { markdown, type CellDraft } from './nbformat';
import { pythonCells, pyValue, settingsCell } from './python-source';
import scaleUpPy from './python/scale_up.py?raw';
import setupPy from './python/setup.py?raw';
import type { WidgetSchema } from '../state/schema';

const brand: Localized = { en: 'ResNet Notebook', zh: '残差网络互动笔记' };

const kb = (bytes: number) => `${Math.round(bytes / 1000).toLocaleString('en')} KB`;

function networkNote(ctx: ExportContext<WidgetSchema>, files: readonly DataFileId[]): string {
  if (!files.length) {
    return ctx.t({
      en: 'It needs no network connection: the code below generates its data.',
      zh: '运行时不需要联网：数据由下面的代码生成。',
    });
  }
  const names = files.map((f) => `\`${dataFiles[f].filename}\` (${kb(dataFiles[f].bytes)})`).join(', ');
  return ctx.t({
    en: `Only one step needs the network: downloading ${names} from the site this notebook came from (its checksum is verified). You can also save that file from the widget — it is offered beside the notebook — and put it next to this notebook; then nothing is downloaded.`,
    zh: `只有一步需要联网：从导出这份笔记本的网站下载 ${names}（会校验其校验和）。你也可以在组件中保存这个文件（它就在笔记本导出按钮旁边），放到本笔记本所在的文件夹里，这样就不会再下载任何东西。`,
  });
}

/** Title, what and why, the link back, how to run it. */
export function introCells<S extends WidgetSchema>(exporter: NotebookExporter<S>, ctx: ExportContext<S>): CellDraft[] {
  const t = ctx.t;
  const files = exporter.dataFiles ?? [];
  return [
    markdown(`# ${t(exporter.title)}

${exporter.intro(ctx)}

${t({ en: '**The widget in exactly this state:**', zh: '**在网页上打开同一状态的组件：**' })} <${ctx.link}>

${t({
  en: `Exported from *${brand.en}*. This notebook repeats the widget's experiment in PyTorch with the same data, the same initial weights, the same mini-batches in the same order and the same optimiser, so you can check the browser's numbers with an independent implementation, change anything you like, and then scale the experiment up to the paper's (last section). The numbers agree with the browser's closely but not to the last digit: both compute in 32-bit floating point, but they add numbers up in different orders.`,
  zh: `导出自《${brand.zh}》。这份笔记本用 PyTorch 重做组件里的实验：同样的数据、同样的初始权重、同样顺序的小批量、同样的优化器。你可以用这份独立的实现核对浏览器算出的数字，随意修改任何设置，最后把实验放大到论文的规模（见最后一节）。结果与浏览器的数字非常接近，但不会每一位都相同：两边都用 32 位浮点数计算，只是求和的先后顺序不同。`,
})}

${t({
  en: `**How to run it.** Python 3 with PyTorch (1.13 or 2.x), NumPy and Matplotlib — \`pip install torch numpy matplotlib\` (the scale-up section also needs \`torchvision\`). Open the notebook in Jupyter, JupyterLab, VS Code or Colab and run all cells from the top.`,
  zh: `**如何运行。** 需要 Python 3、PyTorch（1.13 或 2.x）、NumPy 和 Matplotlib：\`pip install torch numpy matplotlib\`（“放大规模”一节还需要 \`torchvision\`）。用 Jupyter、JupyterLab、VS Code 或 Colab 打开，从上到下运行全部单元格即可。`,
})} ${networkNote(ctx as unknown as ExportContext<WidgetSchema>, files)}`),
    ...pythonCells(setupPy, ['setup']),
  ];
}

/** Depths of the CIFAR-10 nets in the scale-up section (He et al. 2016a, Table 6 and Fig. 6). */
export const cifarDepths = [20, 32, 44, 56, 110] as const;
/** Parameters of the CIFAR-10 ResNets as printed in He et al. 2016a, Table 6. */
const paperParams: Record<(typeof cifarDepths)[number], string> = { 20: '0.27M', 32: '0.46M', 44: '0.66M', 56: '0.85M', 110: '1.7M' };

/** Parameter counts the site computes for the CIFAR-10 nets, by name (`ResNet-20`, `plain-20`, …). */
export function siteCifarCounts(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const depth of cifarDepths) {
    out[`ResNet-${depth}`] = analyzeArchitecture(cifarResNet(depth)).totals.params;
    out[`plain-${depth}`] = analyzeArchitecture(cifarResNet(depth, { shortcut: 'none' })).totals.params;
  }
  return out;
}

/** "Scale it up": the paper's CIFAR-10 setup, guarded by RUN_CIFAR (off), with a parameter check that always runs. */
export function scaleUpCells(ctx: ExportContext<WidgetSchema>): CellDraft[] {
  const t = ctx.t;
  const [flags, models, check, data, train] = pythonCells(scaleUpPy, ['scale-up']);
  const counts = siteCifarCounts();
  const countsCell = settingsCell('Computed by the site (src/lib/architectures) when this notebook was exported.', [
    ['CIFAR_DEPTHS', [...cifarDepths]],
    ['SITE_CIFAR_COUNTS', { python: `{\n${Object.entries(counts).map(([k, v]) => `    ${pyValue(k)}: ${v},`).join('\n')}\n}` }],
    ['PAPER_CIFAR_PARAMS', { python: `{${cifarDepths.map((d) => `${d}: ${pyValue(paperParams[d])}`).join(', ')}}` }],
  ], ['scale-up']);
  return [
    markdown(t({
      en: `## Scale it up: CIFAR-10, as in the paper

The widget's experiment is small enough for a browser. He et al. (2016a, §4.2, Fig. 6 and Table 6) ran the same comparison on CIFAR-10 images with convolutional nets: ResNet-20, 32, 44, 56 and 110 against plain nets of the same depths. The code below is their setup:

- **Nets:** 6n + 2 weighted layers — a 3×3 convolution, three stages of n basic blocks (16, 32 and 64 filters on 32×32, 16×16 and 8×8 maps), global average pooling, a 10-way linear layer; BN after every convolution. Shortcuts are identities, with **option A** (subsample and pad with zeros, no parameters) where the shape changes. The plain nets are the same nets without the shortcuts.
- **Training:** SGD with momentum 0.9 and weight decay 1e-4, mini-batches of 128, learning rate 0.1, divided by 10 at 32k and 48k iterations, stopped at 64k; random crops (4 pixels of padding) and horizontal flips; the per-pixel mean subtracted.

What to expect (Fig. 6): the plain nets get *worse* as they get deeper — plain-56 ends with a higher training error than plain-20 — while the ResNets get better with depth (test error 8.75 % for ResNet-20 down to 6.43 % for ResNet-110, Table 6).

It uses a GPU when PyTorch finds one (\`device\` below). Training is off by default (\`RUN_CIFAR = False\`): on a CPU it takes days. The parameter check runs anyway.`,
      zh: `## 放大规模：像论文一样在 CIFAR-10 上训练

组件里的实验小到可以在浏览器里跑。He 等人（2016a，§4.2，图 6 与表 6）在 CIFAR-10 图像上用卷积网络做了同样的对比：ResNet-20、32、44、56、110，对照同样深度的普通网络。下面的代码就是他们的设置：

- **网络：** 6n + 2 个带权重的层——一个 3×3 卷积，三个阶段各 n 个基本块（在 32×32、16×16、8×8 的特征图上分别用 16、32、64 个卷积核），全局平均池化，最后是 10 路的线性层；每个卷积之后都接 BN。捷径连接是恒等映射，形状变化处用**选项 A**（隔点下采样并用零补齐通道，不引入参数）。普通网络就是去掉捷径连接的同一网络。
- **训练：** SGD，动量 0.9，权重衰减 1e-4，小批量 128；学习率 0.1，在第 32k 和 48k 次迭代时各除以 10，到 64k 次迭代结束；训练时做随机裁剪（四周各补 4 个像素）和水平翻转，并减去逐像素均值。

预期结果（图 6）：普通网络越深反而越差——plain-56 的训练误差比 plain-20 还高；而 ResNet 随深度增加越来越好（表 6：测试误差从 ResNet-20 的 8.75% 降到 ResNet-110 的 6.43%）。

有 GPU 时会自动使用（见下面的 \`device\`）。训练默认关闭（\`RUN_CIFAR = False\`）：在 CPU 上要跑好几天。参数量核对则总会运行。`,
    })),
    flags!,
    models!,
    countsCell,
    check!,
    data!,
    train!,
  ];
}
