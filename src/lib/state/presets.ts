import { normalizeState } from './codec';
import { defaults, type StateOf, type WidgetSchema } from './schema';

/**
 * The same schema with other defaults: a widget instance's preset (e.g. the explorer opening on
 * VGG-16 in the VGG chapter and on ResNet-34 in the ResNet chapter). Links still override every
 * field, Reset returns to the preset, and the overrides are validated like a link (an invalid
 * preset value falls back to the schema's own default).
 */
export function withDefaults<S extends WidgetSchema>(schema: S, overrides: Partial<StateOf<S>>): S {
  const state = normalizeState(schema, { ...defaults(schema), ...overrides }) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema.fields)) {
    const value = state[key];
    fields[key] = { ...spec, default: Array.isArray(value) ? [...value] : value };
  }
  return { ...schema, fields } as S;
}
