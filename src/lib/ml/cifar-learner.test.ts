import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cifarData, cifarLearner, stepSchedule, type CifarData, type CifarLearnerConfig } from './cifar-learner.ts';
import { digitImages, pixelStats } from './digit-inputs.ts';
import { isDiverged } from './learner.ts';
import { decodeDigitSubset } from './mnist-subset.ts';
import { trainingRun } from './training-run.ts';

const subset = decodeDigitSubset(gunzipSync(readFileSync('src/data/mnist/mnist-subset.bin')));
let data: CifarData;

// WASM, as in the site's workers (the CPU backend's convolutions are ~10× slower).
beforeAll(async () => {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await tf.setBackend('wasm');
  data = cifarData(subset, 14, 600, 200);
});
afterAll(async () => {
  data.dispose();
  await tf.setBackend('cpu');
});

const small = (over: Partial<CifarLearnerConfig> & { asyncReads?: false } = {}): CifarLearnerConfig & { asyncReads?: false } => ({
  net: { arch: 'residual', blocks: 1, width: 4, seed: 3 },
  data,
  batchSize: 50,
  optimizer: 'sgd',
  lr: 0.1,
  steps: 40,
  ...over,
});

describe('digit inputs', () => {
  it('downsamples 28×28 to 14×14 by averaging 2×2 blocks', () => {
    const images = new Uint8Array(784);
    images[0] = 255; // top-left block: one of four pixels inked
    images[28 * 27 + 27] = 255; // bottom-right pixel
    const out = digitImages({ n: 1, images, labels: new Uint8Array([0]) }, 14);
    expect(out.length).toBe(196);
    expect(out[0]).toBeCloseTo(0.25, 6);
    expect(out[195]).toBeCloseTo(0.25, 6);
    expect(out.filter((v) => v !== 0).length).toBe(2);
  });

  it('standardises both splits with the training pixels’ mean and standard deviation', () => {
    const train = data.train.x.dataSync();
    const { mean, std } = pixelStats(Float32Array.from(train));
    expect(Math.abs(mean)).toBeLessThan(1e-5);
    expect(std).toBeCloseTo(1, 4);
    expect(data.train.x.shape).toEqual([600, 14, 14, 1]);
    expect(data.test.x.shape).toEqual([200, 14, 14, 1]);
    expect(Array.from(data.test.labels)).toEqual(Array.from(subset.test.labels.subarray(0, 200)));
    // The test split is standardised with the training statistics, not its own.
    const raw = pixelStats(digitImages(subset.train, 14, 600));
    expect(data.test.x.dataSync()[0]).toBeCloseTo((digitImages(subset.test, 14, 1)[0]! - raw.mean) / raw.std, 5);
  });
});

describe('stepSchedule(lr, t, steps)', () => {
  it('divides the rate by 10 at 50 % and at 75 % of the run (He et al.: 32k and 48k of 64k iterations)', () => {
    expect(stepSchedule(0.1, 0, 160)).toBe(0.1);
    expect(stepSchedule(0.1, 79, 160)).toBe(0.1);
    expect(stepSchedule(0.1, 80, 160)).toBeCloseTo(0.01, 12);
    expect(stepSchedule(0.1, 119, 160)).toBeCloseTo(0.01, 12);
    expect(stepSchedule(0.1, 120, 160)).toBeCloseTo(0.001, 12);
    expect(stepSchedule(0.1, 500, 160)).toBeCloseTo(0.001, 12);
  });
});

describe('cifarLearner(config)', () => {
  it('is a one-lane Learner that trains: the error on the training digits falls from chance (0.9) to below 0.5 in 40 steps', () => {
    const learner = cifarLearner(small({ optimizer: 'adam', lr: 0.01 }));
    const before = learner.evaluate();
    const events = [...trainingRun(learner, { steps: 40, evaluateEvery: 20 })];
    const done = events.at(-1)!;
    expect(done.type).toBe('done');
    if (isDiverged(before) || done.type !== 'done') throw new Error('diverged');
    expect(before.trainError).toBeGreaterThan(0.6);
    // Chance is 0.9; 40 steps of batch 50 is 3⅓ passes over these 600 digits.
    expect(done.evaluation!.trainError).toBeLessThan(0.5);
    expect(done.evaluation!.testError).toBeLessThan(0.55);
    expect(learner.stepsDone).toBe(40);
    expect(events.filter((e) => e.type === 'progress').flatMap((e) => (e.type === 'progress' ? e.losses[0]! : []))).toHaveLength(40);
    learner.dispose();
  });

  it('same config → the same run; plain and residual of one seed see the same batches from the same weights', () => {
    const a = cifarLearner(small());
    const b = cifarLearner(small());
    const plain = cifarLearner(small({ net: { arch: 'plain', blocks: 1, width: 4, seed: 3 } }));
    expect(plain.net.bank.read()).toEqual(a.net.bank.read());
    for (let i = 0; i < 3; i++) {
      expect(plain.peekBatch()).toEqual(a.peekBatch());
      const ra = a.step(1), rb = b.step(1);
      plain.step(1);
      expect(ra.losses).toEqual(rb.losses);
    }
    expect(a.net.bank.read()).toEqual(b.net.bank.read());
    expect(a.net.stats.dataSync()).toEqual(b.net.stats.dataSync());
    for (const l of [a, b, plain]) l.dispose();
  });

  it('uses the scheduled rate: with Adam or SGD the step after a milestone moves the weights ~10× less', () => {
    const learner = cifarLearner(small({ steps: 4, milestones: [0.5], optimizer: 'sgd', lr: 0.05 }));
    expect(learner.learningRateAt(1)).toBe(0.05);
    expect(learner.learningRateAt(2)).toBeCloseTo(0.005, 12);
    learner.dispose();
  });

  it('keeps a constant number of tensors across steps and evaluations, and frees them all on dispose()', () => {
    const before = tf.memory().numTensors;
    const learner = cifarLearner(small({ optimizer: 'adam', lr: 0.001 }));
    learner.step(2);
    learner.evaluate();
    const live = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      learner.step(2);
      learner.evaluate();
      learner.trainError(100);
      expect(tf.memory().numTensors).toBe(live);
    }
    learner.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports divergence (a loss above maxLoss or not finite) and refuses to go on', () => {
    const learner = cifarLearner(small({ lr: 1e4, maxLoss: 20 }));
    const r = learner.step(10);
    expect(r.kind).toBe('diverged');
    if (r.kind !== 'diverged') return;
    expect(r.atStep).toBeGreaterThan(0);
    expect(r.atStep).toBeLessThanOrEqual(10);
    expect(r.losses[0]!.length).toBe(r.atStep - 1);
    expect(isDiverged(learner.evaluate())).toBe(true);
    expect(learner.step(1).kind).toBe('diverged');
    learner.dispose();
  });

  it('with asyncReads (as on WebGPU) answers with promises of the very same numbers', async () => {
    const sync = cifarLearner(small());
    const later = cifarLearner({ ...small(), asyncReads: true });
    const a = sync.step(3);
    const pending = later.step(3);
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual(a);
    expect(await later.evaluate()).toEqual(sync.evaluate());
    expect(await later.trainError(50)).toEqual(sync.trainError(50));
    sync.dispose();
    later.dispose();
  });

  it('rejects a batch larger than the training digits or a run of zero steps', () => {
    expect(() => cifarLearner(small({ batchSize: 601 }))).toThrow(RangeError);
    expect(() => cifarLearner(small({ steps: 0 }))).toThrow(RangeError);
  });
});
