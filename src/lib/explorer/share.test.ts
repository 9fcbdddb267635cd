import { describe, expect, it } from 'vitest';
import { analyzeArchitecture, googlenet, resnet, vgg } from '../architectures';
import { costShare } from './share';

describe('costShare', () => {
  it('VGG-16: 89.4 % of the parameters in the fc layers, fc6 alone 74.3 %, 99 % of the multiply-adds in the convs', () => {
    const s = costShare(vgg(16));
    expect(s.totals.params).toBe(138_357_544);
    expect(s.kinds.fc.params).toBe(102_764_544 + 16_781_312 + 4_097_000);
    expect(s.kinds.fc.paramsShare).toBeCloseTo(0.8936, 4);
    expect(s.largest).toEqual({ name: 'fc6', params: 102_764_544, share: 102_764_544 / 138_357_544 });
    expect(s.kinds.conv.macsShare).toBeGreaterThan(0.99);
    expect(s.stages.map((x) => x.stage)).toEqual(['block 1', 'block 2', 'block 3', 'block 4', 'block 5', 'classifier']);
    // stages 3 and 4 cost the same: half the side, twice the channels
    expect(s.stages[2]!.macs).toBe(s.stages[3]!.macs);
  });

  it('stage shares add up to the totals of analyzeArchitecture', () => {
    for (const spec of [vgg(19), resnet(50), googlenet()]) {
      const report = analyzeArchitecture(spec);
      const s = costShare(report);
      expect(s.stages.reduce((n, x) => n + x.params, 0)).toBe(report.totals.params);
      expect(s.stages.reduce((n, x) => n + x.macs, 0)).toBe(report.totals.macs);
      expect(s.stages.reduce((n, x) => n + x.paramsShare, 0)).toBeCloseTo(1, 10);
    }
  });

  it('with the auxiliary heads, GoogLeNet counts them as one more stage', () => {
    const report = analyzeArchitecture(googlenet());
    const s = costShare(report, { auxiliary: true });
    expect(s.totals.params).toBe(report.withAuxiliary.params);
    expect(s.stages.at(-1)?.stage).toBe('auxiliary');
  });
});
