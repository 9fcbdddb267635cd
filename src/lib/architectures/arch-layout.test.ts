import { describe, expect, it } from 'vitest';
import { analyzeArchitecture, architectureCatalogue, summary } from './index';
import { layoutDiagram, type Chip } from './arch-layout';
import { diagramStages, walkLayers } from './diagram-stages';

const labels = (l: { kind: string; kernel: number | null; units: number | null }) =>
  l.kind === 'conv' ? [`${l.kernel}×${l.kernel} conv, ${l.units}`, `${l.kernel}×${l.kernel}`] : [l.kind];

const overlap = (a: Chip, b: Chip) => a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;

describe('architecture diagram layout', () => {
  const models = architectureCatalogue.filter((e) => e.id !== 'cifar-resnet1202');

  it.each(models.map((e) => e.id))('%s: every table row is one chip, stage by stage, in walk order', (id) => {
    const report = analyzeArchitecture(architectureCatalogue.find((e) => e.id === id)!.build());
    for (const aux of [false, true]) {
      const stages = diagramStages(report, aux);
      const rows = summary(report, { auxiliary: aux });
      let chips = 0;
      stages.forEach((stage, i) => {
        const layout = layoutDiagram(stages, { width: 600, expanded: i, labels });
        const expanded = layout.stages[i]!;
        const names = expanded.blocks.flatMap((b) => b.chips.map((c) => c.layer.name));
        expect(names).toEqual(stage.blocks.flatMap((b) => walkLayers(b.layers).map((l) => l.name)));
        expect(new Set(names).size).toBe(names.length);
        chips += names.length;
        // Only the expanded stage has content.
        expect(layout.stages.filter((s) => s.blocks.length > 0)).toHaveLength(1);
      });
      expect(chips).toBe(rows.length);
      expect(new Set(rows.map((r) => r.name))).toEqual(new Set(stages.flatMap((s) => s.blocks.flatMap((b) => walkLayers(b.layers).map((l) => l.name)))));
    }
  });

  it('chips of a block never overlap, and fit a 320 px phone column when there is room', () => {
    for (const id of ['vgg16', 'googlenet', 'resnet50', 'resnet34-a', 'alexnet']) {
      const report = analyzeArchitecture(architectureCatalogue.find((e) => e.id === id)!.build());
      const stages = diagramStages(report, true);
      stages.forEach((_, i) => {
        const layout = layoutDiagram(stages, { width: 320, expanded: i, labels });
        expect(layout.width).toBeLessThanOrEqual(320);
        for (const block of layout.stages[i]!.blocks) {
          const chips = block.chips;
          for (let a = 0; a < chips.length; a++) for (let b = a + 1; b < chips.length; b++) expect(overlap(chips[a]!, chips[b]!)).toBe(false);
        }
      });
    }
  });

  it('a label is used only if it fits its chip; stage rows stack without overlap', () => {
    const report = analyzeArchitecture(architectureCatalogue.find((e) => e.id === 'resnet50')!.build());
    const stages = diagramStages(report, false);
    const layout = layoutDiagram(stages, { width: 360, expanded: 2, labels });
    const chips = layout.stages[2]!.blocks.flatMap((b) => b.chips);
    for (const c of chips) if (c.label) expect(c.label.length * 6.9).toBeLessThanOrEqual(c.w);
    expect(chips.some((c) => c.label === '1×1')).toBe(true);
    for (let i = 1; i < layout.stages.length; i++) expect(layout.stages[i]!.y).toBeGreaterThanOrEqual(layout.stages[i - 1]!.y + layout.stages[i - 1]!.height);
    // residual units become adders, identity shortcuts identity edges
    expect(chips.filter((c) => c.shape === 'add')).toHaveLength(4);
    expect(layout.stages[2]!.blocks.flatMap((b) => b.edges).filter((e) => e.kind === 'identity')).toHaveLength(3);
  });

  it('VGG stages are “simple” (one layer per block): counted in layers, not blocks', () => {
    const report = analyzeArchitecture(architectureCatalogue.find((e) => e.id === 'vgg16')!.build());
    const layout = layoutDiagram(diagramStages(report, false), { width: 600, expanded: -1, labels });
    expect(layout.stages[0]).toMatchObject({ simple: true, counts: { conv: 2, fc: 0, pool: 1 } });
    expect(layout.stages[5]).toMatchObject({ simple: true, counts: { conv: 0, fc: 3, pool: 0 } });
  });
});
