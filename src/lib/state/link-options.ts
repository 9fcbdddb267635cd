import type { UrlCorrection } from './codec';
import type { WidgetSchema } from './schema';

/**
 * Classroom options a link can carry besides the state: `run=1` starts the run on open,
 * `lock=depth,seed` disables those controls, `hide=lr` hides them. Names that are not fields of the
 * widget are dropped and reported like any other correction.
 */
export interface LinkOptions {
  run: boolean;
  lock: string[];
  hide: string[];
}

export function parseLinkOptions(
  schema: WidgetSchema,
  input: string | URLSearchParams,
): { options: LinkOptions; corrections: UrlCorrection[] } {
  const params = typeof input === 'string' ? new URLSearchParams(input.replace(/^\?/, '')) : input;
  const options: LinkOptions = { run: false, lock: [], hide: [] };
  const corrections: UrlCorrection[] = [];
  if (!params.getAll('w').includes(schema.id)) return { options, corrections };
  const run = params.get('run');
  if (run !== null) {
    if (run === '1' || run === '0') options.run = run === '1';
    else corrections.push({ key: 'run', kind: 'dropped', raw: run.slice(0, 40), used: '0' });
  }
  for (const key of ['lock', 'hide'] as const) {
    const raw = params.get(key);
    if (raw === null) continue;
    for (const name of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (Object.prototype.hasOwnProperty.call(schema.fields, name)) {
        if (!options[key].includes(name)) options[key].push(name);
      } else corrections.push({ key, kind: 'dropped', raw: name.slice(0, 40), used: '' });
    }
  }
  return { options, corrections };
}

export function serializeLinkOptions(options: LinkOptions, params: URLSearchParams): URLSearchParams {
  if (options.run) params.set('run', '1');
  if (options.lock.length) params.set('lock', options.lock.join(','));
  if (options.hide.length) params.set('hide', options.hide.join(','));
  return params;
}
