import { assignmentById } from '../src/lib/classroom/catalogue';
import { decodeCustomTask } from '../src/lib/classroom/task';
import { mounted, widgets } from './classroom-helpers';
import { expect, langs, test } from './site';

for (const lang of langs) {
  test(`the link builder sets a widget up live and writes the link, the embed snippet and the QR code (${lang})`, async ({ page, context, problems }) => {
    test.setTimeout(120_000);
    const entry = widgets[0]!;
    await page.goto(`/${lang}/classroom/`);
    const builder = page.locator('[data-link-builder]');
    await builder.scrollIntoViewIfNeeded();
    await expect(builder).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    await builder.locator('[data-builder-widget]').selectOption(entry.id);
    const frame = page.frameLocator('[data-builder-frame]');
    await expect(frame.locator(`#${entry.id}[data-state]`)).toHaveCount(1, { timeout: 30_000 });

    // Set the widget up inside the live copy: the link follows.
    const seed = frame.locator(`#${entry.id} input[data-field="seed"]`);
    await seed.fill('5');
    await seed.press('Tab');
    const link = builder.locator('[data-builder-link]');
    await expect(link).toHaveValue(/[?&]seed=5&/);
    await expect(link).toHaveValue(new RegExp(`/${lang}/${entry.page}/\\?w=${entry.id}&v=1&.*#${entry.id}$`));

    // Teacher options.
    await builder.locator(`input[data-builder-option="lock"][value="seed"]`).check();
    await builder.locator(`input[data-builder-option="hide"][value="width"]`).check();
    await builder.locator('[data-builder-run]').check();
    await expect(link).toHaveValue(/&run=1&lock=seed&hide=width#/);

    // A task of one's own: a bad condition is explained and left out; a good one goes in.
    await builder.locator('[data-builder-task]').selectOption('~');
    await builder.locator('[data-builder-prompt="zh"]').fill('把种子设为 5');
    await builder.locator('[data-builder-prompt="en"]').fill('Set the seed to 5');
    await builder.locator('[data-builder-condition]').fill('seedd = 5');
    await expect(builder.locator('[data-builder-condition-status]')).toHaveClass('nb-problem');
    await expect(builder.locator('[data-builder-condition-status]')).toContainText('seedd');
    await expect(link).not.toHaveValue(/task=/);
    await builder.locator('[data-builder-condition]').fill('seed = 5');
    await expect(builder.locator('[data-builder-condition-status]')).toHaveClass('nb-ok');
    await expect(link).toHaveValue(/&task=%7E[A-Za-z0-9_-]+#/);
    const href = await link.inputValue();
    expect(decodeCustomTask(new URL(href).searchParams.get('task')!)).toEqual({ prompt: { zh: '把种子设为 5', en: 'Set the seed to 5' }, check: 'seed = 5' });

    // Embed address and snippet carry the same query; the QR code is drawn locally.
    const embed = await builder.locator('[data-builder-embed-src]').inputValue();
    expect(embed).toBe(href.replace(`/${lang}/${entry.page}/`, `/${lang}/embed/${entry.id}/`).replace(`#${entry.id}`, ''));
    await expect(builder.locator('[data-builder-embed]')).toHaveValue(new RegExp(`^<iframe src="${embed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/&/g, '&amp;')}"`));
    await expect(builder.locator('[data-builder-qr] svg')).toHaveCount(1);

    // The link opens the widget in that state, with the options and the task.
    const student = await context.newPage();
    await student.goto(href);
    await mounted(student, entry.id);
    const root = student.locator(`#${entry.id}`);
    await expect(root).toHaveAttribute('data-state', /&seed=5&/);
    await expect(root.locator('input[data-field="seed"]')).toBeDisabled();
    await expect(root.locator('[data-field="width"]')).toBeHidden();
    await expect(root.locator('.nb-task__prompt')).toHaveText(lang === 'zh' ? '把种子设为 5' : 'Set the seed to 5');
    await expect(root.locator('.nb-task')).toHaveAttribute('data-task-status', 'met');
    await student.close();

    // Picking a ready assignment loads its state, locks and task.
    const a = assignmentById('dl-see-degradation')!;
    await builder.locator('[data-builder-task]').selectOption(a.id);
    await expect(link).toHaveValue(new RegExp(`&lock=${a.lock!.join('%2C')}.*&task=${a.id}#`));
    await expect(frame.locator(`#${entry.id}`)).toHaveAttribute('data-state', /&seed=1&/, { timeout: 30_000 });
    expect(problems.pageErrors).toEqual([]);
  });
}
