/**
 * Where parameters and computation sit, resolution by resolution: VGG-19 against ResNet-34,
 * computed from the architecture specifications in `src/lib/architectures` (nothing typed).
 * Every conv, BN and fc layer is put in the row of the feature-map side it computes at
 * (its output side); fully connected layers form the `classifier` row. Parameters and
 * multiply-adds include projection shortcuts; the layer counts leave them out, as the papers do.
 */
import { resnet, summary, vgg, type ArchitectureSpec } from '../lib/architectures';

/** A row key: a feature-map side in pixels (224, 112, …, 7), or the classifier. */
export type StageKey = number | 'classifier';

export interface StageCost {
  /** Weighted layers (conv and fc, not projection shortcuts: the papers' way of counting depth). */
  layers: number;
  /** Widest output channel count in the row (0 when the row is empty). */
  channels: number;
  /** Trainable parameters, BN γ and β included. */
  params: number;
  /** Multiply-adds per 224×224 image (conv and fc). */
  macs: number;
}

export interface StageCostRow {
  key: StageKey;
  a: StageCost;
  b: StageCost;
}

export interface StageCostTable {
  rows: StageCostRow[];
  totals: { a: StageCost; b: StageCost };
}

const empty = (): StageCost => ({ layers: 0, channels: 0, params: 0, macs: 0 });

function costsBySide(spec: ArchitectureSpec): Map<StageKey, StageCost> {
  const out = new Map<StageKey, StageCost>();
  for (const row of summary(spec)) {
    if (row.params === 0 && row.macs === 0) continue;
    const key: StageKey = row.kind === 'fc' ? 'classifier' : row.outShape[0];
    const cost = out.get(key) ?? empty();
    cost.params += row.params;
    cost.macs += row.macs;
    if ((row.kind === 'conv' || row.kind === 'fc') && row.path !== 'shortcut') {
      cost.layers += 1;
      cost.channels = Math.max(cost.channels, row.outShape[2]);
    }
    out.set(key, cost);
  }
  return out;
}

const sum = (costs: StageCost[]): StageCost =>
  costs.reduce((t, c) => ({ layers: t.layers + c.layers, channels: Math.max(t.channels, c.channels), params: t.params + c.params, macs: t.macs + c.macs }), empty());

/**
 * Per-resolution costs of two networks side by side, rows from the largest feature map down to
 * the classifier. Defaults: VGG-19 (configuration E) against ResNet-34 (projection shortcuts where
 * the shape changes, option B, as in torchvision).
 *
 * @example stageCosts().totals.a.macs // → about 19.6 × 10⁹ (VGG-19); .totals.b.macs about 3.6 × 10⁹
 */
export function stageCosts(a: ArchitectureSpec = vgg(19), b: ArchitectureSpec = resnet(34)): StageCostTable {
  const ca = costsBySide(a);
  const cb = costsBySide(b);
  const sides = [...new Set([...ca.keys(), ...cb.keys()])].filter((k): k is number => typeof k === 'number').sort((x, y) => y - x);
  const keys: StageKey[] = [...sides, 'classifier'];
  const rows = keys.map((key) => ({ key, a: ca.get(key) ?? empty(), b: cb.get(key) ?? empty() }));
  return { rows, totals: { a: sum(rows.map((r) => r.a)), b: sum(rows.map((r) => r.b)) } };
}
