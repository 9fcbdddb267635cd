import * as tf from '@tensorflow/tfjs-core';
import { packedWidth, vectorRowCount } from './bank-layout.ts';
import type { Mlp, ParamBanks } from './mlp.ts';
import { packNetConfig, type NetConfig, type PackedNetConfig } from './net-config.ts';

/**
 * All parameters of one net as one flat vector: the vectors bank, then the body bank, then the
 * head bank of its one-lane packing (layout on `ParamBanks`), each row-major. This is what travels
 * between a trainer, the page and an analysis (lesions, loss landscapes), and what a direction in
 * parameter space is a vector of.
 */

/** A weight matrix inside the flat vector: row-major [rows = fan-in, cols = neurons]. */
export interface KernelSegment {
  /** 'stem', 'body 1' … 'body D', 'head'. */
  name: string;
  offset: number;
  rows: number;
  cols: number;
}

/** Where everything sits in the flat vector of a net (see module comment). */
export interface ParamLayout {
  /** Number of scalars. */
  size: number;
  /** Offsets and shapes of the three banks. */
  banks: Record<keyof ParamBanks, { offset: number; shape: [number, number] }>;
  /** Every weight matrix (stem, body layers, head); the rest are BN scales and shifts or biases. */
  kernels: KernelSegment[];
}

/** The layout of a one-net config's flat parameter vector. */
export function paramLayout(config: NetConfig): ParamLayout {
  const packed = packNetConfig(config);
  const { depth, width: W, inputDim, classes } = config;
  const rows = vectorRowCount(packed);
  const vectors = { offset: 0, shape: [rows, W] as [number, number] };
  const body = { offset: rows * W, shape: [depth, W * W] as [number, number] };
  const head = { offset: body.offset + depth * W * W, shape: [W + 1, classes] as [number, number] };
  const kernels: KernelSegment[] = [
    { name: 'stem', offset: 0, rows: inputDim, cols: W },
    ...Array.from({ length: depth }, (_, l) => ({ name: `body ${l + 1}`, offset: body.offset + l * W * W, rows: W, cols: W })),
    { name: 'head', offset: head.offset, rows: W, cols: classes },
  ];
  return { size: head.offset + (W + 1) * classes, banks: { vectors, body, head }, kernels };
}

/** The host values of a packed net's three banks (as read from its variables). */
export interface HostBanks {
  vectors: Float32Array;
  body: Float32Array;
  head: Float32Array;
}

/** Lane k's parameters as the flat vector of the one-net config `laneConfig(config, k)`. */
export function laneVector(config: PackedNetConfig, banks: HostBanks, k: number): Float32Array {
  const L = config.lanes.length;
  if (!(k >= 0 && k < L)) throw new RangeError(`no lane ${k}`);
  const { depth, width: W, classes } = config;
  const P = packedWidth(config);
  const rows = vectorRowCount(config);
  const out = new Float32Array(rows * W + depth * W * W + (W + 1) * classes);
  let o = 0;
  for (let r = 0; r < rows; r++, o += W) out.set(banks.vectors.subarray(r * P + k * W, r * P + (k + 1) * W), o);
  for (let l = 0; l < depth; l++) {
    for (let i = 0; i < W; i++, o += W) {
      const start = l * P * P + (k * W + i) * P + k * W;
      out.set(banks.body.subarray(start, start + W), o);
    }
  }
  const headCols = L * classes;
  for (let i = 0; i < W; i++, o += classes) {
    const start = (k * W + i) * headCols + k * classes;
    out.set(banks.head.subarray(start, start + classes), o);
  }
  const biasRow = P * headCols + k * classes;
  out.set(banks.head.subarray(biasRow, biasRow + classes), o);
  return out;
}

/** The three banks of a one-net config as tensors viewing a flat vector [P] (slices of it; the caller disposes them). */
export function banksOf(config: NetConfig, vector: tf.Tensor1D): ParamBanks {
  const { banks } = paramLayout(config);
  const part = (b: { offset: number; shape: [number, number] }) => tf.reshape(tf.slice(vector, [b.offset], [b.shape[0] * b.shape[1]]), b.shape);
  return { vectors: part(banks.vectors), body: part(banks.body), head: part(banks.head) };
}

/** Reads a one-lane net's parameters as its flat vector. */
export function readVector(net: Mlp): Float32Array {
  if (net.config.lanes.length !== 1) throw new RangeError('readVector: a one-lane net only');
  const parts = net.variables.map((v) => v.dataSync() as Float32Array);
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Overwrites a one-lane net's parameters with a flat vector of the same layout. */
export function writeVector(net: Mlp, values: Float32Array): void {
  if (net.config.lanes.length !== 1) throw new RangeError('writeVector: a one-lane net only');
  const total = net.variables.reduce((n, v) => n + v.size, 0);
  if (values.length !== total) throw new RangeError(`writeVector: ${values.length} values for a net of ${total}`);
  let o = 0;
  for (const v of net.variables) {
    const part = values.subarray(o, o + v.size);
    tf.tidy(() => v.assign(tf.tensor(part, v.shape, 'float32')));
    o += v.size;
  }
}
