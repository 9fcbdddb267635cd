import { readFileSync } from 'node:fs';
import { encodeSubmission, type Submission } from '../src/lib/classroom/submission';
import { expect, langs, test } from './site';

/**
 * The checking box with what teachers actually paste: a chat log with a code wrapped over three
 * lines, a trailing 。, `李四的提交码：NB1-…`, a damaged code with a name beside it, the same code
 * twice. Pasted (inserted as a paste inserts text) and tapped on a 375 px phone.
 */
const base: Submission = {
  widget: 'degradation-lab',
  version: 1,
  state: 'depth=32&width=32&bn=1&optimizer=adam&lr=0.001&steps=400&seed=1&dataset=spiral&arch=plain%2Cresidual&mode=single',
  task: { id: 'dl-see-degradation' },
  metrics: [
    ['', 0.8868],
    ['', 0.038],
  ],
  name: '',
  at: 1767225600,
  lang: 'zh',
  backend: 'wasm',
};

for (const lang of langs) {
  test.describe(`checking box (${lang})`, () => {
    test.use({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });

    test('finds every code in a pasted chat log, flags repeats and rejections with line and name, and downloads the overview as CSV', async ({ page, problems }) => {
      const zhang = encodeSubmission({ ...base, name: lang === 'zh' ? '张三' : 'Ada' });
      const li = encodeSubmission({ ...base, name: '', metrics: [['', 0.9], ['', 0.05]], at: base.at + 60 });
      const wang = encodeSubmission({ ...base, name: lang === 'zh' ? '王五' : 'Grace' }).slice(0, -9);
      const first = lang === 'zh' ? '张三' : 'Ada';
      const second = lang === 'zh' ? '李四' : 'Alan';
      const third = lang === 'zh' ? '王五' : 'Grace';
      const chat = [
        `${first} 10:02`, // 1
        zhang.slice(0, 60), // 2: wrapped over three lines
        zhang.slice(60, 120), // 3
        zhang.slice(120), // 4
        lang === 'zh' ? `${second}的提交码：${li}。` : `${second}'s code: ${li}.`, // 5
        `${third}：${wang}`, // 6: damaged
        `${first} 10:05`, // 7
        zhang, // 8: the same code again
        lang === 'zh' ? '老师，我的还没做完。' : 'Sorry, mine is not finished yet.', // 9
      ].join('\n');

      await page.goto(`/${lang}/classroom/`);
      const box = page.locator('[data-teacher-box][data-ready="true"]');
      await box.scrollIntoViewIfNeeded();
      const input = box.locator('[data-teacher-codes]');
      await input.tap();
      await page.keyboard.insertText(chat);
      await expect(input).toHaveValue(chat);
      await box.locator('[data-teacher-read]').tap();

      await expect(box.locator('[data-teacher-summary]')).toHaveText(lang === 'zh' ? '共找到 4 个提交码：已读取 2 个，拒绝 1 个，重复 1 个。' : '4 codes found: 2 read, 1 rejected, 1 repeated.');
      const rows = box.locator('[data-teacher-overview] tbody tr');
      await expect(rows).toHaveCount(4);
      await expect(rows.nth(0).locator('th')).toHaveText(first);
      await expect(rows.nth(0).locator('td').first()).toHaveText('2');
      await expect(rows.nth(1).locator('th')).toHaveText(second);
      await expect(rows.nth(1).locator('td').first()).toHaveText('5');
      await expect(rows.nth(2)).toHaveAttribute('data-status', 'rejected');
      await expect(rows.nth(2).locator('th')).toHaveText(third);
      await expect(rows.nth(3)).toHaveAttribute('data-status', 'duplicate');
      await expect(rows.nth(3)).toContainText(lang === 'zh' ? '与第 2 行的提交码相同' : 'the same code as on line 2');

      // The cards: the wrapped code read as one (lines 2–4), the damaged one with its line and name.
      const cards = box.locator('.nb-submission');
      await expect(cards).toHaveCount(4);
      await expect(cards.nth(0)).toContainText(lang === 'zh' ? '第 2–4 行' : 'Lines 2–4');
      const rejected = box.locator('.nb-submission[data-status="rejected"]');
      await expect(rejected.locator('h4')).toHaveText(lang === 'zh' ? `已拒绝：第 6 行 · ${third}` : `Rejected: Line 6 · ${third}`);
      await expect(rejected.locator('[data-error]')).toHaveAttribute('data-error', 'checksum');
      await expect(box.locator('.nb-submission[data-status="duplicate"]')).toContainText(lang === 'zh' ? '只计一次' : 'counted once');

      // Every value in the teacher's language; machine keys stay in the links.
      const settings = cards.nth(0).locator('table').first();
      const value = (key: string) => settings.locator(`tr[data-key="${key}"] td`);
      await expect(settings.locator('tr[data-key="depth"] th')).toHaveText(lang === 'zh' ? '深度（隐藏层数）' : 'Depth (hidden layers)');
      await expect(value('optimizer')).toHaveText('Adam');
      await expect(value('dataset')).toHaveText(lang === 'zh' ? '三臂螺旋' : '3-arm spiral');
      await expect(value('arch')).toHaveText(lang === 'zh' ? '普通网络、残差网络' : 'plain, residual');
      await expect(value('mode')).toHaveText(lang === 'zh' ? '单一深度' : 'One depth');
      await expect(value('bn')).toHaveText(lang === 'zh' ? '开' : 'on');
      const rerun = new URL((await cards.nth(0).locator('[data-rerun]').getAttribute('href'))!);
      expect(rerun.searchParams.get('arch')).toBe('plain,residual');
      expect(rerun.searchParams.get('dataset')).toBe('spiral');

      // The student column is readable on a phone: one line per name, never a character per line.
      for (const cell of [box.locator('[data-teacher-overview] thead th').first(), rows.nth(0).locator('th'), rows.nth(1).locator('th')]) {
        const lines = await cell.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        expect(lines, `${await cell.textContent()} is set on one line`).toBe(1);
      }

      // The overview as CSV for a gradebook: UTF-8 with a byte-order mark, one row per code.
      const csvButton = box.locator('[data-teacher-csv]');
      await expect(csvButton).toBeVisible();
      const [download] = await Promise.all([page.waitForEvent('download'), csvButton.tap()]);
      expect(download.suggestedFilename()).toMatch(/^submissions-\d{4}-\d\d-\d\d\.csv$/);
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
      expect(lines).toHaveLength(5);
      expect(lines[0]).toBe(
        lang === 'zh'
          ? '学生,行号,状态,说明,作业,作业编号,组件,关键数值,数值 1,数值 2,提交时间,计算后端,重新运行链接,提交码'
          : 'student,line,status,problem,task,task id,widget,key numbers,value 1,value 2,submitted,backend,reopen link,code',
      );
      expect(lines[1]).toMatch(new RegExp(`^${first},2,${lang === 'zh' ? '已读取' : 'read'},,`));
      expect(lines[1]).toContain(',0.8868,0.038,');
      expect(lines[2]).toMatch(new RegExp(`^${second},5,`));
      expect(lines[3]).toMatch(new RegExp(`^${third},6,${lang === 'zh' ? '已拒绝' : 'rejected'},`));
      expect(lines[4]).toMatch(new RegExp(`^${first},8,${lang === 'zh' ? '重复' : 'repeated'},`));
      expect(problems.pageErrors).toEqual([]);
    });

    test('text without a code says so; Clear empties the box', async ({ page }) => {
      await page.goto(`/${lang}/classroom/`);
      const box = page.locator('[data-teacher-box][data-ready="true"]');
      await box.scrollIntoViewIfNeeded();
      await box.locator('[data-teacher-codes]').tap();
      await page.keyboard.insertText(lang === 'zh' ? '老师好，我的提交码找不到了' : 'Hello, I lost my code');
      await box.locator('[data-teacher-read]').tap();
      await expect(box.locator('[data-teacher-summary]')).toHaveText(lang === 'zh' ? '文本中没有找到提交码（以 NB1- 开头）。' : 'No submission code (starting with NB1-) was found in the text.');
      await expect(box.locator('[data-teacher-csv]')).toBeHidden();
      await box.locator('[data-teacher-clear]').tap();
      await expect(box.locator('[data-teacher-codes]')).toHaveValue('');
      await expect(box.locator('[data-teacher-codes]')).toBeFocused();
    });
  });
}
