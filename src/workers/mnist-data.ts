/**
 * Loads the shipped MNIST subset inside a worker: one request to the site's own origin (the file is
 * a hashed build asset), inflated with the browser's DecompressionStream, decoded once per worker.
 */
import dataUrl from '../data/mnist/mnist-subset.bin?url';
import { decodeDigitSubset, type DigitSubset } from '../lib/ml/mnist-subset';

let cached: Promise<DigitSubset> | undefined;

/** Bytes of the container; the file is gzip (1f 8b), but a host that already inflated it is fine too. */
async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function loadDigits(): Promise<DigitSubset> {
  cached ??= (async () => {
    const res = await fetch(dataUrl);
    if (!res.ok) throw new Error(`could not load the digits (${res.status})`);
    return decodeDigitSubset(await inflate(new Uint8Array(await res.arrayBuffer())));
  })();
  cached.catch(() => (cached = undefined));
  return cached;
}
