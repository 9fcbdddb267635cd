import jsQR from 'jsqr';
import type { Locator, Page } from '@playwright/test';
import { assignmentById, assignmentLink } from '../src/lib/classroom/catalogue';
import { qrLink } from '../src/lib/classroom/links';
import { mounted } from './classroom-helpers';
import { expect, langs, test } from './site';

/** Decodes the QR code in a 1× screenshot of `target` with a standard decoder (jsQR). */
async function decodeQr(page: Page, target: Locator): Promise<string | undefined> {
  const png = await target.screenshot({ scale: 'css' });
  const { width, height, data } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: pixels.width, height: pixels.height, data: [...pixels.data] };
  }, png.toString('base64'));
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data;
}

async function openPrint(page: Page, id: string) {
  const root = page.locator(`#${id}`);
  await root.locator('[data-action="print"]').click();
  const dialog = page.locator('dialog.nb-print');
  await expect(dialog).toBeVisible();
  return dialog;
}

for (const lang of langs) {
  test(`print view before any run: captions, "not run yet" instead of blank panels, the task, localised settings, and a QR code a phone can read (${lang})`, async ({ page, context, problems }) => {
    test.setTimeout(90_000);
    const a = assignmentById('dl-see-degradation')!;
    await page.goto(assignmentLink(a, lang));
    await mounted(page, a.widget);
    await expect(page.locator(`#${a.widget}`)).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
    const dialog = await openPrint(page, a.widget);

    // Four panels (two curves, two decision-region maps), each captioned; none run yet.
    const figures = dialog.locator('.nb-print__figures figure');
    await expect(figures).toHaveCount(4);
    const captions = await dialog.locator('.nb-print__figures figcaption').allTextContents();
    expect(captions).toEqual(
      lang === 'zh'
        ? ['每步的训练损失（小批量，平滑后）', '全训练集上的准确率', '普通网络的决策区域', '残差网络的决策区域']
        : ['Training loss (mini-batch, smoothed) per step', 'Training accuracy on the full set', 'Decision regions of the plain net', 'Decision regions of the residual net'],
    );
    await expect(dialog.locator('.nb-print__figures figure[data-empty]')).toHaveCount(4);
    await expect(dialog.locator('.nb-print__figures svg')).toHaveCount(0);
    await expect(dialog.locator('.nb-print__empty').first()).toHaveText(lang === 'zh' ? '尚未运行：请先在页面上用这些设置按“训练”，再打开打印视图。' : 'Not run yet: press Train on the page with these settings, then open the print view again.');

    // No key numbers yet: the recorded run's rows (other settings) are not these settings' numbers.
    await expect(dialog.locator('[data-print-table]')).toHaveCount(0);

    // The task is printed; the settings are in the reader's language, hidden ones left out.
    await expect(dialog.locator('.nb-print__task')).toContainText(a.prompt[lang]);
    const settings = dialog.locator('.nb-print__settings');
    await expect(settings.locator('tr[data-key="optimizer"] td')).toHaveText('Adam');
    await expect(settings.locator('tr[data-key="arch"] td')).toHaveText(lang === 'zh' ? '普通网络、残差网络' : 'plain, residual');
    await expect(settings.locator('tr[data-key="mode"] td')).toHaveText(lang === 'zh' ? '单一深度' : 'One depth');
    await expect(settings.locator('tr[data-key="depth"] th')).toHaveText(lang === 'zh' ? '深度（隐藏层数）' : 'Depth (hidden layers)');
    await expect(settings.locator('tr[data-key="dataset"]')).toHaveCount(0);

    // The QR code: 4-module quiet zone, whole pixels per module; a standard decoder reads a 1× screenshot.
    const qr = dialog.locator('[data-qr]');
    const link = await dialog.locator('[data-print-link]').textContent();
    expect(link).toContain(`task=${a.id}`);
    const modules = Number(await qr.getAttribute('data-qr-modules'));
    const version = Number(await qr.getAttribute('data-qr-version'));
    expect(modules).toBe(4 * version + 17 + 8);
    const box = await qr.locator('svg').boundingBox();
    expect(box!.width).toBe(modules * 4);
    const decoded = await decodeQr(page, qr);
    expect(decoded).toBe(qrLink(link!));
    expect(decoded!.length).toBeLessThan(link!.length);

    // On paper: at least 3.5 cm, 0.6 mm per module.
    await page.emulateMedia({ media: 'print' });
    const printedMm = ((await qr.locator('svg').boundingBox())!.width * 25.4) / 96;
    expect(printedMm).toBeGreaterThanOrEqual(35);
    expect(printedMm).toBeCloseTo(Math.max(35, modules * 0.6), 0);
    await page.emulateMedia({ media: 'screen' });

    // The short link in the QR opens exactly the state, locks, hidden settings and task of the full one.
    const viaQr = await context.newPage();
    await viaQr.goto(decoded!);
    await mounted(viaQr, a.widget);
    const viaFull = await context.newPage();
    await viaFull.goto(link!);
    await mounted(viaFull, a.widget);
    expect(await viaQr.locator(`#${a.widget}`).getAttribute('data-state')).toBe(await viaFull.locator(`#${a.widget}`).getAttribute('data-state'));
    await expect(viaQr.locator(`#${a.widget} [data-notice="url"]`)).toBeHidden();
    await expect(viaQr.locator(`#${a.widget} .nb-task`)).toHaveAttribute('data-task', a.id);
    for (const key of a.lock!) for (const el of await viaQr.locator(`#${a.widget} [data-field="${key}"]`).all()) await expect(el).toBeDisabled();
    await expect(viaQr.locator(`#${a.widget} [data-field="dataset"]`)).toBeHidden();
    expect(problems.foreignRequests).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });

  test(`print view after a run: the figures with captions, the key numbers and the task's numbers (${lang})`, async ({ page, problems }) => {
    test.setTimeout(150_000);
    const a = assignmentById('dl-tune-learning-rate')!;
    await page.goto(assignmentLink(a, lang));
    await mounted(page, a.widget);
    const lab = page.locator(`#${a.widget}`);
    const lr = lab.locator('input[data-field="lr"]');
    // Pasted, as a teacher's instructions would be.
    await lr.click();
    await lr.press('ControlOrMeta+a');
    await page.keyboard.insertText('0.01');
    await lr.press('Enter');
    await expect(lab).toHaveAttribute('data-state', /lr=0\.01&/);
    await expect(lab.locator('[data-run="train"]')).toBeEnabled({ timeout: 30_000 });
    await lab.locator('[data-run="train"]').click();
    await expect(lab.locator('.nb-task')).toHaveAttribute('data-task-status', 'met', { timeout: 90_000 });
    await expect(lab).toHaveAttribute('data-status', 'done', { timeout: 30_000 });

    const dialog = await openPrint(page, a.widget);
    // Only the plain net trains here: its curves and map are printed with their captions; the
    // residual net's empty map is left out rather than printed blank.
    const figures = dialog.locator('.nb-print__figures figure');
    await expect(figures).toHaveCount(3);
    await expect(figures.locator('svg')).toHaveCount(3);
    await expect(dialog.locator('.nb-print__figures figure[data-empty]')).toHaveCount(0);
    expect(await dialog.locator('.nb-print__figures figcaption').allTextContents()).toEqual(
      lang === 'zh' ? ['每步的训练损失（小批量，平滑后）', '全训练集上的准确率', '普通网络的决策区域'] : ['Training loss (mini-batch, smoothed) per step', 'Training accuracy on the full set', 'Decision regions of the plain net'],
    );

    // Key numbers: the finished-runs table, and the task's own numbers.
    const runs = dialog.locator('[data-print-table="runs"]');
    await expect(runs.locator('tbody tr')).toHaveCount(1);
    await expect(runs.locator('tbody tr td').first()).toHaveText('plain');
    const task = dialog.locator('.nb-print__task');
    await expect(task).toContainText(lang === 'zh' ? '完成——已满足条件。' : 'Done — the condition is met.');
    await expect(task.locator('dt').first()).toHaveText(a.report![0]!.label[lang]);
    await expect(task.locator('dd').first()).toHaveText('0.01');
    await dialog.getByRole('button', { name: lang === 'zh' ? '关闭' : 'Close' }).click();
    await expect(dialog).toHaveCount(0);
    expect(problems.pageErrors).toEqual([]);
  });
}

test('Print pressed while the task panel is still loading: the print view waits for it and prints the task (en)', async ({ page, problems }) => {
  test.setTimeout(60_000);
  const a = assignmentById('dl-see-degradation')!;
  // Hold back the task panel's chunk so the press certainly comes first (a slow connection does the same).
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/task-panel\.[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(assignmentLink(a, 'en'));
  const root = page.locator(`#${a.widget}`);
  await expect(root).toHaveAttribute('data-state', /./, { timeout: 30_000 });
  await expect(root.locator('.nb-task')).toHaveCount(0);
  await root.locator('[data-action="print"]').click();
  release();
  const dialog = page.locator('dialog.nb-print');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.nb-print__task')).toContainText(a.prompt.en);
  expect(problems.pageErrors).toEqual([]);
});
