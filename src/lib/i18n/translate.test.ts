import { describe, expect, it } from 'vitest';
import { fill, translator } from './translate';

describe('fill(template, values)', () => {
  it('puts values into {name} placeholders, numbers as written', () => {
    expect(fill('约剩 {s} 秒', { s: 3 })).toBe('约剩 3 秒');
    expect(fill('{a} vs {b}: {a}', { a: 'plain', b: 0.5 })).toBe('plain vs 0.5: plain');
  });
  it('leaves a placeholder without a value as it is, and other braces alone', () => {
    expect(fill('{n} blocks, {missing}', { n: 3 })).toBe('3 blocks, {missing}');
    expect(fill('f(x) = {x + 1}', { x: 2 })).toBe('f(x) = {x + 1}');
  });
});

describe('translator(strings, locale)', () => {
  it('binds a string table to a language', () => {
    const strings = { en: { eta: 'about {s} s left' }, zh: { eta: '约剩 {s} 秒' } };
    expect(translator(strings, 'zh')('eta', { s: 4 })).toBe('约剩 4 秒');
    expect(translator(strings, 'en')('eta', { s: 4 })).toBe('about 4 s left');
  });
});
