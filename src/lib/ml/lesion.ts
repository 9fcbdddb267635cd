import type { Rng } from './prng.ts';

/**
 * Bookkeeping of a lesion study (Veit, Wilber & Belongie 2016): which blocks to delete, how many
 * ways there are, and the binomial distribution of path lengths. Pure numbers, no tensors.
 *
 * A net of depth D has n = D/2 blocks of two body layers: in a residual net the residual blocks,
 * in a plain net the same two layers without the shortcut. Deleting block b (0-based) leaves out
 * body layers 2b + 1 and 2b + 2: the block's input goes on unchanged. For a residual net that is its
 * identity path; for a plain net it removes two layers from the only path there is.
 */

/** The `skip` flags (one per body layer) that delete `blocks` (0-based block indices) from a net of depth D. */
export function blockSkip(depth: number, blocks: Iterable<number>): boolean[] {
  const skip = new Array<boolean>(depth).fill(false);
  for (const b of blocks) {
    if (!Number.isInteger(b) || b < 0 || 2 * b + 1 >= depth) throw new RangeError(`no block ${b} in a net of depth ${depth}`);
    skip[2 * b] = skip[2 * b + 1] = true;
  }
  return skip;
}

/** Binomial coefficient C(n, k) (exact up to 2⁵³). */
export function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) c = (c * (n - i + 1)) / i;
  return Math.round(c);
}

/** C(n, k) for k = 0 … n: how many of the 2ⁿ paths go through exactly k residual branches. */
export function pathCounts(n: number): number[] {
  return Array.from({ length: n + 1 }, (_, k) => choose(n, k));
}

/** Every k-element subset of {0 … n−1}, in lexicographic order. */
export function allSubsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick = (start: number, chosen: number[]) => {
    if (chosen.length === k) {
      out.push([...chosen]);
      return;
    }
    for (let i = start; i <= n - (k - chosen.length); i++) pick(i + 1, [...chosen, i]);
  };
  pick(0, []);
  return out;
}

/** One uniformly random k-element subset of {0 … n−1}, sorted (a partial Fisher–Yates shuffle). */
export function randomSubset(n: number, k: number, rng: Rng): number[] {
  const items = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items.slice(0, k).sort((a, b) => a - b);
}

/**
 * The subsets of k blocks to delete when measuring "k blocks deleted": all C(n, k) of them when
 * there are at most `count`, else `count` distinct ones drawn uniformly at random.
 */
export function lesionSubsets(n: number, k: number, count: number, rng: Rng): number[][] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  if (choose(n, k) <= count) return allSubsets(n, k);
  const seen = new Set<string>();
  const out: number[][] = [];
  while (out.length < count) {
    const s = randomSubset(n, k, rng);
    const key = s.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

/** Mean, lowest and highest of a list of numbers. */
export function summarize(values: readonly number[]): { mean: number; min: number; max: number } {
  if (!values.length) throw new RangeError('summarize: no values');
  return { mean: values.reduce((a, v) => a + v, 0) / values.length, min: Math.min(...values), max: Math.max(...values) };
}

/**
 * The "effective paths": the shortest run of consecutive path lengths k₁ … k₂ that together carry
 * at least `share` of the total gradient magnitude (Veit et al. call the lengths that carry almost
 * all of it effective; 90 % is our reading of "almost all"). `totals[k]` ≥ 0 is the summed
 * magnitude of all paths of length k. Ties go to the shorter lengths.
 */
export function effectiveRange(totals: readonly number[], share = 0.9): { from: number; to: number; share: number } {
  const sum = totals.reduce((a, v) => a + v, 0);
  if (!(sum > 0)) throw new RangeError('effectiveRange: no gradient');
  let best = { from: 0, to: totals.length - 1, share: 1 };
  for (let from = 0; from < totals.length; from++) {
    let acc = 0;
    for (let to = from; to < totals.length; to++) {
      acc += totals[to]!;
      if (acc / sum >= share) {
        if (to - from < best.to - best.from) best = { from, to, share: acc / sum };
        break;
      }
    }
  }
  return best;
}
