/**
 * Reads the chapter sources under `content/{zh,en}` for the content unit tests: pages by slug,
 * and what they contain (corrections, maths, citations, glossary links).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const contentRoot = join(process.cwd(), 'content');
export const languages = ['zh', 'en'] as const;
export type Lang = (typeof languages)[number];

/** Slug → raw MDX for one language, e.g. `case-studies/vgg` → "---\ntitle: …". */
export function readPages(lang: Lang): Map<string, string> {
  const base = join(contentRoot, lang);
  const pages = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.mdx?$/.test(name) && !name.startsWith('_')) {
        const slug = relative(base, path).replace(/\.mdx?$/, '').replace(/\\/g, '/');
        pages.set(slug === 'index' ? '' : slug, readFileSync(path, 'utf8'));
      }
    }
  };
  walk(base);
  return pages;
}

/** The MDX body without frontmatter, import lines and fenced code. */
export function body(mdx: string): string {
  return mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^import .*$/gm, '')
    .replace(/```[\s\S]*?```/g, '');
}

/** Ids of `<Correction id="…">` in order of appearance. */
export function correctionIds(mdx: string): string[] {
  return [...body(mdx).matchAll(/<Correction\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!);
}

/** Every maths string of the page, display (`$$…$$`) and inline (`$…$`), in order, whitespace-normalised. */
export function mathStrings(mdx: string): string[] {
  const text = body(mdx);
  const out: string[] = [];
  const re = /\$\$([\s\S]+?)\$\$|(?<![\\$])\$(?!\$)((?:\\\$|[^$\n])+?)\$/g;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2] ?? '').replace(/\s+/g, ' ').trim());
  return out;
}

/** Bibliography keys cited on the page: `<Cite k="…">` and each `cite="a §1; b"` of a Correction. */
export function citedKeys(mdx: string): string[] {
  const text = body(mdx);
  const keys = [...text.matchAll(/<Cite\b[^>]*\bk="([^"]+)"/g)].map((m) => m[1]!);
  for (const m of text.matchAll(/<Correction\b[^>]*\bcite="([^"]+)"/g)) {
    for (const part of m[1]!.split(';')) keys.push(part.trim().split(/\s+/)[0]!);
  }
  return keys;
}

/** Glossary ids linked with `<Term id="…">`. */
export function termIds(mdx: string): string[] {
  return [...body(mdx).matchAll(/<Term\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!);
}

/** Prose length: CJK characters for zh, words for en (maths, tags and attributes removed). */
export function proseLength(mdx: string, lang: Lang): number {
  const text = body(mdx)
    .replace(/\$\$[\s\S]+?\$\$/g, ' ')
    .replace(/\$[^$\n]+\$/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  if (lang === 'zh') return (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  return (text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []).length;
}
