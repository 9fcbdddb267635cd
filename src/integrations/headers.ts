/**
 * The response headers the site wants from its host, written by the build to `dist/_headers`
 * (the format Netlify and Cloudflare Pages read; `scripts/serve.mjs` applies the same file, so the
 * e2e tests run with exactly these headers). The README's Deploy section shows the same set for
 * other servers.
 *
 * - every response: `X-Content-Type-Options`, `Referrer-Policy`, `Permissions-Policy`;
 * - every page except the embed pages: `frame-ancestors 'self'` (a `<meta>` policy cannot say
 *   this). Embed pages (`/{lang}/embed/<id>/`) carry no frame restriction: they are made to be
 *   framed by a learning platform on any site. Pages are listed one by one because hosts merge
 *   the headers of overlapping rules, which would intersect the two policies;
 * - hashed assets (`/_astro/*`): cached for a year, and the policy a worker runs under (a worker
 *   takes its policy from its own response, not from the page): its own scripts and WebAssembly,
 *   no `eval`;
 * - the service worker: never cached by HTTP, same worker policy.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The policy of worker scripts (training workers, the service worker). */
export const workerPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'";

export const commonHeaders: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
];

async function pagePaths(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await pagePaths(p, root)));
    else if (e.name === 'index.html') out.push(`/${relative(root, dir).split(sep).join('/')}/`.replace(/\/+/g, '/'));
    else if (e.name.endsWith('.html')) out.push(`/${relative(root, p).split(sep).join('/')}`);
  }
  return out.sort();
}

/** The text of `_headers` for a build in `outDir` under `base` (`/` or `/sub/path/`). */
export async function headersFile(outDir: string, base: string): Promise<string> {
  const at = (path: string) => base.replace(/\/$/, '') + path;
  const block = (pattern: string, headers: [string, string][]) => `${pattern}\n${headers.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
  const framed = (path: string) => /\/embed\//.test(path);
  const pages = (await pagePaths(outDir)).filter((p) => !framed(p));
  return [
    '# Response headers for this build (written by src/integrations/headers.ts; see README, Deploy).\n',
    block(at('/*'), commonHeaders),
    block(at('/_astro/*'), [
      ['Cache-Control', 'public, max-age=31536000, immutable'],
      ['Content-Security-Policy', workerPolicy],
    ]),
    block(at('/sw.js'), [
      ['Cache-Control', 'no-cache'],
      ['Content-Security-Policy', workerPolicy],
    ]),
    ...pages.map((p) => block(at(p), [['Content-Security-Policy', "frame-ancestors 'self'"]])),
  ].join('\n');
}

export function headersFileIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'nb:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        await writeFile(join(out, '_headers'), await headersFile(out, base));
        logger.info('wrote _headers');
      },
    },
  };
}
