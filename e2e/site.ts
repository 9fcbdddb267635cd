/**
 * Shared helpers for the e2e specs: the list of pages (derived from content/, so it cannot drift),
 * and a page fixture that records console errors, page errors and requests to other hosts.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export const langs = ['zh', 'en'] as const;
export type Lang = (typeof langs)[number];
export const htmlLang: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** Slugs of every content page (`''` is the language home), identical for both languages. */
export function contentSlugs(): string[] {
  const base = join(process.cwd(), 'content', 'zh');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.mdx?$/.test(name) && !name.startsWith('_')) {
        const slug = relative(base, p).replace(/\.mdx?$/, '');
        out.push(slug === 'index' ? '' : slug);
      }
    }
  };
  walk(base);
  return out.sort();
}

/** `/zh/case-studies/vgg/` for ('zh', 'case-studies/vgg'). */
export const pagePath = (lang: Lang, slug: string) => (slug ? `/${lang}/${slug}/` : `/${lang}/`);

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
}

/** `page` plus `problems`: everything that went wrong while the test drove the page. */
export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page, baseURL }, use) => {
    const problems: PageProblems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
    const own = new URL(baseURL ?? 'http://localhost:4321').host;
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
    page.on('request', (req) => {
      const url = new URL(req.url());
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host !== own) {
        problems.foreignRequests.push(req.url());
      }
    });
    await use(problems);
  },
});

export { expect };

/** Waits until the page's fonts and layout have settled. */
export async function settle(page: Page) {
  await page.waitForLoadState('load');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Reads every file the page downloads into `files` (suggested name → text). Call `settled()` before
 * the test ends. A read that the closing page cancels (a download the test did not wait for) is
 * dropped; any other failure to read fails the test in `settled()`.
 */
export function collectDownloads(page: Page) {
  const files = new Map<string, string>();
  const reads: Promise<void>[] = [];
  page.on('download', (d) => {
    reads.push(
      (async () => {
        try {
          const stream = await d.createReadStream();
          let text = '';
          for await (const chunk of stream) text += chunk;
          files.set(d.suggestedFilename(), text);
        } catch (err) {
          if (!/canceled/i.test(String(err))) throw err;
        }
      })(),
    );
  });
  return { files, settled: async () => void (await Promise.all(reads)) };
}

/** Waits until a widget's code is mounted (`data-mounted`) and it is not running: ready for Train. */
export async function waitMounted(page: Page, root: string, timeout = 30_000) {
  await expect(page.locator(root)).toHaveAttribute('data-mounted', '', { timeout });
  await expect(page.locator(root)).toHaveAttribute('data-status', /idle|done|error/, { timeout });
}

/** Presses Train once the widget is mounted and waits until the run has ended (`done` or `error`). */
export async function trainAndWait(page: Page, root: string, timeout = 120_000) {
  await waitMounted(page, root);
  await page.locator(`${root} [data-run="train"]`).click();
  await expect(page.locator(root)).toHaveAttribute('data-status', /running|loading|done|error/);
  await page.waitForFunction((sel) => ['done', 'error'].includes(document.querySelector<HTMLElement>(sel)!.dataset.status!), root, { timeout });
}

/**
 * Presses Pause on a training widget and waits for every worker's acknowledgement
 * (`data-paused="true"`); checks that the progress bar then holds while the page draws ten more
 * frames, and returns the held value. Pressing Resume is the caller's.
 */
export async function pauseAndHold(page: Page, root: string): Promise<number> {
  const value = () => page.locator(`${root} progress`).evaluate((p: HTMLProgressElement) => p.value);
  await page.locator(`${root} [data-run="pause"]`).click();
  await expect(page.locator(root)).toHaveAttribute('data-paused', 'true', { timeout: 60_000 });
  const held = await value();
  await page.evaluate(async () => {
    for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
  });
  expect(await value()).toBe(held);
  return held;
}

/**
 * Opens the search dialog as a reader does: its button works once Starlight's `site-search`
 * element is defined (a module script, later than the first paint on a busy page), so the click
 * waits for that; the dialog must then be open with its field.
 */
export async function openSearch(page: Page) {
  await page.waitForFunction(() => !!customElements.get('site-search'), undefined, { timeout: 30_000 });
  await page.locator('site-search button[data-open-modal]').click();
  await expect(page.locator('site-search dialog')).toHaveAttribute('open', '');
  // `data-search` is set by the on-demand loader once Starlight has handed it the options (on idle);
  // its value says how far the UI got if the field does not appear.
  const input = page.locator('#starlight__search input');
  try {
    await expect(input).toBeVisible({ timeout: 30_000 });
  } catch (err) {
    const state = await page.locator('#starlight__search').getAttribute('data-search');
    throw new Error(`the search field did not appear; loader state: ${state ?? 'not handed the options yet'}`, { cause: err });
  }
  return input;
}
