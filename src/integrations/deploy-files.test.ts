import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBuiltPolicies, inlineScriptHashes, scriptHash } from './csp';
import { headersFile, workerPolicy } from './headers';

/** A tiny built site: one chapter, one embed page. */
function site(pageHtml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'nb-site-'));
  mkdirSync(join(dir, 'zh/intro'), { recursive: true });
  mkdirSync(join(dir, 'zh/embed/degradation-lab'), { recursive: true });
  writeFileSync(join(dir, 'zh/intro/index.html'), pageHtml);
  writeFileSync(join(dir, 'zh/embed/degradation-lab/index.html'), pageHtml);
  return dir;
}

const pinned = Object.values(inlineScriptHashes);
const page = (policy: string, scripts: string[]) =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy.replace(/'/g, '&#39;')}">${scripts.map((s) => `<script>${s}</script>`).join('')}</head></html>`;

describe('checkBuiltPolicies (the build fails on an inline script the policy does not allow)', () => {
  it('reports an unknown inline script and pins no page uses', async () => {
    const problems = await checkBuiltPolicies(site(page("script-src 'self'", ['alert(1)'])));
    expect(problems.some((p) => p.includes('inline script not allowed') && p.includes(scriptHash('alert(1)')))).toBe(true);
    expect(problems.filter((p) => p.startsWith('pinned inline-script hash')).length).toBe(pinned.length);
  });

  it('reports unsafe-eval', async () => {
    const problems = await checkBuiltPolicies(site(page("script-src 'self' 'unsafe-eval'", [])));
    expect(problems.some((p) => p.includes("'unsafe-eval'"))).toBe(true);
  });

  it('accepts wasm-unsafe-eval and a hashed inline script', async () => {
    const script = 'document.documentElement.dataset.x = "1"';
    const problems = await checkBuiltPolicies(site(page(`script-src 'self' 'wasm-unsafe-eval' '${scriptHash(script)}'`, [script])));
    expect(problems.filter((p) => !p.startsWith('pinned inline-script hash'))).toEqual([]);
  });
});

describe('headersFile (dist/_headers)', () => {
  it('restricts framing of pages but not of embeds, and gives workers their own policy', async () => {
    const text = await headersFile(site('<html></html>'), '/');
    expect(text).toContain("/zh/intro/\n  Content-Security-Policy: frame-ancestors 'self'");
    expect(text).not.toContain('/zh/embed/degradation-lab/');
    expect(text).toContain(`/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n  Content-Security-Policy: ${workerPolicy}`);
    expect(workerPolicy).toContain("'wasm-unsafe-eval'");
    expect(workerPolicy).not.toMatch(/\s'unsafe-eval'/);
  });

  it('writes every pattern under the base of a sub-path build', async () => {
    const text = await headersFile(site('<html></html>'), '/nb/sub/');
    const patterns = text.split('\n').filter((l) => l.startsWith('/'));
    expect(patterns.length).toBeGreaterThan(3);
    for (const p of patterns) expect(p.startsWith('/nb/sub/')).toBe(true);
  });
});
