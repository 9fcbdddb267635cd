/**
 * The recorded runs of the loss-landscape widget — both nets at each depth of `recordedDepths`,
 * every other setting at its default — written by `npm run record:landscape` (the site's own
 * worker and jobs, in headless Chromium on the WASM backend), so that moving the depth slider over
 * those depths shows real landscapes before any click. The .astro renders the tables from it at
 * build time and hands it to the client in the page (`script[data-recording]`).
 */
import type { SliceRoughness } from '../../lib/ml/slice-roughness';
import type { Curvature, LandscapeResult } from '../../workers/landscape-job';
import type { Arch } from './jobs';
import recorded from './recorded.json';

export interface RecordedLandscapeNet {
  trainLoss: number;
  trainAccuracy: number;
  msPerStep: number;
  msPerPoint: number;
  /** [t, loss, accuracy] along θ₀ + t·(θ* − θ₀). */
  line: [number, number, number][];
  /** The slice's losses, row-major (row = β), 4 significant digits. */
  grid: number[];
  roughness: SliceRoughness;
  curvature: Curvature;
}

export interface RecordedDepth {
  depth: number;
  /** Wall time of both nets on two workers, ms. */
  ms: number;
  nets: Record<Arch, RecordedLandscapeNet>;
}

export interface LandscapeRecording {
  version: 1;
  backend: 'wasm' | 'cpu';
  /** The widget state that was recorded (defaults; `depth` varies per entry of `depths`). */
  state: Record<string, unknown>;
  recordedWith?: string;
  depths: RecordedDepth[];
}

export function loadRecording(): LandscapeRecording | undefined {
  return (recorded as unknown as LandscapeRecording | null) ?? undefined;
}

const round = (v: number, digits: number) => Number(v.toPrecision(digits));

/** A finished job as it is stored. */
export function recordNet(r: LandscapeResult): RecordedLandscapeNet {
  return {
    trainLoss: round(r.trainLoss!, 6),
    trainAccuracy: round(r.trainAccuracy!, 6),
    msPerStep: round(r.msPerStep, 4),
    msPerPoint: round(r.msPerPoint ?? 0, 4),
    line: r.line.map((p) => [round(p.t, 6), round(p.loss, 5), round(p.accuracy, 5)]),
    grid: Array.from(r.grid!.loss, (v) => round(v, 4)),
    roughness: r.roughness!,
    curvature: { ...r.curvature!, min: round(r.curvature!.min, 5), max: round(r.curvature!.max, 5), ratio: round(r.curvature!.ratio, 5) },
  };
}

/** A recorded net back in the shape of a finished job, so the page shows both alike. */
export function replayNet(rec: LandscapeRecording, entry: RecordedDepth, arch: Arch): LandscapeResult {
  const net = entry.nets[arch];
  const resolution = rec.state.resolution as number;
  return {
    arch,
    depth: entry.depth,
    steps: rec.state.steps as number,
    trainLoss: net.trainLoss,
    trainAccuracy: net.trainAccuracy,
    line: net.line.map(([t, loss, accuracy]) => ({ t, loss, accuracy })),
    grid: { resolution, span: rec.state.span as number, loss: Float32Array.from(net.grid) },
    roughness: net.roughness,
    curvature: net.curvature,
    msPerStep: net.msPerStep,
    msPerPoint: net.msPerPoint,
  };
}

/** The recorded entry for a state, if every setting but depth and cut is the default and the depth was recorded. */
export function recordedEntry(rec: LandscapeRecording | undefined, state: Record<string, unknown>, keys: readonly string[]): RecordedDepth | undefined {
  if (!rec || keys.some((k) => k !== 'depth' && JSON.stringify(rec.state[k]) !== JSON.stringify(state[k]))) return undefined;
  return rec.depths.find((d) => d.depth === state.depth);
}
