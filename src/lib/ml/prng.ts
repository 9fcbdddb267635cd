/**
 * Seeded pseudo-random numbers for everything random in the ML core (weights, data, batch order).
 * Never `Math.random`: the same seed must give the same run on every machine.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, passes
 * PractRand), its state filled from the seed by splitmix32.
 */

/** An array or typed array that can be written by index. */
export interface MutableArrayLike<T> {
  readonly length: number;
  [index: number]: T;
}

/** A seeded random stream. All methods advance the stream. */
export interface Rng {
  /** Next raw 32-bit unsigned integer, in [0, 2³²). */
  nextUint32(): number;
  /** Uniform float in [0, 1) with 32 bits of randomness. */
  uniform(): number;
  /** Uniform float in [low, high). */
  uniformRange(low: number, high: number): number;
  /** Uniform integer in [0, n), n ≥ 1 (rejection sampling, no modulo bias). */
  int(n: number): number;
  /** Normal sample N(mean, std²) by Box–Muller; the second value of each pair is kept for the next call. */
  normal(mean?: number, std?: number): number;
  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<A extends MutableArrayLike<unknown>>(items: A): A;
}

/** splitmix32 step: a good 32-bit mixer used to expand seeds. */
function splitmix32(state: number): [next: number, output: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z ^= z >>> 15;
  return [next, z >>> 0];
}

/**
 * A new random stream from an integer seed (any finite number; it is truncated to 32 bits).
 * @example createRng(0).uniform() // always the same value
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`createRng: seed must be finite, got ${seed}`);
  let s = Math.trunc(seed) | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [next, out] = splitmix32(s);
    s = next;
    words.push(out | 0);
  }
  let [a, b, c, d] = words as [number, number, number, number];

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up: the first outputs of a counting generator are correlated with the seed words.
  for (let i = 0; i < 12; i++) nextUint32();

  const uniform = (): number => nextUint32() / 4294967296;
  let spare: number | null = null;

  return {
    nextUint32,
    uniform,
    uniformRange: (low, high) => low + (high - low) * uniform(),
    int(n) {
      if (!Number.isInteger(n) || n < 1 || n > 4294967296) throw new RangeError(`int(n): bad n ${n}`);
      // Largest multiple of n that fits in 2³²; values at or above it are rejected.
      const limit = 4294967296 - (4294967296 % n);
      let r = nextUint32();
      while (r >= limit) r = nextUint32();
      return r % n;
    },
    normal(mean = 0, std = 1) {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return mean + std * z;
      }
      const u1 = 1 - uniform(); // (0, 1]: log(u1) is finite
      const u2 = uniform();
      const radius = Math.sqrt(-2 * Math.log(u1));
      spare = radius * Math.sin(2 * Math.PI * u2);
      return mean + std * radius * Math.cos(2 * Math.PI * u2);
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = this.int(i + 1);
        const tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
      }
      return items;
    },
  };
}

/**
 * A seed for an independent sub-stream, derived from a base seed and a label (FNV-1a of the
 * label mixed with the seed), so that e.g. weight initialisation and batch order do not share
 * one stream and adding draws to one never shifts the other.
 * @example createRng(deriveSeed(seed, 'init'))
 */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (Math.trunc(seed) | 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return splitmix32(h)[1];
}
