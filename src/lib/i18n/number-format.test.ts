import { describe, expect, it } from 'vitest';
import { cell, count, fixed, numberFormat, percent, percentSign, plain } from './number-format';

describe('the one number formatter, per locale', () => {
  it('groups counts of 1,000 and more with commas, in both languages', () => {
    expect(count(73728)).toBe('73,728');
    expect(count(964)).toBe('964');
    expect(count(25_557_032)).toBe('25,557,032');
    expect(numberFormat('zh').count(73728)).toBe(numberFormat('en').count(73728));
  });
  it('writes shares as percentages: no space in Chinese, a no-break space in English', () => {
    expect(percent(0.968, 'zh')).toBe('96.8%');
    expect(percent(0.968, 'en')).toBe('96.8\u00a0%');
    expect(percent(0.99996, 'en')).toBe('99.996\u00a0%');
    expect(percentSign(3.57, 'zh')).toBe('3.57%');
  });
  it('keeps tables plain and measured values at fixed decimals', () => {
    expect(plain(73728)).toBe('73728');
    expect(fixed(0.98612, 3)).toBe('0.986');
    expect(fixed(1234.5, 2)).toBe('1,234.50');
  });
  it('writes table cells as machine decimals, and nothing for a value not measured', () => {
    expect(cell.decimals(0.12345)).toBe('0.1235');
    expect(cell.decimals(1234.5, 2)).toBe('1234.50');
    expect(cell.decimals(-0.5, 1)).toBe('-0.5');
    expect(cell.decimals(null)).toBe('');
    expect(cell.decimals(undefined)).toBe('');
    expect(cell.precision(1.2e-7)).toBe('1.200e-7');
    expect(cell.precision(12.3456)).toBe('12.35');
    expect(cell.significant(0.000123456)).toBe('0.0001235');
    expect(cell.significant(2.5)).toBe('2.5');
    expect(cell.significant(Number.NaN)).toBe('');
    expect(cell.rounded(0.30000001)).toBe('0.3');
    expect(numberFormat('zh').cell).toBe(cell);
  });
});
