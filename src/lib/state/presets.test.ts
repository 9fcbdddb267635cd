import { describe, expect, it } from 'vitest';
import { parseState, serializeState } from './codec';
import { withDefaults } from './presets';
import { defaults } from './schema';
import { architectureExplorerSchema } from './schemas/architecture-explorer';

describe('withDefaults (a widget instance’s preset)', () => {
  const resnetPage = withDefaults(architectureExplorerSchema, { model: 'resnet34-a', compare: 'plain34', stage: 2 });

  it('changes only the defaults; id, version and ranges stay', () => {
    expect(resnetPage.id).toBe(architectureExplorerSchema.id);
    expect(resnetPage.version).toBe(architectureExplorerSchema.version);
    expect(defaults(resnetPage)).toMatchObject({ model: 'resnet34-a', compare: 'plain34', stage: 2, view: 'diagram' });
    expect(resnetPage.fields.model.values).toEqual(architectureExplorerSchema.fields.model.values);
    expect(defaults(architectureExplorerSchema).model).toBe('vgg16');
  });

  it('a link overrides the preset, field by field', () => {
    const { state } = parseState(resnetPage, '?w=architecture-explorer&model=resnet50');
    expect(state).toMatchObject({ model: 'resnet50', compare: 'plain34', stage: 2 });
  });

  it('a bad link value falls back to the preset, with a correction', () => {
    const { state, corrections } = parseState(resnetPage, '?w=architecture-explorer&model=resnet9000&stage=-5');
    expect(state.model).toBe('resnet34-a');
    expect(state.stage).toBe(-1);
    expect(corrections.map((c) => [c.key, c.kind])).toEqual([
      ['model', 'dropped'],
      ['stage', 'clamped'],
    ]);
  });

  it('an invalid preset value is ignored (the schema default is kept)', () => {
    const s = withDefaults(architectureExplorerSchema, { model: 'nonsense' as never, stage: 99 });
    expect(defaults(s).model).toBe('vgg16');
    expect(defaults(s).stage).toBe(6);
    expect(serializeState(s, defaults(s)).get('model')).toBe('vgg16');
  });
});
