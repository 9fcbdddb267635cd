import { locales, type Locale } from './locales';

/**
 * The same page in another language: swaps the first path segment and keeps the rest, the query
 * string and the hash, so a link to a widget in a given state survives a language change.
 *
 * @example localizedHref('/zh/resnet-principles/?w=degradation-lab&depth=32#degradation-lab', 'en')
 *          // → '/en/resnet-principles/?w=degradation-lab&depth=32#degradation-lab'
 * A path without a locale segment (e.g. `/`) gets one prepended: `/` → `/en/`.
 */
export function localizedHref(href: string, target: Locale): string {
  const match = /^([^?#]*)([^#]*)(.*)$/.exec(href);
  const [, path = '/', query = '', hash = ''] = match ?? [];
  const segments = path.split('/');
  // segments[0] is '' for an absolute path; segments[1] is the locale if there is one.
  if ((locales as readonly string[]).includes(segments[1] ?? '')) {
    segments[1] = target;
    return segments.join('/') + query + hash;
  }
  const rest = path.replace(/^\/+/, '');
  return `/${target}/${rest}` + query + hash;
}
