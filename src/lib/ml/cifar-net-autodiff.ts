import * as tf from '@tensorflow/tfjs-core';
import { batchNormEpsilon } from './batch-norm.ts';
import type { CifarNet } from './cifar-net.ts';

/**
 * The baseline the hand-written backward pass is measured against: the same CIFAR-family net,
 * written with tfjs ops only and trained the way tfjs is usually used — one variable per
 * parameter, the gradient by `tf.variableGrads`, the update by `tf.train.momentum` (or
 * `tf.train.adam`). Weight decay enters as λ/2·Σθ² in the loss (the same update as adding λθ to
 * the gradient). Same initial weights as the given net, same batch statistics and running
 * averages. The caller must load tfjs's gradients (`@tensorflow/tfjs-core/dist/register_all_gradients`).
 * WASM cannot run it: tfjs 4.22 has no `Conv2DBackpropFilter` kernel there.
 */
export interface AutodiffCifar {
  /** One update on images x [B, S, S, 1] and one-hot labels [B, 10]; returns the loss tensor (the caller reads or disposes it). */
  step(x: tf.Tensor4D, oneHot: tf.Tensor2D, learningRate: number): tf.Scalar;
  /** The parameters as one flat array in the net's bank layout. */
  read(): Float32Array;
  dispose(): void;
}

let made = 0;

export function autodiffCifar(net: CifarNet, opts: { optimizer: 'sgd' | 'adam'; weightDecay: number; learningRate: number }): AutodiffCifar {
  const { arch, blocks: n, width: w, shortcut } = net.config;
  const values = net.bank.views();
  const vars = new Map<string, tf.Variable>();
  for (const s of net.bank.specs) vars.set(s.name, tf.variable(values[s.name]!, true, `autodiff-cifar-${made}-${s.name}`));
  tf.dispose(Object.values(values));
  made += 1;
  const list = [...vars.values()];
  const running = new Map<string, { mean: tf.Variable; variance: tf.Variable }>();
  const optimizer = opts.optimizer === 'sgd' ? tf.train.momentum(opts.learningRate, 0.9) : tf.train.adam(opts.learningRate, 0.9, 0.999, 1e-7);
  const v = (name: string) => vars.get(name)!;
  const updates: [string, tf.Tensor, tf.Tensor, number][] = [];

  const eyes = new Map<number, tf.Tensor4D>();
  const eye = (cin: number, cout: number) => {
    let e = eyes.get(cin);
    if (!e) {
      const values = new Float32Array(cin * cout);
      for (let i = 0; i < cin; i++) values[i * cout + i] = 1;
      e = tf.keep(tf.tensor4d(values, [1, 1, cin, cout]));
      eyes.set(cin, e);
    }
    return e;
  };

  const convBn = (name: string, x: tf.Tensor4D, stride: number, k = 3): tf.Tensor4D => {
    const z = tf.conv2d(x, v(`${name}.kernel`) as tf.Tensor4D, stride, stride === 1 ? 'same' : (k - 1) / 2);
    const { mean, variance } = tf.moments(z, [0, 1, 2]);
    // Kept past variableGrads' own scope, for the running averages; freed after the update.
    updates.push([name, tf.keep(mean), tf.keep(variance), z.size / z.shape[3]]);
    return tf.batchNorm(z, mean, variance, v(`${name}.beta`), v(`${name}.gamma`), batchNormEpsilon) as tf.Tensor4D;
  };

  function loss(x: tf.Tensor4D, oneHot: tf.Tensor2D): tf.Scalar {
    let a = tf.relu(convBn('stem', x, 1));
    for (let s = 0; s < 3; s++) {
      const c = w << s;
      for (let b = 0; b < n; b++) {
        const down = s > 0 && b === 0;
        const name = `s${s + 1}b${b + 1}`;
        const inner = tf.relu(convBn(`${name}.conv1`, a, down ? 2 : 1));
        let pre = convBn(`${name}.conv2`, inner, 1);
        if (arch === 'residual') {
          let sc: tf.Tensor4D = a;
          if (down && shortcut === 'B') sc = convBn(`${name}.shortcut`, a, 2, 1);
          else if (down) sc = tf.conv2d(a, eye(c / 2, c), 2, 0); // option A: [I | 0], stride 2 (StridedSlice has no tfjs gradient)
          pre = tf.add(pre, sc);
        }
        a = tf.relu(pre);
      }
    }
    const logits = tf.add(tf.matMul(tf.mean(a, [1, 2]) as tf.Tensor2D, v('dense') as tf.Tensor2D), v('denseBias'));
    const ce = tf.losses.softmaxCrossEntropy(oneHot, logits) as tf.Scalar;
    if (!opts.weightDecay) return ce;
    return tf.add(ce, tf.mul(tf.addN(list.map((p) => tf.sum(tf.square(p)))), opts.weightDecay / 2)) as tf.Scalar;
  }

  return {
    step(x, oneHot, learningRate) {
      return tf.tidy(() => {
        updates.length = 0;
        const { value, grads } = tf.variableGrads(() => loss(x, oneHot), list);
        // The schedule: SGD/momentum keep −lr as a kept scalar (setLearningRate renews it); Adam reads the field.
        if (optimizer instanceof tf.SGDOptimizer) optimizer.setLearningRate(learningRate);
        else (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
        optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
        // Running statistics, as the hand-written net keeps them (momentum 0.1, unbiased variance).
        for (const [name, mean, variance, count] of updates) {
          let r = running.get(name);
          if (!r) {
            r = { mean: tf.variable(tf.zerosLike(mean), false), variance: tf.variable(tf.onesLike(variance), false) };
            running.set(name, r);
          }
          r.mean.assign(tf.add(tf.mul(r.mean, 0.9), tf.mul(mean, 0.1)));
          r.variance.assign(tf.add(tf.mul(r.variance, 0.9), tf.mul(variance, (0.1 * count) / (count - 1))));
          tf.dispose([mean, variance]);
        }
        return value;
      });
    },
    read() {
      return tf.tidy(() => tf.concat(net.bank.specs.map((s) => tf.reshape(v(s.name), [-1]))).dataSync() as Float32Array).slice();
    },
    dispose() {
      optimizer.dispose();
      tf.dispose(list);
      tf.dispose([...eyes.values()]);
      for (const r of running.values()) tf.dispose([r.mean, r.variance]);
    },
  };
}
