/**
 * Offline after the first visit: after the build, Workbox (`workbox-build`'s `generateSW`) writes
 * `sw.js`, a service worker that precaches the whole site — pages, CSS, JS, the training workers,
 * the WASM binaries, the MNIST subset, the recordings, KaTeX's fonts and the Pagefind index — so a
 * class that loses the network mid-lesson keeps reading, searching and training.
 *
 * Versioning: every precached file carries a revision (its content hash; hashed `_astro/` names are
 * their own revision), so a new deploy downloads only what changed; caches of older Workbox
 * formats are removed (`cleanupOutdatedCaches`); the cache names are prefixed `resnet-notebook`
 * and scoped to the base path, so two copies on one host do not share a cache. A new service
 * worker waits until the reader accepts the update prompt (`src/components/offline/`).
 *
 * Also writes one web app manifest per language (`manifest-zh.webmanifest`, `manifest-en…`), so the
 * notebook can be installed, named in the reader's language.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';
import { manifestText } from '../lib/i18n/offline';
import { htmlLang, locales } from '../lib/i18n/locales';

/** What is precached (relative to the output folder). */
export const precacheGlobs = [
  '**/*.html',
  '_astro/**/*.{js,css,wasm,bin,json,woff2,svg,png}',
  'pagefind/**/*',
  '*.{svg,webmanifest}',
  'icons/*.png',
];
/** Left out: KaTeX's older font formats (every browser that runs the site takes woff2), the threaded
 * WASM build (threads are off, see src/workers/backend.ts), the dev harness and its bench worker, files for hosts. */
export const precacheIgnores = [
  'dev/**',
  '_astro/bench.worker-*.js',
  '_astro/**/*.{ttf,woff}',
  '_astro/**/tfjs-backend-wasm-threaded-simd*.wasm',
  '_headers',
  'sitemap*.xml',
];

function manifest(lang: (typeof locales)[number], base: string) {
  const t = manifestText[lang];
  return {
    id: base,
    name: t.name,
    short_name: t.short_name,
    description: t.description,
    lang: htmlLang[lang],
    start_url: `${base}${lang}/`,
    scope: base,
    display: 'standalone',
    background_color: '#17181c',
    theme_color: '#0072B2',
    icons: [
      { src: `${base}icons/icon-192.png`, sizes: '192x192', type: 'image/png' },
      { src: `${base}icons/icon-512.png`, sizes: '512x512', type: 'image/png' },
      { src: `${base}icons/maskable-512.png`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: `${base}favicon.svg`, sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}

export function serviceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'nb:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        for (const lang of locales) {
          await writeFile(join(out, `manifest-${lang}.webmanifest`), JSON.stringify(manifest(lang, base), null, 2));
        }
        const { count, size, warnings } = await generateSW({
          globDirectory: out,
          globPatterns: precacheGlobs,
          globIgnores: precacheIgnores,
          swDest: join(out, 'sw.js'),
          cacheId: 'resnet-notebook',
          // Hashed file names are their own revision: no query string needed to bust them.
          dontCacheBustURLsMatching: /^_astro\//,
          // `/zh/intro/` is served from the precached `zh/intro/index.html`.
          directoryIndex: 'index.html',
          // Widget links carry their state in the query (`?w=…&depth=32`): the page is the same.
          ignoreURLParametersMatching: [/.*/],
          maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
          cleanupOutdatedCaches: true,
          clientsClaim: true,
          skipWaiting: false,
          sourcemap: false,
          mode: 'production',
          disableDevLogs: true,
        });
        for (const w of warnings) logger.warn(w);
        logger.info(`sw.js precaches ${count} files, ${(size / 1024 / 1024).toFixed(1)} MB`);
      },
    },
  };
}
