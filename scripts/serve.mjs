// Static server for the built site (dist/), used by `npm start`, `npm run serve` and the e2e tests.
// Plain node:http, no dependencies: correct MIME types (wasm must be application/wasm), directory
// index files, the site's 404 page, and no frame-blocking headers (embeds must work in iframes).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.env.NB_OUT_DIR ?? 'dist');
const port = Number(process.env.PORT ?? 4321);
// Default: every interface (IPv4 and IPv6), so http://localhost works whichever address it resolves to.
const host = process.env.HOST || undefined;

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
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
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

async function resolveFile(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
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

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = await resolveFile(url.pathname);
    // `/zh/intro` → `/zh/intro/` (the site uses trailing slashes)
    if (!file && !url.pathname.endsWith('/') && !extname(url.pathname)) {
      if (await resolveFile(url.pathname + '/')) {
        res.writeHead(301, { Location: url.pathname + '/' + url.search });
        return res.end();
      }
    }
    let status = 200;
    if (!file) {
      status = 404;
      file = join(root, '404.html');
    }
    const body = await readFile(file);
    res.writeHead(status, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(String(err));
  }
});

server.listen(port, host, () => {
  console.log(`ResNet Notebook: serving ${root} on http://localhost:${port}/`);
});
