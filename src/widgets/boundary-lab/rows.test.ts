import { describe, expect, it } from 'vitest';
import { boundaryLabStrings } from '../../lib/i18n/widgets/boundary-lab';
import { curveRows, formulas, learnerCells, mapTitle } from './rows';

describe('boundary lab table rows (recorded at build time, live in the browser)', () => {
  it('a learner: its features as formulas in the controls’ order, parameters, loss and accuracy', () => {
    const cells = learnerCells({ learner: 'features', features: ['y2', 'x2'], parameterCount: 3, finalLoss: 0.04321, finalAccuracy: 1 });
    expect(cells).toEqual(['features', 'x², y²', '3', '0.0432', '1.0000']);
    expect(formulas(['xy', 'x'])).toBe('x, xy');
  });
  it('the curve: step, each learner’s loss, each learner’s accuracy; empty where one has no evaluation', () => {
    const rows = curveRows({ raw: [{ step: 0, loss: 0.7, accuracy: 0.5 }], mlp: [{ step: 0, loss: 0.69, accuracy: 0.52 }, { step: 20, loss: 0.3, accuracy: 0.9 }] });
    expect(rows).toEqual([
      ['0', '0.7000', '', '0.6900', '0.5000', '', '0.5200'],
      ['20', '', '', '0.3000', '', '', '0.9000'],
    ]);
  });
  it('map titles name what each learner sees, in both languages', () => {
    const settings = { features: ['y2', 'x2'], layers: 2, width: 8 };
    for (const locale of ['zh', 'en'] as const) {
      expect(mapTitle(locale, 'raw', settings)).toBe(boundaryLabStrings[locale]['map.raw']);
      expect(mapTitle(locale, 'features', settings)).toContain('x², y²');
      expect(mapTitle(locale, 'mlp', settings)).toMatch(/2.*8/);
    }
  });
});
