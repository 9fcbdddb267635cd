import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactQuery, parseState, serializeState } from '../state/codec';
import { parseLinkOptions } from '../state/link-options';
import { widgets } from '../state/registry';
import { defaults, type FieldSpec } from '../state/schema';
import { assignmentLink, catalogue } from './catalogue';
import { chapterLink, qrLink } from './links';
import { encodeCustomTask } from './task';

/** What a link opens: the state, the corrections reported, the teacher options and the task. */
function opens(link: string) {
  const url = new URL(link, 'https://nb.example');
  const entry = widgets.find((w) => w.id === url.searchParams.get('w'))!;
  const parsed = parseState(entry.schema, url.searchParams);
  return { path: url.pathname, state: parsed.state, corrections: parsed.corrections, options: parseLinkOptions(entry.schema, url.searchParams), task: url.searchParams.get('task') };
}

/** An arbitrary valid value of a field (as the UI could set it). */
function value(spec: FieldSpec): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'int':
      return spec.allowed ? fc.constantFrom(...spec.allowed) : fc.integer({ min: spec.min, max: spec.max });
    case 'float':
      return fc.double({ min: spec.min, max: spec.max, noNaN: true }).map((v) => Number(v.toPrecision(spec.digits ?? 4)));
    case 'bool':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'set':
      return fc.subarray([...spec.values], { minLength: Math.max(1, spec.minSize ?? 0) });
    case 'list':
      return fc.constantFrom(...spec.lengths).chain((n) => fc.array(fc.integer({ min: spec.min, max: spec.max }), { minLength: n, maxLength: n }));
    case 'text':
      return fc.string({ maxLength: spec.maxLength }).filter((s) => !/[\u0000-\u001f\u007f<>]/.test(s));
  }
}

describe('qrLink: the shorter link in a QR code opens exactly what the full link opens', () => {
  it('for every catalogue assignment, in both languages, and it is shorter', () => {
    for (const a of catalogue)
      for (const lang of ['zh', 'en'] as const) {
        const full = assignmentLink(a, lang, 'https://nb.example');
        const short = qrLink(full);
        expect(short.length, a.id).toBeLessThan(full.length);
        expect(short).not.toContain('#');
        expect(short).toContain('&s=');
        expect(opens(short), a.id).toEqual(opens(full));
        expect(opens(short).corrections).toEqual([]);
      }
  });

  for (const entry of widgets) {
    it(`for any state of ${entry.id}, with options and a teacher's own task`, () => {
      const keys = Object.keys(entry.schema.fields);
      fc.assert(
        fc.property(
          fc.record(Object.fromEntries(keys.map((k) => [k, value(entry.schema.fields[k]!)]))),
          fc.subarray(keys),
          fc.subarray(keys),
          fc.boolean(),
          fc.string({ maxLength: 30 }),
          (state, lock, hide, run, prompt) => {
            const task = encodeCustomTask({ prompt: { zh: `题目${prompt}`, en: `Q${prompt}` }, check: 'true' });
            const full = chapterLink({ widget: entry.id, state, lock, hide, run, task }, 'zh', 'https://nb.example');
            expect(opens(qrLink(full))).toEqual(opens(full));
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it('a free-text value holding the separator keeps the full form of the settings', () => {
    const full = chapterLink({ widget: 'architecture-explorer', state: { layer: 'a~b' } }, 'en', 'https://nb.example');
    const short = qrLink(full);
    expect(short).not.toContain('&s=');
    expect(opens(short)).toEqual(opens(full));
  });

  it('surplus values in s= are reported, named parameters win over s=', () => {
    const schema = widgets.find((w) => w.id === 'degradation-lab')!.schema;
    const compact = compactQuery(schema, { ...defaults(schema), depth: 8 })!;
    expect(parseState(schema, `${compact}~9`).corrections).toEqual([{ key: 's', kind: 'unknown', raw: '9', used: '' }]);
    expect(parseState(schema, `${compact}&depth=16`).state.depth).toBe(16);
    expect(serializeState(schema, parseState(schema, compact).state).get('depth')).toBe('8');
  });
});

/**
 * The compact form lists values in schema order, so that order is part of each format version:
 * fields may be appended, never reordered or removed, without a new version. Update this list
 * only by appending, or together with a version bump and a migration.
 */
const frozenOrder: Record<string, { version: number; fields: string[] }> = {
  'degradation-lab': { version: 1, fields: ['depth', 'width', 'bn', 'optimizer', 'lr', 'steps', 'seed', 'dataset', 'arch', 'mode'] },
  'gradient-flow': { version: 1, fields: ['depth', 'width', 'bn', 'optimizer', 'lr', 'steps', 'seed', 'source'] },
  'boundary-lab': { version: 1, fields: ['dataset', 'features', 'layers', 'width', 'lr', 'steps', 'seed', 'learners'] },
  'conv-explorer': { version: 1, fields: ['digit', 'size', 'kernel', 'weights', 'stride', 'padding', 'dilation', 'relu', 'pool', 'poolSize', 'cin', 'cout', 'bias'] },
  'residual-block': { version: 1, fields: ['block', 'shortcut', 'downsample', 'act', 'width', 'size'] },
  'architecture-explorer': { version: 1, fields: ['model', 'compare', 'view', 'stage', 'aux', 'module', 'reduce', 'layer'] },
  'cnn-trainer': { version: 1, fields: ['epochs', 'batch', 'lr', 'filters1', 'filters2', 'seed', 'contrast', 'digit'] },
  'cnn-depth-lab': { version: 1, fields: ['depths', 'width', 'shortcut', 'optimizer', 'lr', 'steps', 'size', 'seed', 'digit'] },
  'block-variants': { version: 1, fields: ['variants', 'depth', 'width', 'gateBias', 'optimizer', 'lr', 'steps', 'seed', 'dataset'] },
  'lesion-study': { version: 1, fields: ['depth', 'width', 'bn', 'optimizer', 'lr', 'steps', 'seed', 'dataset', 'subsets', 'paths', 'block'] },
  'loss-landscape': { version: 1, fields: ['depth', 'width', 'bn', 'optimizer', 'lr', 'steps', 'seed', 'dataset', 'resolution', 'span', 'cut'] },
};

describe('the order of each widget’s settings is frozen per format version (compact links depend on it)', () => {
  for (const entry of widgets) {
    it(entry.id, () => {
      const frozen = frozenOrder[entry.id];
      expect(frozen, `add ${entry.id} to frozenOrder in qr-link.test.ts`).toBeDefined();
      if (!frozen || frozen.version !== entry.schema.version) return;
      expect(Object.keys(entry.schema.fields).slice(0, frozen.fields.length), 'fields of this version were reordered or removed: append new fields at the end, or bump the version').toEqual(frozen.fields);
    });
  }
});
