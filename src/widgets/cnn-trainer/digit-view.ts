/**
 * The cnn-trainer's digit panel: the ten sample test digits, the drawing pad, what the network sees,
 * its feature maps and the two models' class probabilities, all computed on the main thread from
 * the current weights with the plain-array forward pass (tiny-cnn-reference.ts, under a
 * millisecond), so a drawn digit is answered at once and no tfjs is needed.
 */
import { createClassBars, type ClassBarsSeries } from '../../charts/class-bars';
import { createImageGrid } from '../../charts/image-grid';
import { palette } from '../../charts/palette';
import type { CnnTrainerKey } from '../../lib/i18n/widgets/cnn-trainer';
import { fill } from '../../lib/i18n/translate';
import { percent } from '../../lib/i18n/number-format';
import type { Locale } from '../../lib/i18n/locales';
import { centerDigit } from '../../lib/ml/digit-preprocess';
import { softmaxRegressionProbabilities, tinyCnnTrace } from '../../lib/ml/tiny-cnn-reference';
import { createDrawPad } from '../shared/draw-pad';
import { sampleDigit, type CnnRecording } from './recording';
import { tableRow } from '../shared/metrics-table';
import { probabilityCells } from './rows';

/** Weights everything on screen is computed from. */
export interface Weights {
  cnn: Float32Array;
  logistic?: Float32Array;
  /** Filters of the two convolutions. */
  c1: number;
  c2: number;
  /** Epochs trained (a live run), or undefined for the recording. */
  epoch?: number;
}

export const colors = { cnn: palette.green, lr: palette.vermillion } as const;

export interface DigitViewOptions {
  strings: Record<CnnTrainerKey, string>;
  recording: CnnRecording | undefined;
  /** The sample digit chosen in the widget's state (0–9). */
  chosen: () => number;
  /** Filters in the widget's settings, for the titles before any weights are there. */
  filters: () => [number, number];
  narrow: boolean;
  locale: Locale;
}

