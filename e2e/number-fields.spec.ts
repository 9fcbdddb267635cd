/**
 * Number fields, typed as a person types (issue 15 items 1–2): free typing, applied on Enter, on
 * leaving the field or after a pause — never while the reader is mid-number, never reformatting
 * the text being typed — and every correction said next to the field, in the reader's language.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, langs, test } from './site';

interface Case {
  slug: string;
  id: string;
  /** field → text typed, and the value the state must then carry. */
  typed: [field: string, text: string][];
}

const widgets: Case[] = [
  { slug: 'ml-vs-dl', id: 'boundary-lab', typed: [['lr', '0.005'], ['steps', '250'], ['seed', '12']] },
  { slug: 'resnet-principles', id: 'degradation-lab', typed: [['lr', '0.01'], ['steps', '200'], ['seed', '7']] },
  { slug: 'resnet-principles', id: 'gradient-flow', typed: [['steps', '250'], ['seed', '3']] },
  { slug: 'cnn-anatomy', id: 'cnn-trainer', typed: [['lr', '0.005'], ['epochs', '2'], ['seed', '5']] },
  { slug: 'cnn-anatomy', id: 'conv-explorer', typed: [['cin', '3'], ['cout', '128']] },
];

/** The value of `key` in the widget's state (`data-state`, the link parameters). */
const stateOf = (root: Locator, key: string) => root.evaluate((el, k) => new URLSearchParams((el as HTMLElement).dataset.state).get(k), key);

async function open(page: Page, lang: string, c: Case) {
  await page.goto(`/${lang}/${c.slug}/#${c.id}`);
  const root = page.locator(`#${c.id}`);
  await expect(root).toHaveAttribute('data-status', /idle|done/, { timeout: 30_000 });
  return root;
}

/** Selects the field's text and types `text` key by key, 80 ms apart. */
async function typeInto(page: Page, field: Locator, text: string) {
  await field.click();
  await field.press('ControlOrMeta+A');
  await page.keyboard.type(text, { delay: 80 });
}

