import { contentSlugs, expect, langs, pagePath, test } from './site';

/**
 * Crawls the built site from every content page: every internal link resolves (200) and every
 * `#anchor` exists on its target page.
 */
test('all internal links and anchors resolve', async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL!).origin;
  const html = new Map<string, string>();
  const fetchPage = async (path: string) => {
    if (!html.has(path)) {
      const res = await request.get(path);
      html.set(path, res.ok() ? await res.text() : `__STATUS_${res.status()}`);
    }
    return html.get(path)!;
  };
  const queue = langs.flatMap((l) => contentSlugs().map((s) => pagePath(l, s)));
  queue.push('/');
  const seen = new Set<string>();
  const broken: string[] = [];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const page = await fetchPage(path);
    if (page.startsWith('__STATUS_')) continue;
    for (const m of page.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      if (/^(mailto:|javascript:)/.test(href)) continue;
      const url = new URL(href, origin + path);
      if (url.origin !== origin) continue;
      const target = url.pathname;
      const body = await fetchPage(target);
      if (body.startsWith('__STATUS_')) {
        broken.push(`${path} → ${href} (${body.slice(9)})`);
        continue;
      }
      if (url.hash.length > 1) {
        const id = decodeURIComponent(url.hash.slice(1));
        const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (!new RegExp(`\\bid="${escaped}"`).test(body)) broken.push(`${path} → ${href} (no #${id})`);
      }
      if (target.endsWith('/') && !seen.has(target)) queue.push(target);
    }
  }
  expect(broken).toEqual([]);
  expect(seen.size).toBeGreaterThan(20);
});
