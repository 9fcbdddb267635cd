// Static server for the built site (dist/), used by `npm start`, `npm run serve`, the e2e tests,
// Lighthouse and the benches. Plain node:http, no dependencies. It behaves like a well-configured
// static host, so what the tests measure is what a reader gets:
// - correct MIME types (wasm must be application/wasm), directory index files, the site's 404 page;
// - the site under its base path (`BASE_PATH`, the same value the build was made with): nothing
//   outside it is served, so a link that forgot the base fails in the tests as it would on the host;
// - gzip or brotli for text and wasm, as the browser asks (`Accept-Encoding`), cached in memory;
// - the response headers the build wrote to `dist/_headers` (Netlify / Cloudflare Pages format:
//   security headers, frame-ancestors per route, long caching of hashed assets) — one source for
//   the README's header set, this server and the hosts that read that file.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const root = resolve(process.env.NB_OUT_DIR ?? 'dist');
const port = Number(process.env.PORT ?? 4321);
// Default: every interface (IPv4 and IPv6), so http://localhost works whichever address it resolves to.
const host = process.env.HOST || undefined;
const trimmed = (process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '');
const base = trimmed ? `/${trimmed}/` : '/';
const compress = process.env.COMPRESS !== '0';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};
// Worth compressing. Fonts (woff2), images and Pagefind's files are compressed already; the MNIST
// subset ships gzipped.
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.wasm', '.txt', '.xml', '.ttf']);

/** `_headers` rules: `[{ pattern: RegExp, headers: [name, value][] }]`, in file order. */
async function loadHeaderRules() {
  let text = '';
  try {
    text = await readFile(join(root, '_headers'), 'utf8');
  } catch {
    return [];
  }
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else if (rules.length) {
      const i = line.indexOf(':');
      if (i > 0) rules.at(-1).headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}
const headerRules = await loadHeaderRules();

/** Headers for a URL path from `_headers`: every matching rule applies; a later value of the same name replaces an earlier one. */
function headersFor(urlPath) {
  const out = {};
  for (const rule of headerRules) if (rule.pattern.test(urlPath)) for (const [k, v] of rule.headers) out[k] = v;
  return out;
}

async function resolveFile(sitePath) {
  const clean = normalize(decodeURIComponent(sitePath)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, clean);
  if (!file.startsWith(root)) return null;
  try {
    const s = await stat(file);
    if (s.isDirectory()) file = join(file, 'index.html');
    await stat(file);
    return file;
  } catch {
    return null;
  }
}

const zipped = new Map();
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
/** The body in the best encoding the client accepts, computed once per file and encoding. */
async function encode(file, body, accept) {
  if (!compress || !compressible.has(extname(file)) || body.length < 1024) return { body };
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : undefined;
  if (!encoding) return { body };
  // Keyed by content, not only by name: a rebuild (or a test's new deploy) must never be served stale.
  const key = `${encoding}:${file}:${createHash('sha1').update(body).digest('base64')}`;
  if (!zipped.has(key)) {
    const work =
      encoding === 'br'
        ? brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gz(body, { level: 9 });
    zipped.set(key, work);
  }
  return { body: await zipped.get(key), encoding };
}

const server = createServer(async (req, res) => {
  try {
    if (!(await stat(root).catch(() => null))) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end(`${root} does not exist yet: build the site first (npm run build, or npm run build:sub for the sub-path copy).`);
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    // The site lives under its base; `/base` without the slash is the site's root too.
    if (base !== '/' && url.pathname === base.slice(0, -1)) {
      res.writeHead(301, { Location: base + url.search });
      return res.end();
    }
    const inside = url.pathname.startsWith(base);
    const sitePath = inside ? url.pathname.slice(base.length - 1) : null;
    let file = sitePath && sitePath !== '/_headers' ? await resolveFile(sitePath) : null;
    // `/zh/intro` → `/zh/intro/` (the site uses trailing slashes)
    if (!file && sitePath && !url.pathname.endsWith('/') && !extname(url.pathname)) {
      if (await resolveFile(sitePath + '/')) {
        res.writeHead(301, { Location: url.pathname + '/' + url.search });
        return res.end();
      }
    }
    let status = 200;
    if (!file) {
      status = 404;
      file = join(root, '404.html');
    }
    const raw = await readFile(file);
    const { body, encoding } = await encode(file, raw, String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(status, {
      'Cache-Control': 'no-cache',
      ...(inside ? headersFor(url.pathname) : {}),
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      ...(compressible.has(extname(file)) ? { Vary: 'Accept-Encoding' } : {}),
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(String(err));
  }
});

server.listen(port, host, () => {
  // The bound port (PORT=0 asks the system for a free one).
  console.log(`ResNet Notebook: serving ${root} on http://localhost:${server.address().port}${base}`);
});
