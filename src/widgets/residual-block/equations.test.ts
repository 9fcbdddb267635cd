import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { allEquations, blockEquation } from './equations';

describe('residual-block equations', () => {
  it('12 variants, all different, all valid KaTeX in strict mode', () => {
    const all = allEquations();
    expect(all).toHaveLength(12);
    expect(new Set(all.map((e) => e.latex)).size).toBe(12);
    for (const e of all) expect(() => katex.renderToString(e.latex, { displayMode: true, strict: 'error', throwOnError: true })).not.toThrow();
  });

  it('the original order has σ after the addition; pre-activation does not', () => {
    expect(blockEquation('basic', 'identity', 'post')).toMatch(/y &= \\sigma\\Big\(\\mathcal\{F\}\(x\) \+ x\\Big\)/);
    expect(blockEquation('basic', 'identity', 'pre')).toMatch(/y &= \\mathcal\{F\}\(x\) \+ x \\\\/);
    expect(blockEquation('bottleneck', 'projection', 'post')).toContain('W_3');
    expect(blockEquation('basic', 'projection', 'post')).toContain('\\mathrm{BN}_s(W_s x)');
  });
});
