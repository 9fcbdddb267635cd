/**
 * Reference values from the TypeScript core (src/lib/ml), for tests/python/check_port.py: the
 * notebooks' Python port must reproduce them bit for bit. Floats travel as base64 of their
 * little-endian float32 bytes, so nothing is lost on the way.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { createBatchStream } from '../src/lib/ml/batch-stream';
import { datasetExtent, makeDataset, type DatasetName } from '../src/lib/ml/datasets';
import { featurize, type FeatureName } from '../src/lib/ml/features';
import { initialWeights } from '../src/lib/ml/init-weights';
import type { NetConfig } from '../src/lib/ml/net-config';
import { gridPoints } from '../src/lib/ml/predict-grid';
import { createRng, deriveSeed } from '../src/lib/ml/prng';
import { createTinyCnn } from '../src/lib/ml/tiny-cnn';
import { initialVariantParams, type VariantNetConfig } from '../src/lib/ml/variant-net';

const b64 = (values: Float32Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');

export async function portReference() {
  await tf.setBackend('cpu');
  const rng = createRng(12345);
  const uint32 = Array.from({ length: 64 }, () => rng.nextUint32());
  const normal = Array.from({ length: 64 }, () => rng.normal());

  const deriveCases: [number, string][] = [[0, 'init'], [7, 'batches'], [-3, 'cnn-init'], [9999, 'batches'], [2 ** 40 + 5, 'init']];

  const batches = [
    { n: 1000, batchSize: 64, seed: 0 },
    { n: 600, batchSize: 32, seed: 5 },
    { n: 5000, batchSize: 32, seed: 0 },
    { n: 50, batchSize: 16, seed: 7 },
  ].map((c) => {
    const stream = createBatchStream(c.n, c.batchSize, createRng(deriveSeed(c.seed, 'batches')));
    // Enough batches to cross several epoch boundaries of the small cases.
    const count = Math.min(40, Math.ceil((3 * c.n) / c.batchSize) + 2);
    return { ...c, batches: Array.from({ length: count }, () => Array.from(stream.next())) };
  });

  const pointCases: { name: DatasetName; n: number; seed: number }[] = [
    { name: 'spiral', n: 1000, seed: 0 },
    { name: 'spiral', n: 1000, seed: 7 },
    { name: 'moons', n: 1000, seed: 7 },
    { name: 'circles', n: 600, seed: 0 },
    { name: 'xor', n: 600, seed: 3 },
    { name: 'spiral', n: 600, seed: 9999 },
  ];
  const points = pointCases.map((c) => {
    const d = makeDataset(c.name, { n: c.n, seed: c.seed });
    const resolution = c.n === 600 ? 40 : 48;
    return { ...c, x: b64(d.x), y: Array.from(d.y), resolution, grid: b64(gridPoints(datasetExtent(d), resolution)) };
  });

  const weightCases: NetConfig[] = [
    { architecture: 'plain', depth: 32, width: 32, batchNorm: true, inputDim: 2, classes: 3, seed: 0 },
    { architecture: 'residual', depth: 32, width: 32, batchNorm: true, inputDim: 2, classes: 3, seed: 0 },
    { architecture: 'residual', depth: 8, width: 16, batchNorm: false, inputDim: 2, classes: 2, seed: 7 },
    { architecture: 'plain', depth: 1, width: 8, batchNorm: true, inputDim: 2, classes: 2, seed: 0 },
  ];
  const weights = weightCases.map((c) => {
    const w = initialWeights(c);
    const all = new Float32Array([...w.stem, ...w.body.flatMap((k) => [...k]), ...w.head]);
    return { ...c, values: b64(all) };
  });

  const cnn = [
    { filters1: 8, filters2: 16, seed: 0 },
    { filters1: 4, filters2: 8, seed: 2 },
  ].map((c) => {
    const model = createTinyCnn({ seed: c.seed, channels1: c.filters1, channels2: c.filters2, method: 'conv3d' });
    const bank = model.bank.read();
    model.dispose();
    return { ...c, bank: b64(bank) };
  });

  // Block variants: the residual net's matrices, plus W_s or W_g from their own stream, b_g, BN.
  const variantCases: VariantNetConfig[] = [
    { variant: 'projection', depth: 4, width: 8, inputDim: 2, classes: 3, seed: 5 },
    { variant: 'exclusive-gate', depth: 4, width: 8, inputDim: 2, classes: 2, seed: 7, gateBias: -3 },
    { variant: 'full-preact', depth: 6, width: 8, inputDim: 2, classes: 3, seed: 0 },
  ];
  const variants = variantCases.map((c) => {
    const p = initialVariantParams(c);
    return { ...c, values: b64(new Float32Array([...p.stem.values, ...p.kernels.values, ...p.vectors.values, ...p.head.values])) };
  });

  const featurePoints = makeDataset('spiral', { n: 600, seed: 5 }).x;
  const featureSets: FeatureName[][] = [['x', 'y', 'x2', 'y2'], ['x', 'y', 'xy', 'sinx', 'siny', 'cosx', 'cosy']];
  const features = featureSets.map((names) => ({ names, points: b64(featurePoints), values: b64(featurize(featurePoints, names)) }));

  return {
    rng: { seed: 12345, uint32, normal },
    deriveSeed: deriveCases.map(([s, label]) => [s, label, deriveSeed(s, label)]),
    batches,
    points,
    weights,
    cnn,
    variants,
    features,
  };
}
