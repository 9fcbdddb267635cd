import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeState, parseState, serializeState } from './codec';
import { parseLinkOptions } from './link-options';
import { defaults, defineSchema, type StateOf } from './schema';

const schema = defineSchema({
  id: 'demo-lab',
  version: 1,
  fields: {
    depth: { kind: 'int', min: 2, max: 64, default: 16 },
    width: { kind: 'int', min: 4, max: 64, default: 32, allowed: [4, 8, 16, 32, 64] },
    lr: { kind: 'float', min: 1e-4, max: 1, default: 1e-3, digits: 3 },
    bn: { kind: 'bool', default: true },
    optimizer: { kind: 'enum', values: ['adam', 'sgd'], default: 'adam' },
    arch: { kind: 'set', values: ['plain', 'residual'], default: ['plain', 'residual'], minSize: 1 },
    note: { kind: 'text', maxLength: 20, default: '' },
  },
});
type Demo = StateOf<typeof schema>;

const validState: fc.Arbitrary<Demo> = fc.record({
  depth: fc.integer({ min: 2, max: 64 }),
  width: fc.constantFrom(4, 8, 16, 32, 64),
  lr: fc.double({ min: 1e-4, max: 1, noNaN: true }).map((v) => Number(v.toPrecision(3))).filter((v) => v >= 1e-4 && v <= 1),
  bn: fc.boolean(),
  optimizer: fc.constantFrom('adam' as const, 'sgd' as const),
  arch: fc.subarray(['plain', 'residual'] as ('plain' | 'residual')[], { minLength: 1 }),
  note: fc.string({ maxLength: 20 }).filter((s) => !/[\u0000-\u001f\u007f<>]/.test(s)),
});

function isValid(s: Demo): boolean {
  return (
    Number.isInteger(s.depth) && s.depth >= 2 && s.depth <= 64 &&
    [4, 8, 16, 32, 64].includes(s.width) &&
    Number.isFinite(s.lr) && s.lr >= 1e-4 && s.lr <= 1 &&
    typeof s.bn === 'boolean' &&
    ['adam', 'sgd'].includes(s.optimizer) &&
    Array.isArray(s.arch) && s.arch.length >= 1 && s.arch.every((a) => a === 'plain' || a === 'residual') &&
    typeof s.note === 'string' && s.note.length <= 20 && !/[<>]/.test(s.note)
  );
}

