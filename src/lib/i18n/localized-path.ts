import { locales, type Locale } from './locales';

/**
 * Paths inside the site. The site can be deployed under a sub-path (`BASE_PATH=/courses/resnet/
 * npm run build` → Astro's `base`, `import.meta.env.BASE_URL`), so every site-internal address is
 * written without the base (`/zh/intro/`) and goes through `sitePath` on its way into a page; code
 * that reads the address bar strips it again with `stripBase`.
 */

/** A base path in one form: a leading and a trailing slash (`/`, `/courses/resnet/`). */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The base this build was made for (`/` unless built with `BASE_PATH`); `/` outside Vite. */
export const basePath: string = normalizeBase((import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL);

/**
 * A site-internal path with the base in front: `sitePath('/zh/intro/')` → `/courses/resnet/zh/intro/`
 * under the base `/courses/resnet/`. Anything that is not a root-relative path — another site
 * (`https:`, `//host`), `mailto:`, a bare `#anchor`, a relative path — is returned unchanged, and so
 * is a path that already carries the base, so applying it twice is harmless.
 */
export function sitePath(path: string, base: string = basePath): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const b = normalizeBase(base);
  if (b === '/') return path;
  if (path === b.slice(0, -1) || path.startsWith(b)) return path;
  return b + path.slice(1);
}

/** A pathname without the base: `/courses/resnet/en/intro/` → `/en/intro/`. A path outside the base is returned as it is. */
export function stripBase(pathname: string, base: string = basePath): string {
  const b = normalizeBase(base);
  if (b === '/') return pathname;
  if (pathname === b.slice(0, -1)) return '/';
  return pathname.startsWith(b) ? pathname.slice(b.length - 1) : pathname;
}

/**
 * The same page in another language: swaps the locale segment and keeps the rest, the query
 * string and the hash, so a link to a widget in a given state survives a language change. The
 * path may carry the base; the result always does.
 *
 * @example localizedHref('/zh/resnet-principles/?w=degradation-lab&depth=32#degradation-lab', 'en')
 *          // → '/en/resnet-principles/?w=degradation-lab&depth=32#degradation-lab'
 * A path without a locale segment (e.g. `/`) gets one prepended: `/` → `/en/`.
 */
export function localizedHref(href: string, target: Locale, base: string = basePath): string {
  const match = /^([^?#]*)([^#]*)(.*)$/.exec(href);
  const [, fullPath = '/', query = '', hash = ''] = match ?? [];
  const path = stripBase(fullPath || '/', base);
  const segments = path.split('/');
  // segments[0] is '' for an absolute path; segments[1] is the locale if there is one.
  if ((locales as readonly string[]).includes(segments[1] ?? '')) {
    segments[1] = target;
    return sitePath(segments.join('/'), base) + query + hash;
  }
  const rest = path.replace(/^\/+/, '');
  return sitePath(`/${target}/${rest}`, base) + query + hash;
}

/** The locale a site pathname is in (`/base/en/intro/` → `en`), or undefined outside both languages. */
export function pathLocale(pathname: string, base: string = basePath): Locale | undefined {
  const first = stripBase(pathname, base).split('/')[1] ?? '';
  return (locales as readonly string[]).includes(first) ? (first as Locale) : undefined;
}
