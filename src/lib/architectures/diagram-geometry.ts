/**
 * The architecture diagram's fixed sizes (CSS pixels) and how wide a run of chips needs to be: a
 * sequence measures `a·unit + b` pixels (weighted and pooling chips count 2 units, wordy one-offs
 * 1.5, BN and ReLU 1; gaps and merge splits are fixed pixels) and some number of lanes. Pure.
 */
import type { LayerKind, LayerReport } from './index';

export const geometry = {
  stageHeader: 48,
  stageGap: 6,
  indent: 14,
  blockLabel: 20,
  blockGap: 12,
  lane: 28,
  laneGap: 8,
  chipGap: 8,
  split: 12,
  minUnit: 14,
  maxUnit: 46,
  pad: 2,
} as const;

/** Estimated text width in pixels: 0.6 em per Latin character, 1 em per CJK one, 12 px font. */
export const defaultMeasure = (text: string) =>
  [...text].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 6.9), 0);

/** Width weight of a chip, in units: weighted and pooling layers 2, wordy one-offs 1.5, BN and ReLU 1. */
export function weight(kind: LayerKind): number {
  if (kind === 'conv' || kind === 'fc' || kind === 'maxpool' || kind === 'avgpool' || kind === 'gap') return 2;
  return kind === 'flatten' || kind === 'softmax' || kind === 'dropout' ? 1.5 : 1;
}

/** Linear size `a·unit + b` of a sequence, and its height in lanes. */
export interface Measure {
  a: number;
  b: number;
  lanes: number;
}

export function measureSequence(layers: readonly LayerReport[]): Measure {
  let a = 0;
  let b = 0;
  let lanes = 1;
  layers.forEach((l, i) => {
    const m = measureLayer(l);
    a += m.a;
    b += m.b + (i > 0 ? geometry.chipGap : 0);
    lanes = Math.max(lanes, m.lanes);
  });
  return { a, b, lanes };
}

/** The lanes of a composite layer: the residual body above its shortcut, or the Inception branches. */
export function lanesOf(layer: LayerReport): readonly (readonly LayerReport[])[] {
  if (layer.spec.kind === 'residual') {
    const body = layer.paths.find((p) => p.label === 'residual')?.layers ?? [];
    const shortcut = layer.paths.find((p) => p.label === 'shortcut')?.layers ?? [];
    return [body, shortcut];
  }
  return layer.paths.map((p) => p.layers);
}

export function measureLayer(layer: LayerReport): Measure {
  const composite = layer.spec.kind === 'concat' || layer.spec.kind === 'residual';
  if (!composite) return { a: weight(layer.spec.kind), b: 0, lanes: 1 };
  const lanes = lanesOf(layer).map(measureSequence);
  // The widest lane sets the width; an empty lane (identity) needs no room of its own.
  const widest = lanes.reduce((w, m) => (m.a + m.b > w.a + w.b ? m : w), { a: 0, b: 0, lanes: 1 });
  return {
    a: widest.a + 1,
    b: widest.b + 2 * geometry.split + geometry.chipGap,
    lanes: lanes.reduce((n, m) => n + m.lanes, 0),
  };
}
