import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSubmission, encodeSubmission, submissionPrefix, type Submission } from './submission';

const cell = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v)), fc.string({ maxLength: 12 }), fc.constant(null));
const submission: fc.Arbitrary<Submission> = fc.record({
  widget: fc.stringMatching(/^[a-z][a-z-]{1,30}$/),
  version: fc.integer({ min: 1, max: 9 }),
  state: fc.string({ maxLength: 200 }),
  task: fc.oneof(
    fc.stringMatching(/^[a-z0-9-]{1,30}$/).map((id) => ({ id })),
    fc.record({ prompt: fc.record({ zh: fc.string({ maxLength: 60 }), en: fc.string({ maxLength: 60 }) }), check: fc.string({ maxLength: 100 }) }),
  ),
  metrics: fc.array(fc.tuple(fc.string({ maxLength: 40 }), cell), { maxLength: 4 }),
  name: fc.string({ maxLength: 60 }),
  at: fc.integer({ min: 0, max: 4e9 }),
  lang: fc.constantFrom('zh' as const, 'en' as const),
  backend: fc.constantFrom('', 'wasm', 'cpu'),
});

const sample: Submission = {
  widget: 'degradation-lab',
  version: 1,
  state: 'depth=32&width=32&bn=1&optimizer=adam&lr=0.001&steps=400&seed=1&dataset=spiral&arch=plain%2Cresidual&mode=single',
  task: { id: 'dl-see-degradation' },
  metrics: [
    ['last(runs[3] where [0] = "plain" and [1] = depth)', 0.8868],
    ['last(runs[3] where [0] = "residual" and [1] = depth)', 0.038],
  ],
  name: '李明',
  at: 1767225600,
  lang: 'zh',
  backend: 'wasm',
};

describe('encodeSubmission / decodeSubmission', () => {
  it('a code starts with NB1-, uses only link-safe characters and reads back', () => {
    const code = encodeSubmission(sample);
    expect(code.startsWith(submissionPrefix)).toBe(true);
    expect(code).toMatch(/^NB1-[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(500);
    expect(decodeSubmission(code)).toEqual({ ok: true, submission: sample });
    expect(decodeSubmission(`  ${code.slice(0, 40)}\n${code.slice(40)}  `)).toEqual({ ok: true, submission: sample });
  });

  it('any submission round-trips', () => {
    fc.assert(
      fc.property(submission, (s) => {
        expect(decodeSubmission(encodeSubmission(s))).toEqual({ ok: true, submission: s });
      }),
      { numRuns: 500 },
    );
  });

  it('rejects any single changed character (tampering, typos)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(submission, fc.nat(), fc.nat(), (s, at, by) => {
        const code = encodeSubmission(s);
        const i = submissionPrefix.length + (at % (code.length - submissionPrefix.length));
        const replacement = alphabet[(alphabet.indexOf(code[i]!) + 1 + (by % 63)) % 64]!;
        const tampered = code.slice(0, i) + replacement + code.slice(i + 1);
        const r = decodeSubmission(tampered);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(['checksum', 'format']).toContain(r.error);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects codes cut short or with characters lost', () => {
    fc.assert(
      fc.property(submission, fc.nat(), fc.integer({ min: 1, max: 12 }), (s, at, n) => {
        const code = encodeSubmission(s);
        const i = submissionPrefix.length + (at % (code.length - submissionPrefix.length));
        expect(decodeSubmission(code.slice(0, i)).ok).toBe(false);
        expect(decodeSubmission(code.slice(0, i) + code.slice(i + n)).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects an edited number even when the checksum is recomputed badly', () => {
    const code = encodeSubmission(sample);
    const json = new TextDecoder().decode(Uint8Array.from(atob(code.slice(4).replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    expect(json).toContain('0.8868');
    const forged = Buffer.from(json.replace('0.8868', '0.1868')).toString('base64url');
    expect(decodeSubmission(`NB1-${forged}`)).toEqual({ ok: false, error: 'checksum' });
  });

  it('names each kind of failure', () => {
    expect(decodeSubmission('')).toEqual({ ok: false, error: 'empty' });
    expect(decodeSubmission('hello')).toEqual({ ok: false, error: 'format' });
    expect(decodeSubmission('NB2-AAAA')).toEqual({ ok: false, error: 'version' });
    expect(decodeSubmission('NB1-')).toEqual({ ok: false, error: 'checksum' });
    expect(decodeSubmission('NB1-!!!!')).toEqual({ ok: false, error: 'checksum' });
    // A valid checksum around something that is not a submission.
    const body = new TextEncoder().encode('{"not":"a submission"}');
    const bytes = new Uint8Array(body.length + 4);
    bytes.set(body);
    const crc = (() => {
      let c = 0xffffffff;
      for (const b of body) {
        c ^= b;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    })();
    new DataView(bytes.buffer).setUint32(body.length, crc);
    expect(decodeSubmission(`NB1-${Buffer.from(bytes).toString('base64url')}`)).toEqual({ ok: false, error: 'content' });
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `NB1-${s}`), fc.string({ unit: 'binary' })), (s) => {
        expect(typeof decodeSubmission(s).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});

