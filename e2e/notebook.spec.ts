/**
 * "Export → Jupyter notebook" on the page, as a reader uses it (no Python here; the notebooks are
 * executed in notebook-python.spec.ts): the button on every training widget and only there, in
 * both languages, by mouse and keyboard, on the chapter and in the embed; a bad link exports the
 * clamped state; the CNN trainer offers its data file beside the notebook.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { parseState, serializeState } from '../src/lib/state/codec';
import { dataFiles } from '../src/lib/notebook/data-files';
import { notebookExporters } from '../src/lib/notebook/registry';
import { notebookStrings } from '../src/lib/notebook/strings';
import { widgets } from '../src/lib/state/registry';
import { codeCells, exportNotebook, markdownText, widgetReady } from './notebook-helpers';
import { expect, langs, test } from './site';

const training = widgets.filter((w) => w.id in notebookExporters);
const others = widgets.filter((w) => !(w.id in notebookExporters));

/** The `NAME = value` line of a notebook's settings cell. */
const setting = (text: string, name: string) => new RegExp(`^${name} = (.*?)(\\s+#.*)?$`, 'm').exec(text)?.[1];

test('the notebook export is offered by the eight training widgets and by no other', () => {
  expect(training.map((w) => w.id).sort()).toEqual(['block-variants', 'boundary-lab', 'cnn-depth-lab', 'cnn-trainer', 'degradation-lab', 'gradient-flow', 'lesion-study', 'loss-landscape']);
  expect(others.length).toBeGreaterThan(0);
});

for (const lang of langs) {
  for (const entry of training) {
    test(`${entry.id} (${lang}): the toolbar button saves a notebook of the widget’s current state, with a link back`, async ({ page, problems }, info) => {
      await page.goto(`/${lang}/${entry.chapter}/`);
      await widgetReady(page, entry.id);
      const button = page.locator(`#${entry.id} button[data-action="export-notebook"]`);
      await expect(button).toHaveText(notebookStrings[lang].button);
      // Change a setting first, as a reader would: the notebook follows the widget, not the defaults.
      const seed = page.locator(`#${entry.id} [data-field="seed"]`).first();
      await seed.fill('77');
      await seed.press('Enter');
      await expect(page.locator(`#${entry.id}`)).toHaveAttribute('data-state', /(^|&)seed=77(&|$)/);
      const state = (await page.locator(`#${entry.id}`).getAttribute('data-state'))!;
      const nb = await exportNotebook(page, entry.id, info.outputPath());
      expect(nb.filename).toBe(`${entry.id}.${lang}.ipynb`);
      expect(nb.json.nbformat).toBe(4);
      expect(nb.json.metadata.resnet_notebook.state).toBe(state);
      expect(nb.json.metadata.resnet_notebook.locale).toBe(lang);
      expect(setting(codeCells(nb).join('\n'), 'SEED')).toBe('77');
      // The link back opens this widget in this state.
      const link = new URL(nb.json.metadata.resnet_notebook.link);
      expect(link.pathname).toBe(`/${lang}/${entry.chapter}/`);
      expect(link.hash).toBe(`#${entry.id}`);
      expect(link.search.slice(1)).toBe(state);
      expect(markdownText(nb)).toContain(`<${link.href}>`);
      // The reader hears that it worked.
      await expect(page.locator(`#${entry.id} [data-toast]`)).toContainText(nb.filename);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    });
  }

  test(`the widgets without training have no notebook button (${lang})`, async ({ page }) => {
    for (const entry of others) {
      await page.goto(`/${lang}/embed/${entry.id}/`);
      await expect(page.locator(`#${entry.id} .nb-toolbar`)).toBeVisible();
      await expect(page.locator(`#${entry.id} [data-action="export-notebook"]`)).toHaveCount(0);
    }
  });
}

test('a damaged link exports the clamped state the widget shows, in the reader’s language', async ({ page }, info) => {
  const query = 'w=degradation-lab&v=1&depth=33&lr=99&steps=abc&seed=-4&arch=plain,bogus&dataset=xor&mode=single';
  await page.goto(`/zh/resnet-principles/?${query}#degradation-lab`);
  await expect(page.locator('#degradation-lab [data-notice="url"]')).toBeVisible();
  const nb = await exportNotebook(page, 'degradation-lab', info.outputPath());
  const entry = widgets.find((w) => w.id === 'degradation-lab')!;
  const clamped = parseState(entry.schema, query).state;
  expect(nb.json.metadata.resnet_notebook.state).toBe(serializeState(entry.schema, clamped).toString());
  const code = codeCells(nb).join('\n');
  expect(setting(code, 'DEPTH')).toBe('32'); // 33 is not an allowed depth: the nearest allowed one, the lower on a tie
  expect(setting(code, 'LEARNING_RATE')).toBe('10');
  expect(setting(code, 'STEPS')).toBe('400');
  expect(setting(code, 'SEED')).toBe('0');
  expect(setting(code, 'ARCHITECTURES')).toBe("['plain', 'residual']");
  expect(setting(code, 'DATASET')).toBe("'xor'");
  expect(markdownText(nb)).toMatch(/[\u4e00-\u9fff]/);
});

