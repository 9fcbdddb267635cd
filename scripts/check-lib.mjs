// `npm run check` (second half): type-checks src/lib without the DOM or Node libraries, with
// every tsconfig.json under src/lib (the whole of src/lib, then the stricter areas), so that a
// `document` or `process` in library code is a compile error. Exits non-zero on any error.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['src/lib'];
for (const name of readdirSync('src/lib')) {
  const dir = join('src/lib', name);
  if (statSync(dir).isDirectory() && readdirSync(dir).includes('tsconfig.json')) projects.push(dir);
}
let failed = 0;
for (const p of projects) {
  try {
    execFileSync(process.execPath, [tsc, '-p', p], { stdio: 'inherit' });
    console.log(`tsc -p ${p}: no errors`);
  } catch {
    failed++;
  }
}
process.exit(failed ? 1 : 0);