describe('parseState(schema, query)', () => {
  it('gives the defaults when the link addresses another widget', () => {
    const r = parseState(schema, '?w=other&depth=3');
    expect(r.addressed).toBe(false);
    expect(r.state).toEqual(defaults(schema));
    expect(r.corrections).toEqual([]);
  });

  it('reads every field type', () => {
    const r = parseState(schema, 'w=demo-lab&v=1&depth=32&width=8&lr=0.01&bn=0&optimizer=sgd&arch=residual&note=hi');
    expect(r.state).toEqual({ depth: 32, width: 8, lr: 0.01, bn: false, optimizer: 'sgd', arch: ['residual'], note: 'hi' });
    expect(r.corrections).toEqual([]);
  });

  it('clamps out-of-range numbers and says so', () => {
    const r = parseState(schema, 'w=demo-lab&depth=1000&lr=10&width=30');
    expect(r.state.depth).toBe(64);
    expect(r.state.lr).toBe(1);
    expect(r.state.width).toBe(32);
    expect(r.corrections.map((c) => [c.key, c.kind, c.used])).toEqual([
      ['depth', 'clamped', '64'],
      ['lr', 'clamped', '1'],
      ['width', 'clamped', '32'],
    ]);
  });

  it('drops malformed values, keeps the default and says so', () => {
    const r = parseState(schema, 'w=demo-lab&depth=NaN&bn=maybe&optimizer=rmsprop&arch=plain,dense&lr=0x10');
    expect(r.state).toMatchObject({ depth: 16, bn: true, optimizer: 'adam', arch: ['plain', 'residual'], lr: 0.001 });
    expect(r.corrections.every((c) => c.kind === 'dropped')).toBe(true);
    expect(r.corrections).toHaveLength(5);
  });

  it('ignores unknown keys, reports repeated ones and too-new versions', () => {
    const r = parseState(schema, 'w=demo-lab&v=9&foo=bar&depth=4&depth=8');
    expect(r.state.depth).toBe(8);
    expect(r.corrections.map((c) => c.kind)).toEqual(['version', 'unknown', 'repeated']);
  });

  it('rejects markup in text fields', () => {
    const r = parseState(schema, 'w=demo-lab&note=' + encodeURIComponent('<script>alert(1)</script>'));
    expect(r.state.note).toBe('');
    expect(r.corrections[0]?.kind).toBe('dropped');
  });

  it('any valid state round-trips through a link', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const link = serializeState(schema, state).toString();
        const back = parseState(schema, link);
        expect(back.corrections).toEqual([]);
        expect(back.state).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('any input string yields a valid state and never throws', () => {
    const keys = fc.constantFrom('w', 'v', 'depth', 'width', 'lr', 'bn', 'optimizer', 'arch', 'note', 'x', '');
    const pair = fc.tuple(keys, fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.double().map(String), fc.integer().map(String)));
    const query = fc.array(pair, { maxLength: 12 }).map(
      (pairs) => 'w=demo-lab&' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
    );
    fc.assert(
      fc.property(fc.oneof(query, fc.string(), fc.string({ unit: 'binary' })), (q) => {
        const r = parseState(schema, q);
        expect(isValid(r.state)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('normalizeState makes any partial state valid', () => {
    expect(normalizeState(schema, { depth: 1e9, lr: Number.NaN })).toMatchObject({ depth: 64, lr: 0.001 });
  });
});

describe('parseLinkOptions(schema, query)', () => {
  it('reads run, lock and hide, dropping names that are not fields', () => {
    const r = parseLinkOptions(schema, 'w=demo-lab&run=1&lock=depth,seed,bn&hide=lr');
    expect(r.options).toEqual({ run: true, lock: ['depth', 'bn'], hide: ['lr'] });
    expect(r.corrections).toEqual([{ key: 'lock', kind: 'dropped', raw: 'seed', used: '' }]);
  });
});

describe('list fields (numbers of an allowed length)', () => {
  const kernelSchema = defineSchema({
    id: 'kernel-lab',
    version: 1,
    fields: {
      weights: { kind: 'list', min: -10, max: 10, lengths: [9, 25], default: [0, 0, 0, 0, 1, 0, 0, 0, 0], digits: 3 },
    },
  });
  const parse = (q: string) => parseState(kernelSchema, `w=kernel-lab&${q}`);

  it('reads comma-separated numbers of an allowed length and writes them back the same way', () => {
    const r = parse('weights=1,0,-1,2,0,-2,1,0,-1');
    expect(r.state.weights).toEqual([1, 0, -1, 2, 0, -2, 1, 0, -1]);
    expect(r.corrections).toEqual([]);
    expect(serializeState(kernelSchema, r.state).get('weights')).toBe('1,0,-1,2,0,-2,1,0,-1');
  });
  it('clamps each number to the range and rounds to the digits kept', () => {
    const r = parse('weights=99,0.123456,0,0,0,0,0,0,-1e400');
    expect(r.state.weights).toEqual([10, 0.123, 0, 0, 0, 0, 0, 0, -10]);
    expect(r.corrections).toEqual([{ key: 'weights', kind: 'clamped', raw: '99,0.123456,0,0,0,0,0,0,-1e400', used: '10,0.123,0,0,0,0,0,0,-10' }]);
  });
  it('drops a list of another length or with a non-number, using the default', () => {
    for (const bad of ['1,2,3', '1,0,-1,2,0,-2,1,0,x', '', '1,,2,3,4,5,6,7,8']) {
      const r = parse(`weights=${encodeURIComponent(bad)}`);
      expect(r.state.weights).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
      expect(r.corrections[0]).toMatchObject({ key: 'weights', kind: 'dropped' });
    }
  });
  it('defaults() hands out a fresh array each time', () => {
    const a = defaults(kernelSchema);
    a.weights[0] = 5;
    expect(defaults(kernelSchema).weights[0]).toBe(0);
  });
});

describe('set fields with a size limit', () => {
  const limited = defineSchema({
    id: 'limited',
    version: 1,
    fields: { picks: { kind: 'set', values: ['a', 'b', 'c', 'd', 'e'], default: ['a', 'b'], minSize: 2, maxSize: 3 } },
  });

  it('keeps the first maxSize members in schema order and reports the link as clamped', () => {
    const r = parseState(limited, 'w=limited&picks=e,d,c,b');
    expect(r.state.picks).toEqual(['b', 'c', 'd']);
    expect(r.corrections).toEqual([{ key: 'picks', kind: 'clamped', raw: 'e,d,c,b', used: 'b,c,d' }]);
  });

  it('reads a set within the limits unchanged and drops one below minSize', () => {
    expect(parseState(limited, 'w=limited&picks=c,a').state.picks).toEqual(['a', 'c']);
    const r = parseState(limited, 'w=limited&picks=c');
    expect(r.state.picks).toEqual(['a', 'b']);
    expect(r.corrections[0]?.kind).toBe('dropped');
  });
});