test('the embed route exports the notebook too, with a link back to the embedded widget', async ({ page }, info) => {
  await page.goto('/en/embed/gradient-flow/?w=gradient-flow&v=1&depth=8&bn=0#gradient-flow');
  const nb = await exportNotebook(page, 'gradient-flow', info.outputPath());
  expect(setting(codeCells(nb).join('\n'), 'DEPTH')).toBe('8');
  expect(setting(codeCells(nb).join('\n'), 'BATCH_NORM')).toBe('False');
  expect(new URL(nb.json.metadata.resnet_notebook.link).pathname).toBe('/en/embed/gradient-flow/');
});

for (const lang of langs) {
  test(`the embed route of the “why residuals work” widgets exports their notebooks, in the reader’s language (${lang})`, async ({ page }, info) => {
    const cases = [
      { id: 'block-variants', query: 'variants=original,full-preact&depth=8&gateBias=-2&steps=120', expect: { VARIANT_IDS: "['original', 'full-preact']", DEPTH: '8', GATE_BIAS: '-2', STEPS: '120' } },
      { id: 'lesion-study', query: 'depth=8&bn=1&subsets=7&block=3', expect: { DEPTH: '8', BATCH_NORM: 'True', SUBSETS: '7', BLOCK: '3' } },
      { id: 'loss-landscape', query: 'depth=4&resolution=21&span=0.5&cut=-0.3', expect: { DEPTH: '4', RESOLUTION: '21', SPAN: '0.5', CUT: '-0.3' } },
    ];
    for (const c of cases) {
      await page.goto(`/${lang}/embed/${c.id}/?w=${c.id}&v=1&${c.query}#${c.id}`);
      const nb = await exportNotebook(page, c.id, info.outputPath());
      expect(nb.filename).toBe(`${c.id}.${lang}.ipynb`);
      const code = codeCells(nb).join('\n');
      for (const [name, value] of Object.entries(c.expect)) expect(setting(code, name), `${c.id} ${name}`).toBe(value);
      expect(new URL(nb.json.metadata.resnet_notebook.link).pathname).toBe(`/${lang}/embed/${c.id}/`);
      expect(/[\u4e00-\u9fff]/.test(markdownText(nb))).toBe(lang === 'zh');
    }
  });
}

test('a damaged block-variants link exports the clamped state the widget shows', async ({ page }, info) => {
  const query = 'w=block-variants&v=1&variants=bogus,original&depth=7&gateBias=-20&lr=abc&seed=12';
  await page.goto(`/en/why-residuals-work/?${query}#block-variants`);
  await expect(page.locator('#block-variants [data-notice="url"]')).toBeVisible();
  const nb = await exportNotebook(page, 'block-variants', info.outputPath());
  const entry = widgets.find((w) => w.id === 'block-variants')!;
  const clamped = parseState(entry.schema, query).state as { variants: string[]; depth: number; gateBias: number };
  expect(nb.json.metadata.resnet_notebook.state).toBe(serializeState(entry.schema, clamped).toString());
  const code = codeCells(nb).join('\n');
  expect(setting(code, 'VARIANT_IDS')).toBe(`[${clamped.variants.map((v) => `'${v}'`).join(', ')}]`);
  expect(setting(code, 'DEPTH')).toBe(String(clamped.depth));
  expect(setting(code, 'GATE_BIAS')).toBe('-10');
  expect(setting(code, 'LEARNING_RATE')).toBe('0.001');
  expect(setting(code, 'SEED')).toBe('12');
});

test('the keyboard reaches and presses the notebook button', async ({ page }, info) => {
  await page.goto('/en/ml-vs-dl/#boundary-lab');
  await widgetReady(page, 'boundary-lab');
  const png = page.locator('#boundary-lab button[data-action="export-png"]');
  await png.focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('#boundary-lab button[data-action="export-notebook"]')).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('boundary-lab.en.ipynb');
  await download.saveAs(info.outputPath('boundary-lab.en.ipynb'));
});

for (const lang of langs) {
  test(`the CNN trainer offers its data file beside the notebook, the same file the notebook downloads (${lang})`, async ({ page, request }, info) => {
    await page.goto(`/${lang}/cnn-anatomy/`);
    await widgetReady(page, 'cnn-trainer');
    const file = dataFiles['mnist-subset'];
    const link = page.locator('#cnn-trainer a[data-notebook-file="mnist-subset"]');
    await expect(link).toHaveAttribute('download', file.filename);
    await expect(link).toContainText(file.filename);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(file.filename);
    const saved = info.outputPath(file.filename);
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect(bytes.length).toBe(file.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    // The notebook downloads the same URL from this site.
    const nb = await exportNotebook(page, 'cnn-trainer', info.outputPath());
    const url = setting(codeCells(nb).join('\n'), 'MNIST_URL')!.slice(1, -1);
    expect(new URL(url).pathname).toBe(new URL((await link.getAttribute('href'))!, page.url()).pathname);
    const served = await request.get(url);
    expect(createHash('sha256').update(await served.body()).digest('hex')).toBe(file.sha256);
    // The toolbar with its new controls stays accessible.
    const axe = await new AxeBuilder({ page }).include('#cnn-trainer .nb-toolbar').analyze();
    expect(axe.violations).toEqual([]);
  });
}
