import { assignmentById, assignmentLink } from '../src/lib/classroom/catalogue';
import { decodeSubmission } from '../src/lib/classroom/submission';
import { mounted } from './classroom-helpers';
import { expect, langs, test } from './site';

/**
 * After an assignment is done, changing the settings must not leave the panel saying “done” over a
 * code that no longer matches: it says the code belongs to the earlier run and which settings
 * changed, re-checks, and gives a new code once the new settings meet the condition. (A widget
 * that trains must run again first: see classroom-assignment.spec.ts.)
 */
const a = assignmentById('ce-halve-without-pooling')!;
const ce = `#${a.widget}`;

for (const lang of langs) {
  test(`the task panel says when its code belongs to an earlier run, and re-checks (${lang})`, async ({ page, problems }) => {
    await page.goto(assignmentLink(a, lang));
    await mounted(page, a.widget);
    const panel = page.locator(`${ce} .nb-task`);
    const status = panel.locator('.nb-task__status');
    const code = panel.locator('[data-submission-code]');
    const slider = (key: string) => page.locator(`${ce} input[data-field="${key}"]`);
    await expect(panel).toHaveAttribute('data-task-status', 'pending');

    // Stride 2 with padding 1 halves 28 to 14: done.
    await slider('stride').focus();
    await page.keyboard.press('ArrowRight');
    await expect(panel).toHaveAttribute('data-task-status', 'met');
    await expect(panel.locator('label[for$="-code"]')).toHaveText(lang === 'zh' ? '提交码' : 'Submission code');
    await expect(panel.locator('.nb-task__numbers dd')).toHaveText(['2', '1', '14']);
    const first = await code.inputValue();

    // More padding: 15, not 14. The code stays, but the panel says it is the earlier run's.
    await slider('padding').focus();
    await page.keyboard.press('ArrowRight');
    await expect(panel).toHaveAttribute('data-task-status', 'stale');
    await expect(status).toHaveText(
      lang === 'zh'
        ? '用现在的设置还没有达到要求。下面的提交码仍属于你之前的那次运行（之后你把填充 p 由 1 改为 2）。'
        : 'Not met with these settings. The code below still belongs to your earlier run (before you changed Padding p from 1 to 2).',
    );
    await expect(panel.locator('label[for$="-code"]')).toHaveText(lang === 'zh' ? '之前那次运行的提交码' : 'Submission code of the earlier run');
    expect(await code.inputValue()).toBe(first);

    // Back to the code's settings: done again, same code.
    await page.keyboard.press('ArrowLeft');
    await expect(panel).toHaveAttribute('data-task-status', 'met');
    expect(await code.inputValue()).toBe(first);

    // Other settings that also give 14 (padding 2, dilation 2): a new code for them.
    await page.keyboard.press('ArrowRight');
    await expect(panel).toHaveAttribute('data-task-status', 'stale');
    await slider('dilation').focus();
    await page.keyboard.press('ArrowRight');
    await expect(panel).toHaveAttribute('data-task-status', 'met');
    const second = decodeSubmission(await code.inputValue());
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    const state = new URLSearchParams(second.submission.state);
    expect([state.get('stride'), state.get('padding'), state.get('dilation')]).toEqual(['2', '2', '2']);
    expect(second.submission.metrics.map(([, v]) => v)).toEqual([2, 2, 14]);
    expect(problems.pageErrors).toEqual([]);
  });
}