for (const lang of langs) {
  for (const c of widgets) {
    test(`${c.id}: typed numbers stay as typed and apply after a pause or Enter (${lang})`, async ({ page, problems }) => {
      const root = await open(page, lang, c);
      for (const [key, text] of c.typed) {
        const field = root.locator(`input[data-field="${key}"]`);
        await typeInto(page, field, text);
        // What was typed is on screen, key for key (the old fields turned 0.01 into 0.000101).
        await expect(field).toHaveValue(text);
        // A pause applies it: the state carries it without Enter or leaving the field.
        await expect.poll(() => stateOf(root, key)).toBe(text);
        await expect(field).toHaveValue(text);
        await expect(field).not.toHaveAttribute('aria-invalid', 'true');
        await field.press('Enter');
        await expect(field).toHaveValue(text);
      }
      expect(problems.pageErrors).toEqual([]);
    });
  }

  test(`a pause mid-number applies nothing; the rest of the number then does (${lang})`, async ({ page }) => {
    await page.clock.install();
    const c = widgets[1]!;
    const root = await open(page, lang, c);
    const lr = root.locator('input[data-field="lr"]');
    const steps = root.locator('input[data-field="steps"]');
    // "0." and "0.0" are on their way to 0.01; "2" to 200 (the minimum is 50): a pause waits.
    for (const [field, key, head, tail, want] of [
      [lr, 'lr', '0.0', '1', '0.01'],
      [steps, 'steps', '2', '00', '200'],
    ] as const) {
      const before = await stateOf(root, key);
      await typeInto(page, field, head);
      await page.clock.runFor(3000);
      await expect(field).toHaveValue(head);
      expect(await stateOf(root, key)).toBe(before);
      await expect(root.locator(`[data-for="${key}"]`)).toBeHidden();
      await page.keyboard.type(tail, { delay: 80 });
      await page.clock.runFor(1000);
      await expect.poll(() => stateOf(root, key)).toBe(want);
      await expect(field).toHaveValue(want);
    }
  });

  test(`corrections are said next to the field, and the field then shows the value in use (${lang})`, async ({ page, problems }) => {
    const root = await open(page, lang, widgets[1]!);
    const messageOf = async (field: Locator) => {
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      const id = await field.getAttribute('aria-describedby');
      const message = root.locator(`[id="${id}"]`);
      await expect(message).toBeVisible();
      return message;
    };
    const zh = lang === 'zh';

    // −5 in the seed: the minimum is 0 — said, and the field shows 0 once the reader moves on.
    const seed = root.locator('input[data-field="seed"]');
    await typeInto(page, seed, '-5');
    await expect(await messageOf(seed)).toHaveText(zh ? '最小为 0，已改为 0。' : 'The minimum is 0; using 0.');
    await expect(seed).toHaveValue('-5'); // not rewritten while the reader is still in the field
    await seed.press('Tab');
    await expect(seed).toHaveValue('0');
    expect(await stateOf(root, 'seed')).toBe('0');

    // 1e9 in the learning rate: the maximum is 10.
    const lr = root.locator('input[data-field="lr"]');
    await typeInto(page, lr, '1e9');
    await lr.press('Enter');
    await expect(await messageOf(lr)).toHaveText(zh ? '最大为 10，已改为 10。' : 'The maximum is 10; using 10.');
    await expect(lr).toHaveValue('10');
    expect(await stateOf(root, 'lr')).toBe('10');

    // An emptied steps field: Train would use the last value, and the field says so and shows it.
    const steps = root.locator('input[data-field="steps"]');
    await typeInto(page, steps, '300');
    await steps.press('Enter');
    await steps.press('ControlOrMeta+A');
    await steps.press('Backspace');
    await steps.press('Enter');
    await expect(await messageOf(steps)).toHaveText(zh ? '请填写一个数，仍使用 300。' : 'Enter a number; still using 300.');
    await expect(steps).toHaveValue('300');

    // Something that is not a number.
    await typeInto(page, steps, '1e');
    await steps.press('Tab');
    await expect(await messageOf(steps)).toHaveText(zh ? '“1e”不是数字，仍使用 300。' : '“1e” is not a number; still using 300.');
    await expect(steps).toHaveValue('300');

    // A whole number where a fraction was typed; full-width digits from a Chinese input method.
    await typeInto(page, steps, '250.6');
    await steps.press('Enter');
    await expect(await messageOf(steps)).toHaveText(zh ? '只能填整数，已改为 251。' : 'Whole numbers only; using 251.');
    await steps.click();
    await steps.press('ControlOrMeta+A');
    await page.keyboard.insertText('２５０');
    await steps.press('Enter');
    await expect(steps).toHaveValue('250');
    await expect(steps).not.toHaveAttribute('aria-invalid', 'true');
    await expect(root.locator('[data-for="steps"]')).toBeHidden();

    // Reset drops the messages with the values they were about.
    await typeInto(page, seed, '-1');
    await seed.press('Enter');
    await messageOf(seed);
    await root.locator('[data-action="reset"]').click();
    await expect(seed).not.toHaveAttribute('aria-invalid', 'true');
    await expect(seed).toHaveValue('0');
    await expect(steps).toHaveValue('400');
    expect(problems.pageErrors).toEqual([]);
  });

  test(`pasting into a field applies after a pause, and a kernel cell takes typing too (${lang})`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const root = await open(page, lang, widgets[3]!);
    const lr = root.locator('input[data-field="lr"]');
    await page.evaluate(() => navigator.clipboard.writeText('0.02'));
    await lr.click();
    await lr.press('ControlOrMeta+A');
    await lr.press('ControlOrMeta+V');
    await expect(lr).toHaveValue('0.02');
    await expect.poll(() => stateOf(root, 'lr')).toBe('0.02');

    const ce = await open(page, lang, widgets[4]!);
    const centre = ce.locator('[data-kernel-grid] input[data-cell="4"]');
    await typeInto(page, centre, '-2.5');
    await expect(centre).toHaveValue('-2.5');
    await expect.poll(() => ce.evaluate((el) => new URLSearchParams((el as HTMLElement).dataset.state).get('weights')?.split(',')[4])).toBe('-2.5');
    await expect.poll(() => stateOf(ce, 'kernel')).toBe('custom');
    await typeInto(page, centre, '40');
    await centre.press('Enter');
    await expect(centre).toHaveValue('10');
    await expect(centre).toHaveAttribute('aria-invalid', 'true');
    await expect(ce.locator('[data-cell-message]')).toHaveText(lang === 'zh' ? '最大为 10，已改为 10。' : 'The maximum is 10; using 10.');
  });
}
