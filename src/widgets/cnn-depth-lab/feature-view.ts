/**
 * The deep CNN lab's feature maps: for each net (plain, residual) of one depth, a figure with its
 * prediction and one canvas per stack (the first `shown` channels side by side, each size × size
 * pixels, 1 px apart), and the `features` table behind them. Also turns the recorded maps
 * (base64 bytes) into the same shape as live ones.
 */
import { cnnDepthLabStrings } from '../../lib/i18n/widgets/cnn-depth-lab';
import type { Locale } from '../../lib/i18n/locales';
import { percent } from '../../lib/i18n/number-format';
import { fill } from '../../lib/i18n/translate';
import type { CifarArch } from '../../lib/ml/cifar-net';
import { fromBase64 } from '../cnn-trainer/recording';
import { writeRows } from '../shared/metrics-table';
import { mapPixels, type ShownStack } from './feature-maps';
import { archs } from './jobs';
import type { RecordedFeatures } from './recording';
import { featureCells } from './rows';

/** Feature maps of one digit through one net, ready to draw; `probabilities` of the 10 classes. */
export interface ShownFeatures {
  label: number;
  probabilities: number[];
  stacks: ShownStack[];
}

/** The maps on screen: per net, of one digit through the nets of `layers` layers (from the run or the recording). */
export interface FeatureSet {
  layers: number;
  digit: number;
  recorded: boolean;
  nets: Partial<Record<CifarArch, ShownFeatures>>;
}

/** The recorded maps of `digit` through the recording's `layers`-layer nets. */
export function recordedFeatureSet(recorded: RecordedFeatures, layers: number, digit: number): FeatureSet {
  const nets: Partial<Record<CifarArch, ShownFeatures>> = {};
  for (const arch of archs) {
    const d = recorded[arch]?.find((x) => x.label === digit);
    if (d) nets[arch] = { label: d.label, probabilities: d.probabilities, stacks: d.stacks.map((st) => ({ size: st.size, channels: st.channels, shown: st.shown, mean: st.mean, active: st.active, bytes: fromBase64(st.bytes) })) };
  }
  return { layers, digit, recorded: true, nets };
}

/** Pixels between two maps of a stack. */
const gap = 1;

/** Draws feature sets into the widget's `[data-features]` box, its note and the `features` table. */
export function createFeatureView(root: HTMLElement, locale: Locale) {
  const s = cnnDepthLabStrings[locale];
  const box = root.querySelector<HTMLElement>('[data-features]')!;
  const note = root.querySelector<HTMLElement>('[data-features-note]')!;
  const body = root.querySelector<HTMLTableSectionElement>('table[data-metrics="features"] tbody')!;

  function stackCanvas(arch: CifarArch, i: number, name: string, st: ShownStack): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.width = st.shown * (st.size + gap) - gap;
    canvas.height = st.size;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', fill(s.mapsOf, { arch: s[arch], stack: name, size: st.size, shown: st.shown, channels: st.channels }));
    canvas.dataset.stack = String(i);
    canvas.dataset.arch = arch;
    const ctx = canvas.getContext('2d');
    if (ctx) for (let c = 0; c < st.shown; c++) ctx.putImageData(new ImageData(mapPixels(st, c), st.size, st.size), c * (st.size + gap), 0);
    return canvas;
  }

  /** Shows `features` (nothing, with a note saying when maps appear, while no net has any). */
  function draw(features: FeatureSet | undefined) {
    if (!features || !archs.some((a) => features.nets[a])) {
      box.replaceChildren();
      body.replaceChildren();
      note.textContent = s.featuresNone;
      return;
    }
    note.textContent = fill(s.featuresNote, { digit: features.digit, layers: features.layers });
    const figures: HTMLElement[] = [];
    const rows: string[][] = [];
    for (const arch of archs) {
      const net = features.nets[arch];
      if (!net) continue;
      const fig = document.createElement('figure');
      const cap = document.createElement('figcaption');
      const best = net.probabilities.indexOf(Math.max(...net.probabilities));
      cap.textContent = fill(s.predicted, { arch: s[arch], label: best, p: percent(net.probabilities[best]!, locale) });
      fig.append(cap);
      net.stacks.forEach((st, i) => {
        const name = s[`stack.${i}` as 'stack.0'] ?? `${i}`;
        fig.append(stackCanvas(arch, i, name, st));
        rows.push(featureCells(arch, features.layers, name, st));
      });
      figures.push(fig);
    }
    box.replaceChildren(...figures);
    writeRows(body, rows, { recorded: features.recorded });
  }

  return { draw };
}
