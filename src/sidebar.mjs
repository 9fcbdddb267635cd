export const sidebar = [
  { slug: 'intro' },
  {
    label: 'Reference',
    translations: { 'zh-CN': '参考' },
    items: [{ slug: 'classroom' }],
  },
];
