import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/state/schema';
import { boundaryLabSchema } from '../../lib/state/schemas/boundary-lab';
import { decodeGrid, encodeGrid, loadBoundaryRecording, recordedRuns } from './recording';

describe('encodeGrid / decodeGrid', () => {
  it('keep the winning class of every cell and its probability within 1 %', () => {
    const probs = [0.9, 0.1, 0.2, 0.8, 0.5, 0.5, 0.01, 0.99];
    const back = decodeGrid(encodeGrid(probs, 2), 2);
    expect(back).toHaveLength(8);
    for (let i = 0; i < 4; i++) {
      const win = probs[2 * i]! >= probs[2 * i + 1]! ? 0 : 1;
      expect(back[2 * i + win]!).toBeCloseTo(probs[2 * i + win]!, 2);
      expect(back[2 * i]! + back[2 * i + 1]!).toBeCloseTo(1, 6);
    }
  });
  it('handle three classes', () => {
    const probs = [0.2, 0.7, 0.1, 1, 0, 0];
    const back = decodeGrid(encodeGrid(probs, 3), 3);
    expect(back[1]!).toBeCloseTo(0.7, 2);
    expect(back[3]!).toBeCloseTo(1, 6);
  });
});

describe('recordedRuns: the recording is shown only for the settings it was made with', () => {
  const rec = loadBoundaryRecording();
  const state = defaults(boundaryLabSchema);
  it('gives the default data set’s runs for the default settings, any recorded data set’s for its own', () => {
    expect(recordedRuns(state, rec)).toBe(rec?.datasets[state.dataset]);
    expect(recordedRuns(state, rec)?.length).toBeGreaterThan(0);
  });
  it('gives nothing when a training setting differs, or without a recording', () => {
    expect(recordedRuns({ ...state, lr: state.lr * 2 }, rec)).toBeUndefined();
    expect(recordedRuns({ ...state, features: [] }, rec)).toBeUndefined();
    expect(recordedRuns(state, undefined)).toBeUndefined();
  });
});
