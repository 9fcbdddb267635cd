import { describe, expect, it } from 'vitest';
import { createBatchStream } from './batch-stream.ts';
import { createRng } from './prng.ts';

describe('createBatchStream(n, batchSize, rng)', () => {
  it('covers every index exactly once per epoch, batches running across epoch ends', () => {
    const stream = createBatchStream(10, 4, createRng(1));
    const drawn = Array.from({ length: 5 }, () => [...stream.next()]).flat(); // 20 = two epochs
    for (const epoch of [drawn.slice(0, 10), drawn.slice(10, 20)]) {
      expect([...epoch].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
    expect(drawn.slice(0, 10)).not.toEqual(drawn.slice(10, 20));
  });

  it('peek() shows the batch next() returns, without advancing', () => {
    const a = createBatchStream(50, 8, createRng(2));
    const b = createBatchStream(50, 8, createRng(2));
    const peeked = a.peek();
    expect(a.peek()).toEqual(peeked);
    expect(a.next()).toEqual(peeked);
    b.next();
    expect(a.next()).toEqual(b.next());
  });

  it('is deterministic for a seed', () => {
    const s1 = createBatchStream(100, 16, createRng(3));
    const s2 = createBatchStream(100, 16, createRng(3));
    for (let i = 0; i < 20; i++) expect(s1.next()).toEqual(s2.next());
  });
});
