import { describe, expect, it } from 'vitest';
import { grouped, percent, shape, short, sig3 } from './format';

describe('format', () => {
  it('groups thousands, keeps three significant figures, shortens with units', () => {
    expect(grouped(25_557_032)).toBe('25,557,032');
    expect(grouped(964)).toBe('964');
    expect(sig3(15_470_264_320 / 1e9)).toBe('15.5');
    expect(sig3(0.724406816)).toBe('0.724');
    expect(short(138_357_544)).toBe('138\u00a0M');
    expect(short(3_857_973_248)).toBe('3.86\u00a0G');
    expect(short(73_728)).toBe('73.7\u00a0K');
    expect(shape([7, 7, 512])).toBe('7×7×512');
  });

  it('percentages keep enough decimals not to round a small share to 0 or a large one to 100', () => {
    expect(percent(0.7427, 'en')).toBe('74.3\u00a0%');
    expect(percent(0.7427, 'zh')).toBe('74.3%');
    expect(percent(0.00014, 'en')).toBe('0.01\u00a0%');
    expect(percent(0.99986, 'en')).toBe('99.99\u00a0%');
    expect(percent(0, 'en')).toBe('0.0\u00a0%');
    expect(percent(1, 'en')).toBe('100.0\u00a0%');
  });
});
