/**
 * The recorded runs of the cnn-depth lab: written by `npm run record:cnn-depth` (the site's own
 * worker, in headless Chromium, WASM backend) so He et al.'s Fig. 6 — plain and residual nets of
 * every depth, with the default settings — is on screen before any click. The curves and final
 * errors live in `recorded.json` (read at build time by the markup and by the client); the feature
 * maps of the 56-layer pair in `recorded-features.json`, loaded only when the widget mounts.
 */
import recorded from './recorded.json';
import type { CifarArch } from '../../lib/ml/cifar-net';

export interface RecordedRun {
  arch: CifarArch;
  layers: number;
  steps: number;
  /** Final errors (fractions): on all 5,000 training digits and on the 1,000 test digits. */
  trainError: number;
  testError: number;
  /** [step, training error, test error]: before training, at 8 evenly spaced steps (training error on 1,000 digits there), and at the end. */
  curve: [number, number, number][];
  msPerStep: number;
}

export interface CnnDepthRecording {
  version: 1;
  backend: 'webgpu' | 'wasm' | 'cpu';
  /** The widget state that was recorded (the defaults when it was made; every depth). */
  state: Record<string, unknown>;
  runs: RecordedRun[];
  /** Depth of the recorded feature maps. */
  featureLayers: number;
  recordedWith: string;
}

/** One recorded digit's maps for one net: per stack its size, channels, and `shown` maps as base64 bytes. */
export interface RecordedDigitMaps {
  label: number;
  probabilities: number[];
  stacks: { size: number; channels: number; shown: number; mean: number; active: number; bytes: string }[];
}

export type RecordedFeatures = Record<CifarArch, RecordedDigitMaps[]>;

export function loadRecording(): CnnDepthRecording | undefined {
  return (recorded as unknown as CnnDepthRecording | null) ?? undefined;
}

/** The feature maps file, fetched as its own chunk. */
export async function loadRecordedFeatures(): Promise<RecordedFeatures | undefined> {
  const mod = (await import('./recorded-features.json')) as { default: RecordedFeatures | null };
  return mod.default ?? undefined;
}
