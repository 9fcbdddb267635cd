import { describe, expect, it } from 'vitest';
import { architectureCatalogue } from '../../architectures';
import { parseState } from '../codec';
import { widgetById } from '../registry';
import { architectureExplorerSchema, explorerModels, explorerPresets, presetState } from './architecture-explorer';
import { residualBlockSchema } from './residual-block';

describe('architecture-explorer schema', () => {
  it('offers exactly the catalogue’s models', () => {
    expect([...explorerModels]).toEqual(architectureCatalogue.map((e) => e.id));
  });

  it('is registered on the VGG chapter; residual-block on resnet-principles', () => {
    expect(widgetById('architecture-explorer')?.chapter).toBe('case-studies/vgg');
    expect(widgetById('residual-block')?.chapter).toBe('resnet-principles');
  });

  it('presets use valid values; a model id is a preset too', () => {
    for (const preset of Object.values(explorerPresets)) {
      const params = new URLSearchParams({ w: 'architecture-explorer' });
      for (const [k, v] of Object.entries(preset)) params.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
      expect(parseState(architectureExplorerSchema, params).corrections).toEqual([]);
    }
    expect(presetState('resnet50')).toEqual({ model: 'resnet50' });
    expect(presetState('nonsense')).toEqual({});
    expect(explorerPresets.googlenet).toMatchObject({ view: 'inception', reduce: true });
  });

  it('an unknown model falls back to the default with a correction', () => {
    const r = parseState(architectureExplorerSchema, '?w=architecture-explorer&model=resnet9000&view=diagram');
    expect(r.state.model).toBe('vgg16');
    expect(r.corrections).toEqual([{ key: 'model', kind: 'dropped', raw: 'resnet9000', used: 'vgg16' }]);
  });
});

describe('residual-block schema', () => {
  it('a negative width is clamped to the smallest one, with a correction', () => {
    const r = parseState(residualBlockSchema, '?w=residual-block&width=-64&size=3');
    expect(r.state.width).toBe(16);
    expect(r.state.size).toBe(7);
    expect(r.corrections.map((c) => [c.key, c.kind, c.used])).toEqual([
      ['width', 'clamped', '16'],
      ['size', 'clamped', '7'],
    ]);
  });

  it('widths snap to the stage widths of Table 1', () => {
    expect(parseState(residualBlockSchema, '?w=residual-block&width=100').state.width).toBe(128);
  });
});
