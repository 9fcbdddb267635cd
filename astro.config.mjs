// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { sidebar } from './src/sidebar.mjs';
import rehypeFocusableTables from './src/lib/markdown/rehype-focusable-tables.mjs';
import rehypeBaseLinks from './src/lib/markdown/rehype-base-links.ts';
import { normalizeBase } from './src/lib/i18n/localized-path.ts';
import { cspCheck, cspConfig } from './src/integrations/csp.ts';
import { devPages } from './src/integrations/dev-pages.ts';
import { headersFileIntegration } from './src/integrations/headers.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';

// Deploy anywhere: `BASE_PATH=/courses/resnet/` builds the site for that sub-path (every link,
// asset, worker, wasm file and search index under it); `SITE_URL=https://school.example` is the
// public address for the sitemap, canonical links and the links and QR codes teachers share.
const base = normalizeBase(process.env.BASE_PATH);
const site = process.env.SITE_URL || undefined;

// Astro 7's default Markdown processor is Rust-based; KaTeX at build time needs the unified pipeline
// (remark-math + rehype-katex). MDX inherits this processor, so no maths JS ships to the browser.
export default defineConfig({
  site,
  base,
  // Parallel builds (several work trees sharing one node_modules) need their own cache and output.
  cacheDir: process.env.NB_CACHE_DIR ?? './node_modules/.astro',
  outDir: process.env.NB_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // A strict Content-Security-Policy <meta> in every page (see src/integrations/csp.ts).
  security: { csp: cspConfig() },
  // Stylesheets as files, never inline: Astro's CSP leaves out the hash of a small stylesheet that a
  // component inside MDX content brings in, which the policy would then block.
  build: { inlineStylesheets: 'never' },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { strict: 'error', throwOnError: true, output: 'htmlAndMathml' }], rehypeFocusableTables, [rehypeBaseLinks, { base }]],
    }),
  },
  vite: {
    // Pagefind's search UI loads when the reader goes to search, not on every page (see the file).
    resolve: {
      alias: [
        { find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/components/overrides/pagefind-on-demand.ts', import.meta.url)) },
        // Chapters import widgets as `@widgets/<id>/<Name>.astro` (the same alias is in tsconfig.json).
        { find: /^@widgets\//, replacement: fileURLToPath(new URL('./src/widgets/', import.meta.url)) },
      ],
    },
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
      customCss: ['katex/dist/katex.min.css', './src/styles/site.css', './src/styles/widgets.css', './src/styles/classroom.css', './src/styles/offline.css', './src/styles/performance.css', './src/styles/print.css'],
      components: {
        LanguageSelect: './src/components/overrides/LanguageSelect.astro',
        Search: './src/components/overrides/Search.astro',
        Head: './src/components/overrides/Head.astro',
      },
      sidebar,
      routeMiddleware: './src/components/overrides/route-data.ts',
      pagination: true,
      lastUpdated: false,
    }),
    devPages(),
    cspCheck(),
    headersFileIntegration(),
    // Last: it precaches the finished output (after Pagefind and the checks above).
    serviceWorker(),
  ],
});
