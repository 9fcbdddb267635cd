/**
 * The site deployed under a sub-path: `npm run build:sub` (BASE_PATH=/nb/sub/, SITE_URL=
 * https://school.example) served under `/nb/sub/` with nothing at the root. Every page, link,
 * anchor and asset resolves inside the base; a widget trains (worker, wasm and data file found);
 * search, an embed and classroom links work.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { catalogue } from '../../src/lib/classroom/catalogue';
import { contentSlugs, expect, langs, test } from '../site';
import { widgets } from '../classroom-helpers';
import { subBase, subSite } from './base';

/** Every page of the site, as paths inside the base (`zh/intro/`). */
const pages = [
  '',
  ...langs.flatMap((l) => contentSlugs().map((s) => (s ? `${l}/${s}/` : `${l}/`))),
  ...langs.flatMap((l) => widgets.map((w) => `${l}/embed/${w.id}/`)),
];

/** Same-origin addresses a page or a stylesheet or a script refers to, resolved against `from`. */
function references(text: string, from: URL, kind: 'html' | 'css' | 'js'): URL[] {
  const found: string[] = [];
  if (kind === 'html') {
    for (const m of text.matchAll(/<(?:a|link|script|img|iframe|source)\b[^>]*?\s(?:href|src)="([^"]+)"/g)) found.push(m[1]!.replace(/&amp;/g, '&'));
  } else if (kind === 'css') {
    for (const m of text.matchAll(/url\((['"]?)([^)'"]+)\1\)/g)) if (!m[2]!.startsWith('data:')) found.push(m[2]!);
  } else {
    // Static and dynamic imports, `new URL("…", import.meta.url)` and literal asset paths.
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)["'`](\.{1,2}\/[^"'`]+)["'`]/g)) found.push(m[1]!);
    for (const m of text.matchAll(/["'`](\/[^"'`\s]*\/_astro\/[^"'`\s]+)["'`]/g)) found.push(m[1]!);
  }
  return found
    .filter((href) => !/^(mailto:|javascript:|data:|blob:)/.test(href))
    .map((href) => new URL(href, from))
    .filter((u) => u.origin === from.origin);
}

async function get(request: APIRequestContext, url: URL) {
  const res = await request.get(url.href, { maxRedirects: 0 });
  return { status: res.status(), type: res.headers()['content-type'] ?? '', body: res.status() === 200 ? await res.text() : '' };
}

test('every page, link, anchor, stylesheet, script, worker, wasm file and font resolves inside the base', async ({ request, baseURL }) => {
  test.setTimeout(240_000);
  const root = new URL(baseURL!);
  expect(root.pathname).toBe(subBase);
  const bodies = new Map<string, { status: number; type: string; body: string }>();
  const load = async (u: URL) => {
    const key = u.origin + u.pathname;
    if (!bodies.has(key)) bodies.set(key, await get(request, new URL(key)));
    return bodies.get(key)!;
  };
  const broken: string[] = [];
  const outside: string[] = [];
  const queue: { url: URL; from: string }[] = pages.map((p) => ({ url: new URL(p, root), from: '(page list)' }));
  const seen = new Set<string>();
  while (queue.length) {
    const { url, from } = queue.shift()!;
    if (!url.pathname.startsWith(subBase)) {
      outside.push(`${from} → ${url.pathname}`);
      continue;
    }
    const res = await load(url);
    if (res.status !== 200) {
      broken.push(`${from} → ${url.pathname} (${res.status})`);
      continue;
    }
    if (url.hash.length > 1) {
      const id = decodeURIComponent(url.hash.slice(1)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (!new RegExp(`\\bid="${id}"`).test(res.body)) broken.push(`${from} → ${url.pathname}${url.hash} (no such anchor)`);
    }
    const key = url.origin + url.pathname;
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = res.type.startsWith('text/html') ? 'html' : res.type.startsWith('text/css') ? 'css' : res.type.includes('javascript') ? 'js' : undefined;
    if (!kind) continue;
    // A path without the base, written into a script by hand, would only fail when that code runs
    // (Pagefind's defaults, `/pagefind/`, are overridden by Starlight and checked by the search test).
    if (kind === 'js') for (const m of res.body.matchAll(/["'`]\/(?:zh|en|_astro)\/[^"'`]*["'`]/g)) outside.push(`${url.pathname} has ${m[0]}`);
    for (const ref of references(res.body, url, kind)) queue.push({ url: ref, from: url.pathname });
  }
  expect(broken).toEqual([]);
  expect(outside).toEqual([]);
  const paths = [...seen];
  // The crawl reached the pages, the workers and the wasm files, not only the entry points.
  expect(paths.filter((p) => p.endsWith('/')).length).toBeGreaterThanOrEqual(pages.length);
  expect(paths.some((p) => /\/_astro\/[^/]*worker[^/]*\.js$/.test(p))).toBe(true);
  expect(paths.some((p) => p.endsWith('.woff2'))).toBe(true);
  // Nothing is served outside the base: the host root is empty.
  expect((await request.get(new URL('/zh/intro/', root).href)).status()).toBe(404);
});

/** Records failed responses and requests that leave the base while the test drives the page. */
function watch(page: Page) {
  const bad: string[] = [];
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http') && r.status() >= 400) bad.push(`${r.status()} ${u.pathname}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http') && !u.pathname.startsWith(subBase)) bad.push(`outside the base: ${u.pathname}`);
  });
  return bad;
}

test('the root sends the reader to a language inside the base', async ({ page }) => {
  const bad = watch(page);
  await page.goto('');
  await expect(page).toHaveURL(new RegExp(`${subBase}(zh|en)/$`));
  await expect(page.locator('h1').first()).toBeVisible();
  expect(bad).toEqual([]);
});

test('a widget trains under the base: worker, wasm backend and the MNIST file all load', async ({ page, problems }) => {
  test.setTimeout(180_000);
  const bad = watch(page);
  await page.goto('en/cnn-anatomy/?w=cnn-trainer&epochs=1#cnn-trainer');
  const w = page.locator('#cnn-trainer');
  await expect(w).toHaveAttribute('data-status', /idle|done/, { timeout: 30_000 });
  await w.locator('[data-run="train"]').click();
  await expect(w).toHaveAttribute('data-status', /loading|running|done/);
  await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector<HTMLElement>('#cnn-trainer')!.dataset.status!), undefined, { timeout: 150_000 });
  await expect(w).toHaveAttribute('data-status', 'done');
  await expect(w).toHaveAttribute('data-backend', 'wasm');
  expect(bad).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('search finds pages and links inside the base, in the reader’s language', async ({ page }) => {
  const bad = watch(page);
  for (const [lang, query] of [['en', 'degradation'], ['zh', '退化问题']] as const) {
    await page.goto(`${lang}/intro/`);
    await page.locator('site-search button[data-open-modal]').click();
    await page.locator('#starlight__search input').pressSequentially(query, { delay: 40 });
    const results = page.locator('#starlight__search .pagefind-ui__result-link');
    await expect(results.first()).toBeVisible({ timeout: 15_000 });
    const hrefs = await results.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(new RegExp(`^${subBase}${lang}/`));
    await results.first().click();
    await expect(page).toHaveURL(new RegExp(`${subBase}${lang}/`));
    await expect(page.locator('h1').first()).toBeVisible();
  }
  expect(bad).toEqual([]);
});

test('an embed links back to its chapter and to the other language inside the base', async ({ page, problems }) => {
  const bad = watch(page);
  await page.goto('zh/embed/residual-block/?w=residual-block');
  await expect(page.locator('#residual-block[data-state]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('[data-chapter-link]')).toHaveAttribute('href', new RegExp(`^${subBase}zh/resnet-principles/\\?w=residual-block.*#residual-block$`));
  await page.locator('[data-lang-link]').click();
  await expect(page).toHaveURL(new RegExp(`${subBase}en/embed/residual-block/\\?w=residual-block`));
  await expect(page.locator('#residual-block[data-state]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(bad).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('classroom links: a catalogue assignment opens inside the base; the link builder and QR code point to the public site', async ({ page, problems }) => {
  test.setTimeout(120_000);
  const bad = watch(page);
  await page.goto('en/classroom/');
  const first = catalogue.find((a) => widgets.some((w) => w.id === a.widget))!;
  const open = page.locator(`[data-assignment-link]`).first();
  await expect(open).toHaveAttribute('href', new RegExp(`^${subBase}en/`));

  const builder = page.locator('[data-link-builder]');
  await builder.scrollIntoViewIfNeeded();
  await expect(builder).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const link = await builder.locator('[data-builder-link]').inputValue();
  expect(link.startsWith(`${subSite}${subBase}en/`)).toBe(true);
  expect(await builder.locator('[data-builder-embed-src]').inputValue()).toMatch(new RegExp(`^${subSite}${subBase}en/embed/`));
  await expect(builder.locator('[data-builder-qr] svg')).toHaveCount(1);

  await open.click();
  await expect(page).toHaveURL(new RegExp(`${subBase}en/.*task=`));
  await expect(page.locator(`#${first.widget}[data-state]`)).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator(`#${first.widget} .nb-task[data-task="${first.id}"]`)).toBeVisible();
  // The language switch keeps the base, the state and the task.
  await page.locator('starlight-lang-select select, nb-lang-select select').first().selectOption({ label: '简体中文' });
  await expect(page).toHaveURL(new RegExp(`${subBase}zh/.*task=${first.id}`));
  await expect(page.locator(`#${first.widget} .nb-task[data-task="${first.id}"]`)).toBeVisible({ timeout: 30_000 });
  expect(bad).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test.describe('offline under the base', () => {
  test.use({ serviceWorkers: 'allow' });
  test('the service worker is scoped to the base and serves another chapter offline', async ({ page, context }) => {
    test.setTimeout(180_000);
    await page.goto('zh/intro/');
    await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 90_000 });
    const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.scope));
    expect(new URL(scope!).pathname).toBe(subBase);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await context.setOffline(true);
    await page.goto('en/glossary/?from=offline');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1').first()).toBeVisible();
    // The manifest names the app in the page's language and starts inside the base.
    const manifest = await page.evaluate(() => fetch(document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href).then((r) => r.json()));
    expect(manifest.start_url).toBe(`${subBase}en/`);
    expect(manifest.scope).toBe(subBase);
  });
});
