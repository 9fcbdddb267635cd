import { describe, expect, it } from 'vitest';
import { bibliography } from '../../data/bibliography';
import { analyzeArchitecture } from './analyze';
import { architectureById, architectureCatalogue } from './catalogue';
import { compareWithPublished } from './published-figures';

describe('catalogue', () => {
  it('has unique ids, each equal to the id of the spec it builds', () => {
    const ids = architectureCatalogue.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of architectureCatalogue) expect(entry.build().id).toBe(entry.id);
  });

  it('architectureById(id) builds a catalogue model and returns undefined for an unknown id', () => {
    expect(architectureById('resnet50')?.name).toBe('ResNet-50');
    expect(architectureById('resnet51')).toBeUndefined();
  });

  it('every model analyses without error', () => {
    for (const entry of architectureCatalogue) expect(() => analyzeArchitecture(entry.build()), entry.id).not.toThrow();
  });

  it('agrees with every published figure, except those that document why not', () => {
    for (const entry of architectureCatalogue) {
      const report = analyzeArchitecture(entry.build());
      for (const figure of entry.published) {
        const { agrees, computed } = compareWithPublished(report, figure);
        const label = `${entry.id} ${figure.quantity} ${figure.source}: computed ${computed}, printed ${figure.value}`;
        expect(agrees, label).toBe(figure.discrepancy === undefined);
      }
    }
  });

  it('documents two discrepancies: GoogLeNet’s 6.8 M (Table 1) and VGG-16’s 15.3 G (He et al.)', () => {
    const documented = architectureCatalogue.flatMap((e) => e.published.filter((f) => f.discrepancy).map((f) => `${e.id} ${f.quantity}`));
    expect(documented).toEqual(['vgg16 macs', 'googlenet params']);
  });

  it('cites only keys of the bibliography', () => {
    const keys = new Set(Object.keys(bibliography));
    for (const figure of architectureCatalogue.flatMap((e) => e.published)) {
      if (figure.cite !== undefined) expect(keys.has(figure.cite), figure.cite).toBe(true);
    }
  });
});
