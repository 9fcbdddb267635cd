/**
 * The Content-Security-Policy holds on the built site: every page carries the `<meta>` policy and
 * the server sends the `_headers` set; no page and no training run triggers a single
 * `securitypolicyviolation` (in the page) or a CSP message (in the page or a worker's console).
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { widgets } from './classroom-helpers';
import { contentSlugs, expect, langs, openSearch, pagePath, test } from './site';

/** Starts recording CSP violations (page events and CSP console messages, workers included). */
async function watchCsp(page: Page) {
  const found: string[] = [];
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`));
  });
  const fromConsole = (text: string) => {
    if (/content security policy/i.test(text)) found.push(text);
  };
  page.on('console', (m) => fromConsole(m.text()));
  page.on('worker', (w) => w.on('console', (m) => fromConsole(m.text())));
  return async () => [...found, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

/** Scrolls through the page so every lazily mounted widget mounts, and waits for each to settle. */
async function mountAll(page: Page) {
  for (const id of await page.locator('[data-widget][data-status][id]').evaluateAll((els) => els.map((e) => e.id))) {
    const root = page.locator(`#${id}`);
    await root.scrollIntoViewIfNeeded();
    await expect(root).toHaveAttribute('data-status', /idle|done/, { timeout: 30_000 });
  }
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
}

const allPages = [
  '/',
  '/404.html',
  ...langs.flatMap((l) => contentSlugs().map((s) => pagePath(l, s))),
  ...langs.flatMap((l) => widgets.map((w) => `/${l}/embed/${w.id}/`)),
];

test('every page has the policy: no unsafe-eval, wasm allowed, inline scripts exactly by hash', async ({ request }) => {
  test.setTimeout(120_000);
  for (const path of allPages) {
    const html = await (await request.get(path)).text();
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(policy, path).toBeTruthy();
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/\s'unsafe-eval'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      const hash = createHash('sha256').update(m[1]!, 'utf8').digest('base64');
      expect(policy, `${path}: inline script ${m[1]!.trim().slice(0, 60)}`).toContain(`'sha256-${hash}'`);
    }
  }
});

test('the server sends the header set from _headers: frame-ancestors on pages but not embeds, worker policy and long caching on assets', async ({ request }) => {
  const page = await request.get('/en/intro/');
  expect(page.headers()['content-security-policy']).toBe("frame-ancestors 'self'");
  expect(page.headers()['x-content-type-options']).toBe('nosniff');
  expect(page.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  const embed = await request.get('/en/embed/degradation-lab/');
  expect(embed.headers()['content-security-policy']).toBeUndefined();
  expect(embed.headers()['x-frame-options']).toBeUndefined();
  const html = await page.text();
  const script = /<script type="module" src="([^"]+\.js)"/.exec(html)?.[1] ?? /href="(\/_astro\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const asset = await request.get(script!);
  expect(asset.headers()['cache-control']).toContain('immutable');
  expect(asset.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(asset.headers()['content-security-policy']).not.toContain("'unsafe-eval'");
  // The same file the hosts read.
  expect(readFileSync('dist/_headers', 'utf8')).toContain("/_astro/*\n  Cache-Control: public, max-age=31536000, immutable");
});

for (const lang of langs) {
  test(`no CSP violation on any page (${lang}), with every widget mounted`, async ({ page }) => {
    test.setTimeout(240_000);
    const violations = await watchCsp(page);
    const paths = [...contentSlugs().map((s) => pagePath(lang, s)), ...widgets.map((w) => `/${lang}/embed/${w.id}/`), ...(lang === 'zh' ? ['/', '/404.html'] : [])];
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState('load');
      await mountAll(page);
      expect(await violations(), path).toEqual([]);
    }
    // Search (Pagefind compiles WebAssembly) under the policy.
    await page.goto(pagePath(lang, 'intro'));
    await (await openSearch(page)).pressSequentially(lang === 'zh' ? '残差' : 'residual', { delay: 30 });
    await expect(page.locator('#starlight__search .pagefind-ui__result-link').first()).toBeVisible({ timeout: 15_000 });
    expect(await violations()).toEqual([]);
  });
}

/** Each training widget, with short settings: the WASM backend runs in its worker under the worker policy. */
const runs: [string, string][] = [
  ['degradation-lab', 'depth=8&steps=50'],
  ['gradient-flow', 'depth=8&steps=50'],
  ['boundary-lab', 'steps=50'],
  ['cnn-trainer', 'epochs=1'],
];
for (const [id, query] of runs) {
  test(`no CSP violation while ${id} trains (WASM backend in its worker)`, async ({ page }) => {
    test.setTimeout(180_000);
    const entry = widgets.find((w) => w.id === id)!;
    const violations = await watchCsp(page);
    await page.goto(`/en/${entry.chapter}/?w=${id}&${query}#${id}`);
    const root = page.locator(`#${id}`);
    await expect(root).toHaveAttribute('data-status', /idle|done/, { timeout: 30_000 });
    await root.locator('[data-run="train"]').click();
    await expect(root).toHaveAttribute('data-status', /loading|running|done/);
    await page.waitForFunction((sel) => ['done', 'error'].includes(document.querySelector<HTMLElement>(sel)!.dataset.status!), `#${id}`, { timeout: 150_000 });
    await expect(root).toHaveAttribute('data-status', 'done');
    await expect(root).toHaveAttribute('data-backend', 'wasm');
    expect(await violations()).toEqual([]);
  });
}

test('no CSP violation on the CPU backend either (WASM blocked, the worker falls back)', async ({ page, context }) => {
  test.setTimeout(180_000);
  await context.route(/\.wasm$/, (route) => route.abort());
  const violations = await watchCsp(page);
  await page.goto('/en/ml-vs-dl/?w=boundary-lab&steps=50#boundary-lab');
  const root = page.locator('#boundary-lab');
  await expect(root).toHaveAttribute('data-status', /idle|done/, { timeout: 30_000 });
  await root.locator('[data-run="train"]').click();
  await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector<HTMLElement>('#boundary-lab')!.dataset.status!), undefined, { timeout: 150_000 });
  await expect(root).toHaveAttribute('data-status', 'done');
  await expect(root).toHaveAttribute('data-backend', 'cpu');
  expect(await violations()).toEqual([]);
});
