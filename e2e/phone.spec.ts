/**
 * Legible and usable on a phone (issue 13 item 5, issue 15 items 7 and 14): at 375 × 667 every chart
 * is laid out for its box — its smallest text is ≥ 11 CSS px, measured as rendered (computed font
 * size × the SVG's scale on screen) — legends sit clear of the plot, no page scrolls sideways, every
 * control offers a target of at least 24 × 24 px (WCAG 2.2, 2.5.8), and sliders, drawing pads and
 * the architecture diagram work by touch. An embed in an 800 px course column keeps chart text ≥ 11 px.
 */
import type { Frame, Page } from '@playwright/test';
import { widgets } from './classroom-helpers';
import { contentSlugs, expect, langs, pagePath, settle, test } from './site';

type Scope = Page | Frame;

/** Mounts every widget on the page (each loads when it comes near the viewport) and waits for it. */
async function mountAll(page: Page) {
  for (const w of await page.locator('section[data-widget]').all()) {
    await w.scrollIntoViewIfNeeded();
    await expect(w).toHaveAttribute('data-state', /./, { timeout: 30_000 });
    await expect(w).not.toHaveAttribute('data-status', 'loading', { timeout: 30_000 });
  }
  // Charts re-lay themselves out when their box settles: wait two frames.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The smallest rendered text of any SVG in `scope` (CSS px), with where it is. */
async function smallestChartText(scope: Scope) {
  return scope.evaluate(() => {
    let min = { px: Infinity, where: '' };
    for (const t of document.querySelectorAll<SVGTextElement>('main svg text, [data-widget] svg text')) {
      const text = (t.textContent ?? '').trim();
      if (!text || t.getClientRects().length === 0) continue;
      const box = t.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(t).visibility === 'hidden') continue;
      const m = t.getScreenCTM();
      if (!m) continue;
      const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < min.px) {
        const svg = t.closest('svg:not(svg svg)') ?? t.ownerSVGElement;
        const owner = svg?.closest('[data-widget]')?.id ?? svg?.closest('figure')?.querySelector('figcaption')?.textContent?.slice(0, 40) ?? '';
        min = { px: Math.round(px * 100) / 100, where: `${owner} ${svg?.getAttribute('data-chart') ?? svg?.getAttribute('class') ?? ''}: “${text.slice(0, 30)}”` };
      }
    }
    return min;
  });
}

/**
 * Layout faults of the charts on screen: a legend reaching into the plot (its bottom below the top
 * of the y axis), or an axis title overlapping a tick label.
 */
async function crowdedLegends(scope: Scope) {
  return scope.evaluate(() => {
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    return [...document.querySelectorAll<SVGSVGElement>('svg.nb-chart')]
      .filter((svg) => svg.getClientRects().length && svg.dataset.empty !== 'true')
      .flatMap((svg) => {
        const name = `${svg.closest('[data-widget]')?.id} ${svg.dataset.chart}`;
        const out: string[] = [];
        const legend = svg.querySelector<SVGGElement>('g.legend');
        const axis = svg.querySelector<SVGGElement>('g.axis-y path.domain');
        if (legend?.childElementCount && axis) {
          const l = legend.getBoundingClientRect();
          const a = axis.getBoundingClientRect();
          if (l.bottom > a.top + 1) out.push(`${name}: legend ends at ${l.bottom}, plot starts at ${a.top}`);
        }
        const ticks = [...svg.querySelectorAll('g.axis .tick text')].filter((t) => t.textContent).map((t) => t.getBoundingClientRect());
        for (const title of svg.querySelectorAll(':scope > text.axis-label')) {
          const r = title.getBoundingClientRect();
          if (ticks.some((t) => hit(r, t))) out.push(`${name}: the axis title “${title.textContent}” overlaps a tick label`);
        }
        return out;
      });
  });
}

