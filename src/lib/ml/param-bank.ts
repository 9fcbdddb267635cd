import * as tf from '@tensorflow/tfjs-core';

/** One named parameter tensor of a model. */
export interface ParamSpec {
  readonly name: string;
  readonly shape: readonly number[];
}

/**
 * All parameters of a model in one flat trainable variable [P], so the optimizer runs a handful of
 * kernels per step instead of a handful per tensor, and the weights travel as one Float32Array
 * (recordings, worker messages). Each parameter is a slice of the bank, reshaped.
 */
export interface ParamBank {
  readonly variable: tf.Variable<tf.Rank.R1>;
  /** P, the number of scalars. */
  readonly size: number;
  readonly specs: readonly ParamSpec[];
  /** Views of every parameter of `values` (default the variable), by name. */
  views(values?: tf.Tensor): Record<string, tf.Tensor>;
  /** Gradients given in the order of `specs`, flattened into one [P] tensor. */
  flatten(grads: readonly tf.Tensor[]): tf.Tensor1D;
  /** A copy of the current values. */
  read(): Float32Array;
  /** Replaces the values (length P). */
  write(values: Float32Array): void;
  dispose(): void;
}

const count = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** A bank holding `specs` in order; `initial` gives the starting values by name (missing → zeros). */
export function createParamBank(specs: readonly ParamSpec[], initial: Record<string, Float32Array> = {}): ParamBank {
  const offsets: number[] = [];
  let size = 0;
  for (const s of specs) {
    offsets.push(size);
    size += count(s.shape);
  }
  const values = new Float32Array(size);
  specs.forEach((s, i) => {
    const init = initial[s.name];
    if (!init) return;
    if (init.length !== count(s.shape)) throw new RangeError(`param ${s.name}: ${init.length} values for shape [${s.shape}]`);
    values.set(init, offsets[i]);
  });
  // Inside tidy: tf.variable shares the initial tensor's data, and that tensor must not outlive it.
  const variable = tf.tidy(() => tf.variable(tf.tensor1d(values), true, undefined, 'float32')) as tf.Variable<tf.Rank.R1>;

  return {
    variable,
    size,
    specs,
    views(source: tf.Tensor = variable) {
      const out: Record<string, tf.Tensor> = {};
      specs.forEach((s, i) => (out[s.name] = tf.reshape(tf.slice(source, [offsets[i]!], [count(s.shape)]), [...s.shape])));
      return out;
    },
    flatten(grads) {
      if (grads.length !== specs.length) throw new RangeError(`flatten: ${grads.length} gradients for ${specs.length} parameters`);
      return tf.concat(grads.map((g) => tf.reshape(g, [-1])), 0) as tf.Tensor1D;
    },
    read() {
      return (variable.dataSync() as Float32Array).slice();
    },
    write(next) {
      if (next.length !== size) throw new RangeError(`write: ${next.length} values for a bank of ${size}`);
      tf.tidy(() => variable.assign(tf.tensor1d(next)));
    },
    dispose() {
      variable.dispose();
    },
  };
}
