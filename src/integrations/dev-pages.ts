import type { AstroIntegration } from 'astro';

/**
 * Pages for the project's own scripts, never part of the production site: with `NB_DEV_PAGES=1`
 * the build adds `/dev/harness/` (src/dev/harness.astro), which `npm run record` and
 * `npm run bench` open to drive the widgets' workers directly. Without it (`npm run build`, CI,
 * any deploy) the route does not exist.
 */
export function devPages(enabled = process.env.NB_DEV_PAGES === '1'): AstroIntegration {
  return {
    name: 'nb:dev-pages',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (enabled) injectRoute({ pattern: '/dev/harness', entrypoint: new URL('../dev/harness.astro', import.meta.url) });
      },
    },
  };
}
