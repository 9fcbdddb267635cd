import { describe, expect, it } from 'vitest';
import type { CnnDepthRecording } from './recording';
import { runKey, showRecorded, sortedRuns, startRuns, type Runs } from './runs';

const recording = {
  runs: [
    { arch: 'residual', layers: 20, steps: 100, trainError: 0.1, testError: 0.2, curve: [[0, 0.9, 0.9], [100, 0.1, 0.2]], msPerStep: 1 },
    { arch: 'plain', layers: 20, steps: 100, trainError: 0.3, testError: 0.4, curve: [[0, 0.9, 0.9]], msPerStep: 1 },
    { arch: 'plain', layers: 8, steps: 100, trainError: 0.2, testError: 0.3, curve: [[0, 0.9, 0.9]], msPerStep: 1 },
  ],
} as unknown as CnnDepthRecording;

describe('the deep CNN lab runs on screen', () => {
  it('are sorted shallow first, plain before residual', () => {
    const runs: Runs = new Map();
    showRecorded(runs, recording);
    expect(sortedRuns(runs).map((r) => runKey(r.arch, r.layers))).toEqual(['plain-8', 'plain-20', 'residual-20']);
    expect(sortedRuns(runs).every((r) => r.recorded)).toBe(true);
  });

  it('copy the recorded curves, so a live point never changes the recording', () => {
    const runs: Runs = new Map();
    showRecorded(runs, recording);
    runs.get('residual-20')!.curve.push([200, 0, 0]);
    runs.get('residual-20')!.curve[0]![1] = 0;
    expect(recording.runs[0]!.curve).toEqual([[0, 0.9, 0.9], [100, 0.1, 0.2]]);
  });

  it('a live run replaces the recorded runs of its depth; a recorded depth not trained now stays', () => {
    const runs: Runs = new Map();
    showRecorded(runs, recording);
    startRuns(runs, [{ arch: 'plain', layers: 20, steps: 50 }, { arch: 'residual', layers: 20, steps: 50 }], true);
    expect(sortedRuns(runs).map((r) => [runKey(r.arch, r.layers), r.recorded, r.curve.length])).toEqual([
      ['plain-8', true, 1],
      ['plain-20', false, 0],
      ['residual-20', false, 0],
    ]);
  });

  it('with other settings nothing recorded stays, nor the live runs of an earlier press', () => {
    const runs: Runs = new Map();
    showRecorded(runs, recording);
    startRuns(runs, [{ arch: 'plain', layers: 14, steps: 50 }], false);
    expect([...runs.keys()]).toEqual(['plain-14']);
    startRuns(runs, [{ arch: 'residual', layers: 8, steps: 50 }], true);
    expect([...runs.keys()]).toEqual(['residual-8']);
  });
});
