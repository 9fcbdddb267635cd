import { assignmentById, assignmentLink } from '../src/lib/classroom/catalogue';
import { decodeSubmission } from '../src/lib/classroom/submission';
import { widgetById } from '../src/lib/state/registry';
import { mounted } from './classroom-helpers';
import { expect, langs, test } from './site';

/**
 * A student completes an assignment by driving the widget (a small, fast one: 100 steps of a
 * 4-layer net), copies the submission code, and the teacher reads it back in the classroom page's
 * teacher box, reopens it, and the seeded rerun reproduces the numbers.
 */
const a = assignmentById('dl-tune-learning-rate')!;
const lab = `#${a.widget}`;

for (const lang of langs) {
  test(`an assignment is completed by driving the widget and its code round-trips through the teacher box (${lang})`, async ({ page, context, problems }) => {
    test.setTimeout(180_000);
    await page.goto(assignmentLink(a, lang));
    await mounted(page, a.widget);
    const panel = page.locator(`${lab} .nb-task`);
    await expect(panel).toHaveAttribute('data-task-status', 'waiting');
    await expect(page.locator(`${lab} [data-field="steps"]`)).toBeDisabled();

    // First try: the too-small learning rate of the link does not reach the goal.
    await page.locator(`${lab} [data-run="train"]`).click();
    await expect(panel).toHaveAttribute('data-task-status', 'pending', { timeout: 60_000 });
    await expect(page.locator(`${lab} .nb-task__done`)).toBeHidden();

    // Raise the learning rate and train again.
    const lr = page.locator(`${lab} input[data-field="lr"]`);
    await lr.fill('0.01');
    await lr.press('Tab');
    await expect(page.locator(lab)).toHaveAttribute('data-state', /lr=0\.01&/);
    await expect(page.locator(`${lab} [data-run="train"]`)).toBeEnabled({ timeout: 30_000 });
    await page.locator(`${lab} [data-run="train"]`).click();
    await expect(panel).toHaveAttribute('data-task-status', 'met', { timeout: 60_000 });
    await expect(panel.locator('.nb-task__status')).toHaveText(lang === 'zh' ? '完成——已满足条件。' : 'Done — the condition is met.');
    await panel.locator('[data-task-name]').fill(lang === 'zh' ? '李明' : 'Ada');
    const code = await panel.locator('[data-submission-code]').inputValue();
    expect(code).toMatch(/^NB1-[A-Za-z0-9_-]+$/);
    const decoded = decodeSubmission(code);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.submission).toMatchObject({ widget: a.widget, task: { id: a.id }, name: lang === 'zh' ? '李明' : 'Ada', lang });
    expect(new URLSearchParams(decoded.submission.state).get('lr')).toBe('0.01');
    const loss = decoded.submission.metrics[1]![1] as number;
    expect(loss).toBeLessThan(0.1);

    // Changing a setting afterwards: the panel says the code is the earlier run's, and which setting
    // changed; the code is kept. A new run with the new settings re-checks them.
    const seed = page.locator(`${lab} input[data-field="seed"]`);
    await seed.click();
    await seed.press('ControlOrMeta+a');
    await seed.pressSequentially('7', { delay: 40 });
    await seed.press('Enter');
    await expect(page.locator(lab)).toHaveAttribute('data-state', /seed=7/);
    await expect(panel).toHaveAttribute('data-task-status', 'stale');
    await expect(panel.locator('.nb-task__status')).toHaveText(
      lang === 'zh'
        ? '下面的提交码属于你之前的那次运行：之后你把随机种子由 2 改为 7。请用现在的设置重新运行，再检查一次。'
        : 'The code below belongs to your earlier run: since then you changed Seed from 2 to 7. Run again with these settings to check them.',
    );
    expect(await panel.locator('[data-submission-code]').inputValue()).toBe(code);
    await page.locator(`${lab} [data-run="train"]`).click();
    await expect(page.locator(lab)).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
    await expect(page.locator(lab)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const newLoss = Number(await page.locator(`${lab} table[data-metrics="runs"] tbody tr:last-child td:nth-child(4)`).textContent());
    if (newLoss < 0.1) {
      await expect(panel).toHaveAttribute('data-task-status', 'met');
      const again = decodeSubmission(await panel.locator('[data-submission-code]').inputValue());
      expect(again.ok && new URLSearchParams(again.submission.state).get('seed')).toBe('7');
    } else {
      await expect(panel).toHaveAttribute('data-task-status', 'stale');
      await expect(panel.locator('.nb-task__status')).toContainText(lang === 'zh' ? '用现在的设置还没有达到要求' : 'Not met with these settings');
      expect(await panel.locator('[data-submission-code]').inputValue()).toBe(code);
    }

    // The teacher box: one good code, one tampered, one cut short, one that is not a code.
    const tampered = code.slice(0, 20) + (code[20] === 'A' ? 'B' : 'A') + code.slice(21);
    await page.goto(`/${lang}/classroom/`);
    const box = page.locator('[data-teacher-box][data-ready="true"]');
    await box.locator('[data-teacher-codes]').fill([code, tampered, code.slice(0, code.length - 9), 'NB1-hello'].join('\n'));
    await box.locator('[data-teacher-read]').click();
    await expect(box.locator('[data-teacher-summary]')).toHaveText(lang === 'zh' ? '共找到 4 个提交码：已读取 1 个，拒绝 3 个，重复 0 个。' : '4 codes found: 1 read, 3 rejected, 0 repeated.');
    const good = box.locator('.nb-submission[data-valid="true"]');
    await expect(good).toHaveCount(1);
    await expect(good.locator('h4')).toHaveText(lang === 'zh' ? '李明' : 'Ada');
    await expect(good).toContainText(a.title[lang]);
    const settings = good.locator('table').first();
    await expect(settings.locator('tr[data-key="lr"] th')).toHaveText(lang === 'zh' ? '学习率' : 'Learning rate');
    await expect(settings.locator('tr[data-key="lr"] td')).toHaveText('0.01');
    const numbers = good.locator('table').nth(1);
    await expect(numbers).toContainText(a.report![1]!.label[lang]);
    await expect(numbers).toContainText(String(loss));
    const bad = box.locator('.nb-submission[data-valid="false"]');
    await expect(bad).toHaveCount(3);
    await expect(bad.nth(0).locator('[data-error]')).toHaveAttribute('data-error', 'checksum');
    await expect(bad.nth(0)).toContainText(lang === 'zh' ? '提交码已损坏' : 'The code is damaged');
    await expect(bad.nth(1).locator('[data-error]')).toHaveAttribute('data-error', 'checksum');
    await expect(bad.nth(2).locator('[data-error]')).toHaveAttribute('data-error', 'checksum');

    // The class at a glance, one row per code found.
    await expect(box.locator('[data-teacher-overview] tbody tr')).toHaveCount(4);
    await expect(box.locator('[data-teacher-overview] tbody tr').first()).toContainText(String(loss));

    // Reopen and re-run: the same state, run=1, the same task; seeded, so the same numbers.
    const href = await good.first().locator('[data-rerun]').getAttribute('href');
    const rerunUrl = new URL(href!);
    expect(rerunUrl.searchParams.get('run')).toBe('1');
    expect(rerunUrl.searchParams.get('task')).toBe(a.id);
    expect(rerunUrl.searchParams.get('lr')).toBe('0.01');
    const rerun = await context.newPage();
    await rerun.goto(href!);
    await expect(rerun.locator(`${lab} .nb-task`)).toHaveAttribute('data-task-status', 'met', { timeout: 60_000 });
    const again = decodeSubmission(await rerun.locator(`${lab} [data-submission-code]`).inputValue());
    expect(again.ok && again.submission.metrics).toEqual(decoded.submission.metrics);
    await rerun.close();
    expect(problems.pageErrors).toEqual([]);
  });
}

test('a task on a widget without training is checked live as the reader moves a control', async ({ page, problems }) => {
  const task = assignmentById('ce-halve-without-pooling');
  expect(task && widgetById(task.widget), 'the catalogue entry and its widget exist').toBeTruthy();
  await page.goto(assignmentLink(task!, 'en'));
  await mounted(page, task!.widget);
  const panel = page.locator(`#${task!.widget} .nb-task`);
  await expect(panel).toHaveAttribute('data-task-status', 'pending');
  const stride = page.locator(`#${task!.widget} input[data-field="stride"]`);
  await stride.focus();
  await stride.press('ArrowRight');
  await expect(panel).toHaveAttribute('data-task-status', 'met');
  const decoded = decodeSubmission(await panel.locator('[data-submission-code]').inputValue());
  expect(decoded.ok && decoded.submission.metrics.map(([, v]) => v)).toEqual([2, 1, 14]);
  expect(problems.pageErrors).toEqual([]);
});
