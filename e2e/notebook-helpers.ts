/**
 * Shared by the notebook specs: exporting a widget's notebook from the built site as a reader
 * does (the toolbar button), running Debian's Python on it (tests/python/*), and capturing the
 * browser's own training numbers from the widget's workers.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, trainAndWait as trainUntilEnd, waitMounted } from './site';

/** Debian's Python, where python3-torch and friends live (another python3 may shadow it on PATH). */
export const python = process.env.NB_PYTHON ?? '/usr/bin/python3';

export interface ExportedNotebook {
  filename: string;
  path: string;
  text: string;
  json: {
    nbformat: number;
    nbformat_minor: number;
    metadata: { resnet_notebook: { widget: string; state: string; locale: string; link: string } };
    cells: { cell_type: 'markdown' | 'code'; source: string[]; metadata: { tags?: string[] } }[];
  };
}

/** Waits until the widget is mounted (its toolbar answers) and not busy. */
export async function widgetReady(page: Page, id: string) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await waitMounted(page, `#${id}`, 60_000);
}

/** Clicks the widget's "Jupyter notebook" button and saves the download into `dir`. */
export async function exportNotebook(page: Page, id: string, dir: string): Promise<ExportedNotebook> {
  await widgetReady(page, id);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`#${id} button[data-action="export-notebook"]`).click(),
  ]);
  const filename = download.suggestedFilename();
  const path = join(dir, filename);
  await download.saveAs(path);
  const text = readFileSync(path, 'utf8');
  return { filename, path, text, json: JSON.parse(text) };
}

/** The code of a notebook, cell by cell (what must be identical in both languages). */
export const codeCells = (nb: ExportedNotebook) => nb.json.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
export const markdownText = (nb: ExportedNotebook) => nb.json.cells.filter((c) => c.cell_type === 'markdown').map((c) => c.source.join('')).join('\n');

/** Runs a Python script of tests/python with Debian's interpreter, one thread, and returns its wall time. */
export async function runPython(script: string, args: string[], timeoutMs: number) {
  const started = Date.now();
  await promisify(execFile)(python, [join('tests/python', script), ...args], {
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      // One thread per process: the tests run two at a time on a shared 2-core machine, and
      // these small models gain nothing from more.
      OMP_NUM_THREADS: '1',
      MKL_NUM_THREADS: '1',
      PYDEVD_DISABLE_FILE_VALIDATION: '1',
      // The CNN notebook downloads its data from the test server on localhost: never via a proxy.
      no_proxy: [process.env.no_proxy, 'localhost', '127.0.0.1'].filter(Boolean).join(','),
      NO_PROXY: [process.env.NO_PROXY, 'localhost', '127.0.0.1'].filter(Boolean).join(','),
    },
  });
  return (Date.now() - started) / 1000;
}

export interface Execution<R = Record<string, unknown>> {
  widget: string;
  seconds: number;
  /** CPU time of the kernel: what the run costs on an idle machine (single-threaded). */
  cpu_seconds: number;
  errors: { cell: number; ename: string; evalue: string }[];
  report: R | null;
  outputs: string;
}

/** Validates and executes an exported notebook (tests/python/execute_notebook.py). */
export async function executeNotebook<R>(nb: ExportedNotebook, timeoutMs = 480_000): Promise<Execution<R>> {
  const out = nb.path.replace(/\.ipynb$/, '.execution.json');
  const wall = await runPython('execute_notebook.py', [nb.path, out, '--timeout', String(Math.round(timeoutMs / 1000))], timeoutMs + 30_000);
  const result = JSON.parse(readFileSync(out, 'utf8')) as Execution<R>;
  console.log(`[notebook python] execute ${nb.filename}: ${result.seconds.toFixed(1)} s in the kernel (${result.cpu_seconds.toFixed(1)} s CPU), ${wall.toFixed(1)} s in all`);
  return result;
}

/**
 * Records every progress and done message the page's workers send (the widget's own runs): a
 * wrapper around `Worker` installed before the page's scripts run. Read with `workerMessages`.
 */
export async function captureWorkerMessages(page: Page) {
  await page.addInitScript(() => {
    const messages: unknown[] = [];
    (window as unknown as { __nbWorkerMessages: unknown[] }).__nbWorkerMessages = messages;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent) => {
          const data = event.data as { type?: string; progress?: Record<string, unknown>; result?: Record<string, unknown> };
          if (data?.type === 'progress' && data.progress) {
            const { weights: _w, logisticWeights: _l, ...rest } = data.progress;
            messages.push({ type: 'progress', ...rest });
          } else if (data?.type === 'done' && data.result) {
            const { weights: _w, logisticWeights: _l, grid: _g, ...rest } = data.result;
            messages.push({ type: 'done', ...rest });
          } else if (data?.type === 'ready') messages.push(data);
        });
      }
    };
  });
}

export type WorkerMessage = { type: 'progress' | 'done' | 'ready' } & Record<string, unknown>;

export const workerMessages = (page: Page) =>
  page.evaluate(() => (window as unknown as { __nbWorkerMessages: unknown[] }).__nbWorkerMessages) as Promise<WorkerMessage[]>;

/** Presses the widget's Train button and waits for the run to end, which must be a success. */
export async function trainAndWait(page: Page, id: string, timeout = 300_000) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await trainUntilEnd(page, `#${id}`, timeout);
  await expect(page.locator(`#${id}`)).toHaveAttribute('data-status', 'done');
}

/** Relative difference |a − b| / |b|. */
export const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** Exports a widget's notebook in both languages for one link; checks what must hold between them. */
export async function exportBoth(page: Page, dir: string, page_: string, query: string, id: string) {
  const out: Record<'en' | 'zh', ExportedNotebook> = {} as Record<'en' | 'zh', ExportedNotebook>;
  for (const lang of ['en', 'zh'] as const) {
    const sub = join(dir, lang);
    mkdirSync(sub, { recursive: true });
    await page.goto(`/${lang}/${page_}/${query}#${id}`);
    out[lang] = await exportNotebook(page, id, sub);
    expect(out[lang].filename).toBe(`${id}.${lang}.ipynb`);
  }
  // Code identical, markdown in each language.
  expect(codeCells(out.zh)).toEqual(codeCells(out.en));
  expect(markdownText(out.zh)).toMatch(/[\u4e00-\u9fff]/);
  expect(markdownText(out.en)).not.toMatch(/[\u4e00-\u9fff]/);
  expect(out.zh.json.metadata.resnet_notebook.state).toBe(out.en.json.metadata.resnet_notebook.state);
  return out;
}
