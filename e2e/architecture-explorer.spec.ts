import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { analyzeArchitecture, architectureCatalogue, summary } from '../src/lib/architectures';
import { expect, langs, test } from './site';

const ae = '#architecture-explorer';

/** The analysed catalogue model `id`: its table rows (with the auxiliary heads if asked) and totals. */
function expected(id: string, auxiliary = false) {
  const report = analyzeArchitecture(architectureCatalogue.find((e) => e.id === id)!.build());
  const totals = auxiliary ? report.withAuxiliary : report.totals;
  return { rows: summary(report, { auxiliary }), params: totals.params, macs: totals.macs };
}

/** Cell texts of the body rows of `<table data-metrics=name>`. */
async function rows(page: Page, metrics: string) {
  return page.locator(`${ae} table[data-metrics="${metrics}"] tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((td) => (td.textContent ?? '').trim())),
  );
}

async function ready(page: Page) {
  await page.locator(ae).scrollIntoViewIfNeeded();
  await expect(page.locator(ae)).toHaveAttribute('data-status', 'done');
}

/** Walks the first diagram tree with the keyboard only; returns the layer names it focused. */
async function walkWithKeyboard(page: Page, pane = 0): Promise<string[]> {
  const tree = page.locator(`${ae} [data-diagram="${pane}"] svg[role="tree"]`);
  const stages = await tree.locator('[data-node="stage"]').count();
  const seen: string[] = [];
  const active = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { node: el?.dataset.node ?? '', layer: el?.dataset.layer ?? '', stage: el?.dataset.stage ?? '' };
    });
  // Reach the first stage with Tab from the last control before the diagram.
  await page.locator(`${ae} select[data-field="compare"]`).focus();
  for (let i = 0; i < 6 && (await active()).node !== 'stage'; i++) await page.keyboard.press('Tab');
  expect(await active()).toMatchObject({ node: 'stage', stage: '0' });
  for (let s = 0; s < stages; s++) {
    expect((await active()).stage).toBe(String(s));
    await page.keyboard.press('ArrowRight'); // open this stage (the others close)
    await expect(tree.locator(`[data-node="stage"][data-stage="${s}"]`)).toHaveAttribute('aria-expanded', 'true');
    for (let guard = 0; guard < 2000; guard++) {
      await page.keyboard.press('ArrowDown');
      const a = await active();
      if (a.node === 'layer') seen.push(a.layer);
      if (a.node === 'stage' || (s === stages - 1 && a.node === 'layer' && (await tree.locator('[data-node]').last().getAttribute('data-layer')) === a.layer)) break;
    }
  }
  return seen;
}

for (const lang of langs) {
  test.describe(`architecture-explorer (${lang})`, () => {
    test('VGG chapter: opens on VGG-16, numbers rendered at build time, no JS needed for the table', async ({ page, problems }) => {
      await page.goto(`/${lang}/case-studies/vgg/`);
      const vgg = expected('vgg16');
      // before the widget's code loads, the tables are already complete
      expect(await page.locator(`${ae} table[data-metrics="layers"] tbody tr`).count()).toBe(vgg.rows.length);
      expect(await page.locator(`${ae} table[data-metrics="layers"] tfoot td`).first().textContent()).toBe('138357544');
      await ready(page);
      await expect(page.locator(`${ae} select[data-field="model"]`)).toHaveValue('vgg16');
      await expect(page.locator(`${ae} input[data-field="view"][value="diagram"]`)).toBeChecked();
      expect((await rows(page, 'totals'))[0]!.slice(1, 4)).toEqual(['138357544', '0', String(vgg.macs)]);
      await expect(page.locator(`${ae} [data-share-text]`)).toContainText('fc6');
      await expect(page.locator(`${ae} [data-share-text]`)).toContainText(lang === 'zh' ? '74.3%' : /74\.3\s%/);
      // the share table: the classifier holds 89.4 % of the parameters
      const share = await rows(page, 'share');
      expect(share.at(-1)!.slice(1, 3)).toEqual(['123642856', '89.36']);
      expect(await page.locator(`${ae} svg[role="tree"] [data-node="stage"]`).count()).toBe(6);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
    });

    test('switching models updates the totals and the layer table (ResNet-50: 25,557,032)', async ({ page, problems }) => {
      await page.goto(`/${lang}/case-studies/vgg/#architecture-explorer`);
      await ready(page);
      for (const id of ['resnet50', 'googlenet', 'alexnet', 'cifar-resnet110', 'resnet152']) {
        await page.locator(`${ae} select[data-field="model"]`).selectOption(id);
        const e = expected(id);
        await expect(page.locator(`${ae} table[data-metrics="totals"] tbody tr`).first().locator('td').first()).toHaveText(String(e.params));
        expect(await page.locator(`${ae} table[data-metrics="layers"] tbody tr`).count()).toBe(e.rows.length);
        await expect(page.locator(`${ae} table[data-metrics="layers"] tfoot td`).first()).toHaveText(String(e.params));
        await expect(page.locator(`${ae} [data-total="params"]`).first()).toHaveAttribute('data-value', String(e.params));
      }
      expect(expected('resnet50').params).toBe(25_557_032);
      await page.locator(`${ae} select[data-field="model"]`).selectOption('resnet50');
      await expect(page.locator(`${ae} table[data-metrics="totals"] tbody td`).first()).toHaveText('25557032');
      await expect.poll(() => new URL(page.url()).searchParams.get('model')).toBe('resnet50');
      // GoogLeNet with its auxiliary classifiers: training-time totals and their rows
      await page.locator(`${ae} select[data-field="model"]`).selectOption('googlenet');
      const aux = page.locator(`${ae} input[data-field="aux"]`);
      await expect(aux).toBeVisible();
      await aux.check();
      const withAux = expected('googlenet', true);
      await expect(page.locator(`${ae} table[data-metrics="totals"] tbody td`).first()).toHaveText(String(withAux.params));
      expect(await page.locator(`${ae} table[data-metrics="layers"] tbody tr`).count()).toBe(withAux.rows.length);
      expect(problems.pageErrors).toEqual([]);
    });

    test('the keyboard reaches every layer of the diagram (VGG-16), and focus shows its numbers', async ({ page }) => {
      await page.goto(`/${lang}/case-studies/vgg/#architecture-explorer`);
      await ready(page);
      const seen = await walkWithKeyboard(page);
      expect(new Set(seen)).toEqual(new Set(expected('vgg16').rows.map((r) => r.name)));
      expect(seen).toHaveLength(expected('vgg16').rows.length);
      // fc6 on focus: its parameters in the inspector
      await page.locator(`${ae} g[data-layer="fc6"]`).focus();
      await expect(page.locator(`${ae} [data-inspector="0"]`)).toContainText('102,764,544');
      await page.keyboard.press('Enter'); // pin it
      await expect.poll(() => new URL(page.url()).searchParams.get('layer')).toBe('fc6');
      await expect(page.locator(`${ae} table[data-metrics="layers"] tr.is-pinned`)).toHaveAttribute('data-layer', 'fc6');
    });

    test('GoogLeNet chapter: opens on the Inception module; the 1×1 reductions toggle shows the cost explode', async ({ page, problems }) => {
      await page.goto(`/${lang}/case-studies/googlenet/`);
      await ready(page);
      await expect(page.locator(`${ae} [data-panel="inception"]`)).toBeVisible();
      await expect(page.locator(`${ae} [data-panel="diagram"]`)).toBeHidden();
      await expect(page.locator(`${ae} select[data-field="module"]`)).toHaveValue('3a');
      const total = page.locator(`${ae} [data-inc-total="params"]`);
      await expect(total).toHaveAttribute('data-value', '163696');
      await page.locator(`${ae} input[data-field="reduce"]`).uncheck();
      await expect(total).toHaveAttribute('data-value', '387296');
      await expect(page.locator(`${ae} [data-inc-out]`)).toHaveText('28×28×416');
      await page.locator(`${ae} select[data-field="module"]`).selectOption('4e');
      await expect(page.locator(`${ae} table[data-metrics="inception"]`)).toHaveAttribute('data-module', '4e');
      const net = (await rows(page, 'inception')).find((r) => r[0] === (lang === 'zh' ? '整个 GoogLeNet' : 'whole GoogLeNet'))!;
      expect(net.slice(1)).toEqual(['6998552', '1582671872', '97526008', '12568061056', '1000', '1000']);
      await expect.poll(() => new URL(page.url()).searchParams.get('reduce')).toBe('0');
      // The module is drawn in HTML, not as a chart: SVG export says so instead of doing nothing.
      await page.locator(`${ae} [data-action="export-svg"]`).click();
      await expect(page.locator(`${ae} [data-toast]`)).toHaveText(lang === 'zh' ? '当前视图里没有可以导出为图片的图表；它的数据可以用 CSV 导出。' : 'This view has no chart to export as an image; its numbers are in the CSV export.');
      expect(problems.pageErrors).toEqual([]);
    });

    test('ResNet chapter: ResNet-34 (option A) beside plain-34, same parameters, conv3_x open', async ({ page }) => {
      await page.goto(`/${lang}/case-studies/resnet/`);
      await ready(page);
      await expect(page.locator(`${ae} select[data-field="model"]`)).toHaveValue('resnet34-a');
      await expect(page.locator(`${ae} select[data-field="compare"]`)).toHaveValue('plain34');
      const totals = await rows(page, 'totals');
      expect(totals.map((r) => r[1])).toEqual(['21623848', '21623848']);
      expect(totals[0]![3]).toBe(totals[1]![3]);
      expect(await page.locator(`${ae} svg[role="tree"]`).count()).toBe(2);
      for (const pane of [0, 1]) {
        await expect(page.locator(`${ae} [data-diagram="${pane}"] [data-node="stage"][data-stage="2"]`)).toHaveAttribute('aria-expanded', 'true');
      }
      // residual additions only on the left; the zero-padding shortcut in conv3_1
      expect(await page.locator(`${ae} [data-diagram="0"] [data-kind="residual"]`).count()).toBe(4);
      expect(await page.locator(`${ae} [data-diagram="1"] [data-kind="residual"]`).count()).toBe(0);
      expect(await page.locator(`${ae} [data-diagram="0"] .nb-edge--zero-pad`).count()).toBe(1);
      expect(await page.locator(`${ae} table[data-metrics="layers-compare"] tbody tr`).count()).toBe(expected('plain34').rows.length);
      // keyboard: every layer of ResNet-34
      if (lang === 'en') {
        const seen = await walkWithKeyboard(page);
        expect(new Set(seen)).toEqual(new Set(expected('resnet34-a').rows.map((r) => r.name)));
      }
    });

    test('bad link values fall back, with the notice', async ({ page, problems }) => {
      await page.goto(`/${lang}/case-studies/vgg/?w=architecture-explorer&model=resnet9000&stage=-4&view=nope#architecture-explorer`);
      const notice = page.locator(`${ae} [data-notice="url"]`);
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('resnet9000');
      await expect(notice).toContainText('-4');
      await expect(page.locator(`${ae} select[data-field="model"]`)).toHaveValue('vgg16');
      await expect(page.locator(`${ae} input[data-field="view"][value="diagram"]`)).toBeChecked();
      await expect(page.locator(`${ae} [data-node="stage"][aria-expanded="true"]`)).toHaveCount(0);
      // valid on its own, but not for this model: stage 5 of AlexNet (2 stages), an unknown layer
      await page.goto(`/${lang}/case-studies/resnet/?w=architecture-explorer&model=alexnet&compare=none&stage=5&layer=fc99#architecture-explorer`);
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('fc99');
      await expect(notice).toContainText('5');
      await expect(page.locator(`${ae} select[data-field="model"]`)).toHaveValue('alexnet');
      await expect(page.locator(`${ae} [data-node="stage"][aria-expanded="true"]`)).toHaveCount(0);
      await expect.poll(() => new URL(page.url()).searchParams.get('stage')).toBe('-1');
      // Reset goes back to the chapter's preset and hides the notice
      await page.locator(`${ae} [data-action="reset"]`).click();
      await expect(page.locator(`${ae} select[data-field="model"]`)).toHaveValue('resnet34-a');
      await expect(notice).toBeHidden();
      expect(problems.pageErrors).toEqual([]);
    });

    test('comparison: cited top-5 errors against computed cost, exact parameter counts', async ({ page }) => {
      await page.goto(`/${lang}/case-studies/vgg/?w=architecture-explorer&view=comparison#architecture-explorer`);
      await ready(page);
      const table = await rows(page, 'comparison');
      const r50 = table.find((r) => r[0] === 'ResNet-50')!;
      expect(r50.slice(1, 3)).toEqual(['25557032', '3.86']);
      expect(table.find((r) => r[0] === 'VGG-16')!.slice(1, 3)).toEqual(['138357544', '15.5']);
      expect(table.find((r) => r[0] === 'ResNet-152')!.slice(5, 7)).toEqual(['5.71', '3.57']);
      await expect(page.locator(`${ae} svg[data-chart="comparison"] [data-point]`)).toHaveCount(12);
      await expect(page.locator(`${ae} table[data-metrics="comparison"] a[href="/${lang}/references/#ref-resnet"]`).first()).toBeVisible();
    });

    for (const [what, url] of [
      ['two diagrams open, a layer pinned, tables open', `/${lang}/case-studies/resnet/?w=architecture-explorer&model=resnet50&compare=resnet34&stage=1&layer=conv2_1a#architecture-explorer`],
      ['the naive Inception module', `/${lang}/case-studies/googlenet/?w=architecture-explorer&view=inception&reduce=0#architecture-explorer`],
      ['the comparison', `/${lang}/case-studies/vgg/?w=architecture-explorer&view=comparison#architecture-explorer`],
    ] as const) {
      test(`axe: no violations with ${what}`, async ({ page }) => {
        test.setTimeout(120_000);
        await page.goto(url);
        await ready(page);
        for (const d of await page.locator(`${ae} details`).all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
        const results = await new AxeBuilder({ page }).include(ae).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}

test('a link from one language opens the same state in the other', async ({ page }) => {
  await page.goto('/en/case-studies/vgg/#architecture-explorer');
  await ready(page);
  await page.locator(`${ae} select[data-field="model"]`).selectOption('resnet101');
  await page.locator(`${ae} [data-node="stage"][data-stage="3"]`).first().click();
  await page.locator(`${ae} [data-action="copy-link"]`).click();
  const link = await page.locator(`${ae} [data-link-output]`).inputValue();
  expect(Object.fromEntries(new URL(link).searchParams)).toMatchObject({ w: 'architecture-explorer', model: 'resnet101', stage: '3' });
  await page.goto(link.replace('/en/', '/zh/'));
  await expect(page.locator(`${ae} select[data-field="model"]`)).toHaveValue('resnet101');
  await expect(page.locator(`${ae} [data-node="stage"][data-stage="3"]`)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator(`${ae} [data-notice="url"]`)).toBeHidden();
});
