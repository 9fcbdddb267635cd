import { describe, expect, it } from 'vitest';
import { urlNotice } from './url-notice';

const label = (k: string) => ({ depth: 'Depth', lr: 'Learning rate' })[k] ?? k;

describe('urlNotice(corrections, locale)', () => {
  it('is empty when nothing was corrected', () => {
    expect(urlNotice([], 'en', label)).toBe('');
  });

  it('names each corrected setting with the value used, in English and Chinese', () => {
    const c = [
      { key: 'depth', kind: 'clamped' as const, raw: '1000', used: '64' },
      { key: 'zz', kind: 'unknown' as const, raw: '1', used: '' },
    ];
    expect(urlNotice(c, 'en', label)).toBe(
      'Some settings in the link were corrected: Depth “1000” was out of range; 64 is used instead; the unknown parameter zz is ignored.',
    );
    expect(urlNotice(c, 'zh', label)).toBe('链接中的部分设置已更正：Depth 的值“1000”超出范围，已改为 64；未知参数 zz 已忽略。');
  });

  it('typesets Chinese: no space between Chinese words or next to full-width punctuation, one beside Latin', () => {
    const zhLabel = (k: string) => ({ steps: '训练步数', lr: '学习率（Adam）', dataset: '数据集' })[k] ?? k;
    const c = [
      { key: 'steps', kind: 'clamped' as const, raw: '99999', used: '3000' },
      { key: 'lr', kind: 'dropped' as const, raw: 'NaN', used: '0.01' },
      { key: 'dataset', kind: 'dropped' as const, raw: '<script>', used: 'circles' },
    ];
    expect(urlNotice(c, 'zh', zhLabel)).toBe(
      '链接中的部分设置已更正：训练步数的值“99999”超出范围，已改为 3000；学习率（Adam）的值“NaN”无法识别，已使用默认值 0.01；数据集的值“<script>”无法识别，已使用默认值 circles。',
    );
  });
});
