/**
 * Malformed links for every registered widget, generated from its schema: wrong types, huge,
 * negative and non-finite numbers, markup, unicode, repeated and unknown keys, bad teacher
 * options, and damaged or truncated tasks. Each case is kept only if the codec itself reports at
 * least one correction for it, so every case must make the widget show its notice.
 */
import { catalogueLookup } from '../src/lib/classroom/catalogue';
import { encodeCustomTask, parseTaskParam } from '../src/lib/classroom/task';
import { formatValue, parseState } from '../src/lib/state/codec';
import { parseLinkOptions } from '../src/lib/state/link-options';
import type { FieldSpec } from '../src/lib/state/schema';
import type { WidgetEntry } from '../src/lib/state/registry';

export interface FuzzCase {
  label: string;
  /** The query string, without `?`, already percent-encoded where it should be. */
  query: string;
}

const enc = encodeURIComponent;
const script = '<script>alert(1)</script>';

function badValues(spec: FieldSpec): string[] {
  switch (spec.kind) {
    case 'int':
    case 'float':
      return ['abc', '', 'NaN', 'Infinity', '-Infinity', '1e999', String(spec.max * 1000 + 1e6), String(spec.min - 1e6), '0x10', '1,5', '３２', '٣٢', script, '1e', '.', '+-1', '9'.repeat(400)];
    case 'bool':
      return ['maybe', '2', '', 'TRUE!', '<b>1</b>', 'null'];
    case 'enum':
      return ['UNKNOWN', '', `<img src=x onerror=alert(1)>`, `${spec.values[0]}\u0000`, `${spec.values[0]}🙂`];
    case 'set':
      return ['nonsense', ',,,', `${spec.values[0]},bogus`, script];
    case 'list':
      return ['1,2', 'a,b,c', `${spec.lengths[0] ? Array.from({ length: spec.lengths[0] }, () => 'NaN').join(',') : 'NaN'}`, ',,,,', script, Array.from({ length: 9 }, () => '1e999').join(',')];
    case 'text':
      return [script, 'a\u0001b', 'x'.repeat(10_000)];
  }
}

/** Does the codec (state, options, task) find something to correct in this query? */
function corrected(entry: WidgetEntry, query: string): boolean {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return false;
  }
  if (parseState(entry.schema, params).corrections.length) return true;
  if (parseLinkOptions(entry.schema, params).corrections.length) return true;
  const task = params.get('task');
  return task !== null && 'problem' in parseTaskParam(task, entry.schema, catalogueLookup);
}

export function fuzzCases(entry: WidgetEntry): FuzzCase[] {
  const id = entry.id;
  const w = `w=${enc(id)}`;
  const fields = Object.entries(entry.schema.fields);
  const cases: FuzzCase[] = [];
  // Per field: four malformed values of its kind, rotating through the list from field to field
  // so that every kind of bad value is tried on some field.
  for (const [i, [key, spec]] of fields.entries()) {
    const values = badValues(spec);
    for (let j = 0; j < Math.min(4, values.length); j++) {
      const v = values[(i * 4 + j) % values.length]!;
      cases.push({ label: `${key}=${v.slice(0, 24)}`, query: `${w}&v=1&${enc(key)}=${enc(v)}` });
    }
  }
  const [firstKey, firstSpec] = fields[0]!;
  const valid = formatValue(firstSpec, firstSpec.default);
  const custom = encodeCustomTask({ prompt: { zh: '测试', en: 'test' }, check: `${firstKey} = ${firstKey}` });
  cases.push(
    { label: 'unknown key', query: `${w}&zz=1` },
    { label: '__proto__ key', query: `${w}&__proto__=1&constructor=x` },
    { label: 'unicode key', query: `${w}&${enc('深度')}=32` },
    { label: 'markup in a key', query: `${w}&${enc(script)}=1` },
    { label: 'key with quotes and brackets', query: `${w}&${enc('a"]')}=1` },
    { label: 'newer version', query: `${w}&v=999` },
    { label: 'version not a number', query: `${w}&v=abc` },
    { label: 'repeated key', query: `${w}&${enc(firstKey)}=${enc(valid)}&${enc(firstKey)}=${enc(valid)}` },
    { label: 'repeated key, bad second value', query: `${w}&${enc(firstKey)}=${enc(valid)}&${enc(firstKey)}=%00` },
    { label: 'lock unknown names', query: `${w}&lock=__proto__,nosuch` },
    { label: 'hide markup', query: `${w}&hide=${enc(script)}` },
    { label: 'run not 0/1', query: `${w}&run=yes` },
    { label: 'unknown task', query: `${w}&task=no-such-task` },
    { label: 'task with markup', query: `${w}&task=${enc(script)}` },
    { label: 'damaged custom task', query: `${w}&task=~garbage!` },
    { label: 'truncated custom task', query: `${w}&task=${enc(custom.slice(0, custom.length - 7))}` },
    { label: 'custom task with a bad condition', query: `${w}&task=${enc(encodeCustomTask({ prompt: { zh: '测试', en: 'test' }, check: 'nosuch >' }))}` },
    { label: 'broken percent-encoding', query: `${w}&${enc(firstKey)}=%E0%A4%A&x=%` },
    { label: 'emoji value', query: `${w}&${enc(firstKey)}=${enc('🔥🔥')}` },
    { label: 'many unknown keys', query: `${w}&${Array.from({ length: 200 }, (_, i) => `k${i}=${i}`).join('&')}` },
    { label: 'two widgets addressed', query: `${w}&w=another-widget&${enc(firstKey)}=abc` },
    { label: 'empty values everywhere', query: `${w}&${fields.map(([k]) => `${enc(k)}=`).join('&')}` },
  );
  return cases.filter((c) => corrected(entry, c.query));
}
