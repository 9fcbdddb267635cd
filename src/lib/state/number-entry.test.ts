import { describe, expect, it } from 'vitest';
import { fieldText, normalizeDigits, readEntry, settled, type NumberSpec } from './number-entry';

const lr: NumberSpec = { kind: 'float', min: 1e-4, max: 10, default: 1e-3, digits: 3 };
const steps: NumberSpec = { kind: 'int', min: 50, max: 3000, default: 400 };
const seed: NumberSpec = { kind: 'int', min: 0, max: 9999, default: 0 };
const width: NumberSpec = { kind: 'int', min: 8, max: 64, default: 32, allowed: [8, 16, 32, 64] };
const cell: NumberSpec = { kind: 'float', min: -10, max: 10, default: 0, digits: 3 };

describe('readEntry: what a typed text stands for', () => {
  it('takes numbers as links do, and says why the value used differs', () => {
    expect(readEntry(lr, '0.01')).toEqual({ kind: 'number', typed: 0.01, value: 0.01 });
    expect(readEntry(lr, '1e-3')).toEqual({ kind: 'number', typed: 0.001, value: 0.001 });
    expect(readEntry(lr, '-5')).toEqual({ kind: 'number', typed: -5, value: 1e-4, adjusted: 'min' });
    expect(readEntry(lr, '1e9')).toEqual({ kind: 'number', typed: 1e9, value: 10, adjusted: 'max' });
    expect(readEntry(lr, '0.012345')).toEqual({ kind: 'number', typed: 0.012345, value: 0.0123, adjusted: 'digits' });
    expect(readEntry(steps, '250.4')).toEqual({ kind: 'number', typed: 250.4, value: 250, adjusted: 'integer' });
    expect(readEntry(width, '20')).toEqual({ kind: 'number', typed: 20, value: 16, adjusted: 'allowed' });
  });
  it('tells empty, half-typed and impossible text apart', () => {
    expect(readEntry(steps, '  ')).toEqual({ kind: 'empty' });
    for (const t of ['-', '.', '1e', '1e-', '+']) expect(readEntry(cell, t).kind).toBe('partial');
    for (const t of ['abc', '1.2.3', '1-2', '0x10', '1,5']) expect(readEntry(cell, t).kind).toBe('invalid');
  });
  it('reads full-width digits, the ideographic full stop and thousands separators', () => {
    expect(normalizeDigits('０。０１')).toBe('0.01');
    expect(readEntry(lr, '０．００５')).toMatchObject({ kind: 'number', value: 0.005 });
    expect(readEntry(steps, '1,000')).toMatchObject({ kind: 'number', value: 1000 });
    expect(readEntry(seed, '－５')).toMatchObject({ kind: 'number', typed: -5, value: 0, adjusted: 'min' });
  });
});

describe('settled: may a pause in typing apply the text?', () => {
  it('waits while the reader is mid-number', () => {
    // every prefix of what the issue typed: 0.01, 200, 0.005, 250
    for (const t of ['0', '0.', '0.0', '0.00']) expect(settled(lr, t), t).toBe(false);
    for (const t of ['2', '20', '25']) expect(settled(steps, t), t).toBe(false);
    for (const t of ['', '-', '1e', '1e-', '.']) expect(settled(lr, t), t).toBe(false);
  });
  it('applies complete numbers, and out-of-range ones that more digits cannot mend', () => {
    for (const t of ['0.01', '0.005', '200', '250']) expect(settled(t.includes('.') ? lr : steps, t), t).toBe(true);
    expect(settled(seed, '-5')).toBe(true);
    expect(settled(steps, '5000')).toBe(true);
    expect(settled(lr, '0.00001')).toBe(true);
    expect(settled(lr, '1e9')).toBe(true);
  });
});

describe('fieldText: the value as the field shows it', () => {
  it('is the plain decimal a link carries', () => {
    expect(fieldText(lr, 0.0001)).toBe('0.0001');
    expect(fieldText(lr, 0.012345)).toBe('0.0123');
    expect(fieldText(steps, 400)).toBe('400');
  });
});
