import { describe, expect, it } from 'vitest';
import { analyzeArchitecture } from './analyze';
import { architectureCatalogue } from './catalogue';
import { googlenet } from './models/googlenet';
import { resnet } from './models/resnet';
import { summary } from './summary';

const total = (rows: ReturnType<typeof summary>, key: 'params' | 'bnStats' | 'macs') => rows.reduce((s, r) => s + r[key], 0);

describe('summary(model)', () => {
  it('opens ResNet-18 with the 7×7/2 conv1 row', () => {
    expect(summary(resnet(18))[0]).toEqual({
      name: 'conv1',
      stage: 'conv1',
      block: 'conv1',
      kind: 'conv',
      kernel: 7,
      stride: 2,
      outShape: [112, 112, 64],
      params: 9408,
      bnStats: 0,
      macs: 118_013_952,
      rf: { size: 7, jump: 2 },
      level: 0,
      path: null,
    });
  });

  it('has kernel and stride only for conv and pooling rows', () => {
    const rows = summary(resnet(18));
    const row = (name: string) => rows.find((r) => r.name === name);
    expect(row('conv1_bn')).toMatchObject({ kind: 'bn', kernel: null, stride: null, params: 128, bnStats: 128 });
    expect(row('pool1')).toMatchObject({ kind: 'maxpool', kernel: 3, stride: 2, outShape: [56, 56, 64] });
  });

  it('lists nested layers after their parent with their level and path', () => {
    const rows = summary(resnet(50));
    const i = rows.findIndex((r) => r.name === 'conv3_1_add');
    expect(rows[i]).toMatchObject({ kind: 'residual', params: 0, level: 0, block: 'block 1', stage: 'conv3_x' });
    expect(rows[i + 1]).toMatchObject({ name: 'conv3_1a', level: 1, path: 'residual', stride: 2, kernel: 1 });
    expect(rows.find((r) => r.name === 'conv3_1_proj')).toMatchObject({ level: 1, path: 'shortcut', outShape: [28, 28, 512] });
  });

  it('rows of every catalogue model sum to the analysed totals', () => {
    for (const entry of architectureCatalogue) {
      const report = analyzeArchitecture(entry.build());
      const rows = summary(report);
      expect([total(rows, 'params'), total(rows, 'bnStats'), total(rows, 'macs')], entry.id).toEqual([
        report.totals.params,
        report.totals.bnStats,
        report.totals.macs,
      ]);
    }
  });

  it('with { auxiliary: true } appends GoogLeNet’s heads and sums to withAuxiliary', () => {
    const report = analyzeArchitecture(googlenet());
    const rows = summary(report, { auxiliary: true });
    expect(rows.filter((r) => r.stage === 'auxiliary').map((r) => r.block)).toContain('auxiliary classifier 2');
    expect(total(rows, 'params')).toBe(report.withAuxiliary.params);
    expect(summary(report).some((r) => r.stage === 'auxiliary')).toBe(false);
  });
});
