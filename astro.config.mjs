// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { sidebar } from './src/sidebar.mjs';
import rehypeFocusableTables from './src/lib/markdown/rehype-focusable-tables.mjs';

// Astro 7's default Markdown processor is Rust-based; KaTeX at build time needs the unified pipeline
// (remark-math + rehype-katex). MDX inherits this processor, so no maths JS ships to the browser.
export default defineConfig({
  site: 'https://resnet-notebook.example',
  // Parallel builds (several work trees sharing one node_modules) need their own cache and output.
  cacheDir: process.env.NB_CACHE_DIR ?? './node_modules/.astro',
  outDir: process.env.NB_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { strict: 'error', throwOnError: true, output: 'htmlAndMathml' }], rehypeFocusableTables],
    }),
  },
  vite: {
    worker: { format: 'es' },
    optimizeDeps: { include: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm'] },
  },
  integrations: [
    starlight({
      title: { 'zh-CN': '残差网络互动笔记', en: 'ResNet Notebook' },
      description: 'An interactive bilingual notebook on CNNs and residual networks.',
      defaultLocale: 'zh',
      locales: {
        zh: { label: '简体中文', lang: 'zh-CN' },
        en: { label: 'English', lang: 'en' },
      },
      customCss: ['katex/dist/katex.min.css', './src/styles/site.css', './src/styles/widgets.css', './src/styles/classroom.css'],
      components: {
        LanguageSelect: './src/components/overrides/LanguageSelect.astro',
        Search: './src/components/overrides/Search.astro',
      },
      sidebar,
      pagination: true,
      lastUpdated: false,
    }),
  ],
});
