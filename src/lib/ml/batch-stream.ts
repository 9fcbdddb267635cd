import type { Rng } from './prng.ts';

/** An endless stream of mini-batches of example indices. */
export interface BatchStream {
  /** The next batch (and advances the stream). */
  next(): Int32Array;
  /** The batch `next()` will return, without advancing. */
  peek(): Int32Array;
}

/**
 * Mini-batches of `batchSize` indices in [0, n): the indices are shuffled into a fresh random
 * order each epoch and read in order, a batch may run across an epoch boundary, so every
 * example is used equally often and no example is dropped.
 */
export function createBatchStream(n: number, batchSize: number, rng: Rng): BatchStream {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let position = n; // forces a shuffle on the first draw
  let upcoming: Int32Array | null = null;

  const draw = (): Int32Array => {
    const batch = new Int32Array(batchSize);
    for (let i = 0; i < batchSize; i++) {
      if (position === n) {
        rng.shuffle(order);
        position = 0;
      }
      batch[i] = order[position++]!;
    }
    return batch;
  };

  return {
    next() {
      const batch = upcoming ?? draw();
      upcoming = null;
      return batch;
    },
    peek() {
      upcoming ??= draw();
      return upcoming;
    },
  };
}
