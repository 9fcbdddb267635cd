/**
 * Byte helpers for codes that travel in links and through copy-and-paste: UTF-8, base64url (RFC
 * 4648 §5, no padding, strict: a string that is not the canonical encoding of some bytes is
 * rejected) and CRC-32 (IEEE 802.3, the one zip and PNG use). Pure; no DOM.
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const lookup = new Map([...alphabet].map((c, i) => [c, i]));

export const utf8 = {
  encode: (text: string): Uint8Array => new TextEncoder().encode(text),
  /** Throws on invalid UTF-8 (the callers catch it). */
  decode: (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes),
};

export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    if (b !== undefined) out += alphabet[(n >> 6) & 63]!;
    if (c !== undefined) out += alphabet[n & 63]!;
  }
  return out;
}

/** The bytes of a base64url string, or `undefined` if it is not one (bad character, bad length, non-zero spare bits). */
export function fromBase64url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const v = j < chunk.length ? lookup.get(chunk[j]!) : 0;
      if (v === undefined) return undefined;
      n = (n << 6) | v;
    }
    const bytes = chunk.length - 1; // 4 chars → 3 bytes, 3 → 2, 2 → 1
    const spare = chunk.length === 3 ? n & 0xff : chunk.length === 2 ? n & 0xffff : 0;
    if (spare !== 0) return undefined;
    for (let j = 0; j < bytes; j++) out[o++] = (n >> (16 - 8 * j)) & 0xff;
  }
  return out;
}

let table: Uint32Array | undefined;

/** CRC-32 of `bytes` as an unsigned 32-bit integer; `crc32(utf8.encode('123456789'))` = 0xcbf43926. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
