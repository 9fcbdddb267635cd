import type { Locator, Page } from '@playwright/test';
import { assignmentById } from '../src/lib/classroom/catalogue';
import { decodeCustomTask } from '../src/lib/classroom/task';
import { parseState } from '../src/lib/state/codec';
import { mounted, widgets } from './classroom-helpers';
import { expect, langs, test } from './site';

/** Types like a person: select what is there, then key by key with a pause between keys. */
async function typeSlowly(field: Locator, text: string) {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.press('Backspace');
  await field.pressSequentially(text, { delay: 35 });
}

async function openBuilder(page: Page, lang: string) {
  await page.goto(`/${lang}/classroom/`);
  const builder = page.locator('[data-link-builder]');
  await builder.scrollIntoViewIfNeeded();
  await expect(builder).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  return builder;
}

/** Waits until the preview has loaded `src`'s widget and reported its state. */
async function previewReady(builder: Locator) {
  await expect(builder).toHaveAttribute('data-preview-ready', 'true', { timeout: 30_000 });
}

const lab = widgets.find((w) => w.id === 'degradation-lab')!;

for (const lang of langs) {
  test(`the link builder sets a widget up live and writes the link, the embed snippet and the QR code (${lang})`, async ({ page, context, problems }) => {
    test.setTimeout(120_000);
    const entry = widgets[0]!;
    const builder = await openBuilder(page, lang);
    await builder.locator('[data-builder-widget]').selectOption(entry.id);
    const frame = page.frameLocator('[data-builder-frame]');
    await expect(frame.locator(`#${entry.id}[data-state]`)).toHaveCount(1, { timeout: 30_000 });

    // Set the widget up inside the live copy: the link follows.
    const seed = frame.locator(`#${entry.id} input[data-field="seed"]`);
    await typeSlowly(seed, '5');
    await seed.press('Enter');
    const link = builder.locator('[data-builder-link]');
    await expect(link).toHaveValue(/[?&]seed=5&/);
    await expect(link).toHaveValue(new RegExp(`/${lang}/${entry.chapter}/\\?w=${entry.id}&v=1&.*#${entry.id}$`));

    // Teacher options.
    await builder.locator(`input[data-builder-option="lock"][value="seed"]`).check();
    await builder.locator(`input[data-builder-option="hide"][value="width"]`).check();
    await builder.locator('[data-builder-run]').check();
    await expect(link).toHaveValue(/&run=1&lock=seed&hide=width#/);

    // A task of one's own: a bad condition is explained and left out; a good one goes in.
    await builder.locator('[data-builder-task]').selectOption('~');
    await typeSlowly(builder.locator('[data-builder-prompt="zh"]'), '把种子设为 5');
    await typeSlowly(builder.locator('[data-builder-prompt="en"]'), 'Set the seed to 5');
    const condition = builder.locator('[data-builder-condition]');
    const status = builder.locator('[data-builder-condition-status]');
    await typeSlowly(condition, 'seedd = 5');
    await expect(status).toHaveClass('nb-problem');
    await expect(status).toContainText('seedd');
    await expect(link).not.toHaveValue(/task=/);
    await typeSlowly(condition, 'seed = 5');
    await expect(status).toHaveClass('nb-ok');
    await expect(link).toHaveValue(/&task=%7E[A-Za-z0-9_-]+#/);
    const href = await link.inputValue();
    expect(decodeCustomTask(new URL(href).searchParams.get('task')!)).toEqual({ prompt: { zh: '把种子设为 5', en: 'Set the seed to 5' }, check: 'seed = 5' });

    // Embed address and snippet carry the same query; the QR code is drawn locally.
    const embed = await builder.locator('[data-builder-embed-src]').inputValue();
    expect(embed).toBe(href.replace(`/${lang}/${entry.chapter}/`, `/${lang}/embed/${entry.id}/`).replace(`#${entry.id}`, ''));
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
    expect(problems.pageErrors).toEqual([]);
  });

  test(`a ready assignment is merged into the teacher's choices, says what it changed, and can be undone; the preview is what students get (${lang})`, async ({ page, problems }) => {
    test.setTimeout(120_000);
    const a = assignmentById('dl-see-degradation')!;
    const builder = await openBuilder(page, lang);
    await builder.locator('[data-builder-widget]').selectOption(lab.id);
    await previewReady(builder);
    const frame = page.frameLocator('[data-builder-frame]');
    const root = frame.locator(`#${lab.id}`);

    // The teacher hides the learning rate and sets the width in the preview; the seed stays 0.
    await builder.locator('input[data-builder-option="hide"][value="lr"]').check();
    await previewReady(builder);
    await expect(root.locator('[data-field="lr"]')).toBeHidden();
    const width = root.locator('select[data-field="width"]');
    await width.focus();
    await width.press('ArrowDown'); // 32 → 64
    const link = builder.locator('[data-builder-link]');
    await expect(link).toHaveValue(/&width=64&/);
    await expect(link).toHaveValue(/&seed=0&/);

    // Choosing the assignment: its settings win only where it sets them; the teacher's hidden lr stays.
    await builder.locator('[data-builder-task]').selectOption(a.id);
    const merged = builder.locator('[data-builder-merged]');
    await expect(merged).toBeVisible();
    await expect(merged).toHaveAttribute('data-changed', 'seed');
    await expect(merged).toContainText(lang === 'zh' ? '随机种子：0 → 1' : 'Seed 0 → 1');
    await expect(merged).toContainText(lang === 'zh' ? '你自己设定的锁定和隐藏仍然保留：学习率' : 'Your own locks and hidden settings stay: Learning rate');
    await expect(merged).toContainText(lang === 'zh' ? '它隐藏了数据集' : 'It hides Dataset');
    const url = new URL(await link.inputValue());
    expect(url.searchParams.get('hide')).toBe('lr,dataset');
    expect(url.searchParams.get('lock')).toBe(a.lock!.join(','));
    expect(url.searchParams.get('task')).toBe(a.id);
    expect(url.searchParams.get('width')).toBe('64');
    expect(url.searchParams.get('seed')).toBe('1');
    await expect(builder.locator('input[data-builder-option="hide"][value="lr"]')).toBeChecked();

    // The preview shows exactly that: locked depth, hidden lr and dataset, the task panel.
    await previewReady(builder);
    await expect(root).toHaveAttribute('data-state', /&width=64&.*&seed=1&/);
    await expect(root.locator('input[data-field="depth"]')).toBeDisabled();
    await expect(root.locator('[data-field="lr"]')).toBeHidden();
    await expect(root.locator('[data-field="dataset"]')).toBeHidden();
    await expect(root.locator('.nb-task__prompt')).toHaveText(a.prompt[lang]);
    const previewQuery = new URL((await builder.getAttribute('data-preview-src'))!, 'http://x').searchParams;
    expect(previewQuery.get('task')).toBe(a.id);
    expect(previewQuery.get('hide')).toBe('lr,dataset');

    // Undo takes it all back.
    await merged.getByRole('button', { name: lang === 'zh' ? '撤销' : 'Undo' }).click();
    await expect(merged).toBeHidden();
    await expect(builder.locator('[data-builder-task]')).toHaveValue('');
    const back = new URL(await link.inputValue());
    expect(back.searchParams.get('hide')).toBe('lr');
    expect(back.searchParams.get('lock')).toBeNull();
    expect(back.searchParams.get('task')).toBeNull();
    expect(parseState(lab.schema, back.searchParams).state).toMatchObject({ seed: 0, width: 64 });
    await previewReady(builder);
    await expect(root.locator('.nb-task')).toHaveCount(0);
    await expect(root.locator('input[data-field="depth"]')).toBeEnabled();
    expect(problems.pageErrors).toEqual([]);
  });

  test(`the condition checker says why a condition can never be met (${lang})`, async ({ page, problems }) => {
    test.setTimeout(90_000);
    const builder = await openBuilder(page, lang);
    await builder.locator('[data-builder-widget]').selectOption(lab.id);
    await previewReady(builder);
    await builder.locator('[data-builder-task]').selectOption('~');
    await typeSlowly(builder.locator(`[data-builder-prompt="${lang}"]`), lang === 'zh' ? '训练到损失低于 0.1' : 'Train until the loss is below 0.1');
    const condition = builder.locator('[data-builder-condition]');
    const status = builder.locator('[data-builder-condition-status]');
    const link = builder.locator('[data-builder-link]');
    const cases: [string, RegExp][] = [
      ['min(foo[3]) > 0', lang === 'zh' ? /本组件没有名为“foo”的数据表，可用的表有 runs、curve、sweep/ : /this widget has no table called “foo”; its tables are runs, curve, sweep/],
      ['depth > 100', lang === 'zh' ? /“depth > 100”永远不会成立：设置项“深度（隐藏层数）”（depth）的取值在 2 到 64 之间/ : /“depth > 100” can never hold: the setting “Depth \(hidden layers\)” \(depth\) lies between 2 and 64/],
      ['min(runs[9]) < 0.1', lang === 'zh' ? /表 runs 只有 5 列（\[0\] 到 \[4\]），没有 \[9\]/ : /the table runs has 5 columns, \[0\] to \[4\]: there is no \[9\]/],
      ['optimizer = "adamw"', lang === 'zh' ? /只能取 "adam"（Adam）、"sgd"（带动量的 SGD），不可能是“adamw”/ : /can only be "adam" \(Adam\), "sgd" \(SGD \+ momentum\), never “adamw”/],
      ['last(runs[3] where [0] = "plane") < 0.1', lang === 'zh' ? /只会出现 "plain"、"residual"/ : /holds only "plain", "residual"/],
    ];
    for (const [src, why] of cases) {
      await typeSlowly(condition, src);
      await expect(status).toHaveClass('nb-problem');
      await expect(status).toHaveText(why);
      await expect(condition).toHaveAttribute('aria-invalid', 'true');
      await expect(link).not.toHaveValue(/task=/);
    }
    await typeSlowly(condition, 'last(runs[3] where [0] = "plain" and [1] = depth) < 0.1');
    await expect(status).toHaveClass('nb-ok');
    await expect(condition).toHaveAttribute('aria-invalid', 'false');
    await expect(link).toHaveValue(/&task=%7E/);
    // The preview shows the student's panel waiting for a run.
    await expect(builder).toHaveAttribute('data-preview-src', /task=%7E/, { timeout: 10_000 });
    await previewReady(builder);
    await expect(page.frameLocator('[data-builder-frame]').locator(`#${lab.id} .nb-task`)).toHaveAttribute('data-task-status', /waiting|pending/);
    expect(problems.pageErrors).toEqual([]);
  });
}

test('a link whose task can never be met is refused with the reason, not left waiting', async ({ page }) => {
  const { encodeCustomTask } = await import('../src/lib/classroom/task');
  const task = encodeCustomTask({ prompt: { zh: '题目', en: 'Prompt' }, check: 'min(foo[3]) > 0' });
  await page.goto(`/zh/resnet-principles/?w=degradation-lab&v=1&task=${task}#degradation-lab`);
  await mounted(page, 'degradation-lab');
  const notice = page.locator('#degradation-lab [data-notice="url"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('本组件没有名为“foo”的数据表');
  await expect(page.locator('#degradation-lab .nb-task')).toHaveCount(0);
});
