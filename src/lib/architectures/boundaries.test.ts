import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('src/lib/architectures (library code, tests excluded)', () => {
  const files = sources(root);

  it('imports only its own modules: no tfjs, no DOM, nothing else of the app', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [, target = ''] of text.matchAll(/from '([^']+)'/g)) {
        expect(target.startsWith('.'), `${relative(root, file)} imports ${target}`).toBe(true);
        const resolved = relative(root, resolve(dirname(file), target));
        expect(resolved.startsWith('..'), `${relative(root, file)} reaches outside: ${target}`).toBe(false);
      }
    }
  });

  it('keeps modules small (under 300 lines)', () => {
    for (const file of files) {
      expect(readFileSync(file, 'utf8').split('\n').length, relative(root, file)).toBeLessThan(300);
    }
  });
});
