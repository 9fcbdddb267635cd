/**
 * Browser side of `residual-block`: the shared runtime (link state, notice, Copy link, Reset,
 * Export), then on every change the drawing, numbers and table are re-rendered and the matching
 * pre-rendered equation is shown.
 */
import { toLocale } from '../../lib/i18n/locales';
import { residualBlockStrings, type ResidualBlockKey } from '../../lib/i18n/widgets/residual-block';
import { residualBlockSchema } from '../../lib/state/schemas/residual-block';
import { mountWidget } from '../shared/widget-runtime';
import { fill } from '../../lib/i18n/translate';
import { renderBlockParts } from './render';

export function start(root: HTMLElement) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = '';
  const locale = toLocale(root.dataset.locale);
  const s = residualBlockStrings[locale];
  root.dataset.status = 'loading';
  const rt = mountWidget(root, residualBlockSchema, { label: (key) => s[key as ResidualBlockKey] ?? key });
  const slot = (name: string) => root.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;

  // Width options say how many channels leave the block (4× for a bottleneck).
  const widthOptions = () => {
    for (const o of root.querySelectorAll<HTMLOptionElement>('select[data-field="width"] option')) {
      const w = Number(o.value);
      o.textContent = fill(s['width.option'], { w, c: rt.state.block === 'bottleneck' ? 4 * w : w });
    }
  };

  const render = () => {
    const parts = renderBlockParts(rt.state, locale);
    slot('diagram').innerHTML = parts.diagram;
    slot('summary').innerHTML = parts.summary;
    slot('table').innerHTML = parts.table;
    for (const eq of root.querySelectorAll<HTMLElement>('[data-equation]')) eq.hidden = eq.dataset.equation !== parts.variant;
    widthOptions();
  };
  rt.onChange(render);
  render();
  rt.setStatus('done');
}
