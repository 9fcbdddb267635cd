/**
 * Small things a reader trips over (issue 15 item 8): a comparison says which network has more, the
 * gradient-flow step slider is announced as the training step it shows, and numbers in widget
 * prose follow one rule per locale (counts grouped, `73,728`; tables behind charts stay plain
 * decimals, `73728`, for screen readers, tests and CSV — see src/lib/i18n/number-format.ts).
 */
import { expect, langs, test } from './site';

for (const lang of langs) {
  test(`plain-34 vs ResNet-34 says which has more parameters, in words (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/case-studies/resnet/#architecture-explorer`);
    const ae = page.locator('#architecture-explorer');
    await expect(ae).toHaveAttribute('data-state', /./, { timeout: 30_000 });
    await ae.locator('select[data-field="model"]').selectOption('resnet34');
    await ae.locator('select[data-field="compare"]').selectOption('plain34');
    const diff = ae.locator('[data-diff]');
    await expect(diff).toHaveText(
      lang === 'zh'
        ? '与 ResNet-34 相比，plain-34 的参数少 173,824 个（少 0.8%），乘加少 19,267,584 次（少 0.5%）。'
        : 'Compared with ResNet-34, plain-34 has 173,824 fewer parameters (0.8\u00a0% fewer) and 19,267,584 fewer multiply-adds (0.5\u00a0% fewer).',
    );
    // The other way round, it says "more".
    await ae.locator('select[data-field="model"]').selectOption('plain34');
    await ae.locator('select[data-field="compare"]').selectOption('resnet34');
    await expect(diff).toContainText(lang === 'zh' ? '参数多 173,824 个' : '173,824 more parameters');
    await expect(diff).not.toContainText('−');
  });

  test(`the gradient-flow step slider is announced as a training step (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/resnet-principles/#gradient-flow`);
    const gf = page.locator('#gradient-flow');
    await expect(gf).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
    const scrub = gf.locator('input[data-step-scrub]');
    const says = (step: number) => (lang === 'zh' ? `第 ${step} 步` : `step ${step}`);
    await expect(scrub).toHaveAttribute('aria-valuetext', says(400));
    await scrub.focus();
    await page.keyboard.press('Home');
    await expect(scrub).toHaveAttribute('aria-valuetext', says(0));
    await page.keyboard.press('ArrowRight');
    const shown = Number(await gf.locator('[data-step-output]').textContent());
    expect(shown).toBeGreaterThan(0);
    await expect(scrub).toHaveAttribute('aria-valuetext', says(shown));
    await page.keyboard.press('End');
    await expect(scrub).toHaveAttribute('aria-valuetext', says(400));
  });

  test(`numbers in widget prose are grouped one way; tables behind charts stay plain (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const prose = '[data-headline], [data-summary], [data-diff], [data-share-text], .nb-progress-text, .nb-map-stats, .nb-readout, [data-sr], .nb-arch-total dd, .nb-rb-summary, .nb-inc-sentence';
    const ungrouped: string[] = [];
    // Every widget page, with a few settings that make large numbers appear (C_in 256 × C_out 512).
    for (const path of ['ml-vs-dl/', 'resnet-principles/', 'cnn-anatomy/?w=conv-explorer&cin=256&cout=512#conv-explorer', 'case-studies/vgg/', 'case-studies/googlenet/', 'case-studies/resnet/']) {
      await page.goto(`/${lang}/${path}`);
      for (const w of await page.locator('section[data-widget]').all()) {
        await w.scrollIntoViewIfNeeded();
        await expect(w).toHaveAttribute('data-state', /./, { timeout: 30_000 });
      }
      ungrouped.push(
        ...(await page.locator(prose).evaluateAll((els) =>
          els.flatMap((el) => [...(el.textContent ?? '').matchAll(/(?<![\d.,e−-])\d{4,}(?![\d,])/g)].map((m) => `${el.className || el.tagName}: “${m[0]}” in “${(el.textContent ?? '').trim().slice(0, 60)}”`)),
        )),
      );
      // The same numbers in the tables are plain decimals.
      const cells = await page.locator('table[data-metrics] td').allTextContents();
      expect(cells.filter((c) => /\d,\d{3}/.test(c))).toEqual([]);
    }
    expect(ungrouped).toEqual([]);
    // The convolution's parameter count, 3·3·256·512 = 1,179,648, in the formula and its spoken form.
    await page.goto(`/${lang}/cnn-anatomy/?w=conv-explorer&cin=256&cout=512&bias=0#conv-explorer`);
    const ce = page.locator('#conv-explorer');
    await expect(ce.locator('.nb-v-params').first()).toHaveText('1,179,648');
    await expect(ce.locator('[data-sr="params"]')).toContainText('1,179,648');
    await expect(ce.locator('table[data-metrics="layer"] tbody tr').first().locator('td').last()).toHaveText('1179648');
  });
}
