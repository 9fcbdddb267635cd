/**
 * The explorer's formulas, rendered with KaTeX at build time (no maths JS in the browser). The
 * reader's numbers sit in `\htmlClass{nb-v-<name>}{…}` slots that the client script rewrites as
 * the settings change; `nb-bias` wraps the bias term so it can be hidden.
 */
import katex from 'katex';
import { count } from '../../lib/i18n/number-format';

const slot = (name: string, value: number | string) => String.raw`\htmlClass{nb-v-${name}}{${value}}`;

function render(tex: string): string {
  return katex.renderToString(tex, {
    output: 'html',
    throwOnError: true,
    strict: 'ignore',
    trust: (ctx) => ctx.command === '\\htmlClass',
  });
}

export interface FormulaValues {
  n: number;
  k: number;
  s: number;
  p: number;
  d: number;
  o: number;
  m: number;
  po: number;
  cin: number;
  cout: number;
  params: number;
}

/** o = ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1, then the same with the reader's numbers, then the result. */
export function outputSizeHtml(v: FormulaValues): string {
  return render(
    String.raw`o = \left\lfloor \frac{n + 2p - d(k-1) - 1}{s} \right\rfloor + 1 = \left\lfloor \frac{${slot('n', v.n)} + 2 \cdot ${slot('p', v.p)} - ${slot('d', v.d)} \cdot (${slot('k', v.k)} - 1) - 1}{${slot('s', v.s)}} \right\rfloor + 1 = ${slot('o', v.o)}`,
  );
}

/** Pooling with an m×m window and stride m: ⌊(o − m)/m⌋ + 1. */
export function poolSizeHtml(v: FormulaValues): string {
  return render(String.raw`\left\lfloor \frac{o - m}{m} \right\rfloor + 1 = \left\lfloor \frac{${slot('o', v.o)} - ${slot('m', v.m)}}{${slot('m', v.m)}} \right\rfloor + 1 = ${slot('po', v.po)}`);
}

/** k·k·C_in·C_out + C_out with the reader's numbers; the count grouped as in prose (`73,728`). */
export function paramsHtml(v: FormulaValues): string {
  return render(
    String.raw`k \cdot k \cdot C_{\text{in}} \cdot C_{\text{out}} \htmlClass{nb-bias}{{} + C_{\text{out}}} = ${slot('k', v.k)} \cdot ${slot('k', v.k)} \cdot ${slot('cin', v.cin)} \cdot ${slot('cout', v.cout)} \htmlClass{nb-bias}{{} + ${slot('cout', v.cout)}} = ${slot('params', String.raw`\text{${count(v.params)}}`)}`,
  );
}