export function createDigitView(root: HTMLElement, o: DigitViewOptions) {
  const s = o.strings;
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const probs = createClassBars(q('[data-chart="probabilities"]'), { title: s.probChart, xLabel: s.classAxis, yLabel: s.probabilityAxis, width: 320, height: 170 });
  const input = createImageGrid(q('[data-chart="input"]'), { title: s.seenAs, scale: 'activation', tileSize: 84 });
  const maps1 = createImageGrid(q('[data-chart="maps1"]'), { title: s.mapsChart1, scale: 'activation', perRow: o.narrow ? 4 : 8, tileSize: 56 });
  const maps2 = createImageGrid(q('[data-chart="maps2"]'), { title: s.mapsChart2, scale: 'activation', perRow: o.narrow ? 4 : 8, tileSize: 56 });
  const charts = [[probs, 'probabilities'], [input, 'input'], [maps1, 'maps-conv1'], [maps2, 'maps-conv2']] as const;
  for (const [c, name] of charts) c.svg.dataset.chart = name;
  const cnnOut = q<HTMLOutputElement>('output[data-prediction="cnn"]');
  const lrOut = q<HTMLOutputElement>('output[data-prediction="logistic"]');
  const weightsSource = q<HTMLElement>('[data-weights-source]');
  const drawnChoice = q<HTMLInputElement>('[data-drawn-choice]');
  const table = q<HTMLTableSectionElement>('table[data-metrics="prediction"] tbody');

  let weights: Weights | undefined;
  let source: 'sample' | 'drawn' = 'sample';

  /** The digit shown: a sample test digit as it is, or the drawing scaled and centred like MNIST. */
  function currentDigit(): Float32Array | undefined {
    if (source === 'drawn') {
      const centred = centerDigit(pad.pixels);
      return centred.some((v) => v > 0) ? centred : undefined;
    }
    return o.recording ? sampleDigit(o.recording, o.chosen()) : undefined;
  }

  const verdict = (p: Float64Array) => {
    const d = p.indexOf(Math.max(...p));
    return { d, p: p[d]! };
  };
  function say(out: HTMLOutputElement, template: string, p: Float64Array | undefined) {
    if (!p) {
      out.textContent = '';
      delete out.dataset.class;
      return;
    }
    const v = verdict(p);
    out.textContent = `${fill(template, { d: v.d })} · ${fill(s.sure, { p: percent(v.p, o.locale, 0) })}`;
    out.dataset.class = String(v.d);
  }

  function draw() {
    const image = currentDigit();
    const [c1, c2] = weights ? [weights.c1, weights.c2] : o.filters();
    input.update(image ? { rows: 28, cols: 28, count: 1, values: image, labels: [''] } : undefined);
    q<HTMLElement>('[data-maps-title="1"]').textContent = fill(s.conv1Maps, { n: c1 });
    q<HTMLElement>('[data-maps-title="2"]').textContent = fill(s.conv2Maps, { n: c2 });
    weightsSource.textContent = `(${weights?.epoch === undefined ? s.weightsRecorded : fill(s.weightsLive, { e: weights.epoch })})`;
    if (!image || !weights) {
      maps1.update(undefined);
      maps2.update(undefined);
      probs.update([]);
      say(cnnOut, s.cnnSays, undefined);
      say(lrOut, s.lrSays, undefined);
      if (source === 'drawn') cnnOut.textContent = s.emptyPad;
      table.replaceChildren();
      return;
    }
    const trace = tinyCnnTrace(weights.cnn, image, weights.c1, weights.c2);
    maps1.update({ rows: 28, cols: 28, count: weights.c1, values: trace.conv1 });
    maps2.update({ rows: 14, cols: 14, count: weights.c2, values: trace.conv2 });
    const lr = weights.logistic ? softmaxRegressionProbabilities(weights.logistic, image) : undefined;
    say(cnnOut, s.cnnSays, trace.probabilities);
    say(lrOut, s.lrSays, lr);
    const series: ClassBarsSeries[] = [{ id: 'cnn', label: s['series.cnn'], color: colors.cnn, values: trace.probabilities }];
    if (lr) series.push({ id: 'lr', label: s['series.lr'], color: colors.lr, values: lr });
    probs.update(series);
    table.replaceChildren(...Array.from({ length: 10 }, (_, c) => tableRow(probabilityCells(c, trace.probabilities[c], lr?.[c]), { header: true })));
  }

  // Redrawn at most once per frame (a drag on the pad fires many events).
  let frame = 0;
  const schedule = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  };

  const pad = createDrawPad(q<HTMLCanvasElement>('[data-pad]'), () => {
    source = 'drawn';
    drawnChoice.checked = true;
    schedule();
  });
  q<HTMLButtonElement>('[data-pad-clear]').addEventListener('click', () => pad.clear());
  // A sample radio (data-field="digit", also when it re-selects the state's digit) or "my drawing".
  root.addEventListener('change', (e) => {
    const el = e.target as HTMLInputElement;
    if (el.name !== 'ct-digit') return;
    source = el.hasAttribute('data-drawn-choice') ? 'drawn' : 'sample';
    schedule();
  });

  if (o.recording) {
    for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-sample]')) {
      const pixels = sampleDigit(o.recording, Number(canvas.dataset.sample));
      const ctx = canvas.getContext('2d')!;
      const image = ctx.createImageData(28, 28);
      pixels.forEach((v, i) => {
        const g = Math.round(255 * (1 - v));
        image.data.set([g, g, g, 255], i * 4);
      });
      ctx.putImageData(image, 0, 0);
    }
  }

  return {
    /**
     * New weights (or none). Redrawn in the next animation frame of its own, not in the caller's:
     * the first passes of the plain-array network run before the JIT has optimised it (tens of
     * ms), and the charts around drawn in the same frame would make that a long task.
     */
    setWeights(next: Weights | undefined) {
      weights = next;
      schedule();
    },
    get weights() {
      return weights;
    },
    /** The state's sample digit was chosen. */
    showSample() {
      source = 'sample';
      schedule();
    },
    draw,
  };
}
