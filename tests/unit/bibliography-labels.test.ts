/**
 * Citation labels agree with the entries they stand for: the year printed in a label is the
 * entry's year, a letter (2016a/2016b) appears only when the same label base occurs twice, and no
 * two entries share a label. Also pins the two corrections of issue 12: the AlexNet link is the
 * NIPS 2012 paper, not the 2017 reprint; CNNs are traced back to LeCun et al. 1989.
 */
import { describe, expect, it } from 'vitest';
import { bibliography, sourceHref, type Source } from '../../src/data/bibliography';

const entries = Object.entries(bibliography) as [string, Source][];

describe('bibliography labels', () => {
  it('labels are unique', () => {
    const labels = entries.map(([, s]) => s.short);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('the year in a label is the entry’s year', () => {
    for (const [key, s] of entries) {
      const m = s.short.match(/\b(1[89]\d\d|20\d\d)([a-z]?)\b/);
      if (m) expect(Number(m[1]), `${key}: ${s.short}`).toBe(s.year);
    }
  });

  it('a letter after the year appears only when another entry has the same label base, and then both have one', () => {
    const base = (s: Source) => s.short.replace(/(\d{4})[a-z]\b/, '$1');
    for (const [key, s] of entries) {
      const twins = entries.filter(([, t]) => base(t) === base(s));
      const lettered = /\d{4}[a-z]\b/.test(s.short);
      expect(lettered, `${key}: ${s.short}`).toBe(twins.length > 1);
    }
  });

  it('He et al.: ResNet (CVPR 2016) and identity mappings (ECCV 2016) are 2016a/b, “Delving deep” (ICCV 2015) is 2015', () => {
    expect(bibliography.resnet.short).toBe('He et al. 2016a');
    expect(bibliography.preact.short).toBe('He et al. 2016b');
    expect(bibliography.heinit.short).toBe('He et al. 2015');
  });

  it('AlexNet links to the NIPS 2012 paper, not the 2017 CACM reprint', () => {
    expect(sourceHref(bibliography.alexnet)).not.toContain('10.1145/3065386');
    expect(sourceHref(bibliography.alexnet)).toMatch(/nips\.cc/);
    expect(bibliography.alexnet.year).toBe(2012);
  });

  it('LeCun et al. 1989 is there, as cited by VGG §4.5', () => {
    expect(bibliography.lecun1989.year).toBe(1989);
    expect(bibliography.lecun1989.title).toMatch(/Zip Code/);
  });
});
