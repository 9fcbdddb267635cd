/**
 * Where a network keeps its parameters and spends its multiply-adds: per stage, per layer kind,
 * and its single largest layer (VGG-16: 89 % of the parameters sit in the three fully connected
 * layers, 74 % in fc6 alone).
 */
import { analyzeArchitecture, summary, type ArchitectureReport, type ArchitectureSpec } from '../architectures';

export interface StageShare {
  stage: string;
  params: number;
  macs: number;
  /** Fractions of the totals, 0…1. */
  paramsShare: number;
  macsShare: number;
}

export interface KindShare {
  params: number;
  macs: number;
  paramsShare: number;
  macsShare: number;
}

export interface CostShare {
  stages: StageShare[];
  /** Convolutions, fully connected layers, and BN (γ, β); nothing else has parameters. */
  kinds: { conv: KindShare; fc: KindShare; bn: KindShare };
  /** The layer with the most parameters. */
  largest: { name: string; params: number; share: number };
  totals: { params: number; macs: number };
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/**
 * Cost shares of `model` (spec or report). With `auxiliary: true` the auxiliary heads count too,
 * as one more stage named `auxiliary`.
 *
 * @example costShare(vgg(16)).largest // → { name: 'fc6', params: 102,764,544, share: 0.7427… }
 */
export function costShare(model: ArchitectureSpec | ArchitectureReport, options: { auxiliary?: boolean } = {}): CostShare {
  const report = 'totals' in model ? model : analyzeArchitecture(model);
  const rows = summary(report, { auxiliary: options.auxiliary ?? false });
  const params = rows.reduce((n, r) => n + r.params, 0);
  const macs = rows.reduce((n, r) => n + r.macs, 0);
  const order: string[] = [];
  const byStage = new Map<string, { params: number; macs: number }>();
  for (const r of rows) {
    if (!byStage.has(r.stage)) {
      order.push(r.stage);
      byStage.set(r.stage, { params: 0, macs: 0 });
    }
    const s = byStage.get(r.stage)!;
    s.params += r.params;
    s.macs += r.macs;
  }
  const kind = (k: 'conv' | 'fc' | 'bn'): KindShare => {
    const p = rows.filter((r) => r.kind === k).reduce((n, r) => n + r.params, 0);
    const m = rows.filter((r) => r.kind === k).reduce((n, r) => n + r.macs, 0);
    return { params: p, macs: m, paramsShare: ratio(p, params), macsShare: ratio(m, macs) };
  };
  const top = rows.reduce((best, r) => (r.params > best.params ? r : best), rows[0]!);
  return {
    stages: order.map((stage) => {
      const s = byStage.get(stage)!;
      return { stage, ...s, paramsShare: ratio(s.params, params), macsShare: ratio(s.macs, macs) };
    }),
    kinds: { conv: kind('conv'), fc: kind('fc'), bn: kind('bn') },
    largest: { name: top.name, params: top.params, share: ratio(top.params, params) },
    totals: { params, macs },
  };
}
