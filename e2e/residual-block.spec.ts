import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { residualBlockCosts, type ResidualBlockConfig } from '../src/lib/explorer/residual-block';
import { expect, langs, test } from './site';

const rb = '#residual-block';

async function ready(page: Page) {
  await page.locator(rb).scrollIntoViewIfNeeded();
  await expect(page.locator(rb)).toHaveAttribute('data-status', 'done');
}

/** The key of the one visible pre-rendered equation. */
async function visibleEquation(page: Page) {
  const shown = page.locator(`${rb} [data-equation]:visible`);
  await expect(shown).toHaveCount(1);
  return shown.getAttribute('data-equation');
}

async function footer(page: Page) {
  return page.locator(`${rb} table[data-metrics="block"] tfoot td`).allTextContents();
}

const costs = (c: Partial<ResidualBlockConfig>) =>
  residualBlockCosts({ block: 'basic', option: 'B', downsample: false, activation: 'post', width: 64, size: 56, ...c });

for (const lang of langs) {
  test.describe(`residual-block (${lang})`, () => {
    test('opens on a basic block with identity shortcut; equations are KaTeX from the build', async ({ page, problems }) => {
      await page.goto(`/${lang}/resnet-principles/`);
      // rendered at build time: 12 equations, one shown, no maths script
      expect(await page.locator(`${rb} [data-equation] .katex`).count()).toBe(12);
      expect(await page.locator('script[src*="katex"]').count()).toBe(0);
      await ready(page);
      expect(await visibleEquation(page)).toBe('basic-identity-post');
      expect(await footer(page)).toEqual(['73984', '231211008']);
      expect(await page.locator(`${rb} table[data-metrics="block"] tbody tr`).count()).toBe(costs({}).rows.length);
      const why = await page.locator(`${rb} table[data-metrics="bottleneck-vs-basic"] tbody tr`).evaluateAll((trs) =>
        trs.map((tr) => (tr.querySelectorAll('td')[1]?.textContent ?? '').trim()),
      );
      expect(why).toEqual(['73728', '69632', '1179648']);
      await expect(page.locator(`${rb} [data-why]`)).toContainText('69,632');
      await expect(page.locator(`${rb} [data-why]`)).toContainText('73,728');
      expect(problems.pageErrors).toEqual([]);
    });

    test('the toggles change the drawing, the equation and the numbers', async ({ page, problems }) => {
      await page.goto(`/${lang}/resnet-principles/#residual-block`);
      await ready(page);
      const diagram = page.locator(`${rb} svg[data-chart="block"]`);
      const eqText = () => page.locator(`${rb} [data-equation]:visible`).textContent();
      const basicText = await eqText();

      await page.locator(`${rb} input[data-field="block"][value="bottleneck"]`).check();
      expect(await visibleEquation(page)).toBe('bottleneck-identity-post');
      expect(await eqText()).not.toBe(basicText);
      await expect(diagram).toHaveAttribute('data-variant', 'bottleneck-identity-post');
      expect(await footer(page)).toEqual(['70400', '218365952']);

      await page.locator(`${rb} input[data-field="act"][value="pre"]`).check();
      expect(await visibleEquation(page)).toBe('bottleneck-identity-pre');
      const pre = costs({ block: 'bottleneck', activation: 'pre' });
      expect(await footer(page)).toEqual([String(pre.params), String(pre.macs)]);
      // pre-activation: the block ends with the addition, no ReLU after it
      expect(await page.locator(`${rb} table[data-metrics="block"] tbody tr`).last().getAttribute('data-layer')).not.toMatch(/relu/);

      await page.locator(`${rb} input[data-field="shortcut"][value="C"]`).check();
      expect(await visibleEquation(page)).toBe('bottleneck-projection-pre');
      await page.locator(`${rb} input[data-field="act"][value="post"]`).check();
      await page.locator(`${rb} input[data-field="shortcut"][value="A"]`).check();
      await page.locator(`${rb} input[data-field="downsample"]`).check();
      expect(await visibleEquation(page)).toBe('bottleneck-zero-pad-post');
      await expect(diagram).toHaveAttribute('data-variant', 'bottleneck-zero-pad-post');

      await page.locator(`${rb} select[data-field="width"]`).selectOption('128');
      await page.locator(`${rb} select[data-field="size"]`).selectOption('28');
      const c = costs({ block: 'bottleneck', option: 'A', downsample: true, width: 128, size: 28 });
      expect(await footer(page)).toEqual([String(c.params), String(c.macs)]);
      await expect(page.locator(`${rb} [data-total="params"]`)).toHaveAttribute('data-value', String(c.params));
      await expect(page.locator(`${rb} [data-block-summary]`)).toContainText('56×56×256');
      await expect(page.locator(`${rb} [data-block-summary]`)).toContainText('28×28×512');
      await expect.poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({
        w: 'residual-block',
        block: 'bottleneck',
        shortcut: 'A',
        downsample: '1',
        act: 'post',
        width: '128',
        size: '28',
      });
      expect(problems.pageErrors).toEqual([]);
    });

    test('bad link values (negative width, unknown block) fall back, with the notice', async ({ page, problems }) => {
      await page.goto(`/${lang}/resnet-principles/?w=residual-block&width=-64&block=hexagon&size=9999#residual-block`);
      const notice = page.locator(`${rb} [data-notice="url"]`);
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('-64');
      await expect(notice).toContainText('hexagon');
      await expect(page.locator(`${rb} select[data-field="width"]`)).toHaveValue('16');
      await expect(page.locator(`${rb} select[data-field="size"]`)).toHaveValue('56');
      await expect(page.locator(`${rb} input[data-field="block"][value="basic"]`)).toBeChecked();
      const c = costs({ width: 16 });
      expect(await footer(page)).toEqual([String(c.params), String(c.macs)]);
      expect(problems.pageErrors).toEqual([]);
    });

    test('axe: no violations in a bottleneck, pre-activation state', async ({ page }) => {
      await page.goto(`/${lang}/resnet-principles/?w=residual-block&block=bottleneck&act=pre&shortcut=B&downsample=1#residual-block`);
      await ready(page);
      await page.locator(`${rb} details`).first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
      const results = await new AxeBuilder({ page }).include(rb).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  });
}
