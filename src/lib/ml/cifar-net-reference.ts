/**
 * The CIFAR-family net of `cifar-net.ts` written again in plain float64 arrays, with no tfjs and
 * none of that file's code: the test oracle. Finite differences are taken through it (float32
 * would drown a central difference in rounding), and its forward pass checks the tfjs one.
 * Training mode only (batch statistics), which is what the gradients are taken of.
 *
 * Tensors are flat row-major arrays with their shape beside them: images [B, H, W, C] (channel
 * fastest), kernels [k, k, Cin, Cout].
 */

export interface Maps {
  data: Float64Array;
  batch: number;
  size: number;
  channels: number;
}

/** Convolution, zero padding (k − 1)/2 on every side, stride 1 or 2: output ⌈size / stride⌉. */
export function refConv(x: Maps, kernel: ArrayLike<number>, k: number, cout: number, stride: number): Maps {
  const { batch, size, channels: cin } = x;
  const p = (k - 1) / 2;
  const out = Math.ceil(size / stride);
  const y = new Float64Array(batch * out * out * cout);
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < out; i++) {
      for (let j = 0; j < out; j++) {
        const o = ((b * out + i) * out + j) * cout;
        for (let u = 0; u < k; u++) {
          const r = stride * i + u - p;
          if (r < 0 || r >= size) continue;
          for (let v = 0; v < k; v++) {
            const c = stride * j + v - p;
            if (c < 0 || c >= size) continue;
            for (let ci = 0; ci < cin; ci++) {
              const a = x.data[((b * size + r) * size + c) * cin + ci]!;
              const kk = ((u * k + v) * cin + ci) * cout;
              for (let co = 0; co < cout; co++) y[o + co]! += a * kernel[kk + co]!;
            }
          }
        }
      }
    }
  }
  return { data: y, batch, size: out, channels: cout };
}

/** Training-mode batch normalisation per channel over batch and positions (biased variance, ε = 1e-5). */
export function refBatchNorm(x: Maps, gamma: ArrayLike<number>, beta: ArrayLike<number>): Maps {
  const c = x.channels;
  const m = x.data.length / c;
  const mean = new Float64Array(c);
  const variance = new Float64Array(c);
  for (let i = 0; i < x.data.length; i++) mean[i % c]! += x.data[i]! / m;
  for (let i = 0; i < x.data.length; i++) variance[i % c]! += (x.data[i]! - mean[i % c]!) ** 2 / m;
  const y = x.data.map((v, i) => (gamma[i % c]! * (v - mean[i % c]!)) / Math.sqrt(variance[i % c]! + 1e-5) + beta[i % c]!);
  return { ...x, data: y };
}

export const refRelu = (x: Maps): Maps => ({ ...x, data: x.data.map((v) => Math.max(0, v)) });
export const refAdd = (a: Maps, b: Maps): Maps => ({ ...a, data: a.data.map((v, i) => v + b.data[i]!) });

/** Option A: every other pixel from 0, channels zero-padded at the end to `cout`. */
export function refShortcutA(x: Maps, cout: number): Maps {
  const out = Math.ceil(x.size / 2);
  const y = new Float64Array(x.batch * out * out * cout);
  for (let b = 0; b < x.batch; b++)
    for (let i = 0; i < out; i++)
      for (let j = 0; j < out; j++)
        for (let c = 0; c < x.channels; c++) y[((b * out + i) * out + j) * cout + c] = x.data[((b * x.size + 2 * i) * x.size + 2 * j) * x.channels + c]!;
  return { data: y, batch: x.batch, size: out, channels: cout };
}

/** Global average pooling → [B, C]. */
export function refPool(x: Maps): Float64Array {
  const y = new Float64Array(x.batch * x.channels);
  const area = x.size * x.size;
  for (let i = 0; i < x.data.length; i++) {
    const b = Math.floor(i / (area * x.channels));
    y[b * x.channels + (i % x.channels)]! += x.data[i]! / area;
  }
  return y;
}

/** Mean softmax cross-entropy (nats) of logits [B, 10] against labels. */
export function refCrossEntropy(logits: Float64Array, labels: ArrayLike<number>, classes = 10): number {
  const batch = labels.length;
  let loss = 0;
  for (let b = 0; b < batch; b++) {
    const row = logits.subarray(b * classes, (b + 1) * classes);
    const max = Math.max(...row);
    const lse = max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0));
    loss += lse - row[labels[b]!]!;
  }
  return loss / batch;
}

export interface RefNetShape {
  arch: 'plain' | 'residual';
  shortcut: 'A' | 'B';
  blocks: number;
  width: number;
}

/**
 * Logits [B, 10] of the whole net in training mode. `param(name)` returns a parameter by its bank
 * name (`stem.kernel`, `s2b1.conv1.gamma`, `s3b1.shortcut.kernel`, `dense`, `denseBias`…).
 */
export function refForward(shape: RefNetShape, param: (name: string) => ArrayLike<number>, x: Maps): Float64Array {
  const { blocks: n, width: w } = shape;
  const unit = (name: string, input: Maps, cout: number, stride: number, k = 3) =>
    refBatchNorm(refConv(input, param(`${name}.kernel`), k, cout, stride), param(`${name}.gamma`), param(`${name}.beta`));
  let a = refRelu(unit('stem', x, w, 1));
  for (let s = 0; s < 3; s++) {
    const c = w << s;
    for (let b = 0; b < n; b++) {
      const down = s > 0 && b === 0;
      const name = `s${s + 1}b${b + 1}`;
      const inner = refRelu(unit(`${name}.conv1`, a, c, down ? 2 : 1));
      let pre = unit(`${name}.conv2`, inner, c, 1);
      if (shape.arch === 'residual') {
        const sc = !down ? a : shape.shortcut === 'A' ? refShortcutA(a, c) : unit(`${name}.shortcut`, a, c, 2, 1);
        pre = refAdd(pre, sc);
      }
      a = refRelu(pre);
    }
  }
  const features = refPool(a);
  const dense = param('dense');
  const bias = param('denseBias');
  const logits = new Float64Array(x.batch * 10);
  for (let b = 0; b < x.batch; b++)
    for (let o = 0; o < 10; o++) {
      let v = bias[o]!;
      for (let c = 0; c < 4 * w; c++) v += features[b * 4 * w + c]! * dense[c * 10 + o]!;
      logits[b * 10 + o] = v;
    }
  return logits;
}
