import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { chapterLink, embedLink, embedSnippet } from '../src/lib/classroom/links';
import { mounted, widgets } from './classroom-helpers';
import { expect, htmlLang, langs, settle, test } from './site';

/** Every registered widget has an embed page in both languages. */
for (const lang of langs) {
  for (const entry of widgets) {
    test(`/${lang}/embed/${entry.id}/ shows the widget alone, links back, may be framed, and is axe-clean`, async ({ page, request, problems }) => {
      const res = await request.get(`/${lang}/embed/${entry.id}/`);
      expect(res.status()).toBe(200);
      const headers = res.headers();
      expect(headers['x-frame-options']).toBeUndefined();
      expect(headers['content-security-policy'] ?? '').not.toContain('frame-ancestors');

      const href = embedLink({ widget: entry.id, state: {} }, lang);
      await page.goto(href);
      await mounted(page, entry.id);
      await expect(page.locator('html')).toHaveAttribute('lang', htmlLang[lang]);
      // No site chrome: no Starlight header, sidebar, search or table of contents.
      await expect(page.locator('header.header, .sidebar-pane, site-search, starlight-toc')).toHaveCount(0);
      await expect(page.locator('[data-widget]')).toHaveCount(1);
      // The way back: the full chapter with the same query and the widget's hash.
      const back = page.locator('[data-chapter-link]');
      await expect(back).toHaveAttribute('href', `/${lang}/${entry.chapter}/${new URL(href, 'http://x').search}#${entry.id}`);
      await expect(back).toHaveAttribute('target', '_blank');
      await expect(page.locator('[data-lang-link]')).toHaveAttribute('href', new RegExp(`^/${lang === 'zh' ? 'en' : 'zh'}/embed/${entry.id}/\\?w=`));
      await settle(page);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    });
  }
}

/** Serves one HTML page on 127.0.0.1 and a free port: a second, real origin (like an LMS). */
async function otherSite(html: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

test('an embed works inside an iframe on another origin: it resizes the frame, reports its state and trains', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const site = new URL(baseURL!);
  const entry = widgets[0]!;
  const src = embedLink({ widget: entry.id, state: { depth: 2, steps: 50 } }, 'en', site.origin);
  const parent = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS page</title></head><body>
<h1>Week 3: residual networks</h1>
${embedSnippet(src, 'Degradation lab', 300)}
<script>window.messages=[];addEventListener('message',function(e){window.messages.push({origin:e.origin,data:e.data})});</script>
</body></html>`;
  const lms = await otherSite(parent);
  expect(lms.origin).not.toBe(site.origin);
  await page.goto(`${lms.origin}/week3.html`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator(`#${entry.id}[data-state]`)).toHaveCount(1, { timeout: 30_000 });
  // The embed told the page its height, and the snippet's script resized the frame to it.
  const height = await page.evaluate(() => (window as unknown as { messages: { origin: string; data: { type: string; height?: number } }[] }).messages.filter((m) => m.data?.type === 'nb:height').at(-1));
  expect(height?.origin).toBe(site.origin);
  await expect.poll(async () => page.locator('iframe').evaluate((f: HTMLIFrameElement) => Math.round(f.getBoundingClientRect().height)), { timeout: 10_000 }).toBeGreaterThan(600);
  // It reports its state after every change.
  const seed = frame.locator(`#${entry.id} input[data-field="seed"]`);
  if ((await seed.count()) > 0) {
    await seed.fill('7');
    await seed.press('Tab');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { messages: { data: { type: string; query?: string } }[] }).messages.filter((m) => m.data?.type === 'nb:state').at(-1)?.data.query ?? ''))
      .toContain('seed=7');
  }
  // And it trains inside the frame.
  const train = frame.locator(`#${entry.id} button[data-run="train"]`);
  if ((await train.count()) > 0) {
    await train.click();
    await expect(frame.locator(`#${entry.id}`)).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  }
  // The way back to the chapter carries the current state.
  const back = await frame.locator('[data-chapter-link]').getAttribute('href');
  expect(back).toContain(`/en/${entry.chapter}/?w=${entry.id}`);
  expect(back).toMatch(new RegExp(`#${entry.id}$`));
  lms.server.close();
});

test('an embed reports a damaged task in the reader’s language', async ({ page }) => {
  const entry = widgets[0]!;
  await page.goto(embedLink({ widget: entry.id, task: 'no-such-task' }, 'zh'));
  await mounted(page, entry.id);
  await expect(page.locator('[data-notice="url"]')).toContainText('不在作业库中');
  const link = chapterLink({ widget: entry.id }, 'en');
  expect(link).toContain(`/en/${entry.chapter}/`);
});
