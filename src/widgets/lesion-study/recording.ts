/**
 * The recorded default run of the lesion study: written by `npm run record:lesion` (the site's own
 * worker and jobs, in headless Chromium on the WASM backend) so the curves, maps and tables are on
 * screen before any click. The .astro renders the tables from it at build time and hands the whole
 * recording to the client in the page (`script[data-recording]`), so it is not bundled twice.
 * Decision maps are stored one byte per cell (`lib/ml/grid-codec.ts`), base64.
 */
import { decodeGridBytes, encodeGridBytes } from '../../lib/ml/grid-codec';
import type { DecisionGrid, LesionPoint, LesionResult, PathLength } from '../../workers/lesion-job';
import type { Arch } from './jobs';
import recorded from './recorded.json';

export interface RecordedNet {
  trainLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  msPerStep: number;
  single: { block: number; accuracy: number }[];
  curve: LesionPoint[];
  paths?: PathLength[];
  effective?: { from: number; to: number; share: number };
  pathSamples?: number;
  /** Decision maps, base64 of one byte per cell: [0] the intact net, [b + 1] with block b deleted. */
  grids: string[];
}

export interface LesionRecording {
  version: 1;
  backend: 'wasm' | 'cpu';
  /** The widget state that was recorded (the defaults when it was made). */
  state: Record<string, unknown>;
  recordedWith?: string;
  /** Wall time of the recording run (both nets on two workers), ms. */
  ms: number;
  grid: Omit<DecisionGrid, 'probabilities'>;
  nets: Record<Arch, RecordedNet>;
}

/** The recording, or undefined before `npm run record:lesion` has been run. */
export function loadRecording(): LesionRecording | undefined {
  return (recorded as unknown as LesionRecording | null) ?? undefined;
}

const round = (v: number, digits: number) => Number(v.toPrecision(digits));
const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));

/** A finished job as it is stored (numbers to 6 significant digits, maps packed). */
export function recordNet(r: LesionResult): RecordedNet {
  const pack = (g: DecisionGrid | undefined) => (g ? toBase64(encodeGridBytes(g.probabilities, g.classes)) : '');
  return {
    trainLoss: round(r.trainLoss!, 6),
    trainAccuracy: round(r.trainAccuracy!, 6),
    testAccuracy: round(r.testAccuracy!, 6),
    msPerStep: round(r.msPerStep, 4),
    single: r.single.map((s) => ({ block: s.block, accuracy: round(s.accuracy, 6) })),
    curve: r.curve.map((p) => ({ ...p, mean: round(p.mean, 6), min: round(p.min, 6), max: round(p.max, 6) })),
    ...(r.paths ? { paths: r.paths.map((p) => ({ ...p, magnitude: round(p.magnitude, 6), total: round(p.total, 6) })), effective: r.effective, pathSamples: r.pathSamples } : {}),
    grids: [pack(r.intactGrid), ...r.single.map((s) => pack(s.grid))],
  };
}

/** A recorded net back in the shape of a finished job (maps unpacked), so the page shows both alike. */
export function replayNet(rec: LesionRecording, arch: Arch): LesionResult {
  const net = rec.nets[arch];
  const unpack = (text: string | undefined): DecisionGrid | undefined =>
    text ? { ...rec.grid, probabilities: decodeGridBytes(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)), rec.grid.classes) } : undefined;
  const depth = rec.state.depth as number;
  return {
    arch,
    depth,
    blocks: depth / 2,
    steps: rec.state.steps as number,
    trainLoss: net.trainLoss,
    trainAccuracy: net.trainAccuracy,
    testAccuracy: net.testAccuracy,
    intactGrid: unpack(net.grids[0]),
    single: net.single.map((s) => ({ ...s, grid: unpack(net.grids[s.block + 1]) })),
    curve: net.curve,
    paths: net.paths,
    effective: net.effective,
    pathSamples: net.pathSamples,
    msPerStep: net.msPerStep,
  };
}
