import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs's own gradients: the baseline needs them (the site's nets never load them).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { autodiffCifar } from './cifar-net-autodiff.ts';
import { createCifarNet, type CifarNetConfig } from './cifar-net.ts';
import { createOptimizer } from './optimizers.ts';
import { createRng } from './prng.ts';
import { softmaxCrossEntropy } from './softmax-cross-entropy.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0, den = 1e-12;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  return num / den;
}

describe('autodiffCifar(net) — the tfjs-autodiff baseline of the speed comparison', () => {
  for (const [arch, shortcut] of [['plain', 'A'], ['residual', 'A'], ['residual', 'B']] as const) {
    it(`${arch}${arch === 'residual' ? ` (option ${shortcut})` : ''}: two SGD steps with weight decay move the weights exactly as the hand-written net does`, () => {
      const config: CifarNetConfig = { arch, shortcut, blocks: 1, width: 2, inputSize: 7, seed: 4 };
      const net = createCifarNet(config);
      const base = autodiffCifar(net, { optimizer: 'sgd', weightDecay: 1e-3, learningRate: 0.05 });
      expect(base.read()).toEqual(net.bank.read());
      const rng = createRng(5);
      const x = tf.tensor4d(Float32Array.from({ length: 4 * 49 }, () => rng.normal()), [4, 7, 7, 1]);
      const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d([1, 3, 3, 7], 'int32'), 10), 'float32')) as tf.Tensor2D;
      const optimizer = createOptimizer({ kind: 'sgd', learningRate: 0.05, momentum: 0.9, weightDecay: 1e-3 }, [net.bank.variable]);
      for (let i = 0; i < 2; i++) {
        const lossA = base.step(x, y, 0.05);
        const lossH = tf.tidy(() => {
          const { logits, tape } = net.forwardTrain(x);
          const { loss, dLogits } = softmaxCrossEntropy(logits, y);
          optimizer.apply([net.backward(tape, dLogits as tf.Tensor2D)]);
          return loss;
        });
        // The baseline's loss includes λ/2·Σθ²; compare the updates, not the loss values.
        expect(lossA.dataSync()[0]).toBeGreaterThan(lossH.dataSync()[0]!);
        tf.dispose([lossA, lossH]);
        expect(relErr(base.read(), net.bank.read())).toBeLessThan(1e-4);
      }
      optimizer.dispose();
      base.dispose();
      net.dispose();
      tf.dispose([x, y]);
    });
  }
});
