import { describe, expect, it } from 'vitest';
import { glossary } from '../../data/glossary';
import { analyzeArchitecture } from '../architectures/analyze';
import { cifarResNet } from '../architectures/models/cifar-resnet';
import { locales } from '../i18n/locales';
import { parseState, serializeState } from '../state/codec';
import { widgets } from '../state/registry';
import { defaults } from '../state/schema';
import { buildNotebook, exportedState, notebookFilename, widgetLinkFor, type NotebookInput } from './build-notebook';
import type { NotebookExporter } from './exporter';
import { serializeNotebook, type Notebook } from './nbformat';
import { notebookExporters } from './registry';

const pageUrl = 'https://example.org/en/some-chapter/';
const dataUrls = { 'mnist-subset': 'https://example.org/_astro/mnist-subset.abc123.bin' };
const input = (state: Record<string, unknown>, locale: NotebookInput['locale'] = 'en'): NotebookInput => ({ state, locale, pageUrl, dataUrls });

const code = (nb: Notebook) => nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
const markdown = (nb: Notebook) => nb.cells.filter((c) => c.cell_type === 'markdown').map((c) => c.source.join('')).join('\n');
const settings = (nb: Notebook) => nb.cells.find((c) => c.cell_type === 'code' && c.metadata.tags?.includes('settings'))!.source.join('');
const cjk = /[\u4e00-\u9fff]/;

const ids = Object.keys(notebookExporters);
const load = async (id: string) => (await notebookExporters[id]!.load()) as NotebookExporter;

describe('the registry of notebook exporters', () => {
  it('covers the eight training widgets, and only registered widgets', () => {
    expect(ids.sort()).toEqual(['block-variants', 'boundary-lab', 'cnn-depth-lab', 'cnn-trainer', 'degradation-lab', 'gradient-flow', 'lesion-study', 'loss-landscape']);
    for (const id of ids) expect(widgets.map((w) => w.id)).toContain(id);
  });

  it('loads each exporter for its own widget', async () => {
    for (const id of ids) expect((await load(id)).schema.id).toBe(id);
  });

  it('lists the data files a notebook downloads without loading the exporter', async () => {
    for (const id of ids) expect(notebookExporters[id]!.dataFiles).toEqual((await load(id)).dataFiles ?? []);
  });
});

