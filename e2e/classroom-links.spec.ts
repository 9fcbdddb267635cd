import { assignmentLink, catalogue, type Assignment } from '../src/lib/classroom/catalogue';
import { chapterLink } from '../src/lib/classroom/links';
import { controlledFields, mounted, stateString, trains, widgets, widgetState } from './classroom-helpers';
import { expect, langs, test } from './site';

const registered = catalogue.filter((a) => widgets.some((w) => w.id === a.widget));

/** Every catalogue link, in both languages: the right widget, in the right state, with its task. */
for (const lang of langs) {
  for (const a of registered) {
    test(`catalogue ${a.id} opens its widget in its state with its task (${lang})`, async ({ page, problems }) => {
      const entry = widgets.find((w) => w.id === a.widget)!;
      await page.goto(assignmentLink(a as Assignment, lang));
      await mounted(page, a.widget);
      const root = page.locator(`#${a.widget}`);
      expect(await root.getAttribute('data-state')).toBe(stateString(entry, a.state));
      await expect(root.locator('[data-notice="url"]')).toBeHidden();
      const panel = root.locator(`.nb-task[data-task="${a.id}"]`);
      await expect(panel).toBeVisible();
      await expect(panel.locator('.nb-task__prompt')).toHaveText(a.prompt[lang]);
      await expect(panel).toHaveAttribute('data-task-status', /waiting|pending/);
      for (const key of a.lock ?? []) for (const el of await root.locator(`[data-field="${key}"]`).all()) await expect(el).toBeDisabled();
      for (const key of a.hide ?? []) for (const el of await root.locator(`[data-field="${key}"]`).all()) await expect(el).toBeHidden();
      // The page scrolled to the widget.
      await expect.poll(() => root.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(300);
      expect(problems.pageErrors).toEqual([]);
    });
  }
}

/** Locks and hidden settings, on every registered widget. */
for (const entry of widgets) {
  test(`lock and hide work on ${entry.id}; Reset keeps them`, async ({ page, problems }) => {
    await page.goto(`/en/${entry.chapter}/#${entry.id}`);
    await mounted(page, entry.id);
    const keys = await controlledFields(page, entry);
    expect(keys.length, `${entry.id} has no controls marked data-field`).toBeGreaterThanOrEqual(2);
    const [locked, hidden] = keys as [string, string];
    const href = chapterLink({ widget: entry.id, lock: [locked], hide: [hidden] }, 'en');
    await page.goto(href);
    await mounted(page, entry.id);
    const root = page.locator(`#${entry.id}`);
    for (const el of await root.locator(`[data-field="${locked}"]`).all()) await expect(el).toBeDisabled();
    await expect(root.locator('[data-control][data-locked] .nb-locked').first()).toHaveText('Set by your teacher');
    for (const el of await root.locator(`[data-field="${hidden}"]`).all()) await expect(el).toBeHidden();
    const before = await widgetState(page, entry.id);
    await root.locator('[data-action="reset"]').click();
    const after = await widgetState(page, entry.id);
    expect(after[locked]).toBe(before[locked]);
    expect(after[hidden]).toBe(before[hidden]);
    // Copy link keeps the teacher's options.
    await root.locator('[data-action="copy-link"]').click();
    const link = new URL(await root.locator('[data-link-output]').inputValue());
    expect(link.searchParams.get('lock')).toBe(locked);
    expect(link.searchParams.get('hide')).toBe(hidden);
    expect(problems.pageErrors).toEqual([]);
  });
}

/** run=1 starts the run through the runtime, for every widget that trains. */
for (const entry of widgets) {
  test(`run=1 starts ${entry.id} on open (if it trains)`, async ({ page, problems }) => {
    await page.goto(chapterLink({ widget: entry.id, run: true }, 'zh'));
    await mounted(page, entry.id);
    if (!(await trains(page, entry.id))) return;
    const root = page.locator(`#${entry.id}`);
    await expect(root).toHaveAttribute('data-status', /loading|running|done/, { timeout: 15_000 });
    const stop = root.locator('button[data-run="stop"]');
    if (await stop.isEnabled()) await stop.click({ timeout: 5_000 }).catch(() => undefined);
    await expect(root).toHaveAttribute('data-status', /done|idle/, { timeout: 60_000 });
    expect(problems.pageErrors).toEqual([]);
  });
}

test('the language switch keeps the state, the options and the task', async ({ page }) => {
  const a = registered[0]!;
  await page.goto(assignmentLink(a, 'zh'));
  await mounted(page, a.widget);
  const zhState = await page.locator(`#${a.widget}`).getAttribute('data-state');
  await expect(page.locator(`#${a.widget} .nb-task__prompt`)).toHaveText(a.prompt.zh);
  await page.locator('nb-lang-select select').first().selectOption({ label: 'English' });
  await page.waitForURL(`**/en/**`);
  await mounted(page, a.widget);
  expect(await page.locator(`#${a.widget}`).getAttribute('data-state')).toBe(zhState);
  await expect(page.locator(`#${a.widget} .nb-task__prompt`)).toHaveText(a.prompt.en);
  expect(new URL(page.url()).searchParams.get('task')).toBe(a.id);
  expect(new URL(page.url()).searchParams.get('lock')).toBe((a.lock ?? []).join(',') || null);
});

test('a changed setting survives the language switch (address bar kept by replaceState)', async ({ page }) => {
  const entry = widgets[0]!;
  await page.goto(`/en/${entry.chapter}/?w=${entry.id}#${entry.id}`);
  await mounted(page, entry.id);
  const [key] = await controlledFields(page, entry);
  const control = page.locator(`#${entry.id} [data-field="${key}"]`).first();
  await control.focus();
  await control.press('ArrowRight');
  await control.press('ArrowRight');
  const changed = await widgetState(page, entry.id);
  await expect.poll(() => new URL(page.url()).searchParams.get(key!)).toBe(changed[key!]);
  await page.locator('nb-lang-select select').first().selectOption({ label: '简体中文' });
  await page.waitForURL(`**/zh/**`);
  await mounted(page, entry.id);
  expect((await widgetState(page, entry.id))[key!]).toBe(changed[key!]);
});

for (const lang of langs) {
  test(`the print view shows the figures, the link as text and a local QR code (${lang})`, async ({ page, problems }) => {
    const entry = widgets[0]!;
    // The default settings: the widget shows its recorded run, which the print view prints, marked as recorded.
    await page.goto(chapterLink({ widget: entry.id, state: {} }, lang));
    await mounted(page, entry.id);
    const root = page.locator(`#${entry.id}`);
    await root.locator('[data-action="copy-link"]').click();
    const link = await root.locator('[data-link-output]').inputValue();
    await root.locator('[data-action="print"]').click();
    const dialog = page.locator('dialog.nb-print');
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('[data-print-link]')).toHaveText(link);
    await expect(dialog.locator('[data-qr] svg')).toHaveCount(1);
    expect(await dialog.locator('figure svg').count()).toBeGreaterThan(0);
    await expect(dialog.locator('figure[data-empty]')).toHaveCount(0);
    await expect(dialog.locator('.nb-print__figures + .nb-caption')).toHaveText(await root.locator('[data-recorded-note]').innerText());
    await expect(dialog.locator('.nb-print__settings tr[data-key="seed"] td')).toHaveText('0');
    expect(problems.foreignRequests).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.sidebar-pane, header.header').first()).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await dialog.getByRole('button', { name: lang === 'zh' ? '关闭' : 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  });
}
