/**
 * The Python side of the exporters: the code lives in `python/*.py` files (real Python, checked
 * by the CI run), split into notebook cells at `# %%` lines (the "percent" cell format that
 * editors such as VS Code and Jupytext understand); settings cells are written from a widget's
 * state with `pyValue`.
 */
import { code, type CellDraft } from './nbformat';

/**
 * The cells of a `.py` file: the text between `# %%` lines, trimmed; text before the first
 * marker is ignored. Cells keep their order.
 * @example pythonCells('# %%\na = 1\n# %%\nb = 2\n') // two code cells, 'a = 1' and 'b = 2'
 */
export function pythonCells(file: string, tags?: string[]): CellDraft[] {
  const parts = file.replace(/\r\n/g, '\n').split(/^# %%.*$/m).slice(1);
  return parts.map((p) => p.trim()).filter(Boolean).map((p) => code(p, tags));
}

/**
 * A Python literal for a settings value: numbers as written in links (`0.001`, `32`), booleans
 * `True`/`False`, strings single-quoted, arrays as lists.
 */
export function pyValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`pyValue: not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(value)) return `[${value.map(pyValue).join(', ')}]`;
  throw new TypeError(`pyValue: unsupported value ${String(value)}`);
}

/** A Python expression written as it is, e.g. `{ python: 'max(5, js_round(STEPS / 20))' }`. */
export interface PyExpression {
  python: string;
}

const isExpression = (v: unknown): v is PyExpression => typeof v === 'object' && v !== null && 'python' in v;

/**
 * A settings cell: the intro as comment lines, then one `NAME = value  # comment` line per entry
 * (comments aligned; a value is a literal for `pyValue` or a `PyExpression`).
 * @example settingsCell('The widget’s settings.', [['DEPTH', 32, 'hidden layers']])
 */
export function settingsCell(
  intro: string,
  entries: readonly [name: string, value: unknown, comment?: string][],
  tags: string[] = ['settings'],
): CellDraft {
  const lines = entries.map(([name, value]) => `${name} = ${isExpression(value) ? value.python : pyValue(value)}`);
  // Align the comments of one-line entries only (a multi-line value keeps its own layout).
  const width = Math.max(0, ...lines.filter((l) => !l.includes('\n')).map((l) => l.length));
  const body = lines.map((l, i) => (entries[i]![2] ? `${l.includes('\n') ? l : l.padEnd(width)}  # ${entries[i]![2]}` : l));
  return code([...intro.split('\n').map((l) => `# ${l}`), ...body].join('\n'), tags);
}
