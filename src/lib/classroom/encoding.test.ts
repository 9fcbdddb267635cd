import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, fromBase64url, toBase64url, utf8 } from './encoding';

describe('base64url', () => {
  it('matches RFC 4648 test vectors (url alphabet, no padding)', () => {
    const cases: [string, string][] = [['', ''], ['f', 'Zg'], ['fo', 'Zm8'], ['foo', 'Zm9v'], ['foob', 'Zm9vYg'], ['fooba', 'Zm9vYmE'], ['foobar', 'Zm9vYmFy']];
    for (const [plain, encoded] of cases) {
      expect(toBase64url(utf8.encode(plain))).toBe(encoded);
      expect(utf8.decode(fromBase64url(encoded)!)).toBe(plain);
    }
    expect(toBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64url(toBase64url(bytes))).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects what is not a canonical encoding: bad characters, impossible lengths, non-zero spare bits', () => {
    expect(fromBase64url('Zm9v+')).toBeUndefined();
    expect(fromBase64url('Zm9v=')).toBeUndefined();
    expect(fromBase64url('Z')).toBeUndefined();
    expect(fromBase64url('Zh')).toBeUndefined(); // 'Zg' is canonical for 'f'
    expect(fromBase64url('Zm9')).toBeUndefined(); // 'Zm8' is canonical for 'fo'
    fc.assert(
      fc.property(fc.string(), (s) => {
        const bytes = fromBase64url(s);
        if (bytes) expect(toBase64url(bytes)).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('crc32(bytes)', () => {
  it('has the standard check value', () => {
    expect(crc32(utf8.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});
