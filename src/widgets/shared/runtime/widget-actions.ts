/**
 * The buttons every widget frame has (`button[data-action]`): Copy link (clipboard, else the link
 * shown selected), Print (the print view, loaded on demand), Reset (defaults, keeping locked and
 * hidden settings), Export CSV (one file per metrics table with rows), Export notebook (loaded on
 * demand), Export SVG / PNG (every visible chart).
 */
import type { LinkOptions } from '../../../lib/state/link-options';
import type { Locale } from '../../../lib/i18n/locales';
import type { StringKey } from '../../../lib/i18n/strings';
import type { WidgetSchema } from '../../../lib/state/schema';
import { download, standaloneSvg, svgToPng, tableToCsv } from '../export';
import { numberFieldOf } from '../number-field';

export interface ActionContext {
  root: HTMLElement;
  schema: WidgetSchema;
  locale: Locale;
  t: (key: StringKey) => string;
  options: LinkOptions;
  state: () => Record<string, unknown>;
  /** The link to the widget in its current state. */
  link: () => string;
  labelOf: (key: string) => string;
  toast: (message: string) => void;
  /** Resets the state to `fresh` (all keys changed) and hides the URL notice. */
  reset: (fresh: Record<string, unknown>) => void;
  /** Defaults of the schema. */
  defaults: () => Record<string, unknown>;
  /** Settles once the classroom task panel (when the link has a task) is on the page: the print view copies it. */
  taskReady: () => Promise<unknown>;
}

export function bindWidgetActions(ctx: ActionContext) {
  const { root, schema, t, toast } = ctx;
  const linkOutput = root.querySelector<HTMLInputElement>('[data-link-output]');
  root.addEventListener('click', async (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (!button || !root.contains(button)) return;
    const action = button.dataset.action;
    if (action === 'copy-link') {
      const href = ctx.link();
      if (linkOutput) {
        linkOutput.value = href;
        linkOutput.closest('label')!.hidden = false;
      }
      try {
        await navigator.clipboard.writeText(href);
        toast(t('widget.copied'));
      } catch {
        linkOutput?.select();
        toast(t('widget.copyFailed'));
      }
    } else if (action === 'print') {
      // A print pressed while the task panel is still loading waits for it, so the task is printed.
      const [{ openPrintView }] = await Promise.all([import('../print-view'), ctx.taskReady().catch(() => undefined)]);
      openPrintView({ root, schema, locale: ctx.locale, state: ctx.state(), link: ctx.link(), label: ctx.labelOf, hidden: ctx.options.hide });
    } else if (action === 'reset') {
      const fresh = ctx.defaults();
      // Locked and hidden settings stay as the teacher set them.
      for (const key of [...ctx.options.lock, ...ctx.options.hide]) fresh[key] = ctx.state()[key];
      ctx.reset(fresh);
      for (const el of root.querySelectorAll('input[data-number-field]')) numberFieldOf(el)?.clear();
    } else if (action === 'export-csv') {
      for (const table of root.querySelectorAll<HTMLTableElement>('table[data-metrics]')) {
        if (table.rows.length > 1) download(`${schema.id}-${table.dataset.metrics}.csv`, new Blob([tableToCsv(table)], { type: 'text/csv' }));
      }
    } else if (action === 'export-notebook') {
      const { notebookAction } = await import('../notebook-export');
      toast(await notebookAction(schema, ctx.state(), ctx.locale));
    } else if (action === 'export-svg' || action === 'export-png') {
      const charts = [...root.querySelectorAll<SVGSVGElement>('svg.nb-chart')].filter((s) => s.getClientRects().length > 0);
      if (!charts.length) toast(t('widget.noFigure'));
      for (const [i, svg] of charts.entries()) {
        const text = standaloneSvg(svg);
        const name = `${schema.id}-${svg.dataset.chart ?? i + 1}`;
        if (action === 'export-svg') download(`${name}.svg`, new Blob([text], { type: 'image/svg+xml' }));
        else {
          const vb = svg.viewBox.baseVal;
          download(`${name}.png`, await svgToPng(text, vb.width || 560, vb.height || 300));
        }
      }
    }
  });
}
