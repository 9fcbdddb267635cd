import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonCells, pyValue, settingsCell } from './python-source';
import { sourceLines } from './nbformat';

describe('python sources → cells', () => {
  it('splits a file at "# %%" lines and drops what comes before the first', () => {
    const cells = pythonCells('"""header"""\n# %%\na = 1\n\n# %% second\nb = 2\n', ['t']);
    expect(cells).toEqual([
      { kind: 'code', source: 'a = 1', tags: ['t'] },
      { kind: 'code', source: 'b = 2', tags: ['t'] },
    ]);
  });

  it('writes settings as Python literals', () => {
    expect(pyValue(true)).toBe('True');
    expect(pyValue(0.001)).toBe('0.001');
    expect(pyValue("it's")).toBe("'it\\'s'");
    expect(pyValue(['plain', 'residual'])).toBe("['plain', 'residual']");
    expect(() => pyValue(NaN)).toThrow(RangeError);
  });

  it('aligns the comments of a settings cell and keeps expressions as written', () => {
    const cell = settingsCell('Settings.', [['DEPTH', 32, 'layers'], ['EVAL_EVERY', { python: 'max(5, js_round(STEPS / 20))' }, 'evaluations']]);
    expect(cell).toEqual({
      kind: 'code',
      tags: ['settings'],
      source: '# Settings.\nDEPTH = 32                                 # layers\nEVAL_EVERY = max(5, js_round(STEPS / 20))  # evaluations',
    });
  });

  it('stores text as Jupyter does: lines ending in "\\n", the last one without', () => {
    expect(sourceLines('a\nb\n')).toEqual(['a\n', 'b\n', '']);
    expect(sourceLines('a')).toEqual(['a']);
  });
});

describe('the python/ folder', () => {
  const folder = join(__dirname, 'python');
  const files = readdirSync(folder).filter((f) => f.endsWith('.py'));

  it('holds only notebook cells: every file has cells, no tabs, no lines over 110 characters', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(join(folder, f), 'utf8');
      expect(pythonCells(text).length, f).toBeGreaterThan(0);
      expect(text, f).not.toMatch(/\t/);
      for (const line of text.split('\n')) expect(line.length, `${f}: ${line}`).toBeLessThanOrEqual(110);
    }
  });
});
