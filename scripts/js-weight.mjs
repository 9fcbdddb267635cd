// Measures the JavaScript a built page loads before any interaction: external <script src>,
// modulepreload links and their static imports (followed recursively), plus inline scripts.
// Usage: node scripts/js-weight.mjs [/zh/intro/ …]   (defaults to a chapter page per language)
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.env.NB_OUT_DIR ?? 'dist';
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['/zh/intro/', '/en/intro/', '/zh/resnet-principles/', '/en/case-studies/vgg/'];

function fileFor(path) {
  const p = join(dist, path.replace(/^\//, ''));
  return p.endsWith('.html') ? p : join(p, 'index.html');
}

function follow(src, seen) {
  if (seen.has(src)) return;
  const file = join(dist, src.replace(/^\//, ''));
  if (!existsSync(file)) return;
  seen.add(src);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js|\/[^"']+\.js)["']/g)) {
    const next = m[1].startsWith('/') ? m[1] : new URL(m[1], 'http://x' + src).pathname;
    follow(next, seen);
  }
}

const rows = [];
for (const page of pages) {
  const html = readFileSync(fileFor(page), 'utf8');
  const seen = new Set();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) follow(m[1], seen);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) follow(m[1], seen);
  let raw = 0;
  let gz = 0;
  for (const src of seen) {
    const buf = readFileSync(join(dist, src.replace(/^\//, '')));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  rows.push({ page, files: seen.size, raw, gz, inlineRaw: Buffer.byteLength(inline), inlineGz: gzipSync(inline, { level: 9 }).length });
}
console.log('page\texternal files\traw B\tgzip B\tinline raw B\tinline gzip B');
for (const r of rows) console.log(`${r.page}\t${r.files}\t${r.raw}\t${r.gz}\t${r.inlineRaw}\t${r.inlineGz}`);
