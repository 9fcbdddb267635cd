import type { Locale } from '../i18n/locales';

/** The notebook export's words on the page (the toolbar of every widget that has one). */
export const notebookStrings: Record<Locale, { button: string; buttonTitle: string; saved: string; failed: string; dataFile: string }> = {
  en: {
    button: 'Jupyter notebook',
    buttonTitle: 'This experiment as a Jupyter notebook (.ipynb): the same run in PyTorch, ready to scale up to CIFAR-10',
    saved: 'Notebook saved as {file}. It runs this experiment in PyTorch; open it in Jupyter, VS Code or Colab.',
    failed: 'The notebook could not be made: {message}',
    dataFile: 'data for the notebook: {file} ({size})',
  },
  zh: {
    button: 'Jupyter 笔记本',
    buttonTitle: '把这个实验导出为 Jupyter 笔记本（.ipynb）：用 PyTorch 重做同一次训练，还可以放大到 CIFAR-10',
    saved: '笔记本已保存为 {file}。它用 PyTorch 重做这个实验，可以用 Jupyter、VS Code 或 Colab 打开。',
    failed: '笔记本生成失败：{message}',
    dataFile: '笔记本所需的数据：{file}（{size}）',
  },
};
