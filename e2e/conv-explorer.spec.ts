import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, langs, settle, test } from './site';

const ce = '#conv-explorer';

/** Rows of a metrics table as arrays of cell texts (header excluded; row headers included). */
async function rows(page: Page, metrics: string) {
  return page.locator(`${ce} table[data-metrics="${metrics}"] tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((td) => (td.textContent ?? '').trim())),
  );
}
/** The feature map as numbers (row-header column dropped). */
async function featureMap(page: Page) {
  return (await rows(page, 'feature-map')).map((r) => r.slice(1).map(Number));
}
const layerRow = async (page: Page) => (await rows(page, 'layer'))[0]!.slice(1).map(Number);
const slot = (page: Page, name: string) => page.locator(`${ce} .nb-v-${name}`).first();

async function open(page: Page, lang: string, query = '') {
  await page.goto(`/${lang}/cnn-anatomy/?w=conv-explorer${query}#conv-explorer`);
  await expect(page.locator(ce)).toHaveAttribute('data-status', 'done');
}

/** Sets a range input by keyboard, as a reader would. */
async function slide(page: Page, field: string, to: number) {
  const el = page.locator(`${ce} input[data-field="${field}"]`);
  await el.focus();
  const from = Number(await el.inputValue());
  for (let i = 0; i < Math.abs(to - from); i++) await el.press(to > from ? 'ArrowRight' : 'ArrowLeft');
  await expect(el).toHaveValue(String(to));
}

/** o = ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1, computed independently of the page. */
const formula = (n: number, k: number, s: number, p: number, d: number) => Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;

for (const lang of langs) {
  test.describe(`conv-explorer (${lang})`, () => {
    test('renders the default layer: a 3×3 Sobel kernel on a 28×28 digit, padding 1, 2×2 max pooling', async ({ page, problems }) => {
      await page.goto(`/${lang}/cnn-anatomy/`);
      // Built-time tables are there before the script runs.
      expect(await layerRow(page)).toEqual([28, 3, 1, 1, 1, 28, 36928]);
      await page.locator(ce).scrollIntoViewIfNeeded();
      await expect(page.locator(ce)).toHaveAttribute('data-status', 'done');
      const map = await featureMap(page);
      expect(map).toHaveLength(28);
      for (const r of map) expect(r).toHaveLength(28);
      expect(Math.max(...map.flat())).toBeGreaterThan(1);
      expect(Math.min(...map.flat())).toBeLessThan(-1);
      const pooled = (await rows(page, 'pooled')).map((r) => r.slice(1).map(Number));
      expect(pooled).toHaveLength(14);
      expect(Math.min(...pooled.flat())).toBeGreaterThanOrEqual(0); // ReLU then max pooling
      await expect(slot(page, 'o')).toHaveText('28');
      await expect(slot(page, 'params')).toHaveText('36,928');
      for (const chart of ['input', 'feature-map', 'after']) await expect(page.locator(`${ce} svg[data-chart="${chart}"] image`)).toHaveAttribute('href', /^data:image\/png/);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    });

    test('stride, padding, dilation and kernel size change the output size exactly as the formula says', async ({ page }) => {
      await open(page, lang);
      const settings: [string, number][] = [['stride', 2], ['padding', 0], ['dilation', 2], ['stride', 3], ['padding', 3], ['dilation', 3], ['stride', 1]];
      const st: Record<string, number> = { stride: 1, padding: 1, dilation: 1 };
      let previous = 28;
      for (const [field, value] of settings) {
        await slide(page, field, value);
        st[field] = value;
        const o = formula(28, 3, st.stride!, st.padding!, st.dilation!);
        await expect(slot(page, 'o')).toHaveText(String(o));
        expect(await layerRow(page)).toEqual([28, 3, st.stride, st.padding, st.dilation, o, 36928]);
        expect(await featureMap(page)).toHaveLength(o);
        if (field === 'stride' && value > 1) expect(o).toBeLessThan(previous);
        previous = o;
      }
      // a 5×5 kernel: the span grows by 2·d
      await page.locator(`${ce} input[data-field="size"][value="5"]`).check();
      await expect(slot(page, 'o')).toHaveText(String(formula(28, 5, 1, 3, 3)));
      expect((await layerRow(page))[1]).toBe(5);
      await expect.poll(() => new URL(page.url()).searchParams.get('size')).toBe('5');
    });

    test('the parameter count follows C_in, C_out and the bias', async ({ page }) => {
      await open(page, lang);
      await page.locator(`${ce} input[data-field="cin"]`).fill('3');
      await page.locator(`${ce} input[data-field="cout"]`).fill('16');
      await page.locator(`${ce} input[data-field="cout"]`).press('Tab');
      await expect(slot(page, 'params')).toHaveText(String(3 * 3 * 3 * 16 + 16));
      await page.locator(`${ce} input[data-field="bias"]`).uncheck();
      await expect(slot(page, 'params')).toHaveText(String(3 * 3 * 3 * 16));
      expect((await layerRow(page))[6]).toBe(432);
      await expect(page.locator(`${ce} .nb-katex[data-bias="off"] .nb-bias`).first()).toBeHidden();
    });

    test('a drawn input changes the feature map (mouse and keyboard)', async ({ page }) => {
      await open(page, lang);
      const before = await featureMap(page);
      await page.locator(`${ce} [data-action-local="clear"]`).click();
      await expect(page.locator(`${ce} [data-input-label]`)).toContainText(lang === 'zh' ? '你画的图' : 'your drawing');
      const blank = await featureMap(page);
      expect(blank.flat().every((v) => v === 0)).toBe(true);
      expect(blank).not.toEqual(before);
      // a vertical stroke with the mouse
      const box = (await page.locator(`${ce} svg[data-chart="input"]`).boundingBox())!;
      const cell = box.width / 30; // 28 cells + one ring of padding on each side
      await page.mouse.move(box.x + cell * 15.5, box.y + cell * 6.5);
      await page.mouse.down();
      await page.mouse.move(box.x + cell * 15.5, box.y + cell * 22.5, { steps: 12 });
      await page.mouse.up();
      await expect.poll(async () => Math.max(...(await featureMap(page)).flat())).toBeGreaterThan(1);
      const drawn = await featureMap(page);
      // Sobel (left bright → positive): right of the stroke positive, left negative, far away zero.
      expect(drawn[14]![15]).toBeGreaterThan(0); // output (14, 15) has ink to its left
      expect(drawn[14]![13]).toBeLessThan(0);
      expect(drawn[14]![2]).toBe(0);
      // the keyboard (the same pad as the CNN trainer's): clear, move the cursor from (14, 14) to
      // (3, 20) — Shift moves 3 cells — and lower the pen with Space, which inks there
      await page.locator(`${ce} [data-action-local="clear"]`).click();
      await expect.poll(async () => (await featureMap(page)).flat().every((v) => v === 0)).toBe(true);
      const canvas = page.locator(`${ce} [data-draw]`);
      await canvas.focus();
      for (let i = 0; i < 3; i++) await canvas.press('Shift+ArrowUp');
      for (let i = 0; i < 2; i++) await canvas.press('ArrowUp');
      for (let i = 0; i < 2; i++) await canvas.press('Shift+ArrowRight');
      await canvas.press(' ');
      await expect.poll(async () => (await featureMap(page))[3]![21]).toBeGreaterThan(0); // ink at (3, 20) lies left of output (3, 21)
      expect((await featureMap(page))[3]![19]).toBeLessThan(0);
      // the lowered pen inks where the cursor goes: down to row 9
      for (let i = 0; i < 2; i++) await canvas.press('Shift+ArrowDown');
      await expect.poll(async () => (await featureMap(page))[7]![21]).toBeGreaterThan(0);
      // Space lifts it: moving to row 15 leaves no ink on the way; lowering it there inks row 15 only
      await canvas.press(' ');
      for (let i = 0; i < 2; i++) await canvas.press('Shift+ArrowDown');
      await canvas.press(' ');
      await expect.poll(async () => (await featureMap(page))[15]![21]).toBeGreaterThan(0);
      const stroke = await featureMap(page);
      expect(stroke[12]![21]).toBe(0); // input rows 11–13 stayed blank
      expect(stroke[12]![19]).toBe(0);
      // Delete clears the whole pad
      await canvas.press('Delete');
      await expect.poll(async () => (await featureMap(page)).flat().every((v) => v === 0)).toBe(true);
      // choosing a sample digit replaces the drawing
      await page.locator(`${ce} select[data-field="digit"]`).selectOption('0');
      await expect(page.locator(`${ce} [data-input-label]`)).toContainText('0');
    });

    test('editing a kernel cell makes a custom kernel that the link carries', async ({ page }) => {
      await open(page, lang);
      const centre = page.locator(`${ce} [data-kernel-grid] input[data-cell="4"]`);
      await centre.fill('1');
      await expect(page.locator(`${ce} select[data-field="kernel"]`)).toHaveValue('custom');
      await expect.poll(() => new URL(page.url()).searchParams.get('weights')).toBe('1,0,-1,2,1,-2,1,0,-1');
      // identity kernel from a link: the feature map equals the input (padding 1 keeps 28×28)
      await page.goto(`/${lang}/cnn-anatomy/?w=conv-explorer&kernel=custom&weights=0,0,0,0,2,0,0,0,0&relu=0&pool=none#conv-explorer`);
      await expect(page.locator(ce)).toHaveAttribute('data-status', 'done');
      const map = await featureMap(page);
      expect(Math.max(...map.flat())).toBeCloseTo(2, 2);
      expect(Math.min(...map.flat())).toBe(0);
      // choosing a preset writes its cells back
      await page.locator(`${ce} select[data-field="kernel"]`).selectOption('blur');
      await expect.poll(() => new URL(page.url()).searchParams.get('weights')).toBe('0.0625,0.125,0.0625,0.125,0.25,0.125,0.0625,0.125,0.0625');
    });

    test('Step, the slider and Play move the window; the readout shows the sum under it', async ({ page }) => {
      await open(page, lang, '&stride=2');
      const pos = page.locator(ce);
      const start = Number(await pos.getAttribute('data-position'));
      await page.locator(`${ce} [data-step="forward"]`).click();
      await expect(pos).toHaveAttribute('data-position', String(start + 1));
      await page.locator(`${ce} [data-step="back"]`).click();
      await page.locator(`${ce} [data-step="back"]`).click();
      await expect(pos).toHaveAttribute('data-position', String(start - 1));
      const scrub = page.locator(`${ce} [data-step-scrub]`);
      await scrub.fill('15'); // o = 14: row 1, column 1
      await expect(page.locator(`${ce} [data-position-output]`)).toHaveText('1, 1');
      const z = (await featureMap(page))[1]![1]!;
      await expect(page.locator(`${ce} [data-readout]`)).toContainText(z.toFixed(2));
      await expect(page.locator(`${ce} table.nb-patch td`)).toHaveCount(9);
      await page.locator(`${ce} [data-step="play"]`).click();
      await expect(pos).toHaveAttribute('data-status', 'running');
      await expect.poll(async () => Number(await pos.getAttribute('data-position'))).toBeGreaterThan(20);
      await page.locator(`${ce} [data-step="play"]`).click(); // pause
      await expect(pos).toHaveAttribute('data-status', 'done');
    });

    test('bad link values are clamped or dropped, with a notice', async ({ page, problems }) => {
      await page.goto(`/${lang}/cnn-anatomy/?w=conv-explorer&stride=9&padding=-2&kernel=bogus&weights=1,2&size=4&zz=1#conv-explorer`);
      await expect(page.locator(ce)).toHaveAttribute('data-status', 'done');
      const notice = page.locator(`${ce} [data-notice="url"]`);
      await expect(notice).toBeVisible();
      for (const text of ['9', '4', '-2', 'bogus', 'zz']) await expect(notice).toContainText(text);
      await expect(page.locator(`${ce} input[data-field="stride"]`)).toHaveValue('4');
      await expect(page.locator(`${ce} input[data-field="padding"]`)).toHaveValue('0');
      await expect(page.locator(`${ce} select[data-field="kernel"]`)).toHaveValue('edge-v');
      // size 4 snaps to an allowed size; the output follows the clamped numbers
      const k = Number(await page.locator(`${ce} input[data-field="size"]:checked`).inputValue());
      expect([3, 5]).toContain(k);
      await expect(slot(page, 'o')).toHaveText(String(formula(28, k, 4, 0, 1)));
      expect(problems.pageErrors).toEqual([]);
    });
  });
}

test('with reduced motion there is no animation: Play is off and Step still works', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, 'en');
  await expect(page.locator(`${ce} [data-step="play"]`)).toBeDisabled();
  await expect(page.locator(`${ce} [data-reduced-motion]`)).toBeVisible();
  const start = Number(await page.locator(ce).getAttribute('data-position'));
  await page.locator(`${ce} [data-step="forward"]`).click();
  await expect(page.locator(ce)).toHaveAttribute('data-position', String(start + 1));
});

