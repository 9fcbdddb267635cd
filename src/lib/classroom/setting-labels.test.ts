import { describe, expect, it } from 'vitest';
import { widgets } from '../state/registry';
import { defaults } from '../state/schema';
import { listNames, settingName, settingValue, valueName } from './setting-labels';

const cjk = /[\u4e00-\u9fff]/;

describe('setting labels: every setting and every allowed value, in both languages', () => {
  for (const w of widgets) {
    it(`${w.id}: each setting has a name in Chinese and in English`, () => {
      for (const key of Object.keys(w.schema.fields)) {
        const zh = settingName(w.id, key, 'zh');
        const en = settingName(w.id, key, 'en');
        expect(zh, `${w.id}.${key} (zh)`).toMatch(cjk);
        expect(en.length, `${w.id}.${key} (en)`).toBeGreaterThan(1);
        expect(en, `${w.id}.${key} (en) is the machine key`).not.toBe(key);
      }
    });
    it(`${w.id}: each allowed value of a choice has a name in both languages`, () => {
      for (const [key, spec] of Object.entries(w.schema.fields)) {
        if (spec.kind !== 'enum' && spec.kind !== 'set') continue;
        for (const v of spec.values) {
          for (const locale of ['zh', 'en'] as const) {
            const name = valueName(w.id, key, v, locale);
            expect(name.trim(), `${w.id}.${key}=${v} (${locale})`).not.toBe('');
          }
        }
      }
    });
    it(`${w.id}: the default state reads as text in both languages`, () => {
      const state = defaults(w.schema) as Record<string, unknown>;
      for (const key of Object.keys(w.schema.fields)) {
        for (const locale of ['zh', 'en'] as const) expect(settingValue(w.id, key, state[key], locale).trim()).not.toBe('');
      }
    });
  }

  it('says the degradation lab’s values in the reader’s language, never as machine keys', () => {
    expect(settingName('degradation-lab', 'depth', 'zh')).toContain('深度');
    expect(settingValue('degradation-lab', 'optimizer', 'adam', 'zh')).toBe('Adam');
    expect(settingValue('degradation-lab', 'dataset', 'spiral', 'zh')).toBe('三臂螺旋');
    expect(settingValue('degradation-lab', 'arch', ['plain', 'residual'], 'zh')).toBe('普通网络、残差网络');
    expect(settingValue('degradation-lab', 'arch', ['plain', 'residual'], 'en')).toBe('plain, residual');
    expect(settingValue('degradation-lab', 'mode', 'single', 'zh')).toBe('单一深度');
    expect(settingValue('degradation-lab', 'bn', true, 'zh')).toBe('开');
    expect(settingValue('degradation-lab', 'bn', false, 'en')).toBe('off');
    expect(settingValue('degradation-lab', 'lr', 0.001, 'en')).toBe('0.001');
    expect(settingValue('architecture-explorer', 'model', 'vgg16', 'zh')).toBe('VGG-16');
    expect(settingValue('architecture-explorer', 'compare', 'none', 'zh')).toBe('无');
    expect(settingValue('architecture-explorer', 'layer', '', 'en')).toBe('none');
    expect(settingValue('conv-explorer', 'weights', [1, 0, -1], 'zh')).toBe('1, 0, -1');
    expect(listNames(['a', 'b'], 'zh')).toBe('a、b');
  });
});