test.describe('a 375 × 667 phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

  for (const lang of langs) {
    for (const slug of contentSlugs()) {
      const path = pagePath(lang, slug);
      test(`${path}: chart text ≥ 11 px, legends clear of the plots, no sideways scroll`, async ({ page, problems }) => {
        test.setTimeout(120_000);
        await page.goto(path);
        await settle(page);
        await mountAll(page);
        const min = await smallestChartText(page);
        console.log(`${path}: smallest chart text ${Number.isFinite(min.px) ? `${min.px} px (${min.where})` : '— (no chart)'}`);
        if (Number.isFinite(min.px)) expect(min.px, min.where).toBeGreaterThanOrEqual(11);
        expect(await crowdedLegends(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
        expect(problems.pageErrors).toEqual([]);
      });
    }
  }

  for (const lang of langs) {
    test(`every widget control offers a 24 × 24 px target; Train is 44 px tall on touch (${lang})`, async ({ page }) => {
      test.setTimeout(180_000);
      const small: string[] = [];
      let measured = 0;
      for (const slug of [...new Set(widgets.map((w) => w.chapter))]) {
        await page.goto(pagePath(lang, slug));
        await mountAll(page);
        for (const d of await page.locator('[data-widget] details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
        const found = await page.evaluate(() => {
            const out: string[] = [];
            let n = 0;
            const controls = document.querySelectorAll<HTMLElement>('[data-widget] :is(button, input, select, summary, textarea, [role="tab"], [data-node])');
            for (const el of controls) {
              if (!el.getClientRects().length || el.closest('[hidden]')) continue;
              // A box or circle inside its label is hit through the label: the label is the target.
              const target = el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type) ? (el.closest('label') ?? el) : el.matches('.nb-tab input') ? el.parentElement! : el;
              const r = target.getBoundingClientRect();
              n++;
              if (r.width < 24 || r.height < 24) out.push(`${el.closest('[data-widget]')!.id} ${el.tagName.toLowerCase()}${el.dataset.field ? `[${el.dataset.field}]` : ''}${el.dataset.run ? `[${el.dataset.run}]` : ''}: ${Math.round(r.width)}×${Math.round(r.height)}`);
            }
            for (const b of document.querySelectorAll<HTMLElement>('[data-widget] [data-run="train"]')) {
              if (b.getClientRects().length && b.getBoundingClientRect().height < 44) out.push(`${b.closest('[data-widget]')!.id} Train: ${Math.round(b.getBoundingClientRect().height)} px tall`);
            }
            return { out, n };
        });
        small.push(...found.out);
        measured += found.n;
      }
      // Every widget's controls were measured: Train, Pause, Stop, fields, sliders, tabs, diagram rows…
      expect(measured).toBeGreaterThan(150);
      console.log(`${lang}: ${measured} widget controls measured`);
      expect(small).toEqual([]);
    });

    test(`sliders, drawing pads and the architecture diagram work by touch (${lang})`, async ({ page }) => {
      test.setTimeout(120_000);
      // A slider: a tap near its right end moves it there.
      await page.goto(`/${lang}/resnet-principles/#degradation-lab`);
      const lab = page.locator('#degradation-lab');
      await expect(lab).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
      const depth = lab.locator('input[data-field="depth"]');
      await depth.scrollIntoViewIfNeeded();
      const box = (await depth.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(24);
      await page.touchscreen.tap(box.x + box.width - 4, box.y + box.height / 2);
      await expect(depth).toHaveValue('64');
      await expect(lab.locator('output[data-output="depth"]')).toHaveText('64');
      // A checkbox by tapping its label.
      await lab.locator('label:has(input[data-field="bn"])').tap();
      await expect(lab.locator('input[data-field="bn"]')).not.toBeChecked();

      // The convolution explorer's drawing pad: a tap paints, and the feature map changes.
      await page.goto(`/${lang}/cnn-anatomy/#conv-explorer`);
      const ce = page.locator('#conv-explorer');
      await expect(ce).toHaveAttribute('data-state', /./, { timeout: 30_000 });
      await ce.locator('[data-action-local="clear"]').tap();
      const before = await ce.locator('table[data-metrics="feature-map"] tbody').textContent();
      const pad = ce.locator('[data-draw]');
      await pad.scrollIntoViewIfNeeded();
      const p = (await pad.boundingBox())!;
      await page.touchscreen.tap(p.x + p.width / 2, p.y + p.height / 2);
      await expect.poll(() => ce.locator('table[data-metrics="feature-map"] tbody').textContent()).not.toBe(before);

      // The CNN trainer's pad: a tap draws, so "drawn digit" becomes the input.
      await page.goto(`/${lang}/cnn-anatomy/#cnn-trainer`);
      const ct = page.locator('#cnn-trainer');
      await expect(ct).toHaveAttribute('data-state', /./, { timeout: 30_000 });
      const canvas = ct.locator('[data-pad]');
      await canvas.scrollIntoViewIfNeeded();
      const c = (await canvas.boundingBox())!;
      await page.touchscreen.tap(c.x + c.width / 2, c.y + c.height / 2);
      await expect(ct.locator('[data-drawn-choice]')).toBeChecked();

      // The architecture diagram: tapping a stage opens it.
      await page.goto(`/${lang}/case-studies/resnet/#architecture-explorer`);
      const ae = page.locator('#architecture-explorer');
      await expect(ae).toHaveAttribute('data-state', /./, { timeout: 30_000 });
      const diagram = ae.locator('svg[data-chart="diagram"]').first();
      const key = await diagram.locator('[data-node][aria-expanded="false"]').first().getAttribute('data-key');
      const stage = diagram.locator(`[data-node][data-key="${key}"]`);
      await stage.scrollIntoViewIfNeeded();
      const sb = (await stage.boundingBox())!;
      expect(sb.height).toBeGreaterThanOrEqual(24);
      await page.touchscreen.tap(sb.x + sb.width / 2, sb.y + Math.min(sb.height / 2, 12));
      await expect(stage).toHaveAttribute('aria-expanded', 'true');
    });
  }
});

for (const lang of langs) {
  test(`embedded in an 800 px course column, every widget's chart text is ≥ 11 px (${lang})`, async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    for (const entry of widgets) {
      const src = new URL(`/${lang}/embed/${entry.id}/`, baseURL).href;
      await page.setContent(`<!doctype html><html lang="en"><head><title>Course</title></head><body style="margin:0"><iframe src="${src}" style="width:800px;height:1600px;border:0" title="${entry.id}"></iframe></body></html>`);
      const frame = page.frame({ url: src })!;
      const root = frame.locator(`#${entry.id}`);
      await expect(root).toHaveAttribute('data-state', /./, { timeout: 30_000 });
      await expect(root).not.toHaveAttribute('data-status', 'loading', { timeout: 30_000 });
      await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const min = await smallestChartText(frame);
      console.log(`embed ${lang}/${entry.id} at 800 px: smallest chart text ${Number.isFinite(min.px) ? `${min.px} px (${min.where})` : '—'}`);
      if (Number.isFinite(min.px)) expect(min.px, `${entry.id}: ${min.where}`).toBeGreaterThanOrEqual(11);
      expect(await crowdedLegends(frame)).toEqual([]);
    }
  });
}

/**
 * A widget below the fold is not rendered until it scrolls near; until then it takes the size
 * performance.css gives it. That size is its own, measured, so the text after it does not jump
 * when it renders (and accessibility checkers, which scroll to each paragraph, sample the right
 * background). Checked on a phone and on a wide screen, each widget's first rendering against its
 * placeholder: within 25 %.
 */
for (const [width, height] of [[412, 823], [1280, 900]] as const) {
  test(`at ${width} px each widget renders at about the size it was given before (both languages)`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height });
    for (const lang of langs) {
      for (const slug of ['cnn-anatomy', 'ml-vs-dl', 'resnet-principles', 'why-residuals-work', 'case-studies/vgg', 'case-studies/googlenet', 'case-studies/resnet']) {
        await page.goto(pagePath(lang, slug));
        const ids = await page.locator('.sl-markdown-content section[data-widget]').evaluateAll((els) => els.map((e) => e.id));
        expect(ids.length, slug).toBeGreaterThan(0);
        for (const id of ids) {
          const root = page.locator(`#${id}`);
          // A widget far below the viewport is not rendered yet: its box is the placeholder.
          const before = await root.evaluate((e) => (e.hasAttribute('data-mounted') || e.getBoundingClientRect().top < 3 * innerHeight ? null : e.getBoundingClientRect().height));
          await root.scrollIntoViewIfNeeded();
          await expect(root).toHaveAttribute('data-mounted', '', { timeout: 30_000 });
          await expect(root).not.toHaveAttribute('data-status', 'loading', { timeout: 30_000 });
          const after = await root.evaluate((e) => e.getBoundingClientRect().height);
          if (before !== null) expect(Math.abs(after - before) / after, `${lang}/${slug} #${id}: placeholder ${before} px, rendered ${after} px`).toBeLessThanOrEqual(0.25);
        }
      }
    }
  });
}

