/**
 * The table of contents, shared by both languages (Starlight localises each `slug` entry to the
 * reader's locale; group labels carry their own translations).
 */
export const sidebar = [
  { slug: 'intro' },
  {
    label: 'Core concepts',
    translations: { 'zh-CN': '核心概念' },
    items: [{ slug: 'ml-vs-dl' }, { slug: 'cnn-anatomy' }, { slug: 'resnet-principles' }, { slug: 'why-residuals-work' }],
  },
  {
    label: 'Case studies',
    translations: { 'zh-CN': '案例研究' },
    items: [{ slug: 'case-studies/vgg' }, { slug: 'case-studies/googlenet' }, { slug: 'case-studies/resnet' }],
  },
  { slug: 'summary' },
  {
    label: 'Reference',
    translations: { 'zh-CN': '参考' },
    items: [{ slug: 'glossary' }, { slug: 'references' }, { slug: 'classroom' }],
  },
];
