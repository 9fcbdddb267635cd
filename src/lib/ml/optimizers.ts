import * as tf from '@tensorflow/tfjs-core';

/**
 * Optimizer settings. Adam follows Kingma & Ba (2015) with the same bias correction and ε
 * placement as `tf.train.adam`; SGD uses heavy-ball momentum as `tf.train.momentum`
 * (velocity ← μ·velocity + g; θ ← θ − lr·velocity). `weightDecay` λ (default 0) adds λ·θ to every
 * gradient first (L2 regularisation, as PyTorch's `weight_decay` for both optimizers).
 */
export type OptimizerConfig =
  | { kind: 'adam'; learningRate: number; beta1?: number; beta2?: number; epsilon?: number; weightDecay?: number }
  | { kind: 'sgd'; learningRate: number; momentum?: number; weightDecay?: number };

/** Updates a fixed list of variables in place from gradients given in the same order. */
export interface Optimizer {
  /**
   * One update; `grads[i]` has the shape of `variables[i]`. Creates no lasting tensors besides the
   * state. `learningRate` overrides the configured rate for this step (for schedules).
   */
  apply(grads: readonly tf.Tensor[], learningRate?: number): void;
  /** Frees the optimizer state (moments or velocities). */
  dispose(): void;
}

/** Throws a RangeError for a non-positive or non-finite learning rate or a moment outside [0, 1). */
export function validateOptimizerConfig(config: OptimizerConfig): OptimizerConfig {
  if (!(config.learningRate > 0) || !Number.isFinite(config.learningRate)) {
    throw new RangeError(`learningRate must be a positive number, got ${config.learningRate}`);
  }
  const moments = config.kind === 'adam' ? [config.beta1, config.beta2] : [config.momentum];
  for (const m of moments) if (m !== undefined && !(m >= 0 && m < 1)) throw new RangeError(`moment ${m} not in [0, 1)`);
  const wd = config.weightDecay ?? 0;
  if (!(wd >= 0) || !Number.isFinite(wd)) throw new RangeError(`weightDecay must be a finite number ≥ 0, got ${config.weightDecay}`);
  return config;
}

// Inside tidy: tf.variable shares the initial tensor's data, and that tensor must not outlive it.
const zerosLike = (v: tf.Variable) => tf.tidy(() => tf.variable(tf.zerosLike(v), false));

/** An optimizer over `variables` (one state tensor per variable and moment). */
export function createOptimizer(config: OptimizerConfig, variables: readonly tf.Variable[]): Optimizer {
  validateOptimizerConfig(config);
  if (config.kind === 'adam') return adam(config, variables);
  return sgdMomentum(config.learningRate, config.momentum ?? 0.9, config.weightDecay ?? 0, variables);
}

function adam(config: Extract<OptimizerConfig, { kind: 'adam' }>, variables: readonly tf.Variable[]): Optimizer {
  const { learningRate, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7, weightDecay = 0 } = config;
  const m = variables.map(zerosLike);
  const v = variables.map(zerosLike);
  let t = 0;
  return {
    apply(grads, lr = learningRate) {
      t += 1;
      // θ ← θ − lr·m̂/(√v̂ + ε) rewritten with the corrections folded into two scalars.
      const correction2 = Math.sqrt(1 - beta2 ** t);
      const stepSize = (lr * correction2) / (1 - beta1 ** t);
      const epsHat = epsilon * correction2;
      tf.tidy(() => {
        variables.forEach((param, i) => {
          const g = weightDecay ? tf.add(grads[i]!, tf.mul(param, weightDecay)) : grads[i]!;
          const mi = m[i]!, vi = v[i]!;
          mi.assign(tf.add(mi, tf.mul(tf.sub(g, mi), 1 - beta1)));
          vi.assign(tf.add(vi, tf.mul(tf.sub(tf.square(g), vi), 1 - beta2)));
          param.assign(tf.sub(param, tf.mul(tf.div(mi, tf.add(tf.sqrt(vi), epsHat)), stepSize)));
        });
      });
    },
    dispose() {
      for (const s of [...m, ...v]) s.dispose();
    },
  };
}

function sgdMomentum(learningRate: number, momentum: number, weightDecay: number, variables: readonly tf.Variable[]): Optimizer {
  const velocity = variables.map(zerosLike);
  return {
    apply(grads, lr = learningRate) {
      tf.tidy(() => {
        variables.forEach((param, i) => {
          const vel = velocity[i]!;
          const g = weightDecay ? tf.add(grads[i]!, tf.mul(param, weightDecay)) : grads[i]!;
          vel.assign(tf.add(tf.mul(vel, momentum), g));
          param.assign(tf.sub(param, tf.mul(vel, lr)));
        });
      });
    },
    dispose() {
      for (const s of velocity) s.dispose();
    },
  };
}