/**
 * Charts keep the width their box reports (ResizeObserver) instead of measuring the page on every
 * redraw; so a phone turned sideways, or a window made wider, must still re-lay every chart out
 * for its new box, and back.
 */
test('every chart follows its box when the window changes width (a phone turned, and back)', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await page.goto(pagePath('en', 'resnet-principles'));
  await mountAll(page);
  const ids = await page.locator('.sl-markdown-content section[data-widget]').evaluateAll((els) => els.map((e) => e.id));
  /** Per chart of widget `id`: its SVG width and its container's content width (CSS px, whole). */
  const fit = (id: string) =>
    page.locator(`#${id} svg.nb-chart`).evaluateAll((svgs) =>
      svgs
        .filter((svg) => svg.getClientRects().length)
        .map((svg) => {
          const box = svg.parentElement!;
          const cs = getComputedStyle(box);
          const content = Math.floor(box.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight));
          return { chart: svg.dataset.chart ?? svg.getAttribute('aria-label'), width: Number(svg.getAttribute('width')), content };
        }),
    );
  const narrow = new Map<string, Awaited<ReturnType<typeof fit>>>();
  for (const id of ids) narrow.set(id, await fit(id));
  expect([...narrow.values()].flat().length).toBeGreaterThan(4);
  await page.setViewportSize({ width: 1100, height: 800 });
  // A widget off screen is not rendered (content-visibility): its charts re-lay out when it comes into view.
  for (const id of ids) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    const before = narrow.get(id)!;
    // Each chart becomes wider, within its new box (a chart already at its own maximum keeps it).
    await expect
      .poll(async () => (await fit(id)).filter((c, i) => !(c.width <= c.content && (c.width > before[i]!.width || before[i]!.width < before[i]!.content))).map((c) => c.chart), { message: id })
      .toEqual([]);
  }
  await page.setViewportSize({ width: 375, height: 667 });
  for (const id of ids) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await expect.poll(async () => (await fit(id)).map((c) => c.width), { message: id }).toEqual(narrow.get(id)!.map((c) => c.width));
  }
});