describe.each(ids)('the %s notebook', (id) => {
  it('is an nbformat 4.5 notebook with unique, valid cell ids and no empty cells', async () => {
    const nb = buildNotebook(await load(id), input({}));
    expect(nb.nbformat).toBe(4);
    expect(nb.nbformat_minor).toBe(5);
    expect(nb.metadata.kernelspec.name).toBe('python3');
    const cellIds = nb.cells.map((c) => c.id);
    expect(new Set(cellIds).size).toBe(cellIds.length);
    for (const c of nb.cells) {
      expect(c.id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
      expect(c.source.join('').trim()).not.toBe('');
      // Lines end with "\n" except the last, as Jupyter stores them.
      c.source.slice(0, -1).forEach((line) => expect(line.endsWith('\n')).toBe(true));
      if (c.cell_type === 'code') {
        expect(c.outputs).toEqual([]);
        expect(c.execution_count).toBeNull();
        expect(c.source.join('')).not.toMatch(/^# %%/m);
      }
    }
    expect(JSON.parse(serializeNotebook(nb))).toEqual(nb);
  });

  it('opens with its title, the link back to the widget in the same state, and how to run it', async () => {
    const exporter = await load(id);
    const state = exportedState(exporter.schema, {});
    for (const locale of locales) {
      const nb = buildNotebook(exporter, input({}, locale));
      const first = nb.cells[0]!.source.join('');
      expect(first.startsWith(`# ${exporter.title[locale]}`)).toBe(true);
      const link = widgetLinkFor(exporter.schema, state, pageUrl);
      expect(link).toBe(`${pageUrl}?${serializeState(exporter.schema, state)}#${id}`);
      expect(first).toContain(`<${link}>`);
      expect(nb.metadata.resnet_notebook).toEqual({ widget: id, state: serializeState(exporter.schema, state).toString(), locale, link });
      expect(first).toContain('pip install torch numpy matplotlib');
    }
  });

  it('has the same code in both languages, and markdown in the reader’s', async () => {
    const exporter = await load(id);
    const state = { ...defaults(exporter.schema), seed: 42 };
    const [en, zh] = [buildNotebook(exporter, input(state, 'en')), buildNotebook(exporter, input(state, 'zh'))];
    expect(code(zh)).toEqual(code(en));
    expect(markdown(en)).not.toMatch(cjk);
    expect(markdown(zh)).toMatch(cjk);
    for (const c of code(en)) expect(c).not.toMatch(cjk);
  });

  it('says it in the site’s terms: no Chinese rendering the glossary asks to avoid', async () => {
    const zh = markdown(buildNotebook(await load(id), input({}, 'zh')));
    for (const g of glossary) for (const variant of g.zhAvoid ?? []) expect(zh, `${variant} → ${g.zh}`).not.toContain(variant);
  });

  it('writes the widget’s state into its settings cell', async () => {
    const exporter = await load(id);
    const text = settings(buildNotebook(exporter, input({ seed: 1234 })));
    expect(text).toMatch(/^SEED = 1234\b/m);
    expect(text.split('\n')[0]).toMatch(/^# /);
  });

  it('exports the clamped state for a bad one, as a link would be read', async () => {
    const exporter = await load(id);
    const bad = { seed: -5, lr: 'fast', steps: 1e9, epochs: 99, depth: 33, width: 'wide', bogus: 1, arch: ['none'], features: 'x,q' };
    const nb = buildNotebook(exporter, input(bad));
    const expected = parseState(exporter.schema, new URLSearchParams({ w: id, seed: '-5', lr: 'fast', steps: '1000000000', epochs: '99', depth: '33', width: 'wide', arch: 'none', features: 'x,q' })).state;
    expect(nb.metadata.resnet_notebook.state).toBe(serializeState(exporter.schema, expected).toString());
    expect(settings(nb)).toMatch(/^SEED = 0\b/m);
    const lr = (defaults(exporter.schema) as Record<string, unknown>).lr;
    if (lr !== undefined) expect(settings(nb)).toMatch(new RegExp(`^LEARNING_RATE = ${lr}\\b`, 'm'));
  });

  it('ends with the CIFAR-10 scale-up, switched off, and the site’s parameter counts', async () => {
    const nb = buildNotebook(await load(id), input({}));
    const all = code(nb).join('\n');
    expect(all).toMatch(/^RUN_CIFAR = False\b/m);
    expect(all).toContain('CIFAR_MILESTONES = (32000, 48000)');
    expect(all).toContain('CIFAR_ITERATIONS = 64000');
    expect(all).toContain('lr=0.1, momentum=0.9, weight_decay=1e-4');
    expect(all).toContain(`'ResNet-20': ${analyzeArchitecture(cifarResNet(20)).totals.params},`);
    expect(all).toContain(`'plain-110': ${analyzeArchitecture(cifarResNet(110, { shortcut: 'none' })).totals.params},`);
    expect(markdown(nb)).toContain('§4.2');
  });

  it('is saved as <widget>.<language>.ipynb', () => {
    expect(notebookFilename(id, 'zh')).toBe(`${id}.zh.ipynb`);
  });
});

describe('what each notebook says about the network', () => {
  it('the 2-D widgets generate their data: no download, and the notebook says so', async () => {
    for (const id of ['degradation-lab', 'gradient-flow', 'boundary-lab']) {
      const nb = buildNotebook(await load(id), input({}));
      expect(nb.cells[0]!.source.join('')).toContain('needs no network connection');
      expect(code(nb).join('\n')).not.toContain('urllib');
    }
  });

  it('the CNN trainer downloads the MNIST subset from the site it came from, with both checksums', async () => {
    const exporter = await load('cnn-trainer');
    const nb = buildNotebook(exporter, input({}, 'zh'));
    const text = settings(nb);
    expect(text).toContain(`MNIST_URL = '${dataUrls['mnist-subset']}'`);
    expect(text).toContain("MNIST_FILE = 'mnist-subset.bin'");
    expect(text).toMatch(/MNIST_SHA256 = \['[0-9a-f]{64}', '[0-9a-f]{64}'\]/);
    expect(nb.cells[0]!.source.join('')).toContain('只有一步需要联网');
    expect(() => buildNotebook(exporter, { ...input({}), dataUrls: {} })).toThrow(/MNIST subset/);
  });
});

describe('the notebooks of “why residuals work”', () => {
  it('block variants: the chosen variants in the paper’s order, with the paper’s numbers for them; a bad set of variants is clamped as a link would be', async () => {
    const exporter = await load('block-variants');
    const text = settings(buildNotebook(exporter, input({ variants: ['full-preact', 'exclusive-gate', 'original'], gateBias: -6 })));
    expect(text).toMatch(/^VARIANT_IDS = \['original', 'exclusive-gate', 'full-preact'\]/m);
    expect(text).toMatch(/^PAPER_ERRORS = \{'original': 6\.61, 'exclusive-gate': 8\.7, 'full-preact': 6\.37\}/m);
    expect(settings(buildNotebook(exporter, input({ variants: ['exclusive-gate'], gateBias: -3 })))).toMatch(/^GATE_BIAS = -3\b/m);
    const bad = buildNotebook(exporter, input({ variants: ['bogus', 'original'], depth: 7 }));
    const clamped = parseState(exporter.schema, new URLSearchParams({ w: 'block-variants', variants: 'bogus,original', depth: '7' })).state as { variants: string[]; depth: number };
    expect(settings(bad)).toContain(`VARIANT_IDS = [${clamped.variants.map((v) => `'${v}'`).join(', ')}]`);
    expect(settings(bad)).toMatch(new RegExp(`^DEPTH = ${clamped.depth}\\b`, 'm'));
  });

  it('lesion study: the block the maps show is clamped to the net’s blocks', async () => {
    const exporter = await load('lesion-study');
    expect(settings(buildNotebook(exporter, input({ depth: 8, block: 30 })))).toMatch(/^BLOCK = 4\b/m);
    expect(settings(buildNotebook(exporter, input({ depth: 8, block: 3 })))).toMatch(/^BLOCK = 3\b/m);
  });

  it('loss landscape: the slice’s grid is one the widget allows, so θ* is its centre', async () => {
    const exporter = await load('loss-landscape');
    expect(settings(buildNotebook(exporter, input({ resolution: 30, span: 9 })))).toMatch(/^RESOLUTION = (11|21|31|41|51)\b/m);
    expect(settings(buildNotebook(exporter, input({ span: 9 })))).toMatch(/^SPAN = 2\b/m);
  });
});