test('Reset returns to the defaults; Copy link reopens the state in the other language', async ({ page, context }) => {
  await open(page, 'en', '&stride=3&dilation=2&pool=avg');
  await page.locator(`${ce} [data-action="copy-link"]`).click();
  const link = await page.locator(`${ce} [data-link-output]`).inputValue();
  const other = await context.newPage();
  await other.goto(link.replace('/en/', '/zh/'));
  await expect(other.locator(`${ce} input[data-field="stride"]`)).toHaveValue('3');
  await expect(other.locator(`${ce} select[data-field="pool"]`)).toHaveValue('avg');
  await expect(other.locator(`${ce} .nb-v-o`).first()).toHaveText(String(formula(28, 3, 3, 1, 2)));
  await page.locator(`${ce} [data-action="reset"]`).click();
  await expect(page.locator(`${ce} input[data-field="stride"]`)).toHaveValue('1');
  await expect(slot(page, 'o')).toHaveText('28');
});

for (const lang of langs) {
  test(`axe: the explorer, running, with its tables open, has no violations (${lang})`, async ({ page }) => {
    await open(page, lang);
    await settle(page);
    await page.locator(`${ce} details summary`).click();
    await page.locator(`${ce} [data-draw]`).focus();
    // The whole page is checked by a11y.spec.ts; this checks the hydrated widget in every state it draws.
    const results = await new AxeBuilder({ page }).include(ce).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
