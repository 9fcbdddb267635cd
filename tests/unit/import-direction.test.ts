/**
 * The architecture's one rule, checked over every source file: imports flow one way,
 * content/pages → components/widgets → charts, workers → lib (and data). Nothing in src/lib (or
 * src/data) imports anything above it; charts and workers do not import each other; charts import
 * no widget. Stylesheets may be imported from anywhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

/** Layers, from the bottom up; an import may only point to its own layer or a lower one. */
const layers = [
  { name: 'lib', dirs: ['src/lib', 'src/data'], rank: 0 },
  { name: 'charts', dirs: ['src/charts'], rank: 1 },
  { name: 'workers', dirs: ['src/workers'], rank: 1 },
  { name: 'components', dirs: ['src/components'], rank: 2 },
  { name: 'widgets', dirs: ['src/widgets'], rank: 2 },
  { name: 'pages', dirs: ['src/pages', 'content'], rank: 3 },
  // Build-time Astro integrations (CSP check, _headers, service worker), loaded by astro.config.
  { name: 'integrations', dirs: ['src/integrations'], rank: 3 },
  // Pages only the project's scripts open (the record and bench harness), added with NB_DEV_PAGES=1.
  { name: 'dev', dirs: ['src/dev'], rank: 3 },
] as const;
type Layer = (typeof layers)[number];

/** Same-rank layers that must not import each other. */
const forbiddenSiblings: [string, string][] = [
  ['charts', 'workers'],
  ['workers', 'charts'],
];

/** Path aliases (tsconfig `paths`), alias prefix → folder. */
const aliases: Record<string, string> = { '@widgets/': 'src/widgets/' };

function layerOf(path: string): Layer | undefined {
  const p = relative(root, path).replace(/\\/g, '/');
  return layers.find((l) => l.dirs.some((d) => p === d || p.startsWith(`${d}/`)));
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|mts|mjs|js|astro|mdx)$/.test(name)) out.push(p);
  }
  return out;
}

/** Every module specifier a file names: static and dynamic imports, re-exports, `new URL(…, import.meta.url)`. */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bnew\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]!);
  return found;
}

/** The file a specifier points to (relative or aliased), or undefined for packages and virtual modules. */
function target(from: string, spec: string): string | undefined {
  const bare = spec.replace(/\?.*$/, '');
  for (const [alias, dir] of Object.entries(aliases)) if (bare.startsWith(alias)) return join(root, dir, bare.slice(alias.length));
  if (bare.startsWith('.')) return normalize(join(dirname(from), bare));
  return undefined;
}

const violations = () => {
  const out: string[] = [];
  for (const file of [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'content'))]) {
    const from = layerOf(file);
    if (!from) continue;
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const path = target(file, spec);
      if (!path || /\.css$/.test(path)) continue;
      const to = layerOf(path);
      if (!to) continue;
      const sibling = forbiddenSiblings.some(([a, b]) => a === from.name && b === to.name);
      if (to.rank > from.rank || sibling) out.push(`${relative(root, file)} (${from.name}) imports ${spec} (${to.name})`);
    }
  }
  return out;
};

describe('imports flow one way: content → components/widgets → charts, workers → lib', () => {
  it('finds the specifiers of every import form', () => {
    const src = `import a from './a';\nimport { b,\n c } from "../b.ts";\nimport './side.css';\nexport * from './re';\nconst w = new URL('../w.ts', import.meta.url);\nawait import('./lazy');`;
    expect(specifiers(src).sort()).toEqual(['../b.ts', '../w.ts', './a', './lazy', './re', './side.css'].sort());
  });

  it('no file imports from a layer above its own, and charts and workers stay apart', () => {
    expect(violations()).toEqual([]);
  });

  it('knows every folder of src/ (a new folder must be given a layer)', () => {
    const known = new Set(['lib', 'data', 'charts', 'workers', 'components', 'widgets', 'pages', 'styles', 'integrations', 'dev']);
    const folders = readdirSync(join(root, 'src')).filter((n) => statSync(join(root, 'src', n)).isDirectory());
    expect(folders.filter((f) => !known.has(f))).toEqual([]);
  });
});
